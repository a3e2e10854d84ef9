"""Text repair: mojibake (through ftfy), HTML entities and leftover HTML tags.

Three rules, run first in the default pipeline so every later rule sees real characters:

``fix_mojibake``
    Text decoded with the wrong encoding ("CafÃ©", "â€œ") is repaired by ftfy with the explicit
    :data:`FTFY_CONFIG`. ftfy is slow on long text, so a fast path skips its analysis for every line
    that cannot be changed by it; the result is exactly ``ftfy.fix_text(text, FTFY_CONFIG)`` (see
    :func:`fix_text_like_ftfy` and docs/rules/characters.md for the proof), read on the lines the
    text has once its line breaks are "\n", and with the repairs that the later rules unlock.
``unescape_html``
    HTML character references (``&amp;``, ``&#8217;``, ``&nbsp;``), also when escaped twice
    (``&amp;#8217;``), become the characters they stand for.
``strip_html_tags``
    Leftover tags of known HTML elements (``<b>``, ``</p>``, ``<br/>``, ``<a href="...">``) and HTML
    comments are removed; block-level tags become a line break so words are not glued together.
    Anything else in angle brackets stays: "a < b", "<3", "<Jakarta>" are text.
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

import ftfy

from newstext.characters import (
    BIDI_CONTROLS,
    CONTROL_CHARS,
    INVISIBLE_CHARS,
    REMOVED_CHARS,
    SPACE_CHARS,
    normalize_spaces,
    remove_bidi_controls,
    remove_control_chars,
    remove_invisible,
    special_chars,
)
from newstext.context import Context
from newstext.edits import Edit, apply_edits
from newstext.lines import has_line_longer
from newstext.pipeline import Cleaner
from newstext.quotes import ASCII_QUOTES, ascii_quotes
from newstext.whitespace import fold_spaces

__all__ = [
    "FTFY_CONFIG",
    "FixMojibake",
    "StripHtmlTags",
    "UnescapeHtml",
    "fix_mojibake",
    "fix_text_like_ftfy",
    "repairable",
    "strip_html_tags",
    "unescape_html",
]

# --------------------------------------------------------------------------------------------------
# fix_mojibake
# --------------------------------------------------------------------------------------------------

#: The ftfy configuration newstext uses; each switch is explained in docs/rules/characters.md.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # our own rule ``unescape_html`` (it also undoes double escaping)
    remove_terminal_escapes=True,  # "\x1b[36m" colour codes are never text; no rule of ours does this
    fix_encoding=True,  # the point of this rule
    restore_byte_a0=True,  # ftfy's defaults for the four sub-switches of fix_encoding:
    replace_lossy_sequences=True,  # they are what ftfy's own test cases are proven with,
    decode_inconsistent_utf8=True,  # and ftfy.fix_text without explanation ignores them anyway
    fix_c1_controls=True,  # U+0080-U+009F are Windows-1252 read as Latin-1: "\x93" is a quote
    fix_latin_ligatures=True,  # "ﬁ" -> "fi": PDF copy-paste artefacts that split words for search
    fix_character_width=False,  # fullwidth "，" and "（" are normal punctuation in Chinese and Japanese
    uncurl_quotes=False,  # our own rule ``normalize_quotes`` (ascii, typographic or keep)
    fix_line_breaks=False,  # our own rule ``normalize_line_breaks``
    fix_surrogates=True,  # lone UTF-16 surrogates cannot even be encoded as UTF-8
    remove_control_chars=False,  # our own rules ``remove_control_chars`` and ``remove_invisible``
    normalization="NFC",  # composed accents, as nearly all text is written; NFKC would change "10³"
    explain=False,
)

_EXPLAIN_CONFIG = FTFY_CONFIG._replace(explain=True)


def _badness_prefilter() -> list[tuple[str, list[str]]] | None:
    """The parts of a regex that matches wherever ftfy's mojibake heuristic (``ftfy.badness.BADNESS_RE``)
    could (see :func:`_prefilter_pattern`).

    ``BADNESS_RE`` is an alternation of short character sequences; searching it over a whole
    article is most of ftfy's cost on clean text because several alternatives begin with ASCII
    letters or ``\\s``. Every alternative also contains a character class made only of non-ASCII
    characters (the "rare atom"). Dropping what comes before that atom in each alternative gives a
    pattern that matches wherever ``BADNESS_RE`` does (a match of the suffix starts inside every
    match of the full alternative), and it can be found fast because each of its alternatives starts
    with a rare, non-ASCII character.

    The pattern is derived from the installed ftfy's regex, not copied, so it follows ftfy's
    updates. If the regex has a shape this analysis does not understand, None is returned and every
    line with non-ASCII text is checked with ftfy's own heuristic (slower, still exact).

    Returned as the alternatives' suffixes, each as its first item and the items after it (each
    item a literal or a character class, as pattern text); :func:`_prefilter_pattern` joins them.
    """
    try:
        from re import _constants as sre_c  # type: ignore[attr-defined]
        from re import _parser as sre_p  # type: ignore[attr-defined]

        from ftfy.badness import BADNESS_RE
    except ImportError:  # pragma: no cover - a future Python or ftfy without these internals
        return None
    if BADNESS_RE.flags & (re.IGNORECASE | re.LOCALE):
        return None  # pragma: no cover
    tree = sre_p.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    if len(tree) != 1 or tree[0][0] is not sre_c.BRANCH:
        return None  # pragma: no cover
    branches = tree[0][1][1]

    def rare(op: object, av: object) -> bool:
        """True for a literal or a plain class whose every character is non-ASCII."""
        if op is sre_c.LITERAL:
            return isinstance(av, int) and av >= 0x80
        if op is not sre_c.IN or not isinstance(av, list):
            return False
        for o, a in av:
            if o is sre_c.LITERAL and a >= 0x80:
                continue
            if o is sre_c.RANGE and a[0] >= 0x80:
                continue
            return False
        return True

    def emit(op: object, av: object) -> str | None:
        """The pattern text of a literal or a class of literals, ranges, \\w or \\s; else None."""
        if op is sre_c.LITERAL and isinstance(av, int):
            return re.escape(chr(av))
        if op is not sre_c.IN or not isinstance(av, list):
            return None
        parts = []
        for o, a in av:
            if o is sre_c.LITERAL:
                parts.append(re.escape(chr(a)))
            elif o is sre_c.RANGE:
                parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_WORD:
                parts.append(r"\w")
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_SPACE:
                parts.append(r"\s")
            else:
                return None
        return "[" + "".join(parts) + "]"

    alternatives: list[tuple[str, list[str]]] = []
    for branch in branches:
        items = list(branch)
        k = next((i for i, (op, av) in enumerate(items) if rare(op, av)), None)
        if k is None:
            return None  # pragma: no cover - an alternative that needs no rare character
        out: list[str] = []
        for op, av in items[k:]:
            piece = emit(op, av)
            if piece is None:
                break  # a shorter suffix still matches wherever the full alternative does
            out.append(piece)
        alternatives.append((out[0], out[1:]))
    return alternatives


def _prefilter_pattern(alternatives: list[tuple[str, list[str]]], also: str = "", last: str = "") -> str:
    """One pattern that matches wherever one of the prefilter's ``alternatives`` does, or at one of
    the characters of the class body ``also``; built to be searched fast. ``last``, when given, is
    one more branch, tried after the others at a character of the first class.

    A pattern that starts with a character class is searched by a fast scan for that class, so the
    first characters of all alternatives are taken out in front, as one class. Each alternative
    then starts with its second item and checks its own first character with a lookbehind:
    (?:[ab]x|cy) becomes [abc](?:x(?<=[ab]x)|y(?<=cy)). An alternative that starts with a class or
    a literal is passed over by the regex engine after one test of the character, so a character
    of the first class (an "é" in French, every letter in Russian) costs one test per alternative
    whose second item it is followed by, instead of one lookbehind per alternative; and a character
    that no second item takes (a letter, most often) costs one test in all, the lookahead in front.
    """

    def body(item: str) -> str:
        return item[1:-1] if item.startswith("[") else item

    union = also + "".join(body(first) for first, _ in alternatives)
    alone = also + "".join(body(first) for first, rest in alternatives if not rest)
    seconds = "".join(body(rest[0]) for _, rest in alternatives if rest)
    longer = "|".join(
        f"{rest[0]}(?<={first}{rest[0]}){''.join(rest[1:])}" for first, rest in alternatives if rest
    )
    branches = ([f"(?<=[{alone}])"] if alone else []) + ([f"(?=[{seconds}])(?:{longer})"] if longer else [])
    branches += [last] if last else []
    return f"[{union}](?:{'|'.join(branches)})"


_PREFILTER_PARTS = _badness_prefilter()
#: Where ftfy's mojibake heuristic might fire (None: check every non-ASCII line with ftfy).
BADNESS_PREFILTER = None if _PREFILTER_PARTS is None else re.compile(_prefilter_pattern(_PREFILTER_PARTS))

# The other fixers switched on in FTFY_CONFIG change only text that holds one of these:
# C1 controls (fix_c1_controls), Latin ligatures (fix_latin_ligatures), UTF-16 surrogates
# (fix_surrogates), ESC (remove_terminal_escapes). NFC is checked with unicodedata.is_normalized.
_OTHER_FIXES = "\x1b\x80-\x9f\ud800-\udfff" + "".join(
    re.escape(chr(c)) for c in sorted(ftfy.chardata.LIGATURES)
)
_OTHER_FIXES_RE = re.compile(f"[{_OTHER_FIXES}]")
#: One search for both: a character one of the other fixers changes, or a place where the
#: prefilter matches (one scan of the text instead of two; None when there is no prefilter).
_MAY_CHANGE_RE = (
    None if _PREFILTER_PARTS is None else re.compile(_prefilter_pattern(_PREFILTER_PARTS, also=_OTHER_FIXES))
)


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """The spans ftfy.fix_text fixes one at a time: lines with their "\\n", cut at max_decode_length."""
    pos = 0
    n = len(text)
    limit = FTFY_CONFIG.max_decode_length
    while pos < n:
        brk = text.find("\n", pos) + 1
        if brk == 0:
            brk = n
        if brk - pos > limit:
            brk = pos + limit
        yield pos, brk
        pos = brk


def _may_change(segment: str) -> bool:
    """False only when ftfy (with FTFY_CONFIG) certainly returns ``segment`` unchanged."""
    if segment.isascii():
        return "\x1b" in segment
    if not unicodedata.is_normalized("NFC", segment):
        return True
    if _MAY_CHANGE_RE is None:
        return _OTHER_FIXES_RE.search(segment) is not None or ftfy.badness.is_bad(segment)
    return _MAY_CHANGE_RE.search(segment) is not None


def _text_may_change(text: str) -> bool:
    """The whole-text version of :func:`_may_change` (true if any segment may change)."""
    if text.isascii():
        return "\x1b" in text
    # NFC never composes across "\n", so the text is NFC exactly when every line is.
    if not unicodedata.is_normalized("NFC", text):
        return True
    if _MAY_CHANGE_RE is None:
        return True
    # The prefilter's alternatives hold no anchors, and its lookbehinds look only at the characters
    # its match consists of, so a match inside a segment is a match in the whole text: no match in
    # the text means no segment can match.
    return _MAY_CHANGE_RE.search(text) is not None


def _splice(text: str, segments: Iterable[tuple[int, int, str, bool]]) -> str:
    """``text`` with each changed segment put in (the fast path: no edits are built)."""
    parts: list[str] = []
    pos = 0
    for start, end, fixed, _ in segments:
        parts.append(text[pos:start])
        parts.append(fixed)
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _segments_to_check(text: str, finish: _Finisher | None) -> Iterable[tuple[int, int]]:
    """The segments :func:`_changed_segments` must look at: it would pass over every other one.

    Most texts hold no segment that ftfy changes, as they are or finished; this says so with as
    few passes over the text as it can.
    """
    if text.isascii():
        # (finishing ASCII text without ESC, the only ASCII character ftfy changes, gives such text)
        return _segments(text) if "\x1b" in text else ()
    # NFC never composes across "\n", so the text is NFC exactly when every line is.
    if not unicodedata.is_normalized("NFC", text) or _MAY_CHANGE_RE is None:
        return _segments(text)
    # The prefilter's alternatives hold no anchors, and its lookbehinds look only at the characters
    # its match consists of, so a match inside a segment is a match in the whole text: no match in
    # the text means no segment can match.
    if finish is None or not finish.may_hide(text):
        return _segments(text) if _MAY_CHANGE_RE.search(text) else ()
    # (ftfy cuts a line whose length with its "\n" is over the limit; a last line of just the
    # limit, with no break, is taken as well: that only checks more segments)
    if has_line_longer(text, FTFY_CONFIG.max_decode_length - 1):
        return _segments(text)  # (some segments are parts of lines: each is finished as it is)
    if finish.removes_any(text):
        if _MAY_CHANGE_RE.search(text):
            return _segments(text)
        whole = finish.text(text)
        # the segments are the lines: does one of them, finished, hold what ftfy would change?
        return _segments(text) if whole != text and _text_may_change(whole) else ()
    return _unsettled_lines(text, finish)


def _changed_segments(text: str, finish: _Finisher | None = None) -> Iterator[tuple[int, int, str, bool]]:
    """Each segment ftfy changes: its span, ftfy's result for it, and whether ``finish`` helped.

    ``finish`` (see :func:`_finisher`) is applied to the lines ftfy looks at; when the finished
    line is one ftfy would repair further, that repair is taken too.
    """
    for start, end in _segments_to_check(text, finish):
        segment = text[start:end]
        if _may_change(segment):
            fixed = ftfy.fix_text_segment(segment, FTFY_CONFIG)
        elif finish is not None and _HIDING_RE.search(segment) and _may_change(finish(segment)):
            fixed = segment  # damage that a soft hyphen or a curly quote hid from ftfy's view
        else:
            continue
        finished = False
        if finish is not None:
            for _ in range(4):
                canonical = finish(fixed)
                if canonical == fixed:
                    break
                again = ftfy.fix_text_segment(canonical, FTFY_CONFIG)
                if again == canonical:
                    break  # nothing more to repair: the later rules will do the rest
                fixed, finished = again, True
        if fixed != segment:
            yield start, end, fixed, finished


# "[ \t]{2,}|\t", written to start with a class, which the search skips ahead to in C
_SPACE_RUN_RE = re.compile(r"[ \t](?:[ \t]++|(?<=\t))")

#: characters the rules after fix_mojibake remove or rewrite, which can stand inside mojibake and
#: hide it from ftfy ("┌\xad¡" is "ڭ" once the soft hyphen is gone)
_HIDING_CHARACTERS = CONTROL_CHARS | BIDI_CONTROLS | INVISIBLE_CHARS | SPACE_CHARS
_HIDING_QUOTES = "".join(sorted(set(ASCII_QUOTES) - {'"', "'"}))
_HIDING_RE = re.compile("[" + re.escape("".join(sorted(_HIDING_CHARACTERS)) + _HIDING_QUOTES) + "\t]")


#: what else finishing changes: a run of spaces folds, a space next to a line break goes (a
#: guillemet's inner space goes with it, and the guillemets are in _HIDING_RE)
_FINISH_CHANGES = rf"(?:{_HIDING_RE.pattern}| [ \n]|\n )"


def _unsettled_pattern(alternatives: list[tuple[str, list[str]]], replaced: Iterable[str]) -> re.Pattern[str]:
    """:data:`_MAY_CHANGE_RE` with one more branch, which matches (with an empty group 1) at a
    character of the prefilter's first class that finishing keeps (it is none of ``replaced``) if
    finishing changes one of the characters after it that a match of the prefilter beginning there
    could span (or the guillemet just after them, which takes the space before it along).
    """
    span = max(len(rest) for _, rest in alternatives)  # characters of a match after its first
    kept = "(?<![" + re.escape("".join(sorted(replaced))) + "])"
    near = rf"{kept}(?=(?s:.){{0,{span}}}{_FINISH_CHANGES})()"
    return re.compile(_prefilter_pattern(alternatives, also=_OTHER_FIXES, last=near))


#: the pattern :func:`_unsettled_lines` searches, for quotes made ASCII (True) or not (False)
_UNSETTLED_RE = (
    {}
    if _PREFILTER_PARTS is None
    else {
        True: _unsettled_pattern(_PREFILTER_PARTS, SPACE_CHARS | set(ASCII_QUOTES)),
        False: _unsettled_pattern(_PREFILTER_PARTS, SPACE_CHARS),
    }
)


def _unsettled_lines(text: str, finish: _Finisher) -> Iterable[tuple[int, int]]:
    """The lines of ``text`` that may hold what ftfy would change once they are finished, or every
    segment when ``text`` itself may hold what ftfy changes.

    ``text`` is NFC, and finishing removes none of its characters: it replaces characters by ASCII
    quotes and spaces and removes spaces only, so no character is decomposed or brought next to
    another it composes with, and a finished line is NFC too; the characters ftfy's other fixers
    change are never put in. A match of the prefilter in a finished line begins at a character of
    the prefilter's first class that finishing kept; if finishing changed none of the characters
    after it that the match spans, the same match is in ``text``. One search finds both.
    """
    lines: list[tuple[int, int]] = []
    end = 0
    for m in _UNSETTLED_RE[finish.ctx.quotes == "ascii"].finditer(text):
        if m.lastindex is None:
            return _segments(text)  # a match of the prefilter in ``text`` itself
        if m.start() >= end:
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.start()) + 1 or len(text)
            lines.append((start, end))
    if not lines:
        return lines
    # those lines finished all at once, and one check: nearly always none of them may change
    finished = finish.text("".join([text[start:end] for start, end in lines]))
    return lines if _text_may_change(finished) else ()


_FINISH_RULES = (remove_control_chars, remove_bidi_controls, remove_invisible, normalize_spaces)


class _Finisher:
    """What the character rules, ASCII quotes and white space rule that follow would make of a line.

    ftfy cannot decode "“Â€" (the curly quote is not UTF-8), but "\"Â€" it can. Without this
    step a second ``clean()`` would repair what the first one left, once the later rules had made
    the quotes ASCII or the spaces plain; with it, ``clean`` is idempotent on such lines. Only lines
    ftfy looks at are finished, and only a further repair is kept.
    """

    __slots__ = ("_own", "ctx")

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._own: Context | None = None

    def _characters(self, text: str) -> str:
        if self._own is None:
            # a memo of its own: the text's, which the character rules ask for again once this
            # rule is done, stays in ``ctx``
            self._own = replace(self.ctx, scratch={})
        for rule in _FINISH_RULES:
            text = rule.apply(text, self._own)
        return ascii_quotes(text) if self.ctx.quotes == "ascii" else text

    def __call__(self, line: str) -> str:
        line = self._characters(line)
        # what normalize_whitespace does inside a line: tabs and runs of spaces become one space,
        # none at the line's ends (ftfy's restore_byte_a0 reads spaces)
        body = line.rstrip("\n")
        tidy = _SPACE_RUN_RE.sub(" ", body).strip(" ")
        return line if tidy == body else tidy + line[len(body) :]

    def may_hide(self, text: str) -> bool:
        """Whether ``text`` holds a character that :data:`_HIDING_RE` finds: asked of the character
        rules' own search (which they make of this text anyway) and of the quotes one by one."""
        if not special_chars(text, self.ctx).isdisjoint(_HIDING_CHARACTERS) or "\t" in text:
            return True
        return any(quote in text for quote in _HIDING_QUOTES)

    def removes_any(self, text: str) -> bool:
        """Whether finishing may remove a character of ``text`` (a control, bidi control, invisible
        character or joiner), rather than replace it or fold spaces."""
        return not special_chars(text, self.ctx).isdisjoint(REMOVED_CHARS)

    def text(self, text: str) -> str:
        """Every line of ``text`` finished at once: the lines are those that ``__call__`` gives for
        each line of ``text``. (Every step is done line by line: the character rules and quotes
        map characters, never to or from "\n", and the guillemet pairs stop at a line's end.)"""
        return fold_spaces(self._characters(text)).strip(" ")


