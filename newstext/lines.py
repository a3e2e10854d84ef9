"""Lines with their offsets: the unit most junk rules look at, and the edit that removes one.

A junk rule that drops whole lines iterates :func:`iter_lines` and proposes
:func:`remove_line` edits; the line break that ends the line goes with it, so no blank line is left
behind (the last line of a text takes the break before it instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from newstext.edits import Edit

__all__ = [
    "LazyLines",
    "Line",
    "has_line_longer",
    "iter_lines",
    "line_indexes",
    "line_start_matches",
    "lines_of_matches",
    "remove_line",
    "remove_lines",
    "remove_match",
    "remove_tail",
    "split_lines",
    "tidy_removals",
]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: its number, its span (without the line break) and its text."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        """The line without the white space around it."""
        return self.text.strip()

    @property
    def blank(self) -> bool:
        """True when the line holds nothing but white space."""
        return not self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` (split on ``\n``), with offsets."""
    return iter(split_lines(text))


def line_indexes(text: str, positions: Iterable[int]) -> Iterator[int]:
    """The index of the line of ``text`` that holds each position (positions in order): a rule that
    looks at a few lines finds them without splitting the text into all its lines."""
    index = pos = 0
    for at in positions:
        index += text.count("\n", pos, at)
        pos = at
        yield index


def has_line_longer(text: str, limit: int) -> bool:
    """Whether a line of ``text`` is longer than ``limit`` characters (its "\\n" not counted): a
    step from the last break within reach, a few steps for a text of many megabytes, so that its
    cost does not grow with the number of lines."""
    start = 0  # a line start; no line before it is longer
    while len(text) - start > limit:
        brk = text.rfind("\n", start, start + limit + 1)
        if brk < 0:
            return True
        start = brk + 1
    return False


def lines_of_matches(
    found: Iterable[tuple[int, Any]], text: str
) -> tuple[LazyLines, list[tuple[int, Any, int]]]:
    """The lines of ``text``, and each (kind, match) of a scan with the index of the line its match
    starts on: ``(kind, match, line index)``, in the order found.

    The lines are a :class:`LazyLines`: the rules read the lines their matches fall on and a few
    lines around them, and a :class:`Line` for every line of a long text would cost far more.
    """
    found = list(found)
    order = sorted(range(len(found)), key=lambda k: found[k][1].start())
    lines = LazyLines(text)
    at = [0] * len(found)
    for k, index in zip(order, line_indexes(text, [found[k][1].start() for k in order]), strict=True):
        lines.note(index, found[k][1].start())
        at[k] = index
    return lines, [(kind, m, at[k]) for k, (kind, m) in enumerate(found)]


