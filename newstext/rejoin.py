"""``rejoin_broken_lines``: put back together the sentences a scraper broke around link text.

Scrapers that take a page's text node by node break a sentence wherever a link or a bold span
begins or ends::

    - Direktur Eksekutif The Indonesian Legal Resource Center,
    Siti Aminah Tardi
    mendesak agar anggota polisi
    Polsek Wewewa Selatan
    , Sumba Barat Daya ...

This rule replaces such breaks with a space, or with nothing before punctuation. It joins a line to
the next one only when the first does not end a sentence and

* the next one starts with punctuation that cannot start a line of its own (``", Selasa"``), or
* the next one starts with a lowercase letter (``"Luna Maya\\nternyata ..."``), or
* the next one is a short fragment (the link text) that is itself continued by the line after it
  and the first line ends with a comma or a lowercase word (``"... kepada\\nKompas.com\\n, ..."``).

A run of lines joined this way is kept joined only when its last line ends a sentence
(``. ! ? …`` and their CJK forms), so lists, code, tables, verse and headings, which do not, keep
their lines. Lines separated by a blank line are never joined; neither are indented lines, a line
that ends with a dash, a colon or a semicolon (a dateline such as ``"JAKARTA, KOMPAS.com\\n- ..."``,
a list intro), nor a line starting with a dash, a bullet, an ellipsis or a URL. The rule only
touches white space: every word and every character of punctuation is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.lines import Line, line_indexes
from newstext.pipeline import Cleaner
from newstext.repair import repairable

__all__ = ["RejoinBrokenLines", "rejoin_broken_lines"]

#: marks that end a sentence, or a line that must not be continued (colon, semicolon, dashes)
_HARD_END = frozenset(".!?…:;。！？；：-–—؟।۔")
#: marks that end a sentence: a run of joined lines must end with one of them
_SENTENCE_END = frozenset(".!?…。！？؟।۔")
#: closing quotes (of every language: German closes with “ and ‘, Danish with «) and brackets, looked
#: through at the end of a line ('... selesai."' ends a sentence)
_CLOSERS = "\"'”’“‘»«›‹)]）」』】"
#: punctuation that continues the sentence of the line before; it is joined with no space
_CONTINUES = frozenset(",;)]}，、）،؛")
#: sentence marks that continue the line before only when a space or the end follows (not "...")
_CONTINUES_SPACED = frozenset(".!?:")
#: starts of lines that are never a continuation
_NOT_CONTINUATION = ("http://", "https://", "www.")
#: a line that starts an item of a list ("- a", "1. a", "b) a"): it is never joined to the line before
_ITEM = re.compile(r"(?:[-*•–—·▪►◦]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
#: a shell prompt or a quoted line of a mail ("$ pip install", "> wrote"): never joined
_PROMPT = re.compile(r"[>#$%]\s")
#: marks of code and markup: such lines keep their breaks ("[={}<>|\\]|[a-z_]\(" in two searches that
#: each start with a character class or a literal, which the search skips ahead to in C)
_CODE_MARK = re.compile(r"[={}<>|\\]")
_CODE_CALL = re.compile(r"\((?<=[a-z_]\()")
#: a fragment continued from both sides (link text) has at most this many words and characters
_MAX_FRAGMENT_WORDS = 6
_MAX_FRAGMENT_CHARS = 60
#: ... and the line before it, when it does not itself continue a line, at least this many words
#: (so a heading such as "Über uns" is not joined to the paragraph under it)
_MIN_WORDS_BEFORE_FRAGMENT = 3
#: a run of joinable lines none longer than this many words is a list, not a broken sentence
_MAX_LIST_WORDS = 3
#: a short line ending with a comma before a lowercase line is a salutation ("Liebes Team,")
_MAX_SALUTATION_WORDS = 5

_NONE, _TIGHT, _SPACED, _FRAGMENT = 0, 1, 2, 3
#: a run of breaks that may be joined, in the kinds of the breaks (one byte each): found in one search
_JOINABLE = re.compile(b"[^%c]+" % _NONE)
#: the line break after a line that does not end with a hard end (a search that starts with a literal)
_OPEN_BREAK = re.compile("\\n(?<=[^\\n" + re.escape("".join(sorted(_HARD_END))) + "]\\n)")
_NOT_SPACE = re.compile(r"\S")


def _indented(text: str) -> bool:
    return text.startswith(("\t", "  "))


def _open_end(text: str) -> str:
    """The last mark of ``text`` after closing quotes and brackets, or "" when it ends a sentence."""
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    if not core or core[-1] in _HARD_END:
        return ""
    if not any(ch.isalnum() for ch in core[-40:]):
        return ""  # a line of punctuation only (the "-" of a dateline)
    return core[-1]


def _ends_sentence(text: str) -> bool:
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in _SENTENCE_END


def _start_kind(rest: str) -> int:
    """How the (left-stripped) line ``rest`` may continue the line before it."""
    first = rest[0]
    if first in _CONTINUES:
        return _TIGHT
    if first in _CONTINUES_SPACED and (len(rest) == 1 or rest[1].isspace()):
        return _TIGHT
    if first.islower() and not rest.startswith(_NOT_CONTINUATION):
        return _SPACED
    return _NONE


def _fragment(rest: str) -> bool:
    """True for a short line that does not end a sentence: the shape of a link's text."""
    return (
        len(rest) <= _MAX_FRAGMENT_CHARS
        and len(rest.split()) <= _MAX_FRAGMENT_WORDS
        and (rest[0].isupper() or rest[0].isdigit())
        and _open_end(rest) != ""
    )


