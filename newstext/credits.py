"""``drop_credits``: bylines, editor initials, source lines, photo credits and captions, end credits.

Removed: "Editor: X", "Penulis: X", "Reporter: X", "Sumber: Antara", "Foto: X" lines (labels from
``author_labels``, ``editor_labels``, ``source_labels``, ``photo_labels``), also glued to the
last paragraph (",Reporter: X,Sumber: Y"); editor initials "(fbr/wes)"; copyright credits
"© AFP / X"; captions that end with a photo credit "(AP Photo/X)", "(Image by X)"; the lines of
``credit_patterns`` (bylines, "... can be reached at ...", "X contributed to this report."); and
a video's end-credits block ("DIRECTOR & PRODUCER Ariane Wu" ... to the end).

What a credit says is kept in the edit's ``note`` as ``"<role>: <value>"``: ``author``,
``editor``, ``source``, ``photo``, ``initials``, ``copyright``, ``contributor``, ``caption``,
``credits`` or, for a pattern without a named group, ``credit``. See docs/rules/drop_credits.md.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import ClassVar

import regex

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkdata import ROLES, junk_data
from newstext.junkpatterns import (
    CAPS_CREDIT,
    COPYRIGHT_LINE,
    COPYRIGHT_TAIL,
    INITIALS_LINE,
)
from newstext.lines import Line, line_start_matches, remove_lines, remove_match, split_lines, tidy_removals
from newstext.pipeline import Cleaner

__all__ = ["NOTE_ROLES", "DropCredits", "drop_credits"]

#: The roles a credit note may name, as in ``note="source: Antara"``.
NOTE_ROLES = (*ROLES, "initials", "copyright", "contributor", "caption", "credits", "credit")

_PATTERN_ROLES = ("author", "editor", "source", "photo", "contributor", "caption")
# a letter, a digit or "_": what makes a word of what lies between spaces ("|" and "/" between the
# names of a credit are no words)
_WORD_CHAR = regex.compile(r"\w")
# the end credits of a video: at least this many lines, most of them "ROLE Name"
_MIN_CREDIT_LINES = 4
_TAIL_CHARS = 6000
# credits glued to the last paragraph (",Reporter: X,Sumber: Y") sit in the text's last characters
# (the lines these touch are read from their start, up to as many characters again)
_GLUED_CHARS = 400
# a line that ends with a photo credit is a caption when it is this short (else the credit goes alone)
_CAPTION_CHARS = 300
_SENTENCE_END = regex.compile(r"[.!?](?=\s)")
# What a line must start with for CAPS_CREDIT to match it ("&" or two capitals), and for
# INITIALS_LINE ("(fbr/" within its first characters), after the break before it. A search for
# these, which starts with a literal, finds the few lines worth trying in one pass over the text
# instead of a match tried at every line start.
_CAPS_CREDIT_HEAD = regex.compile(r"\n[^\S\n]{0,8}(?:&|\p{Lu}[\p{Lu}&/.,'-])")
_INITIALS_HEAD = regex.compile(r"\n[^\S\n]{0,8}[(\[]?[a-z]{2,5}/")


@dataclass(frozen=True)
class DropCredits(Cleaner):
    """Remove credit lines and captions; each edit's ``note`` keeps what the credit said.

    ``extra_author_labels``, ``extra_editor_labels``, ``extra_source_labels``,
    ``extra_photo_labels``: labels of your own ("Text", "Redaksi"); ``extra_patterns``: regular
    expressions of your own (a named group ``author``, ``editor``, ``source``, ``photo``,
    ``contributor`` or ``caption`` becomes the note). ``end_credits`` (default True) removes a
    video's end-credits block that closes the text.
    """

    name: ClassVar[str] = "drop_credits"

    extra_author_labels: tuple[str, ...] = ()
    extra_editor_labels: tuple[str, ...] = ()
    extra_source_labels: tuple[str, ...] = ()
    extra_photo_labels: tuple[str, ...] = ()
    extra_patterns: tuple[str, ...] = ()
    end_credits: bool = True

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        jd = junk_data(
            ctx.data,
            author_labels=self.extra_author_labels,
            editor_labels=self.extra_editor_labels,
            source_labels=self.extra_source_labels,
            photo_labels=self.extra_photo_labels,
            credit_patterns=self.extra_patterns,
        )
        rule = self.name
        out: list[Edit] = []
        for kind, m in jd.credits.scan(text, ctx):
            if kind == 0:
                role = next(r for r in ROLES if m[r] is not None)
                value = m["v"].strip()
                glued_word = m["sep"] == ":" and text[m.end("sep") : m.end("sep") + 1].islower()
                if not glued_word and _credit_value(value, photo=role == "photo"):
                    out.append(remove_match(text, m.start(), m.end(), rule, f"{role}: {value}"))
            elif kind == 1:
                out.append(_photo_edit(text, m, rule))
            elif kind == 2:
                out.append(remove_match(text, m.start(), m.end(), rule, f"initials: {m['v']}"))
            elif m.end() > m.start():
                out.append(remove_match(text, m.start(), m.end(), rule, _pattern_note(m)))
        # the lines in the text's last characters, each from its start (up to as many characters
        # again), so that a chain of credits is seen whole even where the window's edge cuts it
        tail_start = max(0, len(text) - _GLUED_CHARS)
        tail_start = max(text.rfind("\n", 0, tail_start) + 1, tail_start - _GLUED_CHARS)
        window = text[tail_start:]
        if ":" in window:
            for m in jd.credit_glued(text, tail_start):
                tail = text[m.start() : m.end()]
                segs = list(jd.credit_segments(tail))
                for k, seg in enumerate(segs):
                    role = next(r for r in ROLES if seg[r] is not None)
                    end = m.end() if k == len(segs) - 1 else m.start() + seg.end()
                    start = m.start() + seg.start()
                    out.append(Edit(rule, start, end, text[start:end], "", f"{role}: {seg['v'].strip()}"))
        if "(" in text and "/" in text:
            for m in line_start_matches(INITIALS_LINE, text, head=_INITIALS_HEAD):  # = INITIALS_LINE.finditer
                out.append(remove_match(text, m.start(), m.end(), rule, f"initials: {m['v']}"))
        if "©" in text:
            for m in COPYRIGHT_LINE.finditer(text):
                value = _folded(m["v"])
                if 0 < len(value) <= _COPYRIGHT_LINE_CHARS:
                    out.append(remove_match(text, m.start(), m.end(), rule, f"copyright: {value}"))
            spans = sorted((e.start, e.end) for e in out)
            for m in COPYRIGHT_TAIL.finditer(text):
                # the value as it will read once a credit glued after it (",Sumber: X") is gone
                cut = _cut(spans, m.start("v"), m.end())
                if not _copyright_value(text[m.start("v") : cut]):
                    continue  # "the © symbol is used by publishers.": a sentence, not a credit
                start = _chain_start(text, m.start())
                note = "copyright: " + _folded(text[start : m.end()]).lstrip("© ")
                out.append(remove_match(text, start, m.end(), rule, note))
        if self.end_credits:
            block = _end_credits(text, rule)
            if block is not None:
                out.append(block)
        return tidy_removals(text, out)


def _chain_start(text: str, start: int) -> int:
    """Where the chain of copyright credits glued to a line's end that ends with the one at
    ``start`` begins: "© AFP © Reuters" goes whole (one credit at a time, each ``clean()`` would
    take one more). Each step finds the sign before with ``rfind`` and matches one credit between
    it and ``start``: a line of a million signs costs a step per sign, not a search per sign."""
    floor = text.rfind("\n", 0, start) + 1
    while (sign := text.rfind("©", floor, start)) >= 0:
        begin = sign  # the credit takes the white space before its sign
        while begin > floor and text[begin - 1] != "\n" and text[begin - 1].isspace():
            begin -= 1
        m = COPYRIGHT_TAIL.fullmatch(text, begin, start)
        # (the comma that glued the next credit on goes with this one)
        if m is None or not _copyright_value(m["v"].rstrip().removesuffix(",")):
            break
        start = begin
    return start


def _cut(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """Where the first of ``spans`` (sorted) that starts after ``start``, before ``end``, and runs to
    ``end`` or past it begins; ``end`` when there is none."""
    k = bisect.bisect_left(spans, (start + 1, -1))
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] >= end:
            return spans[k][0]
        k += 1
    return end


def _copyright_value(value: str) -> bool:
    """Whether what follows a copyright sign at a line's end reads like a credit: at most
    :data:`_COPYRIGHT_TAIL_CHARS` characters once its white space is folded, as a second
    ``clean()`` will read it after ``normalize_whitespace``, and a credit's value."""
    folded = _folded(value)
    return 2 <= len(folded) <= _COPYRIGHT_TAIL_CHARS and _credit_value(folded, photo=False)


