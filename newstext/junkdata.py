"""The ``[junk]`` language data compiled into the few regexes the junk rules run.

Which phrases apply to an article: every phrase of its own language (with the files it borrows and
the user's files), plus the phrases of every other packaged language that are longer than one word
("Read more", "Baca juga"): syndicated text mixes languages, and a phrase of two words or more is
specific enough to mean the same thing anywhere, while one word ("Video", "Mira", "Lea") may be an
ordinary word or a name in another language. Patterns (``*_patterns``) of every language apply,
except the ``own_*_patterns``, which apply to articles of their own language only (a byline without
a colon, "Door Jan Jansen", is Dutch; "Door Hardware" in an English article is not one).

What every language shares is compiled once (:func:`_shared`); each language compiles only what
it adds (its one-word labels, its ``own_*_patterns``, the user's entries).

Each combination is compiled once and cached (at most :data:`CACHE_SIZE` of them), never per text.
Patterns that come from data are compiled with the ``regex`` module and run with a timeout of
:data:`TIMEOUT` seconds per text: a pattern that runs out of time removes nothing.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newstext.junkpatterns import GREEK_ACCENTS, INITIALS_TAIL, phrase_regex
from newstext.langdata import LangData, all_languages

if TYPE_CHECKING:
    from newstext.context import Context

# the standard library's regex parser, to tell the longest match of a pattern from data
_re_parser: Any = importlib.import_module("re._parser")

__all__ = [
    "CACHE_SIZE",
    "KEY_CHARS",
    "MATCH_WINDOW",
    "TIERS",
    "TIMEOUT",
    "Entry",
    "JunkData",
    "Scanner",
    "junk_data",
    "label_keys",
    "line_key",
    "line_keys",
    "safe_finditer",
    "trigger",
]

#: How many compiled combinations (language x user options) are kept.
CACHE_SIZE = 64
#: Seconds one pattern built from data may run over one text before it is given up.
TIMEOUT = 2.0
#: How far past its start (to the end of that line) a pattern from data tried at a line start
#: may match: far more than any bounded pattern spans.
MATCH_WINDOW = 20_000

_FLAGS = regex.MULTILINE | regex.IGNORECASE | regex.VERSION0
# patterns built from escaped literals (labels) cannot blow up: the faster stdlib engine runs them
_RE = re.MULTILINE | re.IGNORECASE
_LABEL_KEYS = (
    "related_labels",
    "promo_labels",
    "boilerplate_lines",
    "author_labels",
    "editor_labels",
    "source_labels",
    "photo_labels",
    "toc_headers",
    "end_matter_headers",
    "contact_headers",
    "bio_headers",
)
_WHOLE_LINE_KEYS = (
    "boilerplate_lines",
    "toc_headers",
    "end_matter_headers",
    "contact_headers",
    "bio_headers",
)
_PATTERN_KEYS = ("boilerplate_patterns", "footer_patterns", "credit_patterns", "bio_patterns")
# patterns safe only in their own language's articles ("Door Jan Jansen", a Dutch byline): never
# part of what every language shares
_OWN_PATTERN_KEYS = {
    "boilerplate_patterns": "own_boilerplate_patterns",
    "footer_patterns": "own_footer_patterns",
    "credit_patterns": "own_credit_patterns",
}
ROLES = ("author", "editor", "source", "photo")


@dataclass(frozen=True, slots=True)
class Entry:
    """One pattern of a :class:`Scanner` and where it may match.

    ``keys``: the line keys (:func:`line_key`) of the lines it may match at the start of (None:
    worked out from ``source``, a pattern that starts with ``^`` and a literal); ``ends``: the
    last characters of the lines it may match at the end of; ``timeout``: run it with
    :data:`TIMEOUT` (a pattern from data); ``reach``: the most characters a match spans
    after the blanks that indent its line (-1: unknown; see :func:`_source_reach`).

    A pattern of labels comes in two parts: ``pattern`` over the labels every language shares
    (compiled once for all languages) and ``own`` over the labels only the article's language
    (and the user) adds, tried at ``own_keys``; where both match a line, ``resolve`` tells which
    match one pattern over both sets of labels would have made.
    """

    pattern: Any
    source: str = ""
    keys: frozenset[str] | None = None
    ends: frozenset[str] = frozenset()
    timeout: bool = False
    own: Any = None
    own_keys: frozenset[str] = frozenset()
    resolve: Callable[[Any, Any], Any] | None = None
    reach: int = -1


@dataclass(frozen=True, slots=True)
class JunkData:
    """The compiled junk patterns of one language (and the user's additions), one scanner per rule.

    ``related`` yields (0, related-label match) and (1, promo-label match); ``boilerplate`` (0,
    whole boilerplate line), (1, table-of-contents header), (2 + i, the i-th pattern);
    ``footers`` (i, the i-th pattern); ``credits`` (0, "Label: value" line), (1, photo credit in
    brackets at the end of a line), (2, initials at the end of a line), (3 + i, the i-th pattern);
    ``end_matter`` (0, an end-matter header line), (1, a contact header line), (2, an author-bio
    header line); ``bio_lines`` the patterns of an author's bio line, tried on the last lines only.
    """

    related: Scanner
    boilerplate: Scanner
    footers: Scanner
    credits: Scanner
    end_matter: Scanner
    bio_lines: tuple[Entry, ...]
    glued: _Glued

    def credit_glued(self, text: str, start: int) -> Iterator[re.Match[str]]:
        """The credits glued to the end of a line from ``start`` on (",Reporter: X,Sumber: Y")."""
        return self.glued.finditer(text, start)

    def credit_segments(self, tail: str) -> Iterator[re.Match[str]]:
        """The segments of one glued-credit match (``role`` groups, value ``v``)."""
        return self.glued.segments(tail)


def _one_word(phrase: str) -> bool:
    """True for a label of one word in a cased script ("Video", "Lea"), which may mean other things."""
    words = phrase.split()
    return len(words) == 1 and any(ch.isupper() or ch.islower() for ch in phrase)


def _canon(phrase: str) -> str:
    """A label as the pattern of labels sees it: white space folded, each character lower-cased."""
    return "".join(_lower(ch) for ch in " ".join(phrase.split()))


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


@functools.lru_cache(maxsize=4096)
def _data_entry(source: str, key: str) -> Entry:
    """One pattern from data, compiled once for every language that lists it."""
    try:
        # a pattern counts only where its match runs to the end of a line; one that starts
        # with "^" and a literal also matches an indented line (white space is
        # tidied only later, and a second clean() must find nothing left to remove); one that
        # starts with a class ("^[^\n]{0,150}...") takes the blanks in that class already
        indent = source.startswith("^") and _source_keys(source) is not None
        body = f"^[^\\S\\n]*(?:{source[1:]})" if indent else f"(?:{source})"
        compiled = regex.compile(f"{body}[^\\S\\n]*$", _FLAGS)
    except regex.error as exc:
        raise ValueError(f"junk.{key}: bad regular expression {source!r}: {exc}") from None
    return Entry(compiled, source, timeout=True, reach=_source_reach(source))


def _data_patterns(patterns: Iterable[str], key: str) -> list[Entry]:
    return [_data_entry(source, key) for source in dict.fromkeys(patterns)]


def _keys(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(k for lab in labels for k in label_keys(lab))


# --- the patterns of labels, as templates over the label lists ---------------------------------
#
# Each pattern of labels is built twice from the same template: once over the labels every
# language shares (compiled once, for all languages) and once over the few labels one language
# adds (its one-word labels, the user's). Where both match the same line, the template is
# compiled over just the two labels they found: its match is the one a single pattern over all
# the labels would have made (the first that succeeds, in the order the regex engine tries them).

_Lab = Mapping[str, str]
# a bullet, a bracket, an arrow a label may stand behind
_LEADS = r"(?:[\[(【（>»•*▶►■▪◆→|–—-][^\S\n]{0,3}){0,2}"
# a header alone ("Weitere Informationen:", "Kontakt"), or with a few words of topic when a
# colon ends it ("Weitere Informationen zum Coronavirus in Thüringen:")
_HEADER_TAIL = r"(?:[^\S\n]{1,3}[^\n:：.!?]{1,60}?[^\S\n]{0,3}[:：]|[^\S\n]{0,3}[:：]?)[^\w\n]{0,4}$"


def _roles(lab: _Lab) -> str:
    return "|".join(f"(?P<{r}>{lab[r + '_labels']})" for r in ROLES)


def _any_role(lab: _Lab) -> str:
    return "|".join(lab[r + "_labels"] for r in ROLES)


_TEMPLATES: dict[str, tuple[tuple[str, ...], Callable[[_Lab], str]]] = {
    # name: (the label lists it is built of, its source)
    "related": (
        ("related_labels",),
        lambda lab: (
            rf"^[^\S\n]{{0,8}}{_LEADS}(?P<label>{lab['related_labels']})(?!\w)(?P<after>[^\n]{{0,400}})$"
        ),
    ),
    "promo": (
        ("promo_labels",),
        lambda lab: (
            rf"^[^\S\n]{{0,8}}{_LEADS}(?P<label>{lab['promo_labels']})(?!\w)(?P<after>[^\n]{{0,300}})$"
        ),
    ),
    "lines": (
        ("boilerplate_lines",),
        lambda lab: rf"^[^\w\n]{{0,8}}(?P<label>{lab['boilerplate_lines']})[^\w\n]{{0,8}}$",
    ),
    "toc": (
        ("toc_headers",),
        lambda lab: rf"^[^\w\n]{{0,8}}(?P<label>{lab['toc_headers']})[^\w\n]{{0,8}}$",
    ),
    "end_header": (
        ("end_matter_headers",),
        lambda lab: rf"^[^\w\n]{{0,8}}(?P<label>{lab['end_matter_headers']}){_HEADER_TAIL}",
    ),
    "contact_header": (
        ("contact_headers",),
        lambda lab: rf"^[^\w\n]{{0,8}}(?P<label>{lab['contact_headers']}){_HEADER_TAIL}",
    ),
    "bio_header": (
        ("bio_headers",),
        lambda lab: rf"^[^\w\n]{{0,8}}(?P<label>{lab['bio_headers']}){_HEADER_TAIL}",
    ),
    "credit_line": (
        tuple(r + "_labels" for r in ROLES),
        lambda lab: (
            rf"^[^\S\n]{{0,8}}[(\[【（]?[^\S\n]{{0,3}}(?:{_roles(lab)})(?!\w)(?:[^\S\n]{{1,2}}\d{{1,3}})?"
            rf"[^\S\n]{{0,3}}(?P<sep>{_CREDIT_SEP})[^\S\n]{{0,3}}(?P<v>[^\n]{{1,400}}?)[^\S\n]{{0,3}}"
            rf"{_CLOSE}?[^\S\n]{{0,8}}$"
        ),
    ),
    # "(AP Photo/A24 Films, Atsushi Nishijima)", "(Image by mydramalist)", "(Foto: Reuters)"
    "photo_paren": (
        ("photo_labels",),
        lambda lab: (
            rf"[(\[][^\S\n]{{0,3}}(?:[\w.]{{1,12}}[^\S\n]{{1,3}})?(?P<label>{lab['photo_labels']})(?!\w)"
            r"[^\S\n]{0,3}[:/]?[^\S\n]{0,3}(?P<v>[^()\[\]\n]{1,120})[)\]][.]?[^\S\n]{0,8}$"
        ),
    ),
}
# what separates a credit's label from its value: a colon, a bar, the full stop of "Fot.", the
# Bengali visarga written as a colon ("ছবিঃ"), the "=" of Korean wire credits ("사진=연합뉴스")
_CREDIT_SEP = r"[:：|ঃ=]|(?<=\.)"
_CLOSE = r"[\])】）]"
# the groups that hold the labels of a template's match, by label list
_GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    name: tuple((g, g + "_labels") for g in ROLES) if name == "credit_line" else (("label", keys[0]),)
    for name, (keys, _) in _TEMPLATES.items()
}


@functools.lru_cache(maxsize=1024)
def _compile_template(name: str, words: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    keys, source = _TEMPLATES[name]
    return re.compile(source(dict(zip(keys, map(phrase_regex, words), strict=True))), _RE)


def _resolver(name: str) -> Callable[[Any, Any], Any]:
    keys = _TEMPLATES[name][0]
    groups = _GROUPS[name]

    def resolve(shared: Any, own: Any) -> Any:
        words: dict[str, list[str]] = {k: [] for k in keys}
        for m in (shared, own):
            for group, key in groups:
                got = m.group(group)
                if got is not None:
                    words[key].append(got)
        pattern = _compile_template(name, tuple(tuple(words[k]) for k in keys))
        if name == "photo_paren":  # searched in its line
            found = pattern.search(shared.string, shared.pos, shared.endpos)
        else:
            found = pattern.match(shared.string, shared.pos)
        return shared if found is None else found

    return resolve


@dataclass(frozen=True, slots=True)
class _Shared:
    """The part of the junk data that is the same for every language: the labels of two words or
    more of every language (and every whole-line label), the patterns of every language."""

    words: Mapping[str, tuple[str, ...]]
    canon: Mapping[str, frozenset[str]]
    patterns: Mapping[str, tuple[str, ...]]
    compiled: Mapping[str, re.Pattern[str]]
    keys: Mapping[str, frozenset[str]]


@functools.cache
def _shared() -> _Shared:
    data = all_languages()
    words: dict[str, tuple[str, ...]] = {}
    for key in _LABEL_KEYS:
        union = data.strings("junk", key)
        # a whole line of one word is as specific as a longer label
        words[key] = union if key in _WHOLE_LINE_KEYS else tuple(p for p in union if not _one_word(p))
    compiled = {
        name: _compile_template(name, tuple(words[k] for k in keys)) for name, (keys, _) in _TEMPLATES.items()
    }
    return _Shared(
        words=words,
        canon={k: frozenset(map(_canon, w)) for k, w in words.items()},
        patterns={k: data.strings("junk", k) for k in _PATTERN_KEYS},
        compiled=compiled,
        keys={k: _keys(w) for k, w in words.items()},
    )


def _label_entry(name: str, own: Mapping[str, tuple[str, ...]], shared: _Shared, **kw: Any) -> Entry:
    """The entry of template ``name``: the shared pattern, and one over ``own`` labels if any."""
    keys = _TEMPLATES[name][0]
    shared_keys = frozenset().union(*(shared.keys[k] for k in keys))
    if not any(own[k] for k in keys):
        return Entry(shared.compiled[name], keys=shared_keys, **kw)
    own_pattern = _compile_template(name, tuple(own[k] for k in keys))
    own_keys = frozenset().union(*(_keys(own[k]) for k in keys))
    return Entry(
        shared.compiled[name],
        keys=shared_keys,
        own=own_pattern,
        own_keys=own_keys,
        resolve=_resolver(name),
        **kw,
    )


@functools.lru_cache(maxsize=CACHE_SIZE)
def _build(own: tuple[tuple[str, ...], ...], extra: tuple[tuple[str, ...], ...]) -> JunkData:
    shared = _shared()
    # the labels this language adds to the shared ones: its one-word labels, the user's labels
    mine: dict[str, tuple[str, ...]] = {}
    for i, key in enumerate(_LABEL_KEYS):
        seen = set(shared.canon[key])
        out: list[str] = []
        for phrase in (*own[i], *extra[i]):
            c = _canon(phrase)
            if c and c not in seen:
                seen.add(c)
                out.append(phrase)
        mine[key] = tuple(out)
    pats: dict[str, list[Entry]] = {}
    for j, key in enumerate(_PATTERN_KEYS):
        i = len(_LABEL_KEYS) + j
        only = (
            own[len(_LABEL_KEYS) + len(_PATTERN_KEYS) + list(_OWN_PATTERN_KEYS).index(key)]
            if key in _OWN_PATTERN_KEYS
            else ()
        )
        pats[key] = _data_patterns([*own[i], *only, *shared.patterns[key], *extra[i]], key)
    roles = tuple(r + "_labels" for r in ROLES)
    return JunkData(
        related=Scanner.build([_label_entry("related", mine, shared), _label_entry("promo", mine, shared)]),
        boilerplate=Scanner.build(
            [
                _label_entry("lines", mine, shared),
                _label_entry("toc", mine, shared),
                *pats["boilerplate_patterns"],
            ]
        ),
        footers=Scanner.build(pats["footer_patterns"]),
        end_matter=Scanner.build(
            [
                _label_entry("end_header", mine, shared),
                _label_entry("contact_header", mine, shared),
                _label_entry("bio_header", mine, shared),
            ]
        ),
        bio_lines=tuple(pats["bio_patterns"]),
        credits=Scanner.build(
            [
                _label_entry("credit_line", mine, shared),
                _label_entry("photo_paren", mine, shared, ends=frozenset(")]")),
                Entry(INITIALS_TAIL, ends=frozenset(")")),
                *pats["credit_patterns"],
            ]
        ),
        glued=_Glued(
            tuple(tuple(own[_LABEL_KEYS.index(k)]) + tuple(extra[_LABEL_KEYS.index(k)]) for k in roles),
            max((len(p) for k in roles for p in (*shared.words[k], *mine[k])), default=0),
        ),
    )


# ",Reporter: X,Sumber: Y" glued to the last paragraph by a scraper that joined with ","
def _glued_source(lab: _Lab) -> str:
    return (
        rf"(?<=[^\s,]),(?:{_any_role(lab)})[^\S\n]{{0,3}}[:：][^\n,]{{1,80}}"
        rf"(?:,(?:{_any_role(lab)})[^\S\n]{{0,3}}[:：][^\n,]{{1,80}}){{0,4}}[^\S\n]*$"
    )


def _segment_source(lab: _Lab) -> str:
    return rf",(?:{_roles(lab)})[^\S\n]{{0,3}}[:：][^\S\n]{{0,3}}(?P<v>[^\n,]{{1,80}}?)[^\S\n]*(?=,|$)"


@functools.lru_cache(maxsize=CACHE_SIZE)
def _glued_patterns(own: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The glued-credit pattern and its segment pattern over the role labels (own and shared)."""
    lab: dict[str, str] = {}
    for k, mine in zip((r + "_labels" for r in ROLES), own, strict=True):
        lab[k] = phrase_regex(_labels(mine, all_languages().strings("junk", k), ()))
    return re.compile(_glued_source(lab), _RE), re.compile(_segment_source(lab), _RE)


def _labels(own: tuple[str, ...], union: tuple[str, ...], extra: tuple[str, ...]) -> list[str]:
    out = list(own) + list(extra)
    out += [p for p in union if not _one_word(p)]
    return out


@dataclass(frozen=True, slots=True)
class _Glued:
    """Credits glued to the last paragraph: compiled only for a text whose tail may hold some (a
    line that ends in ",Label: value" with no space after the comma), which few texts have."""

    own: tuple[tuple[str, ...], ...]
    longest: int

    def finditer(self, text: str, start: int) -> Iterator[re.Match[str]]:
        if not self._maybe(text, start):
            return iter(())
        return _glued_patterns(self.own)[0].finditer(text, start)

    def segments(self, tail: str) -> Iterator[re.Match[str]]:
        return _glued_patterns(self.own)[1].finditer(tail)

    def _maybe(self, text: str, start: int) -> bool:
        # a line that ends with a glued credit has a colon after its last comma (what the hint
        # matches implies it): most tails have none, told before the hint's search
        for line in text[start:].split("\n"):
            comma = line.rfind(",")
            if comma >= 0 and (":" in line[comma:] or "：" in line[comma:]):
                return _glued_hint(self.longest).search(text, start) is not None
        return False


@functools.lru_cache(maxsize=8)
def _glued_hint(longest: int) -> re.Pattern[str]:
    # the last segment of any glued credit: ",Label: value" at the end of a line
    return re.compile(rf"(?<=[^\s,]),[^\s,][^\n,]{{0,{longest + 3}}}[:：][^\n,]{{1,80}}$", re.MULTILINE)


def junk_data(data: LangData, **extra: tuple[str, ...]) -> JunkData:
    """The compiled junk patterns for ``data`` with the user's extra entries (keys as in the schema).

    Compiled once per combination; the few most recent are also remembered by the identity of
    ``data`` (language data is loaded once and shared), so a call per text costs a lookup.
    """
    fast_key = (id(data), tuple(sorted(extra.items())))
    hit = _RECENT.get(fast_key)
    if hit is not None and hit[0] is data:
        return hit[1]
    unknown = set(extra) - set(_LABEL_KEYS) - set(_PATTERN_KEYS)
    if unknown:
        raise KeyError(f"unknown junk keys: {', '.join(sorted(unknown))}")
    own = tuple(data.strings("junk", k) for k in (*_LABEL_KEYS, *_PATTERN_KEYS, *_OWN_PATTERN_KEYS.values()))
    more = tuple(tuple(extra.get(k, ())) for k in (*_LABEL_KEYS, *_PATTERN_KEYS))
    built = _build(own, more)
    if len(_RECENT) >= CACHE_SIZE:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[fast_key] = (data, built)
    return built


# id(data), extras -> (data, compiled): data is kept so that its id cannot be reused meanwhile
_RECENT: dict[tuple[int, tuple[tuple[str, tuple[str, ...]], ...]], tuple[LangData, JunkData]] = {}


def safe_finditer(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` that gives up (yielding no more) after :data:`TIMEOUT` seconds."""
    try:
        yield from pattern.finditer(text, timeout=TIMEOUT)
    except TimeoutError:
        return


# --- finding line matches fast -------------------------------------------------------------------
#
# Trying a pattern at every position of a text is slow in Python's regex engines, even when the
# pattern starts with "^". A Scanner looks at each line once: the first two letters of the line
# (after blanks, bullets and brackets) pick the few patterns that can start there. A pattern that
# may start anywhere in a line runs only on the lines that hold its trigger, the longest literal
# run of its source (as written, lower-case, capitalised or upper-case).

#: How many characters of a line (after its lead) pick the patterns tried there.
KEY_CHARS = 2
#: How many characters of a line's start (after its lead) are compared with a pattern's literal start.
HEAD_CHARS = 16
# how many characters of a line's start (after its lead) its key and head are worked out from
_FACT_CHARS = HEAD_CHARS + 8
#: What a line may start with before its first word: blanks, bullets, brackets, quotes, dashes.
LEAD = " \t\u00a0\u3000.,;:!?…[(【（<>»«•*▶►■▪◆→|–—-\"“”„'‘’#・"
_SKIP = regex.compile(
    r"^(?:\[\^\\S\\n\]|\[\^\\w\\n\]|\\W|\[\\W\]|\\s|\\\(|\\\[|\[\(\\\[\]|\[\(\\\[【（\])"
    r"(?:\{\d*,?\d*\}|\?|\*|\+)?"
)
_QUANT_ZERO = regex.compile(r"^(?:\?|\*|\{0?,)")
# a quantifier, lazy or possessive
_QUANT = regex.compile(r"^(?:\?|\*|\+|\{\d*,?\d*\})[?+]?")
_META = set("[](){}.|?*+^$\\")


def _group_end(src: str, start: int) -> int:
    """The index just after the group that opens at ``src[start] == "("``, or -1."""
    depth = 0
    i = start
    in_class = False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _split_alternatives(body: str) -> list[str]:
    out: list[str] = []
    depth = 0
    in_class = False
    last = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(body[last:i])
            last = i + 1
        i += 1
    out.append(body[last:])
    return out


def _literal_prefix(src: str) -> str:
    """The literal text ``src`` starts with (escapes undone), up to the first operator."""
    out: list[str] = []
    i = 0
    while i < len(src):
        ch = src[i]
        nxt = i + 2 if ch == "\\" else i + 1
        if ch == "\\":
            if i + 1 >= len(src) or src[i + 1].isalnum():
                break  # \b \w \d \p ...: not a literal
            lit = src[i + 1]
        elif ch in _META:
            break
        else:
            lit = ch
        if _QUANT_ZERO.match(src[nxt:]):
            break  # "s?" may be absent
        out.append(lit)
        i = nxt
    return "".join(out)


def line_keys(src: str, depth: int = 0) -> set[str] | None:
    """The line keys (see :func:`line_key`) a match of the anchored pattern ``src`` may start
    with, or None when they cannot be told from the source."""
    if depth > 4:
        return None
    if depth == 0:
        if not src.startswith("^"):
            return None
        src = src[1:]
    while True:
        m = _SKIP.match(src)
        if not m or not m.group():
            break
        src = src[m.end() :]
    if src.startswith("\\b"):
        src = src[2:]
    if src.startswith("("):
        end = _group_end(src, 0)
        if end < 0:
            return None
        head = src[:end]
        body = head[1:-1]
        if body.startswith("?"):
            colon = body.find(":")
            if body.startswith(("?P<", "?<")) and not body.startswith(("?<=", "?<!")):
                body = body[body.index(">") + 1 :]
            elif colon > 0 and body[:colon].lstrip("?").replace("-", "").isalpha():
                body = body[colon + 1 :]
            elif body.startswith("?:"):
                body = body[2:]
            else:
                return None
        rest = src[end:]
        # a quantifier after the group ("(?:欢迎|歡迎)?关注") applies to the whole group: each
        # alternative is followed by what follows the group when the group comes at most once, by
        # more of the group (nothing known) when it may repeat; and the group may be absent
        q = _QUANT.match(rest)
        quant = q.group() if q else ""
        after = rest[len(quant) :]
        base = quant[:-1] if len(quant) > 1 and quant[-1] in "?+" else quant  # lazy, possessive
        once = base in ("", "?", "{0,1}", "{,1}", "{1}", "{1,1}")
        keys: set[str] = set()
        for alt in _split_alternatives(body):
            got = line_keys(alt + after if once else alt, depth + 1)
            if got is None:
                return None
            keys |= got
        if quant and _QUANT_ZERO.match(quant):
            got = line_keys(after, depth + 1)
            if got is None:
                return None
            keys |= got
        return keys
    lit = _literal_prefix(src).lstrip(LEAD)
    if len(lit) < KEY_CHARS or (len(lit) < 3 and any(ch.isupper() or ch.islower() for ch in lit)):
        return None  # "By" alone says too little in a cased script; two CJK characters say enough
    return {_head(lit)}


def trigger(src: str) -> str:
    """The longest word of the literal text outside groups in ``src``: a word its matches must
    contain (in some letter case), or "" when there is none of three characters or more."""
    best = ""
    longest_run = ""
    i = 0
    while i < len(src):
        if src[i] == "(":
            end = _group_end(src, i)
            if end < 0:
                return ""
            i = end
            continue
        if src[i] in "[{":
            j = src.find("]" if src[i] == "[" else "}", i + 2)
            i = len(src) if j < 0 else j + 1
            continue
        run = _literal_prefix(src[i:])
        for word in run.split():
            if len(word) > len(best):
                best = word
        if run.strip() and len(run) > len(longest_run):
            longest_run = run  # " | ": no word, but still a literal
        i += max(1, len(run)) if run else (2 if src[i] == "\\" else 1)
    if len(best) >= 3:
        return best
    return longest_run if len(longest_run) >= 3 else ""


@functools.lru_cache(maxsize=4096)
def _source_keys(src: str) -> frozenset[str] | None:
    """:func:`line_keys` of a pattern from data, worked out once for every language."""
    keys = line_keys(src)
    return None if keys is None else frozenset(keys)


@functools.lru_cache(maxsize=4096)
def _source_trigger(src: str) -> str:
    """:func:`trigger` of a pattern from data, worked out once for every language."""
    return trigger(src)


@functools.lru_cache(maxsize=4096)
def _source_width(src: str) -> int:
    """The most characters a match of ``src`` spans, as the standard library's parser reads it,
    or -1 when it cannot tell (syntax only the regex module knows)."""
    try:
        return int(_re_parser.parse(src).getwidth()[1])
    except Exception:  # syntax only the regex module knows
        return -1


def _source_reach(src: str) -> int:
    """The most characters a match of ``src`` spans from where it starts, or -1 when that cannot
    be told: a repeat without bound, syntax only the regex module knows, or a look-ahead or
    ``\\Z`` that may see past the match."""
    if any(mark in src for mark in ("(?=", "(?!", "\\Z", "\\z")):
        return -1
    width = _source_width(src)
    return width if width < MATCH_WINDOW else -1


#: The line lengths up to which a pattern whose match is short is looked for in the short lines only.
TIERS = (160, 320, 640)


@functools.lru_cache(maxsize=4096)
def _source_tier(src: str) -> int:
    """The shortest of :data:`TIERS` no match of ``src`` (anchored at a line start) is longer
    than, or 0 when a match may be longer or its length cannot be told."""
    if not src.startswith("^"):
        return 0
    width = _source_width(src)
    return next((t for t in TIERS if 0 <= width <= t), 0)


def _fold(text: str) -> str:
    """``text`` case-folded the way the label patterns compare letters: the Turkish capital "İ"
    (whose case-folding is "i" and a combining dot) and dotless "ı" fold to "i", as the regex
    engine matches "İLGİLİ" with "İlgili" and "AYRICA" with "Ayrıca"; the Greek final "ς" folds
    to "σ" (as in :meth:`str.casefold`) and Greek vowels lose their accents (see
    :data:`~newstext.junkpatterns.GREEK_ACCENTS`), as "ΔΙΑΒΑΣΤΕ" is "Διαβάστε"."""
    folded = text.casefold()
    return folded if folded.isascii() else folded.translate(_KEY_FOLD)


# what _fold maps after case-folding: combining dot and accents dropped, "ı" and Greek vowels plain
_KEY_FOLD = {
    0x0307: None,
    0x0301: None,
    0x0308: None,
    0x0344: None,
    ord("ı"): "i",
    **{ord(accented): plain for plain, marks in GREEK_ACCENTS.items() for accented in marks},
}


# a character _KEY_FOLD maps (the search is cheaper than the mapping)
_KEY_FOLDED = re.compile("[" + "".join(map(re.escape, map(chr, _KEY_FOLD))) + "]")


def line_key(line: str) -> str:
    """The first :data:`KEY_CHARS` characters of ``line`` after blanks, bullets and brackets,
    case-folded (see :func:`_fold`): what picks the patterns tried at the start of a line. A
    character that is not part of a word after the first ends the key as "\\0" (see
    :func:`_bucket`)."""
    return _bucket(_fold(line.lstrip(LEAD)[: KEY_CHARS + 2]))


def _bucket(head: str) -> str:
    """The key of a line or a label that starts with ``head`` (folded): its first two characters,
    where a second character that is not part of a word, or none, reads "\\0". So a label of one
    character ("完" of Xinhua's "（完）") has a key, and finds the lines it may fill whatever
    punctuation follows it."""
    key = head[:KEY_CHARS]
    if len(key) == 1 or (len(key) == KEY_CHARS and not (key[1].isalnum() or key[1] == "_")):
        return key[:1] + "\0"
    return key


def _head(text: str) -> str:
    """The first :data:`HEAD_CHARS` characters of ``text``, case-folded, white space folded."""
    head = text[:_FACT_CHARS].casefold()
    if not head.isascii():
        head = head.translate(_KEY_FOLD)
    return " ".join(head.split())[:HEAD_CHARS]


def label_keys(label: str) -> set[str]:
    """The heads (see :func:`_head`) a line that starts with ``label`` may have (a label of one
    character is found by its :func:`_bucket`)."""
    head = _head(label.lstrip(LEAD))
    return {head} if head else set()


# (entry index, compiled pattern, its reach when run with a timeout (None: without), the line heads
# it may match at, part: 0 a pattern alone, 1 the shared part of a pattern of labels, 2 its own part)
_Unit = tuple[int, Any, int | None, tuple[str, ...], int]
# (a trigger word without its first letter, the slot of the TIERS its patterns look in (-1: the
# whole text), the patterns: (entry index, the variants of the word it holds, its reach when every match
# starts a line, else -1), a letter of the word a text must hold for the word to be in it (see _mark))
_Worded = tuple[str, int, tuple[tuple[int, tuple[str, ...], int], ...], str]


@dataclass(frozen=True, slots=True)
class Scanner:
    """A set of line patterns, each tried only where it can match.

    ``keyed`` says which patterns to try at the start of a line, by its :func:`line_key`: the
    heads of all of them (a line that starts with none is passed over at once) and each pattern
    with the literal heads a line must start with; ``ended`` patterns are tried on the lines that
    end with a bracket. ``worded`` patterns, which may start anywhere in a line, are tried on the
    lines that hold a trigger word of theirs (lower-case or capitalised), looked for only in the
    lines short enough for a match when the pattern's repeats are bounded, and only in a text
    that holds the word's letter outside ASCII when it has one. A pattern with none of these
    runs over the whole text (``loose``; slow, so the shipped data has none).
    """

    entries: tuple[Entry, ...]
    keyed: Mapping[str, tuple[tuple[str, ...], tuple[_Unit, ...]]]
    ended: tuple[int, ...]
    worded: tuple[_Worded, ...]
    loose: tuple[int, ...]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> Scanner:
        """Sort ``entries`` by how they can be found."""
        kept = tuple(entries)
        ended: list[int] = []
        worded: dict[tuple[str, int], list[tuple[int, tuple[str, ...], int]]] = {}
        loose: list[int] = []
        units: dict[str, list[_Unit]] = {}
        for i, entry in enumerate(kept):
            if entry.ends:
                ended.append(i)
                continue
            keys = entry.keys if entry.keys is not None else _source_keys(entry.source)
            if not keys:
                lit = _source_trigger(entry.source)
                if len(lit) >= 3:
                    low = lit.lower()
                    variants = tuple(dict.fromkeys([low, low[:1].upper() + low[1:]]))
                    tier = _source_tier(entry.source)
                    slot = TIERS.index(tier) if tier else -1
                    span = entry.reach if entry.timeout and _anchored(entry.source) else -1
                    worded.setdefault((low[1:], slot), []).append((i, variants, span))
                else:
                    loose.append(i)
                continue
            # the shared part of a pattern of labels (1) comes right before its own part (2)
            parts = [(keys, entry.pattern, 1 if entry.own is not None else 0)]
            if entry.own is not None:
                parts.append((entry.own_keys, entry.own, 2))
            for heads, pattern, part in parts:
                by_key: dict[str, list[str]] = {}
                for h in heads:
                    by_key.setdefault(_bucket(h), []).append(h)
                for key, hs in by_key.items():
                    units.setdefault(key, []).append(
                        (i, pattern, _reach(entry), tuple(sorted(set(hs))), part)
                    )
        return cls(
            kept,
            {k: (tuple(sorted({h for u in v for h in u[3]})), tuple(v)) for k, v in units.items()},
            tuple(ended),
            tuple((rest, slot, tuple(group), _mark(rest)) for (rest, slot), group in worded.items()),
            tuple(loose),
        )

    @staticmethod
    def _run(pattern: Any, reach: int | None, text: str, start: int, end: int | None) -> Any:
        """Match ``pattern`` at ``start`` (``end`` None) or search it in ``[start, end)``;
        ``reach`` None runs it without a timeout."""
        try:
            if end is None:
                if reach is None:
                    return pattern.match(text, start)
                # the regex module's match costs time in proportion to what follows ``start``
                # unless told where to stop: a window that ends at a line end, far enough for any
                # match of a pattern with bounded repeats, keeps a long text linear
                window = start + MATCH_WINDOW
                if reach >= 0:
                    # a match ends at a line end, blanks aside, at most ``reach`` characters
                    # past the blanks that indent its line: a line with more than that cannot
                    # be one, and the line end after that point is far enough
                    far = _BLANKS.match(text, start).end() + reach  # type: ignore[union-attr]
                    line_end = text.find("\n", start)
                    line_end = len(text) if line_end < 0 else line_end
                    if far < line_end and not text[far:line_end].isspace():
                        return None
                    if far <= window:  # (then the line end after it comes before the window's)
                        near = line_end if far <= line_end else text.find("\n", far)
                        return pattern.match(text, start, len(text) if near < 0 else near, timeout=TIMEOUT)
                stop = text.find("\n", window) if window < len(text) else -1
                return pattern.match(text, start, len(text) if stop < 0 else stop, timeout=TIMEOUT)
            if reach is not None:
                return pattern.search(text, start, end, timeout=TIMEOUT)
            return pattern.search(text, start, end)
        except TimeoutError:
            return None

    def scan(self, text: str, ctx: Context | None = None) -> Iterator[tuple[int, Any]]:
        """Every (entry index, match), in no particular order; a pattern from data shares the
        index of the first pattern it was joined with."""
        lines = _lines_of(text, ctx)
        keyed = self.keyed
        if keyed:
            for pos, (key, head) in zip(*lines.keyed(), strict=True):
                found = keyed.get(key)
                if found:
                    every, units = found
                    if not head.startswith(every):
                        continue  # most lines: no pattern's head
                    held: Any = None  # the match of a shared part, until its own part is tried
                    held_i = -1
                    for i, pattern, reach, heads, part in units:
                        if held is not None and i != held_i:
                            yield held_i, held
                            held = None
                        if not head.startswith(heads):
                            continue
                        m = self._run(pattern, reach, text, pos, None)
                        if m is None:
                            continue
                        if part == 1:
                            held, held_i = m, i
                            continue
                        if part == 2 and held is not None:
                            m = self.entries[i].resolve(held, m)  # type: ignore[misc]
                            held = None
                        yield i, m
                    if held is not None:
                        yield held_i, held
        if self.ended:
            for line_start, line_end in lines.bracket_ends():
                for i in self.ended:
                    entry = self.entries[i]
                    m = self._run(entry.pattern, _reach(entry), text, line_start, line_end)
                    if entry.own is not None:
                        mine = self._run(entry.own, _reach(entry), text, line_start, line_end)
                        if mine is not None:
                            m = mine if m is None else entry.resolve(m, mine)  # type: ignore[misc]
                    if m is not None:
                        yield i, m
        if self.worded:
            yield from self._scan_worded(text, lines)
        for i in self.loose:
            entry = self.entries[i]
            if entry.timeout:
                yield from ((i, m) for m in safe_finditer(entry.pattern, text))
            else:
                yield from ((i, m) for m in entry.pattern.finditer(text))

    def _scan_worded(self, text: str, lines: _Lines) -> list[tuple[int, Any]]:
        """The matches of the ``worded`` patterns, by entry index, then by position."""
        ascii_text = text.isascii()
        found: dict[str, list[int]] = {}
        out: list[tuple[int, int, Any]] = []
        for rest, slot, group, mark in self.worded:
            # the variants of a word ("click", "Click") share all but their first letter: when
            # that is not in the text, neither variant is, and one scan tells for both; a pattern
            # whose match is short need only look in the lines short enough to hold one; a word
            # with a letter outside ASCII, only in a text that holds that letter (a search for
            # one character is many times faster than one for a word)
            if mark and (ascii_text or mark not in text):
                continue
            if rest not in (text if slot < 0 else lines.short(slot)):
                continue
            for i, variants, span in group:
                starts: set[int] = set()
                for v in variants:
                    hits = found.get(v)
                    if hits is None:
                        hits = found[v] = []
                        at = text.find(v)
                        while at >= 0:
                            hits.append(text.rfind("\n", 0, at) + 1)
                            at = text.find(v, at + len(v))
                    starts.update(hits)
                entry = self.entries[i]
                for line_start in starts:
                    line_end = text.find("\n", line_start)
                    end = len(text) if line_end < 0 else line_end
                    if 0 <= span < end - line_start and not text[line_start + span : end].isspace():
                        continue  # a match starts the line and ends it, blanks aside: too long
                    m = self._run(entry.pattern, _reach(entry), text, line_start, end)
                    if m is not None:
                        out.append((i, line_start, m))
        out.sort(key=lambda h: (h[0], h[1]))
        return [(i, m) for i, _, m in out]


def _anchored(source: str) -> bool:
    """True when every match of the pattern ``source`` starts at a line start (``^`` first, not
    made optional, no alternative without it)."""
    return (
        source.startswith("^") and _QUANT.match(source[1:]) is None and len(_split_alternatives(source)) == 1
    )


def _reach(entry: Entry) -> int | None:
    """What :meth:`Scanner._run` is told of ``entry``: its reach when run with a timeout."""
    return entry.reach if entry.timeout else None


def _lines_of(text: str, ctx: Context | None) -> _Lines:
    """The :class:`_Lines` of ``text``, shared by the scans of the same text in one call
    (through ``ctx.scratch``, as :meth:`Context.memo` shares what it computes). A rule that
    removes something hands the next one a new text, made mostly of the same lines: its
    :class:`_Lines` takes over what the one before worked out for them."""
    if ctx is None:
        return _Lines(text)
    hit = ctx.scratch.get(_Lines)
    if hit is not None and hit[0] is text:
        return hit[1]  # type: ignore[no-any-return]
    lines = _Lines(text, None if hit is None else hit[1])
    ctx.scratch[_Lines] = (text, lines)
    return lines


class _Lines:
    """What the scanners look up in the lines of one text, each worked out once, when first asked
    for (shared by the rules that scan the same text, see :func:`_lines_of`).

    What a line's text alone decides (its key and head, see :meth:`keyed`) is worked out once in
    a call: a :class:`_Lines` built after one of an earlier text (``before``) looks it up for the
    lines the two texts share.
    """

    __slots__ = ("_facts", "_keyed", "_known", "_longest", "_shorts", "lines", "text")

    def __init__(self, text: str, before: _Lines | None = None) -> None:
        self.text = text
        self.lines = text.split("\n")
        #: the key and head of each line of this text (None: nothing but its lead)
        self._facts: dict[str, tuple[str, str] | None] = {}
        # what is known of the text before: the facts of its lines
        self._known = before._facts if before is not None else {}
        self._keyed: tuple[list[int], list[tuple[str, str]]] | None = None
        self._shorts: list[str | None] = [None] * len(TIERS)
        self._longest = -1

    def keyed(self) -> tuple[list[int], list[tuple[str, str]]]:
        """Each line that holds more than its lead (see :data:`LEAD`; a line of nothing but
        that has no key): its offset, and its :func:`line_key` and :func:`_head`, in two lists
        (a tuple for each line would be an object more per line for the garbage collector)."""
        if self._keyed is None:
            known = self._known
            facts = self._facts
            offsets: list[int] = []
            keyed: list[tuple[str, str]] = []
            pos = 0
            for line in self.lines:
                if line:
                    # a line seen before, in this text or the one before it: its fact is known
                    fact = facts.get(line, _UNKNOWN)
                    if fact is _UNKNOWN:
                        fact = known[line] if line in known else _line_fact(line.lstrip(LEAD)[:_FACT_CHARS])
                        facts[line] = fact
                    if fact is not None:
                        offsets.append(pos)
                        keyed.append(fact)
                pos += len(line) + 1
            self._keyed = (offsets, keyed)
            self._known = {}
        return self._keyed

    def short(self, slot: int) -> str:
        """The lines no longer than ``TIERS[slot]`` (trailing blanks aside), joined: worked out
        for a tier only when a word is looked for in it."""
        got = self._shorts[slot]
        if got is None:
            limit = TIERS[slot]
            lines = self.lines
            if self._longest < 0:
                self._longest = max(map(len, lines))
            if self._longest <= limit:
                got = self.text  # every line: the text itself
            else:
                got = "\n".join([ln for ln in lines if len(ln) <= limit or len(ln.rstrip()) <= limit])
            self._shorts[slot] = got
        return got

    def bracket_ends(self) -> list[tuple[int, int]]:
        """The start and end of each line that ends with a closing bracket (see :data:`_ENDS`)."""
        out = []
        pos = 0
        for line in self.lines:
            end = pos + len(line)
            # a match ends the line and spans at most _ENDS_WIDTH characters
            if (")" in line or "]" in line) and _ENDS.search(line, max(0, len(line) - _ENDS_WIDTH)):
                out.append((pos, end))
            pos = end + 1
        return out


#: no fact worked out yet for a line (None is a fact: nothing but a lead)
_UNKNOWN: Any = object()


def _line_fact(start: str) -> tuple[str, str] | None:
    """The :func:`line_key` and :func:`_head` of a line whose first :data:`_FACT_CHARS`
    characters after its lead are ``start``, or None when the line holds nothing but its lead."""
    if not start:
        return None
    folded = start.casefold()
    if folded.isascii() or _KEY_FOLDED.search(folded) is None:
        # most lines: the key is the head's first characters (case-folding maps each character
        # on its own, and nothing but the characters of _KEY_FOLD is folded further)
        key = folded[:KEY_CHARS]
        head = " ".join(folded.split())[:HEAD_CHARS]
    else:
        # line_key and _head, inlined: this runs for every line of every text
        key = start[: KEY_CHARS + 2].casefold()
        if not key.isascii():
            key = key.translate(_KEY_FOLD)
        key = key[:KEY_CHARS]
        head = " ".join(folded.translate(_KEY_FOLD).split())[:HEAD_CHARS]
    if len(key) < KEY_CHARS or not key.isalnum():  # a one-character line, a mark after the first: rare
        key = _bucket(key)
    return key, head


def _mark(word: str) -> str:
    """A letter of ``word`` a text must hold for the word to be in it, worth looking for first:
    one outside Windows-1252 (see :func:`_wide`; Greek, Cyrillic, CJK, "ż", "ı"), which most
    Latin-script articles lack, else one outside ASCII, else none ("")."""
    return next((ch for ch in word if _wide(ch)), "") or next((ch for ch in word if not ch.isascii()), "")


def _wide(text: str) -> bool:
    """True when ``text`` holds a character outside Windows-1252 (Greek, Cyrillic, CJK, "ż", "ı"):
    a word with one cannot be in a text without one (most Latin-script articles)."""
    if text.isascii():
        return False
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


# the blanks that may indent a line (white space as :meth:`str.isspace` has it: at least what
# the regex module takes for it)
_BLANKS = re.compile(r"[^\S\n]*")
# the end of a line that closes a bracket: where a photo credit or editor's initials may end
_ENDS = re.compile(r"[)\]]\.?[^\S\n]{0,8}$", re.MULTILINE)
#: the most characters a match of _ENDS spans
_ENDS_WIDTH = 10
