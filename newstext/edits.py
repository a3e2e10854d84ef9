"""Edits: what a cleaner proposes, how edits are applied, and how offsets map back to the input.

A cleaner never rewrites text itself. It proposes :class:`Edit` objects, spans of the text it was
given that are to be removed (``after == ""``) or replaced. :func:`apply_edits` splices them in.
When an explanation is asked for, :class:`OffsetMap` follows every stage of a pipeline so that each
edit can be reported with offsets in the *original* input; the fast path never builds it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "OffsetMap", "apply_edits", "settle"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: the span ``[start, end)`` of a text, the text there (``before``) and what replaces it.

    ``rule`` is the name of the cleaner that made the edit (the same name as the cleaner's option).
    ``note`` says more where the rule has something to say: the label or phrase that matched, the
    reading chosen for a date, why an edit was held back.

    In :attr:`newstext.Result.edits` the offsets point into the original input, so that
    ``text[edit.start:edit.end] == edit.before`` holds for the text that was passed in.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str = ""
    note: str = ""

    @property
    def is_removal(self) -> bool:
        """True when the edit deletes its span and puts nothing in its place."""
        return not self.after


def settle(edits: Iterable[Edit]) -> list[Edit]:
    """Sort edits by position and make them disjoint: the earlier start wins.

    A removal that overlaps a removal already kept is trimmed to start where that one ends (two
    neighbouring lines dropped each with a line break can share one); any other edit that overlaps
    one already kept is dropped. Edits that change nothing (``before == after``) are dropped too.
    """
    kept: list[Edit] = []
    end = -1
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.before == edit.after:
            continue
        if edit.start < end and not edit.after and not kept[-1].after and edit.end > end:
            edit = Edit(edit.rule, end, edit.end, edit.before[end - edit.start :], "", edit.note)
        if edit.start < end or (edit.start == end and edit.start == edit.end and kept):
            continue
        kept.append(edit)
        end = edit.end
    return kept


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Splice settled edits (sorted, non-overlapping, offsets into ``text``) into ``text``."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.after)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps positions in a text that has been edited, stage after stage, back to the original text.

    The current text is covered by segments; each is either unchanged (a slice of the original,
    shifted) or the ``after`` of an edit (it maps to the whole span of the original that it replaced).
    """

    __slots__ = ("_cur_starts", "_segments")

    def __init__(self, length: int) -> None:
        # (cur_start, cur_end, orig_start, orig_end, unchanged)
        self._segments: list[tuple[int, int, int, int, bool]] = [(0, length, 0, length, True)]
        self._cur_starts: list[int] = [0]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the current span ``[start, end)`` comes from.

        An empty span (an insertion) maps to an empty span at one point of the original.
        """
        left = self._position(start, left=True)
        if end <= start:
            return left, left
        return left, max(left, self._position(end, left=False))

    def pieces(self, start: int, end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The parts of the current span ``[start, end)`` and the spans of the original they are.

        Each item is ``((cur_start, cur_end), (orig_start, orig_end))``. Text that an earlier edit
        removed is in no part, so a later edit that straddles an earlier removal is reported
        without it. An empty span gives one empty part.
        """
        if end <= start:
            return [((start, end), self.to_original(start, end))]
        out: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for seg, a, b in self._overlapping(start, end):
            o = _slice(seg, a, b) if seg[4] else (seg[2], seg[3])
            if out and o[0] <= out[-1][1][1]:
                (ca, _), (oa, ob) = out[-1]
                out[-1] = ((ca, b), (oa, max(ob, o[1])))
            else:
                out.append(((a, b), o))
        return out or [((start, end), self.to_original(start, end))]

    def _position(self, pos: int, *, left: bool) -> int:
        segs = self._segments
        i = bisect.bisect_right(self._cur_starts, pos) - 1
        if not left:
            # an end position at a segment boundary belongs to the segment before it
            while i > 0 and segs[i][0] == pos and segs[i - 1][1] == pos:
                i -= 1
        i = max(i, 0)
        cur_start, cur_end, orig_start, orig_end, unchanged = segs[i]
        if unchanged:
            return orig_start + min(max(pos - cur_start, 0), cur_end - cur_start)
        if pos <= cur_start and left:
            return orig_start
        if pos >= cur_end and not left:
            return orig_end
        return orig_start if left else orig_end

    def update(self, edits: Sequence[Edit]) -> None:
        """Record that settled ``edits`` (offsets in the current text) have been applied."""
        if not edits:
            return
        new: list[tuple[int, int, int, int, bool]] = []
        shift = 0
        prev = 0
        for edit in edits:
            self._copy(prev, edit.start, shift, new)
            o_start, o_end = self.to_original(edit.start, edit.end)
            if edit.after:
                new.append((edit.start + shift, edit.start + shift + len(edit.after), o_start, o_end, False))
            shift += len(edit.after) - (edit.end - edit.start)
            prev = edit.end
        self._copy(prev, self._segments[-1][1], shift, new)
        if not new:
            new = [(0, 0, 0, 0, True)]
        self._segments = new
        self._cur_starts = [s[0] for s in new]

    def _copy(self, start: int, end: int, shift: int, out: list[tuple[int, int, int, int, bool]]) -> None:
        """Append the segments that cover ``[start, end)`` of the current text, clipped and shifted."""
        for seg, a, b in self._overlapping(start, end):
            o = _slice(seg, a, b)
            out.append((a + shift, b + shift, o[0], o[1], seg[4]))

    def _overlapping(
        self, start: int, end: int
    ) -> Iterator[tuple[tuple[int, int, int, int, bool], int, int]]:
        """Each segment that overlaps ``[start, end)`` of the current text, with the overlap."""
        i = max(bisect.bisect_right(self._cur_starts, start) - 1, 0)
        while i < len(self._segments):
            seg = self._segments[i]
            if seg[0] >= end:
                return
            a, b = max(start, seg[0]), min(end, seg[1])
            if a < b:
                yield seg, a, b
            i += 1


def _slice(seg: tuple[int, int, int, int, bool], start: int, end: int) -> tuple[int, int]:
    """The original span of the part ``[start, end)`` (current offsets) of one segment."""
    cur_start, _cur_end, orig_start, orig_end, unchanged = seg
    if unchanged:
        return orig_start + (start - cur_start), orig_start + (end - cur_start)
    return orig_start, orig_end