def _folded(text: str) -> str:
    """``text`` with its white space folded to single spaces and none at its ends, as a line reads
    once ``normalize_spaces`` and ``normalize_whitespace`` have run."""
    return " ".join(text.split())


#: the longest value of a copyright line ("© 2020 General Mills. All rights reserved.") and of a
#: copyright credit glued to a line's end, white space folded
_COPYRIGHT_LINE_CHARS = 400
_COPYRIGHT_TAIL_CHARS = 80


def _photo_edit(text: str, m: re.Match[str], rule: str) -> Edit:
    """A caption that ends with a photo credit goes whole; a paragraph loses only the credit."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()]
    note = f"photo: {m['v'].strip()}"
    if len(before) <= _CAPTION_CHARS and len(_SENTENCE_END.findall(before)) <= 2:
        return remove_match(text, line_start, m.end(), rule, note)
    return remove_match(text, m.start(), m.end(), rule, note)


def _credit_value(value: str, *, photo: bool) -> bool:
    """True when ``value`` reads like what a credit names, not like a sentence."""
    if not value or value[-1] in "?!:;,":
        return False
    words = [w for w in value.split() if _WORD_CHAR.search(w)]
    if photo:
        return len(value) <= 400
    if len(value) > 120 or len(words) > 10:
        return False
    return not (value.endswith(".") and len(words) > 4)


def _pattern_note(m: regex.Match[str]) -> str:
    for role in _PATTERN_ROLES:
        try:
            got = m.group(role)
        except IndexError:
            continue
        if got:
            return f"{role}: {got.strip()}"
    return f"credit: {m.group().strip()[:200]}"


def _end_credits(text: str, rule: str) -> Edit | None:
    """A video's end credits: from a "ROLE Name" line to the end, when most lines look like that."""
    tail_start = max(0, len(text) - _TAIL_CHARS)
    top = text.rfind("\n", 0, tail_start) + 1  # the start of the first line that reaches the tail
    caps = list(line_start_matches(CAPS_CREDIT, text, top, head=_CAPS_CREDIT_HEAD))
    if not caps or caps[-1].start() < tail_start:
        return None
    # a block needs that many shaped lines: "ROLE Name" lines without a colon, lines that start
    # with "©" (at most as many as the signs): most texts with a capitals line have too few, told
    # without reading every line of the tail
    shaped_at_most = sum(":" not in m.group() for m in caps) + text.count("©", top)
    if shaped_at_most < _MIN_CREDIT_LINES:
        return None
    # the lines from ``top`` on, alone split (offsets into ``text``; their index is not read)
    lines = [
        Line(-1, top + ln.start, top + ln.end, ln.text)
        for ln in split_lines(text[top:])
        if top + ln.end >= tail_start and not ln.blank
    ]
    if len(lines) < _MIN_CREDIT_LINES:
        return None
    shaped = [
        (bool(CAPS_CREDIT.match(ln.text)) and ":" not in ln.text) or ln.stripped.startswith("©")
        for ln in lines
    ]
    # the block starts at the first line that opens three shaped lines and after which most
    # lines are shaped (looked for from the top, so the search stops there)
    best: int | None = None
    credit = sum(shaped)  # the shaped lines from line k to the end
    for k in range(len(lines) - 2):
        if (
            all(shaped[k : k + 3])
            and credit >= _MIN_CREDIT_LINES
            and credit / (len(lines) - k) >= 0.6
            and _role_and_name(lines[k].stripped)
        ):
            best = k
            break
        credit -= shaped[k]
    if best is None:
        return None
    named = (ln for ln in lines[best:] if _role_and_name(ln.stripped))
    if len(list(islice(named, 3))) < 3:
        return None
    first = lines[best]
    last_line = Line(-1, lines[-1].start, lines[-1].end, lines[-1].text)
    names = "; ".join(ln.stripped for ln in lines[best : best + 3])
    return remove_lines(text, first, last_line, rule, f"credits: {names} ...")


def _role_and_name(line: str) -> bool:
    """True for "DIRECTOR & PRODUCER Ariane Wu": upper-case words, then a capitalised name."""
    words = line.split()
    caps = 0
    for w in words:
        if (w.isupper() and not w.endswith(",")) or w == "&":
            caps += 1
            continue
        break
    rest = words[caps:]
    return caps >= 1 and bool(rest) and rest[0][:1].isupper() and not rest[0].isupper()


#: The cleaner with its defaults, as it runs in the default pipeline.
drop_credits = DropCredits()