def _finisher(ctx: Context) -> _Finisher:
    """The :class:`_Finisher` of a context."""
    return _Finisher(ctx)


def fix_text_like_ftfy(text: str) -> str:
    """Exactly ``ftfy.fix_text(text, FTFY_CONFIG)``, but only lines that may change pay for ftfy.

    >>> fix_text_like_ftfy("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.")
    'The Mona Lisa doesn’t have eyebrows.'
    """
    return _splice(text, _changed_segments(text))


def repairable(text: str, ctx: Context) -> bool:
    """Whether :data:`fix_mojibake` would change ``text`` in ``ctx``.

    A rule that joins lines asks it of the line it would make: "Â" alone on a line is left as it
    is, but "Â terhadap" reads as a no-break space gone wrong, so joining the two would give a
    second ``clean()`` something to repair that the first one did not (see docs/guarantees.md).
    """
    return next(iter(_repairs(text, ctx)), None) is not None


#: the line breaks that ``normalize_line_breaks`` makes "\n" (a lone CR, VT, FF, U+2028, U+2029),
#: which ftfy, splitting lines on "\n" alone, does not read as breaks. NEL ("\x85") is not among
#: them: it is a C1 control, which ftfy reads as the Windows-1252 "…".
_OTHER_BREAKS = "\r\x0b\x0c\u2028\u2029"


