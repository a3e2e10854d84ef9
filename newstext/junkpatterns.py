"""Language-neutral patterns and shape tests shared by the junk rules, compiled once.

Nothing here names a word of any language: the words live in ``newstext/data/lang/*.toml`` and are
compiled by :mod:`newstext.junkdata`. What is here is shape: how an editor's initials, a
copyright line, a URL line or a headline look, whatever the language.

Every pattern is linear: bounded repeats, no quantifier nested in another, no back-references, so
a hostile line of a megabyte costs one pass.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = [
    "CAPS_CREDIT",
    "CONTACT_SIGNAL",
    "COPYRIGHT_LINE",
    "COPYRIGHT_TAIL",
    "ELLIPSIS_TAIL",
    "INITIALS_LINE",
    "INITIALS_TAIL",
    "PIPE_LINE",
    "PUNCT_LINE",
    "SCRIPT_LINE",
    "STAMP",
    "TEASER_LINE",
    "URL_LINE",
    "is_headline",
    "is_stamp_line",
    "is_title_case",
    "phrase_regex",
]

_FLAGS = regex.MULTILINE | regex.VERSION0

#: A line that is nothing but an editor's or wire desk's initials: "(fbr/wes)", "(kpl/khs)",
#: "aja/PAP". Lower-case first part of 2-5 letters, one to three more parts after slashes.
INITIALS_LINE = regex.compile(
    r"^[^\S\n]{0,8}[(\[]?(?P<v>[a-z]{2,5}(?:/[A-Za-z]{2,6}){1,3})[)\]]?[^\S\n]{0,8}$", _FLAGS
)

#: The same initials glued after the last sentence of a paragraph: "... mereka. (kpl/khs)".
INITIALS_TAIL = regex.compile(
    # every block after the first ("(fbr/wes) (fbr/wes)") goes in the same pass, so a second
    # clean() finds nothing left to remove; a ")" that closes a block of initials is not the end
    # of a sentence, so a run of blocks is tried from its first block only (linear in its length)
    r"(?:(?<=[.!?\"”’])|(?<=(?<!\([a-z]{2,5}(?:/[a-z]{2,5}){1,3})\)))"
    r"[^\S\n]{1,8}\((?P<v>[a-z]{2,5}(?:/[a-z]{2,5}){1,3})\)"
    r"(?:[^\S\n]{1,8}\([a-z]{2,5}(?:/[a-z]{2,5}){1,3}\))*[^\S\n]{0,8}$",
    _FLAGS,
)

#: A line that starts with a copyright sign: "© AFP / John Doe", "© 2020 General Mills" (how long
#: it may be is checked on its value with white space folded, as a second clean() reads it).
COPYRIGHT_LINE = regex.compile(r"(?<=^[^\S\n]*)©[^\S\n]*+(?P<v>[^\n]+)$", _FLAGS)

#: A copyright credit glued to the end of a caption: "Marco Odermatt. © AFP / MARCO BERTORELLO" (any
#: white space around the sign: normalize_whitespace folds it to one space, and a second clean()
#: would then find the credit; the value's length is checked with its white space folded).
COPYRIGHT_TAIL = regex.compile(r"(?<=\S)[^\S\n]*+©[^\S\n]*+(?P<v>[^\n©]+)$", _FLAGS)

#: A line that holds one URL and at most some punctuation around it.
URL_LINE = regex.compile(
    r"^[^\S\n]{0,8}[(\[<]?(?:https?://|www\.)[^\s]{1,2000}[)\]>.,;:]?[^\S\n]{0,8}$", _FLAGS
)

#: An e-mail address (also written "presse(at)example.de"), a web address or a phone number
#: ("+49 (0)40 / 49 07 11 05", "0228-999582-5777", "501-601-0315"; a date is not one): what makes
#: a line part of a contact block.
CONTACT_SIGNAL = regex.compile(
    r"[\w.+-]{1,64}(?:@|\(at\)|\[at\])[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
    r"|(?:https?://|www\.)\S{2,200}"
    r"|(?<![\w.])(?:\+[^\S\n]?\d|\(?0)[\d ()/–-]{5,24}\d"
    r"|(?<![\w.])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w.])",
    _FLAGS,
)

#: A link teaser set between arrows: ">> Wegen Corona: Lokal muss schließen <<", ">>> Jetzt die
#: aktuelle Ausgabe bestellen! <<<". Story text is never framed so.
TEASER_LINE = regex.compile(
    r"^[^\S\n]{0,8}(?:>{2,3}|»{2,3})[^\S\n]{0,3}(?P<v>[^\n<>«»]{3,250}?)[^\S\n]{0,3}(?:<{2,3}|«{2,3})[^\S\n]{0,8}$",
    _FLAGS,
)

#: A line that holds nothing but punctuation (".", "-", "*"), left over where a promo was cut.
PUNCT_LINE = regex.compile(r"^[^\S\n]{0,8}[^\w\s]{1,4}[^\S\n]{0,8}$", _FLAGS)

#: Ad and tracking script left in the text by an extractor: the names of the ad and analytics
#: libraries, not code in general (a programming article's code stays).
SCRIPT_LINE = regex.compile(
    r"^[^\S\n]{0,40}(?:\(adsbygoogle\b|googletag\.|window\.dataLayer\b|dataLayer\.push\(|gtag\(|fbq\("
    r"|_gaq\.push\(|__tcfapi\(|document\.write\(|var[^\S\n]{1,4}googletag\b|window\.__\w{1,40}[^\S\n]{0,3}="
    r"|jQuery\(document\)\.ready\(|\$\(document\)\.ready\()[^\n]{0,2000}$",
    _FLAGS,
)

#: "[…]", "[...]" or "(…)" that ends a feed summary.
ELLIPSIS_TAIL = regex.compile(r"[^\S\n]{0,3}[\[(](?:…|\.\.\.)[\])]\s{0,8}\Z")

#: One line of a film's or video's end credits: an upper-case role, then a name in mixed case:
#: "DIRECTOR & PRODUCER Ariane Wu", "MUSIC COMPOSER Jason Kick".
CAPS_CREDIT = regex.compile(
    r"^[^\S\n]{0,8}(?:(?:&|\p{Lu}[\p{Lu}&/.,'-]{1,30})[^\S\n]{1,3}){1,8}(?:\p{Lu}\p{Ll}|\"|“|©)[^\n]{0,200}$"
    r"|^[^\S\n]{0,8}\p{Lu}[\p{Lu}&/.,'-]{2,30}(?:[^\S\n]{1,3}\p{Lu}[\p{Lu}&/.,'-]{1,30}){0,6}[^\S\n]{0,8}$",
    _FLAGS,
)

#: A line of page furniture cut into short parts by " | " (not a table row, which starts with "|"):
#: "January 13, 2020 at 08:45 AM | categories: Python | View Comments", "2021-10-16 | Botschaft".
PIPE_LINE = regex.compile(r"^(?!\s{0,8}\|)[^\n|]{1,80}(?:[^\S\n]\|[^\S\n][^\n|]{1,80}){1,5}$", _FLAGS)

#: A date, a time or a file size: what marks a " | " line as a stamp rather than prose.
STAMP = regex.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?(?!\d)"
    r"|\b\d{1,4}(?:[.,]\d{1,3})?[^\S\n]?[KMG]B\b|\b(?:19|20)\d{2}\b"
)

# a trie of characters: "" marks the end of a phrase
_Trie = dict[str, "_Trie"]

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*")
_CASED = regex.compile(r"\p{Lu}|\p{Ll}")


#: Greek vowels with a tonos or a dialytika, by the plain vowel: Greek drops the accents in
#: capitals ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ" is "Διαβάστε επίσης"), so a label's vowel matches with or without them.
GREEK_ACCENTS = {"α": "ά", "ε": "έ", "η": "ή", "ι": "ίϊΐ", "ο": "ό", "υ": "ύϋΰ", "ω": "ώ"}
_GREEK_PLAIN = {accented: plain for plain, marks in GREEK_ACCENTS.items() for accented in marks}


def phrase_regex(phrases: Iterable[str]) -> str:
    """A regex source that matches any of ``phrases``, built as a trie so it runs fast.

    White space inside a phrase matches any run of spaces or tabs (not a line break); a Greek
    vowel matches with or without its accent (:data:`GREEK_ACCENTS`); every other character
    matches itself. The empty phrase is ignored; no phrases give a pattern that never matches.
    """
    trie: _Trie = {}
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        node = trie
        for ch in " ".join(words):
            low = ch.lower()
            key = low if len(low) == 1 else ch  # patterns run case-insensitively
            key = _GREEK_PLAIN.get(key, key)
            node = node.setdefault(key, {})
        node[""] = {}
    if not trie:
        return r"(?!)"
    return _trie_source(trie)


def _trie_source(node: _Trie) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if ch == " ":
            atom = r"[^\S\n]{1,4}"
        elif ch in GREEK_ACCENTS:
            atom = f"[{ch}{GREEK_ACCENTS[ch]}]"
        else:
            atom = regex.escape(ch)
        branches.append(atom + _trie_source(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


#: What ends a sentence or a clause, never a headline.
_CLAUSE_ENDS = ".,;:。，；：।॥۔"


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_headline(text: str, *, max_chars: int = 250, max_words: int = 35) -> bool:
    """True when ``text`` (one line) has the shape of a headline, in any language.

    A headline is short, holds at least two words (or, in a script without spaces, a few
    characters), does not start with a lower-case letter and does not end like a sentence or a
    clause (``.`` ``,`` ``;`` ``:``, the CJK full stop and comma, the danda ``।`` ``॥`` of Hindi
    and Bengali, the Urdu full stop ``۔``); ``?``, ``!``, a quote or a bracket may end it.
    """
    s = text.strip()
    if not s or len(s) > max_chars:
        return False
    if s[-1] in _CLAUSE_ENDS and not s.endswith(("...", "…")):
        return False
    words = _words(s)
    if len(words) > max_words:
        return False
    first = next((ch for ch in s if ch.isalpha()), "")
    if not first:
        return False
    if first.islower():
        return False
    if len(words) < 2:
        # a script without spaces writes a headline as one long "word"
        return len(s) >= 6 and not _CASED.search(s)
    return True


def is_title_case(text: str, *, ratio: float = 0.5) -> bool:
    """True when most of the longer words of ``text`` start with a capital (a headline's style).

    Words of three letters or fewer are not counted ("di", "and", "der"). A text in a script
    without case passes.
    """
    words = [w for w in _words(text) if len(w) >= 4 and any(ch.isalpha() for ch in w)]
    cased = [w for w in words if _CASED.match(w)]
    if not cased:
        return True
    upper = sum(1 for w in cased if w[0].isupper())
    return upper / len(cased) >= ratio


def is_stamp_line(line: str) -> bool:
    """True for a short " | " line that carries a date, a time or a file size and no sentence.

    "January 13, 2020 at 08:45 AM | categories: Python | View Comments", "2021-10-16 | Botschaft",
    "Title | Section | DW | 23.05.2011". A table row (it starts with "|") is not one.
    """
    s = line.strip()
    if len(s) > 220 or s.startswith("|"):
        return False
    parts = [p.strip() for p in s.split(" | ")]
    if len(parts) < 2 or any(not p or p[-1] in ".!?" for p in parts):
        return False
    if not STAMP.search(s):
        return False
    return any(not any(ch.isdigit() for ch in p) for p in parts)