class LazyLines(Sequence[Line]):
    """The lines of a text as :func:`split_lines` gives them, each :class:`Line` built when first
    asked for (and the same object when asked for again).

    Rules that search the text read the lines their searches find and a few lines around them; a
    :class:`Line` for every line of a long article would cost far more than all of that. A line
    is found from a neighbour already read, so walking from a line to the next or the one before
    costs the length of the line; :meth:`holding` and :meth:`backward` give the text of lines
    without building a :class:`Line` for each.
    """

    __slots__ = ("_built", "_count", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._count = text.count("\n") + 1
        self._built: dict[int, Line] = {}
        self._starts: dict[int, int] = {}  # index -> start, of the lines whose start is known

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        line = self._built.get(index)
        if line is None:
            if not 0 <= index < self._count:
                raise IndexError(index)
            start = self._start(index)
            end = self._end(start)
            line = self._built[index] = Line(index, start, end, self.text[start:end])
        return line

    def note(self, index: int, pos: int) -> None:
        """Record that position ``pos`` of the text lies on line ``index``."""
        if index not in self._starts:
            self._starts[index] = self.text.rfind("\n", 0, pos) + 1

    def holding(self, positions: list[int]) -> Iterator[tuple[int, str]]:
        """The index and the text of the line that holds each of ``positions``, each line once.

        The positions must be in ascending order (as a search finds them): the lines are counted
        from one position to the next (see :func:`line_indexes`).
        """
        last = -1
        for index, pos in zip(line_indexes(self.text, positions), positions, strict=True):
            if index != last:
                self.note(index, pos)
                start = self._starts[index]
                yield index, self.text[start : self._end(start)]
                last = index

    def backward(self, index: int) -> Iterator[tuple[int, str]]:
        """The index and the text of each line before line ``index`` (``len(self)``: of every
        line), nearest first."""
        if index < 0:
            raise IndexError(index)
        text = self.text
        # where the line after the one read starts (as if a line followed the text)
        after = len(text) + 1 if index >= self._count else self._start(index)
        for k in range(min(index, self._count) - 1, -1, -1):
            start = text.rfind("\n", 0, after - 1) + 1
            self._starts[k] = start
            yield k, text[start : after - 1]
            after = start

    def _end(self, start: int) -> int:
        end = self.text.find("\n", start)
        return len(self.text) if end < 0 else end

    def _start(self, index: int) -> int:
        """Where line ``index`` starts: from a neighbour read before, else counted."""
        text = self.text
        starts = self._starts
        if index in starts:
            return starts[index]
        if index - 1 in starts:
            start = self._end(starts[index - 1]) + 1
        elif index + 1 in starts:
            start = text.rfind("\n", 0, starts[index + 1] - 1) + 1
        elif index == self._count - 1:
            start = text.rfind("\n") + 1
        else:
            start = 0
            for _ in range(index):
                start = text.index("\n", start) + 1
        starts[index] = start
        return start


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` as a list (see :func:`iter_lines`)."""
    # Line(i, start, end, line), built through the slots' own setters: a frozen dataclass's
    # __init__ goes through object.__setattr__ for each field, which costs twice as much
    new, set_index, set_start, set_end, set_text = _LINE_SETTERS
    out = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        end = pos + len(line)
        obj = new(Line)
        set_index(obj, i)
        set_start(obj, pos)
        set_end(obj, end)
        set_text(obj, line)
        out.append(obj)
        pos = end + 1
    return out


_LINE_SETTERS: tuple[Any, Any, Any, Any, Any] = (
    object.__new__,
    vars(Line)["index"].__set__,
    vars(Line)["start"].__set__,
    vars(Line)["end"].__set__,
    vars(Line)["text"].__set__,
)


def remove_line(text: str, line: Line, rule: str, note: str = "") -> Edit:
    """An edit that deletes ``line`` and its line break (the one before it for the last line)."""
    return remove_lines(text, line, line, rule, note)


def remove_lines(text: str, first: Line, last: Line, rule: str, note: str = "") -> Edit:
    """An edit that deletes the lines ``first`` to ``last`` and one line break around them."""
    start, end = first.start, last.end
    if end < len(text):
        end += 1  # the break after the block
    elif start > 0:
        start -= 1  # the last line: take the break before it
    return Edit(rule, start, end, text[start:end], "", note)


def remove_tail(text: str, line: Line, at: int, rule: str, note: str = "") -> Edit:
    """An edit that deletes the end of ``line`` from column ``at`` on, with the spaces before it."""
    start = line.start + at
    while start > line.start and text[start - 1] in " \t":
        start -= 1
    return Edit(rule, start, line.end, text[start : line.end], "", note)


def remove_match(text: str, start: int, end: int, rule: str, note: str = "") -> Edit:
    """An edit that deletes a matched span that runs to the end of its line.

    When the span starts a line (only white space before it) it covers whole lines: they go with
    one line break, as in :func:`remove_lines`. Otherwise it is the tail of a line: it goes with the
    white space before it and a comma that glued it on (",Artikel ini telah tayang di ...").
    """
    line_start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", max(end - 1, start))
    line_end = len(text) if nl < 0 else nl
    if not text[line_start:start].strip():
        first = Line(-1, line_start, line_end, text[line_start:line_end])
        return remove_lines(text, first, first, rule, note)
    at = start
    while at > line_start and text[at - 1] in " \t":
        at -= 1
    if at > line_start and text[at - 1] == ",":
        at -= 1
        while at > line_start and text[at - 1] in " \t":
            at -= 1
    return Edit(rule, at, line_end, text[at:line_end], "", note)


def tidy_removals(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """Line removals made not to overlap, each keeping its note, with the blank lines between
    them taken too (the shared last step of every rule that drops lines).

    Two removals of neighbouring lines can overlap by one line break (the last line of a text takes
    the break before it); the later one is trimmed to start where the earlier ends. An edit inside
    another is dropped.
    """
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if out and e.start < out[-1].end:
            if e.end <= out[-1].end:
                continue
            start = out[-1].end
            e = Edit(e.rule, start, e.end, text[start : e.end], e.after, e.note)
        out.append(e)
    return _tidy_gaps(text, out)


def _tidy_gaps(text: str, edits: list[Edit]) -> list[Edit]:
    """Removed lines take the blank lines that separated them with them, so no gap is left.

    A run of removed lines that ends the text takes the white space before it; one that starts the
    text, the white space after it; one between two blank lines, the blank line after it.
    """
    out = list(edits)
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and out[j + 1].start == out[j].end and not out[j + 1].after:
            j += 1
        first, last = out[k], out[j]
        start, end = first.start, last.end
        whole = not first.after and (start == 0 or text[start - 1] == "\n" or first.before[:1] == "\n")
        low = out[k - 1].end if k else 0
        high = out[j + 1].start if j + 1 < len(out) else len(text)
        if whole:
            if end == len(text):
                while start > low and text[start - 1] in " \t\n":
                    start -= 1
            elif start == 0:
                while end < high and text[end] in " \t\n":
                    end += 1
            elif (
                end < high
                and text[end - 1 : end] == "\n"
                and text[start - 2 : start] == "\n\n"
                and text[end : end + 1] == "\n"
            ):
                end += 1
        if start != first.start:
            out[k] = Edit(first.rule, start, first.end, text[start : first.end], first.after, first.note)
        if end != last.end:
            last = out[j]
            out[j] = Edit(last.rule, last.start, end, text[last.start : end], last.after, last.note)
        k = j + 1
    return out


def line_start_matches(pattern: Any, text: str, start: int = 0, *, head: Any = None) -> Iterator[Any]:
    """The matches of a line pattern at the starts of the lines of ``text`` from ``start`` on.

    For a MULTILINE pattern whose every match starts with ``^`` and stays within its line (no
    ``\\n`` in what it matches), this yields what ``pattern.finditer(text, start)`` yields, a good
    deal faster: the pattern is tried at each line start instead of at every position.

    ``head``, when given, is a pattern that matches at the line break before every line
    ``pattern`` can match (a test that cannot miss, only let through; it starts with the literal
    "\\n", so one search finds those lines): ``pattern`` is then tried only on them and on the
    first line.
    """
    if head is not None:
        yield from _headed_matches(pattern, head, text, start)
        return
    pos = start if start == 0 or text[start - 1] == "\n" else text.find("\n", start) + 1
    if start and not pos:
        return
    while True:
        nl = text.find("\n", pos)
        # the line's end as the end of the search: the regex module's match otherwise costs time
        # in proportion to all the text after ``pos``, which made a long text quadratic
        m = pattern.match(text, pos, len(text) if nl < 0 else nl)
        if m is not None:
            yield m
        if nl < 0:
            return
        pos = nl + 1


def _headed_matches(pattern: Any, head: Any, text: str, start: int) -> Iterator[Any]:
    """:func:`line_start_matches` with a ``head``."""
    if start == 0:
        nl = text.find("\n")
        m = pattern.match(text, 0, len(text) if nl < 0 else nl)
        if m is not None:
            yield m
    for h in head.finditer(text, max(start - 1, 0)):
        pos = h.start() + 1
        nl = text.find("\n", pos)
        m = pattern.match(text, pos, len(text) if nl < 0 else nl)
        if m is not None:
            yield m