def _repairs(text: str, ctx: Context) -> Iterator[tuple[int, int, str, bool]]:
    """:func:`_changed_segments` of ``text`` as ftfy reads it once its line breaks are "\\n".

    ftfy repairs a line at a time, and its lines end at "\\n" only: "ƒ•\\rƒ" is one line to it,
    which it leaves, but "ƒ•\\nƒ" two, the first of which it repairs (MacRoman mojibake of "ĥ").
    ``normalize_line_breaks`` runs after this rule, so a second ``clean()`` would repair what the
    first left. ftfy is shown a copy of the text with each of those breaks a "\\n" (one character
    for one, so every offset holds: the CR of a CRLF gives the copy an empty line, which ftfy
    leaves, and U+2029 one "\\n" where the later rule writes two, which reads the same to ftfy),
    and the breaks are kept as they were.
    """
    # (the character rules' own scan, which they would make of this text anyway: a search for the
    # breaks with a character class would cost as much as the rest of this rule on most articles)
    found = special_chars(text, ctx)
    present = [brk for brk in _OTHER_BREAKS if brk in found]
    if not present:
        yield from _changed_segments(text, _finisher(ctx))
        return
    copy = text
    for brk in present:
        copy = copy.replace(brk, "\n")
    # the copy's characters are worked out in a memo of its own: the text's stays for later rules
    for start, end, fixed, finished in _changed_segments(copy, _finisher(replace(ctx, scratch={}))):
        # a segment holds one break at most, at its end, which ftfy keeps
        if text[end - 1] in present and fixed.endswith("\n"):
            fixed = fixed[:-1] + text[end - 1]
        yield start, end, fixed, finished


