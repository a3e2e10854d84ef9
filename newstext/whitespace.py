"""White space layout: one rule, ``normalize_whitespace``, run last (docs/rules/whitespace.md).

The output has one consistent layout:

- no white space at the start or end of the text, and none at the start or end of a line;
- inside a line, words are separated by one space (runs of spaces and tabs fold to one);
- one paragraph separator per text, the one the text itself uses: texts that put one paragraph per
  line (more single line breaks than blank-line separators, as many scraped sites do) are separated
  by ``"\n"`` and keep no blank line; texts that mark paragraphs with blank lines are separated by
  exactly one blank line (``"\n\n"``), and a single ``"\n"`` in them is a line break inside a
  paragraph (a list, an address, a poem) and stays.

The separator is not imposed because the rules before this one read the layout (a tag glued to the
end of a paragraph, a line that is a label): turning single breaks into blank lines would let a
second ``clean()`` see a different text than the first did, and ``clean`` must be idempotent.

Only ASCII space, tab and line feed are touched: other spaces are ``normalize_spaces``'s business,
and the narrow no-break space that French typographic quotes carry must survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.pipeline import Cleaner

__all__ = ["PARAGRAPH_BREAK", "NormalizeWhitespace", "normalize_whitespace"]

#: What separates paragraphs in a text that marks them with blank lines.
PARAGRAPH_BREAK = "\n\n"

_WS = " \t\n"
# A run of white space that may change: two or more spaces, tabs and breaks, or a lone tab (a lone
# space or break stays). Its first character is a class, so the search skips ahead to the next
# white space in C instead of trying the pattern at every character.
_RUN_RE = re.compile(r"[ \t\n](?:[ \t\n]++|(?<=\t))")
# The same runs in a text that fold_spaces leaves as it is (most texts): two or more breaks.
_BREAKS_RE = re.compile(r"\n\n+")
# two or more spaces, written to start with a literal ("  "), which the search skips ahead to in
# C; " {2,}" has none, so it would be tried at every character
_SPACES_RE = re.compile("   *")


def fold_spaces(text: str) -> str:
    """Tabs become spaces, runs of spaces one space, and no space stays next to a line break.

    Each step runs only when there is something for it: far faster than one search for a pattern
    with no literal start. Shared by :class:`NormalizeWhitespace` and the repair rule's finisher.
    """
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    if " \n" in text or "\n " in text:
        # spaces are single now: each one next to a break goes (runs of breaks keep their number)
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    return text


_BLANKS_RE = re.compile("\n\n\n+")  # "\n{3,}" with a literal start, as _SPACES_RE


def _fold_blank_lines(text: str) -> str:
    """``text`` (spaces folded) with each run of blank lines folded to one.

    Each run of white space that holds a line break is now its breaks alone (as many as before,
    at most two), so what the text uses to separate paragraphs can be counted.
    """
    if "\n\n\n" in text:
        text = _BLANKS_RE.sub(PARAGRAPH_BREAK, text)
    return text


def _line_style(folded: str) -> bool:
    """True when the text puts one paragraph per line: more single breaks than blank lines
    (``folded`` as :func:`_fold_blank_lines` gives it)."""
    blank = folded.count("\n\n")  # each is one blank-line run
    return folded.count("\n") - 2 * blank > blank


def _replacement(run: str, line_style: bool) -> str:
    breaks = run.count("\n")
    if breaks == 0:
        return " "
    if breaks == 1 or line_style:
        return "\n"
    return PARAGRAPH_BREAK


@dataclass(frozen=True)
class NormalizeWhitespace(Cleaner):
    """Tidy white space: trim the text and its lines, fold runs, one paragraph separator per text.

    On by default, right after the junk rules, because they leave gaps where they removed lines
    or words, and before ``rejoin_broken_lines``, which must see the lines as they will be left.
    White space never changes a word, so this rule cannot lose content.
    """

    name: ClassVar[str] = "normalize_whitespace"
    # it only removes white space, which the guard does not count: it never holds this rule back,
    # so the pipeline takes the fast path (``apply``, which gives the text the edits give)
    guarded: ClassVar[bool] = False

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        lead = len(text) - len(text.lstrip(_WS))
        if lead == len(text):
            if text:
                yield Edit(self.name, 0, len(text), text, "", "white space only")
            return
        trail = len(text) - len(text.rstrip(_WS))
        end = len(text) - trail
        if lead:
            yield Edit(self.name, 0, lead, text[:lead], "", "leading white space")
        middle = text[lead:end]
        folded = fold_spaces(middle)
        line_style = _line_style(_fold_blank_lines(folded))
        for m in (_RUN_RE if folded != middle else _BREAKS_RE).finditer(middle):
            run = m.group()
            after = _replacement(run, line_style)
            if after != run:
                yield Edit(self.name, lead + m.start(), lead + m.end(), run, after, _note(run, after))
        if trail:
            yield Edit(self.name, end, len(text), text[end:], "", "trailing white space")

    def apply(self, text: str, ctx: Context) -> str:
        # The same result as the edits, in a few whole-text steps with constant replacements:
        text = _fold_blank_lines(fold_spaces(text.strip(_WS)))
        if _line_style(text):  # one paragraph per line: no blank lines
            text = text.replace("\n\n", "\n")
        return text


def _note(run: str, after: str) -> str:
    if after == PARAGRAPH_BREAK:
        return "blank lines folded to one"
    if after == "\n":
        if run.count("\n") > 1:
            return "blank line dropped: one paragraph per line"
        return "spaces around a line break"
    return "run of spaces" if "\t" not in run else "tab"


normalize_whitespace = NormalizeWhitespace()