def _plain(text: str, *, next_line: bool) -> bool:
    """True for a line that may be part of running prose: not indented, code or a URL (and, for the
    second line of a pair, not the start of a list item)."""
    head = text[:200]
    return not (
        _indented(text)
        or (next_line and _ITEM.match(head.lstrip()))
        or _PROMPT.match(head.lstrip())
        or _code(head)
        or _code(text[-200:])
        or head.lstrip().startswith(_NOT_CONTINUATION)
    )


def _code(text: str) -> bool:
    """True when ``text`` holds a mark of code or markup."""
    return _CODE_MARK.search(text) is not None or _CODE_CALL.search(text) is not None


def _joins(text: str) -> tuple[bytearray, dict[int, int]]:
    """For each break (between line i and i+1): how it may be joined, before runs are checked; and
    where each break that may be joined stands in ``text`` (its line break)."""
    # most lines end with a mark that ends them, which is all _open_end needs to see of them: one
    # search finds the others, so the text is never split into all its lines (a long text costs
    # in proportion to its open lines)
    found = [m.start() for m in _OPEN_BREAK.finditer(text)]
    breaks = dict(zip(line_indexes(text, found), found, strict=True))
    kinds = bytearray(max(breaks, default=-1) + 1)  # all _NONE (breaks after the last: _NONE too)
    first = _first_line(text)
    for i, at in reversed(breaks.items()):
        a = text[text.rfind("\n", 0, at) + 1 : at]
        nl = text.find("\n", at + 1)
        b = text[at + 1 : len(text) if nl < 0 else nl]
        rest = b.lstrip()
        if not rest or not a.strip():
            continue
        end = _open_end(a)  # most lines end a sentence: looked at before the costlier tests
        if not end:
            continue
        after = kinds[i + 1] if i + 1 < len(kinds) else _NONE
        kind = _break_kind(a, rest, end, title=i == first, next_kind=after)
        # the costliest tests last, for the few breaks that pass the others
        if kind != _NONE and _plain(a, next_line=False) and _plain(b, next_line=True):
            kinds[i] = kind
    return kinds, breaks


def _first_line(text: str) -> int:
    """The index of the first line that is not blank (0 when there is none)."""
    m = _NOT_SPACE.search(text)
    return 0 if m is None else text.count("\n", 0, m.start())


def _run_lines(text: str, breaks: dict[int, int], i: int, j: int) -> list[Line]:
    """The lines ``i`` to ``j``, whose breaks ``i`` to ``j - 1`` stand at ``breaks``."""
    start = text.rfind("\n", 0, breaks[i]) + 1
    out = []
    for k in range(i, j + 1):
        end = breaks[k] if k < j else text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append(Line(k, start, end, text[start:end]))
        start = end + 1
    return out