def _narrow(before: str, after: str) -> tuple[int, int, int]:
    """The differing middle of two strings, widened to whole words.

    Returns ``(start, end_before, end_after)``: ``before[start:end_before]`` is replaced by
    ``after[start:end_after]``; what lies outside is common to both.
    """
    limit = min(len(before), len(after))
    p = 0
    while p < limit and before[p] == after[p]:
        p += 1
    s = 0
    while s < limit - p and before[-1 - s] == after[-1 - s]:
        s += 1
    # widen to whole words (the widened parts are common to both strings)
    while p > 0 and not before[p - 1].isspace():
        p -= 1
    while s > 0 and not before[len(before) - s].isspace():
        s -= 1
    return p, len(before) - s, len(after) - s


def _describe_plan(segment: str) -> str:
    """ftfy's explanation of how it fixed a segment, as a short note."""
    _, plan = ftfy.fix_and_explain(segment, _EXPLAIN_CONFIG)
    steps = [f"{step.action} {step.parameter}" for step in plan or ()]
    return "ftfy: " + ", ".join(steps) if steps else "ftfy"


@dataclass(frozen=True)
class FixMojibake(Cleaner):
    """Repair mojibake and broken encodings with ftfy (configured by :data:`FTFY_CONFIG`).

    On by default: mojibake in syndicated news is common (feeds re-encoded on the way) and ftfy
    does not change text that is not mojibake (it is tested on cases that must stay unchanged).
    One edit per changed line, narrowed to the words that changed; its note is ftfy's plan.
    """

    name: ClassVar[str] = "fix_mojibake"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        for start, end, fixed, finished in _repairs(text, ctx):
            segment = text[start:end]
            a, b_before, b_after = _narrow(segment, fixed)
            note = _describe_plan(segment)
            if finished:
                note += "; repaired further once its quotes, spaces and controls were normalised"
            yield Edit(self.name, start + a, start + b_before, segment[a:b_before], fixed[a:b_after], note)

    def apply(self, text: str, ctx: Context) -> str:
        return _splice(text, _repairs(text, ctx))


