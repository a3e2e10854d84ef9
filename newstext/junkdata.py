"""The ``[junk]`` language data compiled into the few regexes the junk rules run.

Which phrases apply to an article: every phrase of its own language (with the files it borrows and
the user's files), plus the phrases of every other packaged language that are longer than one word
("Read more", "Baca juga"): syndicated text mixes languages, and a phrase of two words or more is
specific enough to mean the same thing anywhere, while one word ("Video", "Mira", "Lea") may be an
ordinary word or a name in another language. Patterns (``*_patterns``) of every language apply.

Each combination is compiled once and cached (at most :data:`CACHE_SIZE` of them), never per text.
Patterns that come from data are compiled with the ``regex`` module and run with a timeout of
:data:`TIMEOUT` seconds per text: a pattern that runs out of time removes nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newstext.junkpatterns import INITIALS_TAIL, phrase_regex
from newstext.langdata import LangData, all_languages

if TYPE_CHECKING:
    from newstext.context import Context

__all__ = [
    "CACHE_SIZE",
    "KEY_CHARS",
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
)
_WHOLE_LINE_KEYS = ("boilerplate_lines", "toc_headers")
_PATTERN_KEYS = ("boilerplate_patterns", "footer_patterns", "credit_patterns")
ROLES = ("author", "editor", "source", "photo")

# the openers a label may stand behind: a bullet, a bracket, an arrow
_OPEN = r"(?:[\[(【（>»•*▶►■▪◆→|–—-][^\S\n]{0,3}){0,2}"
_CLOSE = r"[\])】）]"


@dataclass(frozen=True, slots=True)
class Entry:
    """One pattern of a :class:`Scanner` and where it may match.

    ``keys``: the line keys (:func:`line_key`) of the lines it may match at the start of (None:
    worked out from ``source``, a pattern that starts with ``^`` and a literal); ``ends``: the
    last characters of the lines it may match at the end of; ``timeout``: run it with
    :data:`TIMEOUT` (a pattern from data).
    """

    pattern: Any
    source: str = ""
    keys: frozenset[str] | None = None
    ends: frozenset[str] = frozenset()
    timeout: bool = False


@dataclass(frozen=True, slots=True)
class JunkData:
    """The compiled junk patterns of one language (and the user's additions), one scanner per rule.

    ``related`` yields (0, related-label match) and (1, promo-label match); ``boilerplate`` (0,
    whole boilerplate line), (1, table-of-contents header), (2 + i, the i-th pattern);
    ``footers`` (i, the i-th pattern); ``credits`` (0, "Label: value" line), (1, photo credit in
    brackets at the end of a line), (2, initials at the end of a line), (3 + i, the i-th pattern).
    """

    related: Scanner
    boilerplate: Scanner
    footers: Scanner
    credits: Scanner
    credit_glued: re.Pattern[str]
    credit_segment: re.Pattern[str]


def _one_word(phrase: str) -> bool:
    """True for a label of one word in a cased script ("Video", "Lea"), which may mean other things."""
    words = phrase.split()
    return len(words) == 1 and any(ch.isupper() or ch.islower() for ch in phrase)


def _labels(own: tuple[str, ...], union: tuple[str, ...], extra: tuple[str, ...]) -> list[str]:
    out = list(own) + list(extra)
    out += [p for p in union if not _one_word(p)]
    return out


def _data_patterns(patterns: Iterable[str], key: str) -> list[Entry]:
    out: list[Entry] = []
    for source in dict.fromkeys(patterns):
        try:
            # a pattern counts only where its match runs to the end of a line
            compiled = regex.compile(f"(?:{source})[^\\S\\n]*$", _FLAGS)
        except regex.error as exc:
            raise ValueError(f"junk.{key}: bad regular expression {source!r}: {exc}") from None
        out.append(Entry(compiled, source, timeout=True))
    return out


def _keys(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(k for lab in labels for k in label_keys(lab))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _build(own: tuple[tuple[str, ...], ...], extra: tuple[tuple[str, ...], ...]) -> JunkData:
    union_data = all_languages()
    words: dict[str, list[str]] = {}
    for i, key in enumerate(_LABEL_KEYS):
        union = union_data.strings("junk", key)
        if key in _WHOLE_LINE_KEYS:  # a whole line of one word is as specific as a longer label
            words[key] = [*own[i], *extra[i], *union]
        else:
            words[key] = _labels(own[i], union, extra[i])
    lab = {key: phrase_regex(w) for key, w in words.items()}
    pats: dict[str, list[Entry]] = {}
    for j, key in enumerate(_PATTERN_KEYS):
        i = len(_LABEL_KEYS) + j
        pats[key] = _data_patterns([*own[i], *union_data.strings("junk", key), *extra[i]], key)

    roles = "|".join(f"(?P<{r}>{lab[r + '_labels']})" for r in ROLES)
    any_label = "|".join(lab[r + "_labels"] for r in ROLES)
    role_words = [w for r in ROLES for w in words[r + "_labels"]]
    related = re.compile(
        rf"^[^\S\n]{{0,8}}{_OPEN}(?P<label>{lab['related_labels']})(?!\w)(?P<after>[^\n]{{0,400}})$", _RE
    )
    promo = re.compile(
        rf"^[^\S\n]{{0,8}}{_OPEN}(?P<label>{lab['promo_labels']})(?!\w)(?P<after>[^\n]{{0,300}})$", _RE
    )
    lines = re.compile(rf"^[^\w\n]{{0,8}}(?P<label>{lab['boilerplate_lines']})[^\w\n]{{0,8}}$", _RE)
    toc = re.compile(rf"^[^\w\n]{{0,8}}(?:{lab['toc_headers']})[^\w\n]{{0,8}}$", _RE)
    credit_line = re.compile(
        rf"^[^\S\n]{{0,8}}[(\[【（]?[^\S\n]{{0,3}}(?:{roles})(?!\w)(?:[^\S\n]{{1,2}}\d{{1,3}})?[^\S\n]{{0,3}}"
        rf"(?P<sep>[:：|]|(?<=\.))[^\S\n]{{0,3}}(?P<v>[^\n]{{1,400}}?)[^\S\n]{{0,3}}{_CLOSE}?[^\S\n]{{0,8}}$",
        _RE,
    )
    # "(AP Photo/A24 Films, Atsushi Nishijima)", "(Image by mydramalist)", "(Foto: Reuters)"
    photo_paren = re.compile(
        rf"[(\[][^\S\n]{{0,3}}(?:[\w.]{{1,12}}[^\S\n]{{1,3}})?(?:{lab['photo_labels']})(?!\w)"
        r"[^\S\n]{0,3}[:/]?[^\S\n]{0,3}(?P<v>[^()\[\]\n]{1,120})[)\]][.]?[^\S\n]{0,8}$",
        _RE,
    )
    return JunkData(
        related=Scanner.build(
            [
                Entry(related, keys=_keys(words["related_labels"])),
                Entry(promo, keys=_keys(words["promo_labels"])),
            ]
        ),
        boilerplate=Scanner.build(
            [
                Entry(lines, keys=_keys(words["boilerplate_lines"])),
                Entry(toc, keys=_keys(words["toc_headers"])),
                *pats["boilerplate_patterns"],
            ]
        ),
        footers=Scanner.build(pats["footer_patterns"]),
        credits=Scanner.build(
            [
                Entry(credit_line, keys=_keys(role_words)),
                Entry(photo_paren, ends=frozenset(")]")),
                Entry(INITIALS_TAIL, ends=frozenset(")")),
                *pats["credit_patterns"],
            ]
        ),
        # ",Reporter: X,Sumber: Y" glued to the last paragraph by a scraper that joined with ","
        credit_glued=re.compile(
            rf"(?<=[^\s,]),(?:{any_label})[^\S\n]{{0,3}}[:：][^\n,]{{1,80}}"
            rf"(?:,(?:{any_label})[^\S\n]{{0,3}}[:：][^\n,]{{1,80}}){{0,4}}[^\S\n]*$",
            _RE,
        ),
        credit_segment=re.compile(
            rf",(?:{roles})[^\S\n]{{0,3}}[:：][^\S\n]{{0,3}}(?P<v>[^\n,]{{1,80}}?)[^\S\n]*(?=,|$)", _RE
        ),
    )


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
    own = tuple(data.strings("junk", k) for k in (*_LABEL_KEYS, *_PATTERN_KEYS))
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
#: What a line may start with before its first word: blanks, bullets, brackets, quotes, dashes.
LEAD = " \t\u00a0\u3000.,;:!?…[(【（<>»«•*▶►■▪◆→|–—-\"“”„'‘’#・"
_SKIP = regex.compile(
    r"^(?:\[\^\\S\\n\]|\[\^\\w\\n\]|\\W|\[\\W\]|\\s|\\\(|\\\[|\[\(\\\[\]|\[\(\\\[【（\])"
    r"(?:\{\d*,?\d*\}|\?|\*|\+)?"
)
_QUANT_ZERO = regex.compile(r"^(?:\?|\*|\{0?,)")
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
        keys: set[str] = set()
        for alt in _split_alternatives(body):
            got = line_keys(alt + rest, depth + 1)
            if got is None:
                return None
            keys |= got
        if _QUANT_ZERO.match(rest):
            got = line_keys(
                rest[1:] if rest.startswith(("?", "*")) else rest[rest.index("}") + 1 :], depth + 1
            )
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


def line_key(line: str) -> str:
    """The first :data:`KEY_CHARS` characters of ``line`` after blanks, bullets and brackets,
    case-folded: what picks the patterns tried at the start of a line."""
    return line.lstrip(LEAD)[: KEY_CHARS + 2].casefold()[:KEY_CHARS]


def _head(text: str) -> str:
    """The first :data:`HEAD_CHARS` characters of ``text``, case-folded, white space folded."""
    return " ".join(text[: HEAD_CHARS + 8].casefold().split())[:HEAD_CHARS]


def label_keys(label: str) -> set[str]:
    """The heads (see :func:`_head`) a line that starts with ``label`` may have; a label shorter
    than :data:`KEY_CHARS` takes what may follow it ("By" gives "by ", "by:" ...)."""
    head = _head(label.lstrip(LEAD))
    if len(head) >= KEY_CHARS:
        return {head}
    if not head:
        return set()
    return {head + tail for tail in (" ", ":", "：", ".", "|")}


# (entry index, compiled pattern, run with a timeout, the line heads it may match at)
_Unit = tuple[int, Any, bool, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Scanner:
    """A set of line patterns, each tried only where it can match.

    ``keyed`` says which patterns to try at the start of a line, by its :func:`line_key`, each
    with the literal heads a line must start with; ``ended`` patterns are tried on the lines that
    end with a bracket; ``triggered`` lists, for patterns that may start anywhere in a line, a word such a
    line must hold (lower-case or capitalised). A pattern with none of these runs over the whole
    text (``loose``; slow, so the shipped data has none).
    """

    entries: tuple[Entry, ...]
    keyed: Mapping[str, tuple[_Unit, ...]]
    ended: tuple[int, ...]
    triggered: tuple[tuple[int, tuple[str, ...]], ...]
    loose: tuple[int, ...]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> Scanner:
        """Sort ``entries`` by how they can be found."""
        kept = tuple(entries)
        ended: list[int] = []
        triggered: list[tuple[int, tuple[str, ...]]] = []
        loose: list[int] = []
        for i, entry in enumerate(kept):
            if entry.ends:
                ended.append(i)
                continue
            keys = entry.keys if entry.keys is not None else line_keys(entry.source)
            if keys:
                continue
            lit = trigger(entry.source)
            if len(lit) >= 3:
                low = lit.lower()
                variants = dict.fromkeys([low, low[:1].upper() + low[1:]])
                triggered.append((i, tuple(variants)))
            else:
                loose.append(i)
        units: dict[str, list[_Unit]] = {}
        for i, entry in enumerate(kept):
            if entry.ends or i in loose or any(i == t[0] for t in triggered):
                continue
            heads = entry.keys if entry.keys is not None else line_keys(entry.source)
            by_key: dict[str, list[str]] = {}
            for h in heads or ():
                by_key.setdefault(h[:KEY_CHARS], []).append(h)
            for key, hs in by_key.items():
                units.setdefault(key, []).append((i, entry.pattern, entry.timeout, tuple(sorted(set(hs)))))
        return cls(
            kept, {k: tuple(v) for k, v in units.items()}, tuple(ended), tuple(triggered), tuple(loose)
        )

    @staticmethod
    def _run(pattern: Any, timed: bool, text: str, start: int, end: int | None) -> Any:
        """Match ``pattern`` at ``start`` (``end`` None) or search it in ``[start, end)``."""
        try:
            if end is None:
                return pattern.match(text, start, timeout=TIMEOUT) if timed else pattern.match(text, start)
            if timed:
                return pattern.search(text, start, end, timeout=TIMEOUT)
            return pattern.search(text, start, end)
        except TimeoutError:
            return None

    def scan(self, text: str, ctx: Context | None = None) -> Iterator[tuple[int, Any]]:
        """Every (entry index, match), in no particular order; a pattern from data shares the
        index of the first pattern it was joined with."""
        keyed = self.keyed
        if keyed:
            keyed_lines = ctx.memo(_keyed_lines, text) if ctx is not None else _keyed_lines(text)
            for pos, stripped, key in keyed_lines:
                units = keyed.get(key)
                if units:
                    head = _head(stripped)
                    for i, pattern, timed, heads in units:
                        if not head.startswith(heads):
                            continue
                        m = self._run(pattern, timed, text, pos, None)
                        if m is not None:
                            yield i, m
        if self.ended:
            for e in _ENDS.finditer(text):
                line_start = text.rfind("\n", 0, e.start()) + 1
                for i in self.ended:
                    m = self._run(self.entries[i].pattern, self.entries[i].timeout, text, line_start, e.end())
                    if m is not None:
                        yield i, m
        found: dict[str, set[int]] = {}
        absent: dict[str, bool] = {}
        for i, variants in self.triggered:
            starts: set[int] = set()
            for v in variants:
                if v not in found:
                    hits: set[int] = set()
                    # the variants of a word ("click", "Click") share all but their first letter:
                    # when that is not in the text, neither variant is, and one scan tells for both
                    rest = v[1:]
                    if rest not in absent:
                        absent[rest] = rest not in text
                    if absent[rest]:
                        found[v] = hits
                        continue
                    at = text.find(v)
                    while at >= 0:
                        hits.add(text.rfind("\n", 0, at) + 1)
                        at = text.find(v, at + len(v))
                    found[v] = hits
                starts |= found[v]
            entry = self.entries[i]
            for line_start in sorted(starts):
                line_end = text.find("\n", line_start)
                end = len(text) if line_end < 0 else line_end
                m = self._run(entry.pattern, entry.timeout, text, line_start, end)
                if m is not None:
                    yield i, m
        for i in self.loose:
            entry = self.entries[i]
            if entry.timeout:
                yield from ((i, m) for m in safe_finditer(entry.pattern, text))
            else:
                yield from ((i, m) for m in entry.pattern.finditer(text))


def _keyed_lines(text: str) -> list[tuple[int, str, str]]:
    """Each line of ``text``: its offset, the line without its lead (see :data:`LEAD`) and its
    :func:`line_key`."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.lstrip(LEAD)
        out.append((pos, stripped, stripped[: KEY_CHARS + 2].casefold()[:KEY_CHARS]))
        pos += len(line) + 1
    return out


# the end of a line that closes a bracket: where a photo credit or editor's initials may end
_ENDS = re.compile(r"[)\]]\.?[^\S\n]{0,8}$", re.MULTILINE)
