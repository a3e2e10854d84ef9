"""Quotation marks: plain ASCII, the language's own typographic pairs, or as they are.

One rule, ``normalize_quotes``, whose style is ``ctx.quotes`` (``clean(..., quotes=...)``):

``"ascii"`` (the default)
    Every double quotation mark (“ ” „ ‟ « » 〝 〞 ＂, and the CJK corner brackets 「 」 『 』) becomes
    ``"``; every single one and every apostrophe (‘ ’ ‚ ‛ ‹ › ＇ ʼ) becomes ``'``. Primes (5′11″)
    are not quotation marks and stay. Spaces just inside a pair of guillemets go with them:
    ``« Oui »`` becomes ``"Oui"``.
``"typographic"``
    Every quotation mark, straight or curly, becomes the language's own opening or closing mark,
    by its position (before a word it opens, after one it closes) and by pairing; quotes inside
    quotes take the language's inner pair. The pairs come from CLDR's delimiters, kept in the
    ``[quotes] marks`` of each language file (en “…” ‘…’, de „…“ ‚…‘, fr « … » with narrow
    no-break spaces, ru «…» „…“, ja 「…」『…』). Apostrophes (don't, l'homme, Jum'at,
    rock 'n' roll, '90s) become ’ and are never taken for quotes.
``"keep"``
    Nothing changes.

A quotation mark without a partner on its line is never given one: it stays unpaired, and its
edit (if its character changes) says ``unbalanced`` in its note. See docs/quotes.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from newstext.context import Context
from newstext.edits import Edit, apply_edits, settle
from newstext.pipeline import Cleaner

__all__ = [
    "ASCII_QUOTES",
    "DEFAULT_MARKS",
    "NormalizeQuotes",
    "QuoteMark",
    "analyse_quotes",
    "ascii_quotes",
    "language_marks",
    "normalize_quotes",
]

# The families of quotation marks. Marks pair only within their family.
_DOUBLE = '"“”„‟«»〝〞〟＂❝❞'
_SINGLE = "'‘’‚‛‹›❛❜＇ʼ"
_CORNER = "「」﹁﹂"
_WHITE_CORNER = "『』﹃﹄"
_FAMILY = {
    **dict.fromkeys(_DOUBLE, "double"),
    **dict.fromkeys(_SINGLE, "single"),
    **dict.fromkeys(_CORNER, "corner"),
    **dict.fromkeys(_WHITE_CORNER, "white_corner"),
}
# Marks that always open or always close, whatever stands around them.
_ALWAYS_OPEN = frozenset("„‚「『﹁﹃〝")
_ALWAYS_CLOSE = frozenset("」』﹂﹄〞〟")

#: What each quotation mark becomes with ``quotes="ascii"``.
ASCII_QUOTES: dict[str, str] = {
    **dict.fromkeys(_DOUBLE + _CORNER + _WHITE_CORNER, '"'),
    **dict.fromkeys(_SINGLE, "'"),
}
_ASCII_ITEMS = tuple((c, r) for c, r in ASCII_QUOTES.items() if c != r)
_CURLY_RE = re.compile("[" + re.escape("".join(c for c, r in ASCII_QUOTES.items() if c != r)) + "]")
_ANY_QUOTE_RE = re.compile("[" + re.escape("".join(ASCII_QUOTES)) + "]")
# A pair of guillemets on one line, with the spaces just inside them (French spacing).
_SPACES = " \u00a0\u202f"
_GUILLEMET_PAIR_RE = re.compile(f"«[{_SPACES}]?+([^«»\n]{{1,5000}}?)[{_SPACES}]?»")

#: The marks used when a language has no ``[quotes] marks`` (CLDR root: “…” ‘…’).
DEFAULT_MARKS: tuple[str, str, str, str] = ("“", "”", "‘", "’")
_APOSTROPHE = "’"
# Single marks written as apostrophes: an unpaired one is taken for an apostrophe ('em, students').
# (An unpaired ‘ stays an opening mark, like ‹ and ‚; between letters or before a digit it is one.)
_APOSTROPHE_LIKE = frozenset("'’＇")
_TO_APOSTROPHE = frozenset("'‘’＇")

# What may stand before an opening mark / after a closing one (besides white space).
_OPEN_CONTEXT = frozenset("([{<-–—/")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>-–—/…。、，！？；：")


class QuoteMark(NamedTuple):
    """One quotation mark or apostrophe found by :func:`analyse_quotes`.

    ``role`` is "open", "close", "apostrophe" or "other" (an inch or foot mark after a number, a
    lone mark between spaces: left alone). ``level`` is the nesting depth of a quote (0 outside any
    other quote). ``balanced`` is False for a quote whose partner is not on its line.
    """

    pos: int
    char: str
    role: str
    level: int
    balanced: bool


def _word(c: str) -> bool:
    return c.isalnum()


def _cjk(c: str) -> bool:
    """Han, kana, Hangul, fullwidth forms: scripts that write no apostrophes."""
    o = ord(c)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or o >= 0x20000
    )


def analyse_quotes(text: str) -> list[QuoteMark]:
    """Every quotation mark and apostrophe of ``text`` with its role, depth and balance.

    Quotes pair within a line (a paragraph): a quote that runs over several paragraphs, as news
    writing does by opening each paragraph and closing only the last, has its opening marks
    reported as unbalanced, which is what they are.

    >>> [(m.char, m.role) for m in analyse_quotes("\\"Don't,\\" she said.")]
    [('"', 'open'), ("'", 'apostrophe'), ('"', 'close')]
    """
    out: list[QuoteMark] = []
    for m in _ANY_QUOTE_RE.finditer(text):
        out.append(QuoteMark(m.start(), m.group(), "", 0, True))
    if not out:
        return out
    result: list[QuoteMark] = []
    line_start = 0
    i = 0
    while i < len(out):
        line_end = text.find("\n", out[i].pos)
        if line_end < 0:
            line_end = len(text)
        line_start = text.rfind("\n", 0, out[i].pos) + 1
        j = i
        while j < len(out) and out[j].pos < line_end:
            j += 1
        result.extend(_analyse_line(text, line_start, line_end, out[i:j]))
        i = j
    return result


def _analyse_line(text: str, start: int, end: int, marks: list[QuoteMark]) -> Iterator[QuoteMark]:
    roles: dict[int, tuple[str, int, bool]] = {}  # pos -> (role, level, balanced)
    stack: list[tuple[int, str, int]] = []  # (pos, family, level) of open quotes
    open_of: dict[str, list[int]] = {}  # family -> indexes in stack of its open quotes

    def unwind(k: int) -> None:
        """Pop the stack down to (not including) index k: those quotes were never closed."""
        while len(stack) > k:
            pos, family, level = stack.pop()
            open_of[family].pop()
            if text[pos] in _APOSTROPHE_LIKE:
                roles[pos] = ("apostrophe", 0, True)  # an unclosed ' is an elision: 'em, 'tis
            else:
                roles[pos] = ("open", level, False)

    for mark in marks:
        pos, char = mark.pos, mark.char
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        family = _FAMILY[char]
        if char == "ʼ":
            roles[pos] = ("apostrophe", 0, True)
            continue
        if family == "single":
            if _word(prev) and _word(nxt) and not (_cjk(prev) or _cjk(nxt)):
                # don't, l'homme, Jum'at; but 5'11 is feet and inches
                kind = "other" if prev.isdigit() and nxt.isdigit() else "apostrophe"
                roles[pos] = (kind, 0, True)
                continue
            if nxt.isdigit() and not _word(prev):
                roles[pos] = ("apostrophe", 0, True)  # '90s
                continue
        family_open = open_of.setdefault(family, [])
        open_at = family_open[-1] if family_open else None
        if char == '"' and prev.isdigit() and open_at is None and not _word(nxt):
            roles[pos] = ("other", 0, True)  # 12" (inches)
            continue
        if char in _ALWAYS_OPEN:
            direction = "open"
        elif char in _ALWAYS_CLOSE:
            direction = "close"
        else:
            left = prev.isspace() or prev in _OPEN_CONTEXT
            right = nxt.isspace() or nxt in _CLOSE_CONTEXT
            if left and not right:
                direction = "open"
            elif right and not left:
                direction = "close"
            elif left and right and prev.isspace() and nxt.isspace():
                if char not in "«»":
                    roles[pos] = ("other", 0, True)  # a lone mark between spaces
                    continue
                # French spacing, « mot »: the guillemet's own shape says which way it faces
                direction = "open" if char == "«" else "close"
            else:
                direction = "close" if open_at is not None else "open"
        if direction == "open":
            family_open.append(len(stack))
            stack.append((pos, family, len(stack)))
            continue
        if open_at is None:
            if char in _APOSTROPHE_LIKE:
                roles[pos] = ("apostrophe", 0, True)  # students' books
            else:
                roles[pos] = ("close", 0, False)
            continue
        unwind(open_at + 1)
        open_pos, _, level = stack.pop()
        family_open.pop()
        if family == "single" and pos - open_pos == 2 and text[open_pos + 1].islower():
            # rock 'n' roll: one letter between two apostrophes
            roles[open_pos] = roles[pos] = ("apostrophe", 0, True)
            continue
        roles[open_pos] = ("open", level, True)
        roles[pos] = ("close", level, True)
    unwind(0)
    for mark in marks:
        role, level, balanced = roles[mark.pos]
        yield QuoteMark(mark.pos, mark.char, role, level, balanced)


def _note(mark: QuoteMark) -> str:
    if mark.role in ("open", "close") and not mark.balanced:
        side = "closing" if mark.role == "open" else "opening"
        return f"unbalanced: no {side} mark on its line, none invented"
    return mark.role


def _marks_for(given: tuple[str, ...]) -> tuple[str, str, str, str]:
    """The four marks of a ``[quotes] marks`` list (a positional key: never merged, so always whole)."""
    if not given:
        return DEFAULT_MARKS
    if len(given) != 4:
        raise ValueError(
            "[quotes] marks takes 4 marks (open, close, inner open, inner close), "
            f"not {len(given)}: {given!r}"
        )
    return (given[0], given[1], given[2], given[3])


def language_marks(ctx: Context) -> tuple[str, str, str, str]:
    """The language's (opening, closing, inner opening, inner closing) marks.

    From ``[quotes] marks`` of the language file (CLDR delimiters), else :data:`DEFAULT_MARKS`.
    """
    return _marks_for(ctx.data.strings("quotes", "marks"))


def _facing(text: str, pos: int) -> str | None:
    """ "open" after a space or bracket and before a word, "close" the other way round, else None."""
    prev = text[pos - 1] if pos > 0 and text[pos - 1] != "\n" else " "
    nxt = text[pos + 1] if pos + 1 < len(text) and text[pos + 1] != "\n" else " "
    left = prev.isspace() or prev in _OPEN_CONTEXT
    right = nxt.isspace() or nxt in _CLOSE_CONTEXT
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return None


def _unpaired_level(char: str, marks: tuple[str, str, str, str]) -> int | None:
    """The level whose marks are of the same family as ``char`` (None: no such level).

    An unpaired mark keeps its family, so that it cannot pair with another mark the next time.
    """
    family = _FAMILY[char]
    for level in (0, 1):
        if _FAMILY.get(marks[2 * level].strip()[:1]) == family:
            return level
    return None


def _typographic_edits(text: str, ctx: Context, rule: str) -> Iterator[Edit]:
    marks = language_marks(ctx)
    o1, c1, o2, c2 = marks
    for mark in analyse_quotes(text):
        start, end = mark.pos, mark.pos + 1
        if mark.role in ("open", "close") and not mark.balanced:
            # An unpaired mark is restyled only where its neighbours say which way it faces, and
            # only into a mark of its own family: then it reads the same way the next time.
            level = _unpaired_level(mark.char, marks)
            if level is None or _facing(text, mark.pos) != mark.role:
                continue
            mark = mark._replace(level=level)
        if mark.role == "apostrophe":
            if mark.char in _TO_APOSTROPHE:
                after = _APOSTROPHE
            else:
                continue
        elif mark.role == "open":
            after = o1 if mark.level % 2 == 0 else o2
            # A space just inside a guillemet belongs to the mark (French spacing): it goes with
            # it, and a mark with its own space (French « ) takes the place of a space after it.
            spaced = after[-1:].isspace()
            if (spaced or mark.char in "«»") and end < len(text) and text[end] in _SPACES:
                end += 1
            elif spaced and (end >= len(text) or text[end] == "\n"):
                after = after.rstrip()
        elif mark.role == "close":
            after = c1 if mark.level % 2 == 0 else c2
            spaced = after[:1].isspace()
            if (spaced or mark.char in "«»") and start > 0 and text[start - 1] in _SPACES:
                start -= 1
            elif spaced and (start == 0 or text[start - 1] == "\n"):
                after = after.lstrip()
        else:
            continue
        before = text[start:end]
        if after != before:
            yield Edit(rule, start, end, before, after, _note(mark))


def _ascii_edits(text: str, rule: str, notes: bool) -> Iterator[Edit]:
    unbalanced: dict[int, str] = {}
    if notes:
        unbalanced = {
            m.pos: _note(m) for m in analyse_quotes(text) if m.role in ("open", "close") and not m.balanced
        }
    covered: set[int] = set()
    if "«" in text:
        for m in _GUILLEMET_PAIR_RE.finditer(text):
            a, b = m.start(), m.start(1)
            c, d = m.end(1), m.end()
            covered.update((a, d - 1))
            yield Edit(rule, a, b, text[a:b], '"', "guillemet with its inner space")
            yield Edit(rule, c, d, text[c:d], '"', "guillemet with its inner space")
    for m in _CURLY_RE.finditer(text):
        pos = m.start()
        if pos not in covered:
            yield Edit(rule, pos, pos + 1, m.group(), ASCII_QUOTES[m.group()], unbalanced.get(pos, ""))


def ascii_quotes(text: str) -> str:
    """``text`` with every quotation mark and apostrophe made ASCII (the "ascii" style).

    >>> ascii_quotes("« Oui » et „gut“ et 「東京」")
    '"Oui" et "gut" et "東京"'
    """
    if "«" in text:
        text = _GUILLEMET_PAIR_RE.sub(r'"\1"', text)
    if len(text) <= _CHUNK:
        return _ascii_marks(text)
    # a long text a piece at a time (each mark is one character for one, so any cut will do):
    # a piece stays in the processor's cache for all the marks, where a pass over the whole text
    # per mark reads it from memory each time (three times the cost on a 10 MB text)
    return "".join([_ascii_marks(text[k : k + _CHUNK]) for k in range(0, len(text), _CHUNK)])


#: the length of the pieces :func:`ascii_quotes` works on in a long text
_CHUNK = 1 << 16


def _ascii_marks(text: str) -> str:
    """``text`` with every mark of :data:`ASCII_QUOTES` made ASCII."""
    # `in` then `replace` per mark: much faster than str.translate on non-ASCII text
    for char, replacement in _ASCII_ITEMS:
        if char in text:
            text = text.replace(char, replacement)
    return text


@dataclass(frozen=True)
class NormalizeQuotes(Cleaner):
    """Normalise quotation marks and apostrophes to the style ``ctx.quotes`` asks for.

    ASCII by default: it is what most corpora, search indexes and tokenisers expect, and the same
    text quoted with “”, „“ or «» then compares equal. "typographic" gives the language's own
    marks, correctly paired; "keep" leaves every mark as it is.
    """

    name: ClassVar[str] = "normalize_quotes"
    # every edit puts a mark for a mark (with the white space inside a guillemet): it removes no
    # character the guard counts, so the guard never holds this rule back and the pipeline takes
    # the fast path (``apply``, which gives the text the edits give)
    guarded: ClassVar[bool] = False

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if ctx.quotes == "keep":
            return []
        if ctx.quotes == "typographic":
            if _ANY_QUOTE_RE.search(text) is None:
                return []
            return list(_typographic_edits(text, ctx, self.name))
        if text.isascii():
            return []
        return list(_ascii_edits(text, self.name, notes=True))

    def apply(self, text: str, ctx: Context) -> str:
        if ctx.quotes == "keep":
            return text
        if ctx.quotes == "typographic":
            if _ANY_QUOTE_RE.search(text) is None:
                return text
            return apply_edits(text, settle(_typographic_edits(text, ctx, self.name)))
        if text.isascii():
            return text
        return ascii_quotes(text)


normalize_quotes = NormalizeQuotes()