fix_mojibake = FixMojibake()

# --------------------------------------------------------------------------------------------------
# unescape_html
# --------------------------------------------------------------------------------------------------

# "&" then any number of "amp;" (escaped more than once), then optionally one character reference
# with its semicolon. References without ";" ("&copy" in "?a=1&copy=2") are left alone: in plain
# text they are far more often parts of URLs than entities.
_ENTITY_RE = re.compile(r"&(?:amp;)*+(?:(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)?")


def _decode_entity(match: re.Match[str]) -> str:
    ref = match.group(1)
    if ref is None:
        return "&"  # "&", "&amp;", "&amp;amp;" ... all stand for "&"
    if ref[0] == "#":
        # html.unescape applies HTML5's rules: &#150; is "–" (Windows-1252), &#0; is U+FFFD
        return html.unescape(f"&{ref};")
    char = html.entities.html5.get(ref + ";")
    return "&" + ref + ";" if char is None else char


@dataclass(frozen=True)
class UnescapeHtml(Cleaner):
    """Replace HTML character references (``&amp;``, ``&#8217;``, ``&nbsp;``) by their characters.

    On by default: entities in extracted article text are leftovers of the HTML it came from, never
    meant to be read as such. Double escaping (``&amp;#8217;``, common in feeds) is undone in one
    step, so the rule is idempotent. Unknown names (``&foo;``) stay.
    """

    name: ClassVar[str] = "unescape_html"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if "&" not in text:
            return
        for m in _ENTITY_RE.finditer(text):
            after = _decode_entity(m)
            if after != m.group():
                yield Edit(self.name, m.start(), m.end(), m.group(), after)

    def apply(self, text: str, ctx: Context) -> str:
        if "&" not in text:
            return text
        return _ENTITY_RE.sub(_decode_entity, text)


