"""Date patterns: the regular expressions that find date expressions, compiled once.

Two layers, so that most of an article is never looked at twice:

* :data:`PREFILTER` is one language-independent pattern, compiled at import: every date form
  newstext knows holds a digit (any script's digits: ``\\d`` is Unicode-aware), so runs of digits
  mark the only windows of text worth a closer look.
* :func:`date_pattern` builds, from a language's :class:`~newstext.calendar_names.CalendarNames`,
  one pattern with an alternative per date form; it is compiled on first use and cached per
  language tag (a bounded cache). It only ever runs inside the prefilter's windows.

Every repeat is bounded (``{0,3}``) and no repeat is nested, so matching time is linear in the
length of the text whatever it holds (long runs of digits and slashes included). Named groups say
which parts were found: ``wd``/``twd`` (weekday before/after), ``d``, ``d2`` (days), ``mon``,
``mon2`` (month names), ``y`` (year), ``my`` (the first year of a month range), ``n1``/``n2``/``n3``
(numbers of a numeric date), ``core`` (the date itself, without its weekday).
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from newstext.calendar_names import CalendarNames, calendar_names, unspaced

__all__ = ["PREFILTER", "TOKEN", "UNSPACED", "WINDOW", "date_pattern", "numeric_pattern"]

#: White space within a line: every separator inside a date (and between the two ends of a range)
#: is drawn from it, so that no date ever spans a line break ("France 2\n- 1er décembre 2019" holds
#: one date, on the second line, not a range "2 - 1er décembre").
_HS = r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]"
#: Neither a word character nor white space that breaks a line.
_PUNCT = r"[^\w\n\r\x0b\x0c\x85\u2028\u2029]"

#: A letter of a script written without spaces between words (its names need no boundaries).
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")

#: A run of letters: the first word of a name, looked up before any pattern is tried.
TOKEN = regex.compile(r"[^\W\d_]+")


#: How far (in characters) before its first digit a date may start.
WINDOW = 40

# A numeric date's separator, as the pattern below takes it: a slash or dash, or a full stop and
# perhaps a space, perhaps after a right-to-left mark.
_SEP = rf"\u200f?(?:[-/]|\.{_HS}?)"
#: The shapes a numeric date can start with, from its first digit: "2021-10-0", "10/8/20", "7-8/6".
_NUMERIC = rf"\d{{4}}{_SEP}\d{{1,2}}{_SEP}\d|\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}\d\d|\d{{1,2}}[-–]\d{{1,2}}/\d"
#: How a date in words can go on from its first digit to its first letter (the first letter of a
#: suffix, a joiner, a range word or a name): a day and its full stop or "°", a dash and a second
#: day ("20-22 Oktober", "13. - 14. Mai"), spaces, a dash ("20-Oktober"), or a year and its
#: punctuation ("2021. október"); a name may itself start with digits ("10月"). Every first letter
#: is a letter (``\p{L}``; the tests check every name), so a run of digits that does not reach one
#: this way starts no date in words.
_TO_LETTER = rf"\d{{1,4}}[.°,]?{_HS}{{0,3}}(?:[-–—]{_HS}{{0,3}}\d{{1,2}}[.°]?{_HS}{{0,3}})?-?\d{{0,2}}\p{{L}}"

#: A cheap first look for :data:`_TO_LETTER`: a letter after at most 21 of the characters it may
#: pass over on the way (digits, full stops, degree signs, commas, dashes, white space; none is a
#: letter, so the run of them stops at its letter). It holds wherever _TO_LETTER matches and fails
#: at once where no letter follows a number closely (tables of figures, digits and slashes).
_LETTER_NEAR = rf"(?=(?:\d|[.°,\-–—]|{_HS}){{1,21}}+\p{{L}})"

#: The word nearest before a run of digits (group ``word``), with nothing but spaces and punctuation
#: between (group ``gap``): a weekday or month name may start the date there.
_NEAREST_WORD = rf"(?P<word>[^\W\d_]+)(?P<gap>{_PUNCT}{{0,4}})"
#: A cheap first look for :data:`_NEAREST_WORD`: one letter, not the whole word with its groups.
#: It holds wherever that holds, and fails sooner at the many runs no word stands before.
_WORD_NEAR = rf"(?<=[^\W\d_]{_PUNCT}{{0,4}})"
#: What follows a run of digits that could go on with a date: a separator or dash (group ``next``
#: unset) or a word (group ``next``), to be looked up among the names, joiners and suffixes. The
#: empty group ``follows`` is set when either is there.
_FOLLOWER = rf"{_HS}{{0,3}}\u200f?(?:[-–—/.]|{_PUNCT}{{0,3}}(?P<next>[^\W\d_]+))"

#: The runs of digits worth a closer look, and the chains of numbers that are skipped in one step.
#: A run starts a date only if it has one, two or four digits and is either just after a word (a
#: weekday or month name may start the date) or starts the shape of a numeric date or of a date in
#: words. Anything else (most of a table of figures, a long line of digits and slashes) is passed
#: over by the regex engine, never looked at in Python. A chain of seven numbers or more joined by
#: separators ("1/2/3/4/5/6/7") holds no date. Each run comes with the word before it and what
#: follows it (the groups above), so that no second search is needed to decide where to try.
PREFILTER = regex.compile(
    rf"(?<!\d)\d+(?:[-/.]\d+){{6,}}"
    rf"|(?<!\d)(?=\d)(?:{_WORD_NEAR}(?<={_NEAREST_WORD})|(?={_NUMERIC}|{_LETTER_NEAR}{_TO_LETTER}))(?:\d{{1,2}}|\d{{4}})(?!\d)"
    rf"(?:(?={_FOLLOWER})(?P<follows>))?"
)

_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
# a number that starts a date: no digit, Latin/Greek/Cyrillic letter or "1," / "1." just before it
_NUM_START = r"(?<!\d)(?<![A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF])(?<!\d[.,:/])(?<!\w-)"


def _alternation(names: list[str]) -> str:
    """One pattern for many names, as a trie: the engine follows only the branch the text takes."""
    trie: dict[str, dict[str, Any]] = {}
    for name in {n.lower() for n in names if n}:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict[str, dict[str, Any]]) -> str:
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _names_pattern(
    names: list[str], dotted: frozenset[str] = frozenset(), prefixes: tuple[str, ...] = ()
) -> str:
    """Names with word boundaries where their script has spaces; a full stop may follow ``dotted``."""
    parts = []
    pre = f"(?:{_alternation(list(prefixes))})?" if prefixes else ""
    with_dot = [n for n in names if n in dotted]
    without = [n for n in names if n not in dotted]
    for group, dot in ((with_dot, "\\.?"), (without, "")):
        spaced = [n for n in group if not unspaced(n)]
        bare = [n for n in group if unspaced(n)]
        if spaced:
            parts.append(f"{_LETTER_BEFORE}(?<!\\d){pre}(?:{_alternation(spaced)}){_LETTER_AFTER}{dot}")
        if bare:
            parts.append(f"(?<!\\d)(?:{_alternation(bare)}){dot}")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _words(words: tuple[str, ...]) -> str:
    return _alternation(list(words)) if words else "(?!)"


@functools.lru_cache(maxsize=64)
def date_pattern(tag: str) -> regex.Pattern[str]:
    """The compiled pattern for the language ``tag`` (``"und"``: every supported language)."""
    return _build(calendar_names(tag))


@functools.lru_cache(maxsize=64)
def numeric_pattern(tag: str) -> regex.Pattern[str] | None:
    """The numeric forms of :func:`date_pattern` for ``tag`` alone, with the weekday after them.

    Where a digit starts the match, the full pattern can only take its first forms (an ISO
    interval, a date year first, a date year last): its weekday before the date cannot match
    there. This pattern is those forms, in the same order, followed by the same optional weekday,
    so where it matches at a digit the full pattern matches the same text with the same groups;
    only where it does not is the full pattern (all the names of the language) needed. The
    weekday after the date is looked for only where a letter stands (every name starts with one:
    the same matches, without trying every name after a number). None if a weekday name of the
    language started otherwise, which would break both arguments.
    """
    names = calendar_names(tag)
    if not all(_LETTER.match(name) for name in names.weekdays):
        return None
    forms = "|".join(_numeric_forms())
    trail = _trail(f"(?={_LETTER.pattern}){_weekday_names(names)}")
    return regex.compile(f"(?P<core>{forms}){trail}?", regex.IGNORECASE | regex.VERSION0)


_LETTER = regex.compile(r"[^\W\d_]")


#: The end of a number that ends a date: no digit after it, nor a separator and a digit.
_NUM_END = r"(?!\d)(?![.,/\-]\d)"


def _numeric_forms() -> list[str]:
    """The first forms of every date pattern, in digits only: ISO interval, year first, year last."""
    # a numeric separator: the same one twice (checked with (?P=sep)); right-to-left marks may
    # stand before it ("08\u200f/10\u200f/2021"), a space after a full stop ("8. 10. 2021")
    sep = rf"\u200f?(?P<sep>[-/]|\.{_HS}?)"
    return [
        # ISO interval 2021-10-20/2021-10-22
        f"{_NUM_START}(?P<iy>\\d{{4}})-(?P<im>\\d{{1,2}})-(?P<id>\\d{{1,2}})/"
        f"(?P<iy2>\\d{{4}})-(?P<im2>\\d{{1,2}})-(?P<id2>\\d{{1,2}}){_NUM_END}",
        # numeric, year first: 2021-10-08, 2021/10/08, 2021.10.08 (a timestamp's date part)
        f"{_NUM_START}(?P<ny>\\d{{4}}){sep}(?P<nm>\\d{{1,2}})\\u200f?(?P=sep)(?P<nd>\\d{{1,2}}){_NUM_END}",
        # numeric, year last: 10/8/2021, 10.08.2021, 10-8-21
        f"{_NUM_START}(?P<n1>\\d{{1,2}}){sep}(?P<n2>\\d{{1,2}})\\u200f?(?P=sep)(?P<n3>\\d{{4}}|\\d{{2}})"
        f"{_NUM_END}(?![^\\W\\d_])",
    ]


def _weekday_names(names: CalendarNames) -> str:
    return _names_pattern(list(names.weekdays), frozenset(names.weekdays))


def _trail(wd: str) -> str:
    """A weekday after the date: in brackets, after a comma, or (trusted only after a year, see
    dates._read) after a space or glued on in scripts without spaces: "8 Ekim 2021 Cuma"."""
    return (
        f"(?:{_HS}{{0,2}}[(（]{_HS}{{0,2}}(?P<twd>{wd}){_HS}{{0,2}}[)）]"
        f"|[,،]{_HS}{{0,2}}(?P<twd>{wd})|{_HS}?(?P<swd>{wd}))"
    )


def _build(names: CalendarNames) -> regex.Pattern[str]:
    mon = _names_pattern(list(names.months), names.abbreviations, names.month_prefixes)
    lead = _names_pattern(list(names.leading_months), names.abbreviations)
    wd = _weekday_names(names)
    dsuf = f"(?:{_words(names.day_suffixes)}|\\.(?!\\d))?"
    nodot = f"(?:{_words(tuple(s for s in names.day_suffixes if s != '.'))})?"
    ysuf = f"(?:{_HS}{{0,2}}(?:{_words(names.year_suffixes)}))?"
    joiner = _words(names.joiners)
    dash = f"(?:{_HS}{{0,3}}[-–—]{_HS}{{0,3}}|{_HS}{{1,3}}(?:{_words(names.range_words)}){_HS}{{1,3}})"
    # between a day and a month, between a month and a year
    jd = f"(?:{_HS}{{1,3}}(?:{joiner}){_HS}{{1,3}}|{_HS}{{0,3}}|-)"
    jy = f"(?:{_HS}{{1,3}}(?:{joiner}){_HS}{{1,3}}|[,،]?{_HS}{{1,3}}|-|{_HS}{{0,2}})"

    def day(g: str, *, first: bool = True, dot: bool = True) -> str:
        start = _NUM_START if first else r"(?<!\d)"
        return f"{start}(?P<{g}>\\d{{1,2}})(?!\\d)(?![.:,]\\d){dsuf if dot else nodot}"

    year = f"(?P<y>\\d{{4}})(?!\\d)(?![.,/]\\d){ysuf}"
    m1 = f"(?P<mon>{mon})"
    m2 = f"(?P<mon2>{mon})"
    cores = [
        *_numeric_forms(),
        # numeric day range: 7-8/6/2025
        f"{_NUM_START}(?P<r1>\\d{{1,2}})[-–](?P<r2>\\d{{1,2}})/(?P<rm>\\d{{1,2}})/(?P<ry>\\d{{4}}|\\d{{2}}){_NUM_END}",
        # day range: 20-22 Oktober (2021), 9 hingga 10 Juni, 13. bis 29. Mai
        f"{day('d')}{dash}{day('d2', first=False)}{jd}{m1}(?:{jy}{year})?",
        # day-month range: 28 September - 2 Oktober 2021
        f"{day('d')}{jd}{m1}{dash}{day('d2', first=False)}{jd}{m2}{jy}{year}",
        # day month (year): 8 Oktober 2021, 8. Oktober, 8 de octubre de 2021, 8 ตุลาคม 2564
        f"{day('d')}{jd}{m1}(?:{jy}{year})?",
    ]
    if names.leading_months:
        # month day(-day) (, year): Oct. 8th, 2021; Dec. 31; Oct. 20-22, 2021
        cores.append(
            f"(?P<mon>{lead}){_HS}{{0,2}}{day('d', dot=False)}(?:{dash}{day('d2', first=False, dot=False)})?"
            f"(?:,?{_HS}{{1,3}}{year}|{_HS}{{0,2}}{year})?"
        )
    cores += [
        # year month day: 2021年10月8日, 2021년 10월 8일, 2021. október 8.
        f"{_NUM_START}{year}[.,]?{_HS}{{0,3}}{m1}{_HS}{{0,3}}{day('d', first=False)}",
        # month range: avril-juin 2018, April to June 2018, juin 2018 - avril 2019
        f"{m1}(?:{jy}(?P<my>\\d{{4}})(?!\\d)(?![.,/]\\d){ysuf})?{dash}{m2}{jy}{year}",
        # month year: Oktober 2021, octubre de 2021
        f"{m1}{jy}{year}",
    ]
    # only beside a weekday: Senin (10/4), rabu 18 11
    short = (
        f"{_NUM_START}(?P<r1>\\d{{1,2}})[-–](?P<r2>\\d{{1,2}})/(?P<rm>\\d{{1,2}}){_NUM_END}"
        f"|{_NUM_START}(?P<s1>\\d{{1,2}})(?P<ssep>[-/])(?P<s2>\\d{{1,2}}){_NUM_END}"
        f"|(?<=[^\\W\\d_]{_HS})(?P<s1>\\d{{1,2}}){_HS}(?P<s2>\\d{{1,2}})(?!\\d)(?![.,/:\\-]\\d)"
    )
    pattern = (
        f"(?:(?P<wd>{wd})(?:{_HS}{{0,2}}[-–]{_HS}{{0,2}}{wd})?[,،]?(?:{_HS}{{0,3}}(?:{joiner})(?![^\\W\\d_]))?"
        # a word or two may stand between a weekday and a bracketed date: "Senin pagi (16/6)"
        f"(?:(?:{_HS}{{1,3}}[^\\W\\d_]{{2,12}}){{1,2}}(?={_HS}{{0,3}}[(（]))?"
        f"{_HS}{{0,3}}(?P<par>[(（]{_HS}{{0,2}})?)?"
        f"(?P<core>{'|'.join(cores)}|(?(wd)(?:{short})|(?!)))"
        f"(?(par)(?:{_HS}{{0,2}}[)）])?|{_trail(wd)}?)"
    )
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
