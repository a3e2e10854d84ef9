"""Invisible and look-alike characters: controls, bidi controls, zero-width characters, space
variants and line separators. Each is a rule of its own (docs/rules/characters.md).

Every rule here maps single characters (or ``\\r\\n``). The fast path (``apply``) looks for each
character with ``in`` (a memchr-fast scan) and replaces only those present, which gives exactly the
text the edits give; all rules are idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

import regex

from newstext.context import Context
from newstext.edits import Edit
from newstext.pipeline import Cleaner

__all__ = [
    "BIDI_CONTROLS",
    "CONTROL_CHARS",
    "INVISIBLE_CHARS",
    "LINE_BREAKS",
    "REMOVED_CHARS",
    "SPACE_CHARS",
    "NormalizeLineBreaks",
    "NormalizeSpaces",
    "RemoveBidiControls",
    "RemoveControlChars",
    "RemoveInvisible",
    "normalize_line_breaks",
    "normalize_spaces",
    "remove_bidi_controls",
    "remove_control_chars",
    "remove_invisible",
    "special_chars",
]


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _label(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: how a note names a character."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control')}"


@dataclass(frozen=True)
class _CharMap(Cleaner):
    """A rule that replaces (or removes) single characters: one edit per run of them.

    Subclasses set ``table`` (character -> replacement) and ``pattern`` (one or more of them).
    """

    table: ClassVar[Mapping[str, str]] = {}
    pattern: ClassVar[re.Pattern[str]] = re.compile("(?!)")
    _ascii: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__()
        cls._ascii = any(c.isascii() for c in cls.table)

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if text.isascii() and not self._ascii:
            return
        if self.table.keys().isdisjoint(special_chars(text, ctx)):
            return
        table = self.table
        for m in self.pattern.finditer(text):
            before = m.group()
            after = "".join(table[c] for c in before)
            labels = dict.fromkeys(_label(c) for c in before)
            yield Edit(self.name, m.start(), m.end(), before, after, ", ".join(labels))

    def apply(self, text: str, ctx: Context) -> str:
        if text.isascii() and not self._ascii:
            return text
        if self.table.keys().isdisjoint(special_chars(text, ctx)):
            return text
        # `c in text` is a memchr-fast scan: far cheaper than one regex or str.translate over the
        # text, and most texts hold none of these characters
        for char, replacement in self.table.items():
            if char in text:
                text = text.replace(char, replacement)
        return text


# --------------------------------------------------------------------------------------------------
# remove_control_chars
# --------------------------------------------------------------------------------------------------

#: C0 controls, DEL and C1 controls. Kept: TAB and LF (white space), CR, VT, FF and NEL (line
#: breaks, for ``normalize_line_breaks``). C1 controls that are mojibake of Windows-1252 have been
#: turned into their characters by ``fix_mojibake`` before this rule runs.
CONTROL_CHARS: frozenset[str] = frozenset(
    chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n\r\x0b\x0c\x85"
)


@dataclass(frozen=True)
class RemoveControlChars(_CharMap):
    """Remove C0 and C1 control characters (NUL, BEL, ESC, U+0080-U+009F ...).

    On by default: control characters are never part of an article's text; they come from broken
    conversions and can break downstream tools. Tabs and line breaks are white space and stay.
    """

    name: ClassVar[str] = "remove_control_chars"
    table: ClassVar[Mapping[str, str]] = dict.fromkeys(CONTROL_CHARS, "")
    pattern: ClassVar[re.Pattern[str]] = re.compile(_char_class(CONTROL_CHARS) + "+")


remove_control_chars = RemoveControlChars()

# --------------------------------------------------------------------------------------------------
# remove_bidi_controls
# --------------------------------------------------------------------------------------------------

#: Bidirectional formatting characters: ALM, LRM, RLM, the embeddings and overrides (LRE, RLE,
#: PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI).
BIDI_CONTROLS: frozenset[str] = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@dataclass(frozen=True)
class RemoveBidiControls(_CharMap):
    """Remove bidirectional control characters (LRM, RLM, the embeddings, overrides and isolates).

    On by default: they are invisible, change nothing in the words, and can disguise text (an RLO
    makes "exe.txt" display as "txt.exe"). Right-to-left text displays correctly without them:
    the Unicode bidi algorithm orders Arabic, Hebrew and Persian by the letters themselves.
    """

    name: ClassVar[str] = "remove_bidi_controls"
    table: ClassVar[Mapping[str, str]] = dict.fromkeys(BIDI_CONTROLS, "")
    pattern: ClassVar[re.Pattern[str]] = re.compile(_char_class(BIDI_CONTROLS) + "+")


remove_bidi_controls = RemoveBidiControls()

# --------------------------------------------------------------------------------------------------
# remove_invisible
# --------------------------------------------------------------------------------------------------

#: Invisible characters removed everywhere: zero-width space, word joiner, the BOM (zero-width
#: no-break space), the soft hyphen, invisible math operators, deprecated format characters,
#: interlinear annotation marks and the object replacement character.
INVISIBLE_CHARS: frozenset[str] = frozenset(
    "\u00ad\u200b\u2060\u2061\u2062\u2063\u2064"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\ufff9\ufffa\ufffb\ufffc"
)
_JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: kept where they join (see RemoveInvisible)
_INVISIBLE_RE = re.compile(_char_class(INVISIBLE_CHARS) + "+")
# A joiner is stray unless it stands between two characters that can be joined: letters and marks
# (Persian, Indic scripts, Sinhala, German ligature control) or emoji and their modifiers.
_JOINABLE = r"[\p{L}\p{M}\p{So}\p{Sk}\uFE0F\U0001F3FB-\U0001F3FF]"


# (the `regex` module, for its \p{...} classes)
_STRAY_JOINER_RE = regex.compile(rf"[{_JOINERS}](?!(?<={_JOINABLE}[{_JOINERS}])(?={_JOINABLE}))")
_TRANSLATE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))


@dataclass(frozen=True)
class RemoveInvisible(Cleaner):
    """Remove zero-width and other invisible characters, soft hyphens and BOMs.

    On by default: they split words for search and tokenisers ("Ja\\u200bkarta" is not "Jakarta")
    and carry nothing in plain text. ZWJ and ZWNJ are kept where they join two letters, marks or
    emoji, because there they are spelling: Persian "می‌خواهم", Hindi and Bengali conjuncts, emoji
    sequences like 👨‍👩‍👧. A ZWJ or ZWNJ anywhere else (next to a space, at a line's edge, doubled)
    is stray and goes.
    """

    name: ClassVar[str] = "remove_invisible"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if text.isascii() or special_chars(text, ctx).isdisjoint(_INVISIBLE_OR_JOINERS):
            return []
        found = [
            Edit(
                self.name, m.start(), m.end(), m.group(), "", ", ".join(dict.fromkeys(map(_label, m.group())))
            )
            for m in _INVISIBLE_RE.finditer(text)
        ]
        stripped = text.translate(_TRANSLATE_INVISIBLE) if found else text
        if "\u200c" in stripped or "\u200d" in stripped:
            # joiners are judged on the text without the other invisible characters, so that
            # "a\u00ad\u200db" and "a\u200db" come out alike and the rule is idempotent
            kept = [i for i, c in enumerate(text) if c not in INVISIBLE_CHARS]
            for m in _STRAY_JOINER_RE.finditer(stripped):
                pos = kept[m.start()]
                found.append(Edit(self.name, pos, pos + 1, text[pos], "", _label(text[pos]) + " (stray)"))
        return found

    def apply(self, text: str, ctx: Context) -> str:
        if text.isascii() or special_chars(text, ctx).isdisjoint(_INVISIBLE_OR_JOINERS):
            return text
        for char in INVISIBLE_CHARS:
            if char in text:
                text = text.replace(char, "")
        if "\u200c" in text or "\u200d" in text:
            text = _STRAY_JOINER_RE.sub("", text)
        return text


remove_invisible = RemoveInvisible()

# --------------------------------------------------------------------------------------------------
# normalize_spaces
# --------------------------------------------------------------------------------------------------

#: Space characters other than U+0020: no-break spaces, the typographic spaces of U+2000-U+200A,
#: the narrow no-break space, the medium mathematical space, the ideographic space, the Ogham
#: space mark. (TAB, LF and the line separators are white space of another kind.)
SPACE_CHARS: frozenset[str] = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


@dataclass(frozen=True)
class NormalizeSpaces(_CharMap):
    """Replace every space variant (NBSP, thin, em, narrow no-break, ideographic ...) with " ".

    On by default: a no-break space looks like a space but is not one to ``str.split`` users,
    regexes with a literal " ", or tokenisers; web text is full of them (``&nbsp;``). With
    ``quotes="typographic"`` the French narrow no-break space inside « » is put back by
    ``normalize_quotes``.
    """

    name: ClassVar[str] = "normalize_spaces"
    # every edit puts white space for white space, which the guard does not count: it never holds
    # this rule back, so the pipeline takes the fast path (``apply``, which gives the edits' text)
    guarded: ClassVar[bool] = False
    table: ClassVar[Mapping[str, str]] = dict.fromkeys(SPACE_CHARS, " ")
    pattern: ClassVar[re.Pattern[str]] = re.compile(_char_class(SPACE_CHARS) + "+")


normalize_spaces = NormalizeSpaces()

# --------------------------------------------------------------------------------------------------
# normalize_line_breaks
# --------------------------------------------------------------------------------------------------

#: Line breaks other than LF and what each becomes. A paragraph separator is a paragraph break.
LINE_BREAKS: Mapping[str, str] = {
    "\r\n": "\n",
    "\r": "\n",
    "\x0b": "\n",  # vertical tab
    "\x0c": "\n",  # form feed
    "\x85": "\n",  # NEL, next line
    "\u2028": "\n",  # LINE SEPARATOR
    "\u2029": "\n\n",  # PARAGRAPH SEPARATOR
}
_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_LINE_BREAK_NOTES = {
    "\r\n": "CRLF",
    "\r": "CR",
    "\x0b": "VT",
    "\x0c": "FF",
    "\x85": "NEL",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
}


@dataclass(frozen=True)
class NormalizeLineBreaks(Cleaner):
    """Make every line break "\\n": CRLF, CR, VT, FF, NEL, U+2028; U+2029 becomes a blank line.

    On by default: every later rule (and most tools) splits lines on "\\n" only; a CR left in
    the text would end up inside a "line".
    """

    name: ClassVar[str] = "normalize_line_breaks"
    # white space for white space, as normalize_spaces: never held back by the guard
    guarded: ClassVar[bool] = False

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if special_chars(text, ctx).isdisjoint(_LINE_BREAK_CHARS):
            return
        for m in _LINE_BREAK_RE.finditer(text):
            brk = m.group()
            yield Edit(self.name, m.start(), m.end(), brk, LINE_BREAKS[brk], _LINE_BREAK_NOTES[brk])

    def apply(self, text: str, ctx: Context) -> str:
        if special_chars(text, ctx).isdisjoint(_LINE_BREAK_CHARS):
            return text
        # "\r\n" is replaced before "\r"; no replacement holds a character replaced later
        for brk, replacement in LINE_BREAKS.items():
            if brk in text:
                text = text.replace(brk, replacement)
        return text


normalize_line_breaks = NormalizeLineBreaks()

# --------------------------------------------------------------------------------------------------
# one scan for all the rules above
# --------------------------------------------------------------------------------------------------

_LINE_BREAK_CHARS = frozenset("\r\x0b\x0c\x85\u2028\u2029")
_INVISIBLE_OR_JOINERS = INVISIBLE_CHARS | frozenset(_JOINERS)
#: every character one of the rules above looks for
_SPECIAL_RE = re.compile(
    _char_class(CONTROL_CHARS | BIDI_CONTROLS | _INVISIBLE_OR_JOINERS | SPACE_CHARS | _LINE_BREAK_CHARS)
)


#: the ASCII characters none of the rules above looks for (all but the controls and line breaks)
_ASCII_PLAIN = bytes(c for c in range(128) if _SPECIAL_RE.match(chr(c)) is None)
#: below this length a non-ASCII text is searched as it is (see _find_special)
_SEARCH_MAX = 128


def _find_special(text: str) -> frozenset[str]:
    """The characters of ``text`` that one of the rules of this module looks for (often none).

    The plain ASCII characters are first deleted from the text's UTF-8 bytes by
    ``bytes.translate``, a table lookup per byte in C, and only what is left is searched: far
    faster than a regex scan of a text that is mostly ASCII. A short text, or one mostly of other
    scripts, is searched as it is.
    """
    if text.isascii():
        return frozenset(text.encode("ascii").translate(None, _ASCII_PLAIN).decode("ascii"))
    if len(text) < _SEARCH_MAX:
        return frozenset(_SPECIAL_RE.findall(text))
    data = text.encode("utf-8", "surrogatepass")
    if (len(data) - len(text)) * 2 > len(text):
        return frozenset(_SPECIAL_RE.findall(text))
    return frozenset(_SPECIAL_RE.findall(data.translate(None, _ASCII_PLAIN).decode("utf-8", "surrogatepass")))


def special_chars(text: str, ctx: Context) -> frozenset[str]:
    """The characters of ``text`` that one of the rules of this module looks for (often none),
    worked out once while the rules see the same text."""
    return ctx.memo(_find_special, text)


#: every character one of the rules above removes rather than replaces (ZWJ and ZWNJ where stray)
REMOVED_CHARS: frozenset[str] = CONTROL_CHARS | BIDI_CONTROLS | _INVISIBLE_OR_JOINERS