unescape_html = UnescapeHtml()

# --------------------------------------------------------------------------------------------------
# strip_html_tags
# --------------------------------------------------------------------------------------------------


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Elements whose tags end a block of text: their tags become a line break.
_BLOCK_TAGS = _words(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 "
    "h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "table tbody td tfoot th thead tr ul"
)
# Inline elements and others whose tags simply go.
_INLINE_TAGS = _words(
    "a abbr b bdi bdo big button center cite code del dfn em font "
    "i iframe img input ins kbd label mark noscript picture q s samp script "
    "select small source span strike strong style sub sup svg textarea time tt u "
    "var video audio embed object param wbr meta link"
)

_TAG_NAMES = "|".join(sorted((*_BLOCK_TAGS, *_INLINE_TAGS), key=len, reverse=True))
# A tag: "<" or "</", a known name, then either ">" / "/>" or white space and attributes (bounded,
# no "<" or ">" inside, quoted values may hold ">"). Or an HTML comment, bounded in length.
_TAG_RE = re.compile(
    rf"<!--[^\n]{{0,2000}}?-->"
    rf"|</?(?P<name>{_TAG_NAMES})(?:\s(?:[^<>\"']|\"[^\"\n]{{0,1000}}\"|'[^'\n]{{0,1000}}'){{0,2000}}+)?/?>",
    re.IGNORECASE,
)