def _first_word(rest: str) -> str:
    """The first word of ``rest`` without the punctuation after it: the same once a line of
    punctuation that continues it (", luar negeri") has been joined to it ("a, luar negeri")."""
    word = rest.split(None, 1)[0]
    return word.rstrip("".join(_CONTINUES | _CONTINUES_SPACED)) or word


def _break_kind(a: str, rest: str, end: str, *, title: bool, next_kind: int) -> int:
    """How the break between line ``a`` (which ends with the open mark ``end``) and the line
    ``rest`` (left-stripped) may be joined, ``title`` when ``a`` is the first line of the text,
    ``next_kind`` how the break after ``rest`` may be (white space and code not looked at)."""
    kind = _start_kind(rest)
    if kind == _TIGHT:
        return kind
    if not (end.isalpha() or end == ","):
        return _NONE  # "+1", a time, a number: not the end of a piece of a sentence
    last_word = a.rsplit(None, 1)[-1]
    if kind == _SPACED:
        if title:
            return _NONE  # the title keeps its line, even before a lowercase standfirst
        if end == "," and a.lstrip()[0].isupper() and len(a.split()) <= _MAX_SALUTATION_WORDS:
            return _NONE  # "Liebes Team,\nwir haben ..."
        if _first_word(rest).casefold() == last_word.casefold():
            return _NONE  # a heading, then a paragraph that starts with its last word ("pipenv")
        return kind
    if (end == "," or last_word[0].islower()) and _fragment(rest):
        continued = not a.lstrip()[0].isupper() or len(a.split()) >= _MIN_WORDS_BEFORE_FRAGMENT
        if continued and next_kind in (_TIGHT, _SPACED):
            return _FRAGMENT
    return _NONE


@dataclass(frozen=True)
class RejoinBrokenLines(Cleaner):
    """Rejoin sentences that a scraper broke into lines around link text.

    Only line breaks change: a break becomes a space, or nothing before punctuation such as
    ``","``. The rule has no options: its evidence (a line that does not end a sentence, then a
    line that cannot start one, in a run that ends a sentence) is what the real articles show;
    turn it off with ``rejoin_broken_lines=False`` to keep every line as found.
    """

    name: ClassVar[str] = "rejoin_broken_lines"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if "\n" not in text:
            return []
        kinds, breaks = _joins(text)
        out: list[Edit] = []
        for run in _JOINABLE.finditer(kinds):
            i, j = run.span()
            lines = _run_lines(text, breaks, i, j)
            # the run is lines i..j; keep it joined only when its last line ends a sentence and it
            # is not a column of single words (a list without bullets: "garam\nmerica\nminyak.")
            column = (
                j - i >= 2
                and _TIGHT not in kinds[i:j]
                and all(len(ln.text.split(None, _MAX_LIST_WORDS)) <= _MAX_LIST_WORDS for ln in lines)
            )
            if not _ends_sentence(lines[-1].text) or column:
                continue
            joins = [self._join(text, lines[k], lines[k + 1], kinds[i + k]) for k in range(j - i)]
            if not self._unlocks_repair(text, lines, joins, ctx):
                out.extend(joins)
        return out

    @staticmethod
    def _unlocks_repair(text: str, lines: list[Line], joins: list[Edit], ctx: Context) -> bool:
        """Whether the joined run would be a line that fix_mojibake repairs, which the lines apart
        were not ("Â" then "terhadap ..."): such a run keeps its breaks, so that a second
        ``clean()`` has nothing to repair in it."""
        start, end = lines[0].start, lines[-1].end
        if text.isascii() or text[start:end].isascii():
            return False  # (ESC, the one ASCII character fix_mojibake changes, is never joined to)
        parts, pos = [], start
        for join in joins:  # in order, each inside the run
            parts += [text[pos : join.start], join.after]
            pos = join.end
        parts.append(text[pos:end])
        return repairable("".join(parts), ctx)

    def _join(self, text: str, a: Line, b: Line, kind: int) -> Edit:
        start = a.start + len(a.text.rstrip())
        end = b.start + (len(b.text) - len(b.text.lstrip()))
        after = "" if kind == _TIGHT else " "
        return Edit(self.name, start, end, text[start:end], after, "rejoined: " + b.text.strip()[:40])


rejoin_broken_lines = RejoinBrokenLines()