def _tag_replacement(match: re.Match[str]) -> str:
    name = match.group("name")
    if name is not None and name.lower() in _BLOCK_TAGS:
        return "\n"
    return ""


def _strip_once(text: str) -> str:
    return _TAG_RE.sub(_tag_replacement, text)


def _strip_tags(text: str) -> str:
    """Strip tags until none are left (removing one can reveal another: "<<b>b>")."""
    for _ in range(100):
        out = _strip_once(text)
        if out == text:
            return out
        text = out
    return text  # pragma: no cover - 100 levels of nested tags


@dataclass(frozen=True)
class StripHtmlTags(Cleaner):
    """Remove leftover tags of known HTML elements and HTML comments.

    On by default: a tag in extracted text is markup that leaked, never words of the story. Only
    known element names are touched, so "a < b", "<3" and "<Jakarta>" stay. Block-level tags
    (``<p>``, ``<br>``, ``<div>``, ``<li>`` ...) become a line break, so the words on either side
    are not glued together; ``normalize_whitespace`` later folds the extra breaks.
    """

    name: ClassVar[str] = "strip_html_tags"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if "<" not in text:
            return []
        found = [
            Edit(self.name, m.start(), m.end(), m.group(), _tag_replacement(m))
            for m in _TAG_RE.finditer(text)
        ]
        once = apply_edits(text, found)
        if _TAG_RE.search(once) is None:
            return found
        # Removing the tags revealed more tags: one edit over the span that differs.
        final = _strip_tags(once)
        a, b_before, b_after = _narrow(text, final)
        return [Edit(self.name, a, b_before, text[a:b_before], final[a:b_after], "nested tags")]

    def apply(self, text: str, ctx: Context) -> str:
        if "<" not in text:
            return text
        return _strip_tags(text)


strip_html_tags = StripHtmlTags()
