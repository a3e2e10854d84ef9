"""Dates: find every calendar date in an article, resolve it, and write it as ISO 8601.

:func:`find_dates` returns a :class:`DateMatch` per date expression, resolved with the evidence of
the whole article; :data:`normalize_dates` is the cleaner that rewrites each one in place
("Jumat (10/8/2021)" becomes "Jumat (2021-10-08)"). How a date is resolved (docs/dates.md):

* **Order** of an ambiguous numeric date (both numbers 12 or less): a weekday beside it decides
  (``order_by="weekday"``); else the order that the article's own unambiguous numeric dates use
  (``"article"``); else the language's convention from CLDR (``"language"``). A date that reads one
  way only is ``"unambiguous"``.
* **Year** of a date written without one: the ``reference`` date, else the article's first date
  with a year; the nearest year whose calendar agrees with a weekday written beside it wins.

>>> ", ".join(m.iso for m in find_dates("Jumat (10/8/2021) dan Senin (10/4).", "id"))
'2021-10-08, 2021-10-04'
>>> normalize_dates("Thursday, Dec. 11, 2014", lang="en")
'Thursday, 2014-12-11'
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

import regex

from newstext.calendar_names import CalendarNames, calendar_names, fold
from newstext.context import Context
from newstext.date_patterns import PREFILTER, TOKEN, UNSPACED, WINDOW, date_pattern, numeric_pattern
from newstext.edits import Edit
from newstext.language import detect_language, normalize_lang
from newstext.pipeline import Cleaner

__all__ = ["DateMatch", "NormalizeDates", "find_dates", "normalize_dates"]

#: Years a numeric date may name (after the Buddhist era is converted); outside, it is not a date.
_NUMERIC_YEARS = range(1800, 2201)
#: Years a date in words may name.
_WORD_YEARS = range(1000, 3000)
#: A year from 2400 on is a Buddhist-era year (Thai): 2564 BE is 2021 CE.
_BUDDHIST_FROM, _BUDDHIST_OFFSET = 2400, 543
#: How many years either side of the anchor a weekday may move a date without a year.
_WEEKDAY_REACH = 7
#: How many words before a run of digits may start its date (weekday, month name, their parts).
_WORDS_BACK = 4


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text, and its resolved value.

    ``start``/``end`` span the whole expression, a weekday beside it included (``text`` is
    ``text[start:end]``); ``date_start``/``date_end`` span the date proper, the part that
    :data:`normalize_dates` rewrites. ``iso`` is ``"YYYY-MM-DD"``, an ISO interval
    ``"2021-10-20/2021-10-22"`` for a range, or ``"YYYY-MM"`` for a month and year; ``value`` is the
    (first) day and ``end_value`` the last day of a range.

    How it was resolved: ``order_by`` is ``"unambiguous"``, ``"weekday"``, ``"article"`` or
    ``"language"`` for a numeric date whose numbers could be day or month, ``""`` for words;
    ``year_by`` is ``"explicit"``, ``"reference"``, ``"article"`` or ``"today"``, with
    ``"+weekday"`` appended when a weekday chose among years. ``weekday`` is the weekday written
    beside the date (0 = Monday), or None.
    """

    start: int
    end: int
    text: str
    iso: str
    value: dt.date
    end_value: dt.date | None = None
    precision: str = "day"
    order_by: str = ""
    year_by: str = "explicit"
    weekday: int | None = None
    date_start: int = 0
    date_end: int = 0

    @property
    def note(self) -> str:
        """How the date was resolved, in a few words (the note of a :data:`normalize_dates` edit)."""
        return _note(self.order_by, self.year_by)


def _note(order_by: str, year_by: str) -> str:
    return f"order: {order_by}; year: {year_by}" if order_by else f"year: {year_by}"


# _Span, _Raw and _Found are named tuples, not dataclasses: a long text makes tens of thousands of
# them, and a tuple is built in a fraction of the time of a frozen dataclass.


class _Span(NamedTuple):
    """Where a match lies: the whole expression and the date proper, and the weekday beside it."""

    start: int
    end: int
    core_start: int
    core_end: int
    weekday: int | None


class _Raw(NamedTuple):
    """A match before resolution: the numbers and names it holds, in the order they were written."""

    span: _Span
    kind: str  # "num" (day and month order unknown), "ymd", "iso", "words", "month" (or months)
    a: int  # num: first number; else day
    b: int  # num: second number; else month
    year: int | None
    two_digit_year: bool = False
    a2: int | None = None  # last day of a range
    b2: int | None = None  # its month
    year2: int | None = None  # its year (ISO intervals, ranges of months)

    @property
    def weekday(self) -> int | None:
        """The weekday written beside the date (0 = Monday), or None."""
        return self.span.weekday


@dataclass(frozen=True, slots=True)
class _Evidence:
    anchor: dt.date | None
    anchor_by: str
    order: str | None  # "dm" / "md" from the article's certain numeric dates
    convention: Callable[[], str]  # the language's order; called only when nothing else tells


class _LazyEvidence:
    """The :class:`_Evidence` of another text (the original of an article), read from its dates
    only as far as a date of this text needs it.

    Most dates carry their year and an unambiguous order and need no evidence; one without a year
    needs the anchor, the first date of the original that has one (a dateline, near the top),
    and only an ambiguous numeric date needs the order that all of its dates vote for. The
    original's dates come from a scan that goes on only as far as asked, and the values are those
    :func:`_evidence` gives for the whole list.
    """

    __slots__ = ("_anchor", "_convention", "_dates", "_order", "_reference", "_seen")

    def __init__(
        self, dates: Iterator[_Raw], reference: dt.date | None, convention: Callable[[], str]
    ) -> None:
        self._dates = dates
        self._seen: list[_Raw] = []
        self._reference = reference
        self._convention = convention
        self._order: tuple[str | None] | None = None  # (order,) once counted
        self._anchor: tuple[dt.date | None, str] | None = None

    def _upto(self) -> Iterator[_Raw]:
        """The original's dates in order: those scanned so far, then the scan goes on (a date
        resolved on the way may ask for the order, which scans them all)."""
        i = 0
        while True:
            if i == len(self._seen):
                raw = next(self._dates, None)
                if raw is None:
                    return
                self._seen.append(raw)
            yield self._seen[i]
            i += 1

    def _anchored(self) -> tuple[dt.date | None, str]:
        if self._anchor is None:
            if self._reference is not None:
                self._anchor = (self._reference, "reference")
            else:
                self._anchor = (None, "")  # what the dates resolved on the way see, as in _evidence
                found = _anchor(self._upto(), self)
                self._anchor = (found, "article") if found is not None else (None, "")
        return self._anchor

    @property
    def anchor(self) -> dt.date | None:
        return self._anchored()[0]

    @property
    def anchor_by(self) -> str:
        return self._anchored()[1]

    @property
    def order(self) -> str | None:
        if self._order is None:
            self._seen.extend(self._dates)
            self._order = (_order(self._seen),)
        return self._order[0]

    @property
    def convention(self) -> Callable[[], str]:
        return self._convention


_AnyEvidence = _Evidence | _LazyEvidence


def _unspaced(word: str) -> bool:
    """``UNSPACED.match(word)``, without the regex call for the many words that start below the
    first of those scripts (Thai, U+0E01; the others come later)."""
    return word[:1] >= "\u0e01" and UNSPACED.match(word) is not None


def _year(text: str, *, numeric: bool) -> int | None:
    y = int(text)
    if len(text) == 2:
        return y
    if y >= _BUDDHIST_FROM:
        y -= _BUDDHIST_OFFSET
    ok = _NUMERIC_YEARS if numeric else _WORD_YEARS
    return y if y in ok else None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _full_year(y: int, two_digit: bool) -> int:
    return (2000 + y if y < 70 else 1900 + y) if two_digit else y


#: Where the prefilter's groups sit in ``Match.regs``: one tuple of every span costs less than a
#: call per group, and most runs of digits are passed over after a look at these four.
_WORD, _GAP, _NEXT, _FOLLOWS = (PREFILTER.groupindex[name] for name in ("word", "gap", "next", "follows"))


def _scan(text: str, names: CalendarNames) -> list[_Raw]:
    """Every date of ``text`` (see :func:`_scanning`)."""
    return list(_scanning(text, names))


def _scanning(text: str, names: CalendarNames) -> Iterator[_Raw]:
    """Every date of ``text`` in order, tried only where a run of digits could belong to one.

    A date always holds a run of one, two or four digits. It starts at that run when what follows
    the run could go on with a date (a separator, a name, a suffix), or at one of the few words
    just before it when the nearest of them is part of a name. The language's pattern is matched,
    anchored, at those places only, so most numbers cost a dictionary look-up or two. At the run
    itself, when a separator and a digit follow it, the numeric forms alone are tried first
    (:func:`~newstext.date_patterns.numeric_pattern`: the same match where they match). After a
    date the prefilter searches on from its end (see :func:`_straddled`): the runs inside it, which
    could start no other date, are never handed to Python.
    """
    pattern = date_pattern(names.tag)
    numeric = numeric_pattern(names.tag)
    pick = _groups(numeric, _NUMERIC_GROUPS) if numeric is not None else None
    covered = pos = 0
    firsts, words = names.first_tokens, names.all_tokens
    search = PREFILTER.search
    while (run := search(text, pos)) is not None:
        spans = run.regs
        start, end = spans[0]
        pos = end
        if start < covered or end - start > 4:
            continue  # a chain of numbers: no part of a date
        tries: list[int] = []
        lo = max(covered, start - WINDOW)
        word_start, word_end = spans[_WORD]
        if word_end > lo:  # the nearest word before the run, cut at the start of the window
            word = text[max(word_start, lo) : word_end]
            gap_start, gap_end = spans[_GAP]
            if word.casefold() in words or _unspaced(word) or "(" in text[gap_start:gap_end]:
                tries = _name_starts(text, lo, start, firsts)
        quick = None
        if spans[_FOLLOWS][0] >= 0:
            next_start, next_end = spans[_NEXT]
            if next_start < 0:  # a separator or a dash follows the run
                tries.append(start)
                if text[end + 1 : end + 2].isdigit():  # and a digit: the numeric forms may match
                    quick = numeric
            elif (after := text[next_start:next_end]).casefold() in words or _unspaced(after):
                tries.append(start)
        for at in tries:
            m = quick.match(text, at) if quick is not None and at == start else None
            if m is not None:
                assert pick is not None
                raw = _read_numeric(m, names, pick)
            else:
                m = pattern.match(text, at)
                if m is None or m.end() <= start:
                    continue
                raw = _read(m, names)
            if raw is not None:
                yield raw
                covered = raw.span.end
                if covered > pos and not _straddled(text, covered):
                    pos = covered  # the runs inside the date are passed over by the engine
                break


def _straddled(text: str, at: int) -> bool:
    """Whether a run or chain of the prefilter could start before ``at`` and go on past it.

    Every prefilter match holds digits and ``-/.`` only, so one that goes on past ``at`` holds
    the characters on both sides of it. Where none can, the next match at or after ``at`` is the
    one the search from the previous match would come to (lookbehinds see the text before the
    position a search starts at), and the search may start at ``at``. ``str.isdigit`` takes more
    characters than ``\\d``: in doubt, the runs are passed over one by one as before.
    """
    if not 0 < at < len(text):
        return False
    after, before = text[at], text[at - 1]
    return (after.isdigit() or after in "-/.") and (before.isdigit() or before in "-/.")


def _name_starts(text: str, lo: int, start: int, firsts: frozenset[str]) -> list[int]:
    """Where, among the last words between ``lo`` and ``start``, a name could start a date."""
    starts = []
    for w in TOKEN.finditer(text, lo, start):
        word = w.group()
        if word.casefold() in firsts or _unspaced(word):
            starts.append(w.start())
    return starts[-_WORDS_BACK:]


def _month(names: CalendarNames, name: str) -> int | None:
    got = names.months.get(fold(name))
    if got is None:
        for prefix in names.month_prefixes:
            if fold(name).startswith(fold(prefix)):
                got = names.months.get(fold(name)[len(fold(prefix)) :])
                if got is not None:
                    break
    return got


#: The groups that :func:`_read` reads first, and those of a numeric match (:func:`_read_numeric`).
_FIRST_GROUPS = ("wd", "twd", "swd", "y", "ny", "n1", "n2", "n3", "s1", "r1", "ry", "iy")
_NUMERIC_GROUPS = ("twd", "swd", "ny", "n1", "n2", "n3", "iy")


@functools.lru_cache(maxsize=128)
def _groups(pattern: regex.Pattern[str], wanted: tuple[str, ...]) -> Callable[[tuple[Any, ...]], Any]:
    """What picks the ``wanted`` groups out of ``match.groups()`` (one call: a look-up by group
    name costs as much as the whole tuple)."""
    return operator.itemgetter(*(pattern.groupindex[name] - 1 for name in wanted))


def _read(m: regex.Match[str], names: CalendarNames) -> _Raw | None:
    """The parts of a pattern match, checked (real days, plausible years), or None."""
    if _in_url(m.string, m.start()):
        return None
    wd, twd, swd, y_text, ny, n1, n2, n3, s1, r1, ry, iy = _groups(m.re, _FIRST_GROUPS)(m.groups())
    span = _span(m, names, wd or twd, swd, bool(y_text or ny or n3), bool(s1 or (r1 and not ry)))
    if span is None:
        return None
    if iy or ny or n1:
        return _read_numbers(m, span, iy, ny, (n1, n2, n3))
    if r1:
        return _read_numeric_range(r1, m.group("r2"), m.group("rm"), ry, span)
    if s1:
        raw = _Raw(span, "num", int(s1), int(m.group("s2")), None)
        return raw if _readings(raw) else None
    return _read_words(m, names, span)


def _read_numeric(
    m: regex.Match[str], names: CalendarNames, pick: Callable[[tuple[Any, ...]], Any]
) -> _Raw | None:
    """:func:`_read` of a match of the numeric forms alone (the same groups, read the same way);
    ``pick`` is :func:`_groups` of the pattern, looked up once per text."""
    start, end = m.span()
    if _in_url(m.string, start):
        return None
    twd, swd, ny, n1, n2, n3, iy = pick(m.groups())
    if twd or swd:
        span = _span(m, names, twd, swd, bool(ny or n3), False)
        if span is None:
            return None
    else:  # no weekday after it: the match is the date proper (what _span would find, built at once)
        span = _Span(start, end, start, end, None)
    return _read_numbers(m, span, iy, ny, (n1, n2, n3))


def _span(
    m: regex.Match[str], names: CalendarNames, said: str | None, swd: str | None, year: bool, short: bool
) -> _Span | None:
    """Where the match lies, with the weekday written beside it: ``said`` (before the date, or
    bracketed or after a comma), or ``swd`` (after a space) if the date has a ``year``. None when
    a ``short`` date (no year, only read beside a weekday) turns out to stand beside none."""
    if not said and swd and year:
        said = swd
    if said and _lowercased(said, names) and _cased_text(m.string, names.tag):
        # "sepanjang minggu 20-26 Oktober": a week, not Sunday; a bracketed date then needs a year
        said = None
        if short:
            return None
    return _Span(*m.span(), *m.span("core"), names.weekdays.get(fold(said)) if said else None)


def _read_numbers(
    m: regex.Match[str],
    span: _Span,
    iy: str | None,
    ny: str | None,
    numbers: tuple[str | None, str | None, str | None],
) -> _Raw | None:
    """A date in digits: an ISO interval (``iy``), year first (``ny``) or year last (the three
    ``numbers``, the first unset otherwise)."""
    g = m.group
    if iy:
        y, y2 = _year(iy, numeric=True), _year(g("iy2"), numeric=True)
        if y is None or y2 is None:
            return None
        first = _date(y, int(g("im")), int(g("id")))
        last = _date(y2, int(g("im2")), int(g("id2")))
        if first is None or last is None or last < first:
            return None
        return _Raw(span, "iso", first.day, first.month, y, a2=last.day, b2=last.month, year2=y2)
    if ny:
        year = _year(ny, numeric=True)
        if year is None or _date(year, int(g("nm")), int(g("nd"))) is None:
            return None
        return _Raw(span, "ymd", int(g("nd")), int(g("nm")), year)
    n1, n2, n3 = numbers
    assert n1 is not None
    assert n2 is not None
    assert n3 is not None
    if len(n3) == 2 and g("sep").startswith(".") and (len(n1) < 2 or len(n2) < 2):
        return None  # 1.2.13 is a version number far more often than a date; 08.10.21 is a date
    year = _year(n3, numeric=True)
    if year is None:
        return None
    raw = _Raw(span, "num", int(n1), int(n2), year, two_digit_year=len(n3) == 2)
    return raw if _readings(raw) else None


def _read_numeric_range(r1: str, r2: str, rm: str, ry: str | None, span: _Span) -> _Raw | None:
    """``7-8/6/2025``: two days of one month (day first: the form is Indonesian and European)."""
    day, last, month = int(r1), int(r2), int(rm)
    year = None
    if ry:
        year = _year(ry, numeric=True)
        if year is None:
            return None
        year = _full_year(year, len(ry) == 2)
    if last <= day or _date(2000, month, last) is None:
        return None
    return _Raw(span, "words", day, month, year, a2=last, b2=month)


def _read_words(m: regex.Match[str], names: CalendarNames, span: _Span) -> _Raw | None:
    """A date with a month name: day, month, perhaps a year, perhaps a range."""
    name, day_text, year_text, d2, name2 = m.group("mon", "d", "y", "d2", "mon2")
    month = _month(names, name) if name else None
    if month is None:
        return None
    if names.weak and fold(name) in names.weak and not (day_text and (year_text or name.endswith("."))):
        return None  # among every language's names, "4 des" or "sie 2010" is no date, "5. Dez." is
    year = None
    if year_text:
        year = _year(year_text, numeric=False)
        if year is None:
            return None
    elif _lowercased(name, names) and _cased_text(m.string, names.tag):
        return None  # "she may 2": a month the language capitalises, written small in cased text
    if day_text is None:
        return _read_months(m, names, span, month, year)
    day = int(day_text)
    last = int(d2) if d2 else None
    last_month: int | None = month
    if name2:
        last_month = _month(names, name2)
        if last_month is None:
            return None
    if _date(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
        return None
    if last is not None and (last_month is None or _date(2000, last_month, last) is None):
        return None
    if last is not None and last_month is not None and (last_month, last) <= (month, day) and not name2:
        last = None  # "30-2 Oktober" is no range newstext can read
    return _Raw(span, "words", day, month, year, a2=last, b2=last_month if last else None)


def _read_months(
    m: regex.Match[str], names: CalendarNames, span: _Span, month: int, year: int | None
) -> _Raw | None:
    """A month and year ("Oktober 2021"), or a range of months ("avril-juin 2018"), or None.

    A month and year glued by a dash to what stands before or after it ("avril-juin 2018" or
    "mi-juin 2018" when the range is not read, "juin 2018-avril 2017") is half of something else:
    rewritten alone it would read as another date ("avril-2018-06" is 6 April the next time), so
    it is left as written.
    """
    if year is None:
        return None
    name2, first_year_text = m.group("mon2", "my")
    if name2 is not None:
        first_year = _year(first_year_text, numeric=False) if first_year_text else None
        last_month = _month(names, name2)
        if first_year_text and first_year is None:
            return None
        if first_year is None and last_month is not None:  # "décembre-février 2019": from December 2018
            first_year = year - 1 if last_month < month else year
        if (
            first_year is not None
            and last_month is not None
            and not (names.weak and fold(name2) in names.weak)
            and (year, last_month) > (first_year, month)
        ):
            return _Raw(span, "month", 1, month, first_year, b2=last_month, year2=year)
        if not first_year_text or first_year is None:
            return None
        # "juin 2018 - avril 2017" is no range: its first month and year are a date of their own
        year = first_year
        span = _Span(span.start, m.end("my"), span.core_start, m.end("my"), span.weekday)
    text = m.string
    before = _GLUED_BEFORE.search(text, max(0, span.core_start - 2), span.core_start)
    if before is not None or _GLUED_AFTER.match(text, span.core_end):
        return None
    return _Raw(span, "month", 1, month, year)


#: A dash (or slash) glued to a month and year and to a letter or digit before it ("mi-juin 2018").
_GLUED_BEFORE = regex.compile(r"[\w.][-–—/]\Z")
#: A dash (or slash) glued to a month and year and to a letter or digit after it.
_GLUED_AFTER = regex.compile(r"[-–—/]\w")


def _lowercased(name: str, names: CalendarNames) -> bool:
    """Whether a name the language writes with a capital is written here in small letters."""
    return name[:1].islower() and fold(name) in names.capitalized


#: a word with a capital in it
_CAPITALISED = regex.compile(r"[^\W\d_]*\p{Lu}[^\W\d_]*")


@functools.lru_cache(maxsize=2)  # the text being read and the article its evidence comes from
def _cased_text(text: str, tag: str) -> bool:
    """Whether ``text`` uses capitals at all (some scraped corpora are lowercased), not counting the
    month and weekday names of the language ``tag``: the date rule rewrites those ("10 Agustus"
    becomes "2020-08-10"), and a second ``clean()`` must judge the text as the first did. The whole
    text is read, once (a window around each date would shift as dates are rewritten)."""
    names = calendar_names(tag)
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if _month(names, word) is None and fold(word) not in names.weekdays:
            return True
    return False


def _in_url(text: str, at: int) -> bool:
    """Whether position ``at`` is inside a URL or a path ("example.com/2020/01/15/story")."""
    if at == 0 or text[at - 1] in " \n":
        return False  # no word before ``at``: the usual case, told without a search
    floor = max(0, at - 200)
    lo = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at), floor - 1) + 1
    word = text[lo:at]
    return "/" in word and ("://" in word or "www." in word or "." in word.split("/")[0])


def _readings(raw: _Raw, year: int = 2000) -> tuple[str, ...]:
    """The orders ("dm", "md") in which a numeric date's two numbers make a real day."""
    return _orders(raw.a, raw.b, year)


@functools.lru_cache(maxsize=4096)
def _orders(a: int, b: int, year: int) -> tuple[str, ...]:
    # a few hundred distinct pairs make the numeric dates of most texts: each is worked out once
    out = []
    if _date(year, b, a) is not None:
        out.append("dm")
    if _date(year, a, b) is not None:
        out.append("md")
    return tuple(out)


def _ambiguous(raw: _Raw) -> bool:
    """Whether a numeric date reads as a real day both ways (10/8, not 13/8 or 8/8)."""
    return raw.a != raw.b and raw.a <= 12 and raw.b <= 12


def _dm(raw: _Raw, order: str) -> tuple[int, int]:
    """(day, month) of a numeric date read in ``order``."""
    return (raw.a, raw.b) if order == "dm" else (raw.b, raw.a)


def _evidence(raws: list[_Raw], reference: dt.date | None, convention: Callable[[], str]) -> _Evidence:
    order = _order(raws)
    if reference is not None:
        return _Evidence(reference, "reference", order, convention)
    anchor = _anchor(raws, _Evidence(None, "", order, convention))
    return _Evidence(anchor, "article" if anchor is not None else "", order, convention)


def _order(raws: Iterable[_Raw]) -> str | None:
    """The order ("dm" or "md") that most of the certain numeric dates use, or None on a tie."""
    votes: Counter[str] = Counter()
    for r in raws:
        if r.kind != "num" or r.a == r.b:
            continue
        readings = _readings(r, _full_year(r.year, r.two_digit_year) if r.year is not None else 2000)
        if len(readings) == 1:
            votes[readings[0]] += 1
        elif r.weekday is not None and r.year is not None:
            fits = _weekday_fits(r, readings, _full_year(r.year, r.two_digit_year))
            if len(fits) == 1:
                votes[fits[0]] += 1
    if votes:
        (top, n), *rest = votes.most_common()
        if not rest or rest[0][1] < n:
            return top
    return None


def _anchor(raws: Iterable[_Raw], base: _AnyEvidence) -> dt.date | None:
    """The first day of the first date with a year (not a month alone) that resolves; ``base``
    gives the order, and no anchor (a date with a year needs none)."""
    for r in raws:
        if r.year is not None and r.kind != "month":
            resolved = _resolve(r, base)
            if resolved is not None:
                return resolved[0]
    return None


def _weekday_fits(raw: _Raw, readings: tuple[str, ...], year: int) -> list[str]:
    out = []
    for order in readings:
        day, month = _dm(raw, order)
        d = _date(year, month, day)
        if d is not None and d.weekday() == raw.weekday:
            out.append(order)
    return out


def _pick_year(month: int, day: int, weekday: int | None, ev: _AnyEvidence) -> tuple[int, str] | None:
    """The year of a day written without one, and what decided it."""
    anchor, by = ev.anchor, ev.anchor_by
    if anchor is None:
        anchor, by = dt.date.today(), "today"
    if weekday is not None:
        best: tuple[int, int] | None = None
        for year in range(anchor.year - _WEEKDAY_REACH, anchor.year + _WEEKDAY_REACH + 1):
            d = _date(year, month, day)
            if d is not None and d.weekday() == weekday:
                dist = abs((d - anchor).days)
                if best is None or dist < best[0]:
                    best = (dist, year)
        if best is not None:
            return best[1], by + "+weekday"
    same = _date(anchor.year, month, day)
    if same is None:  # 29 February of a common year: the nearest leap year
        for k in (1, -1, 2, -2, 3, -3):
            if _date(anchor.year + k, month, day) is not None:
                return anchor.year + k, by
        return None
    gap = abs((same - anchor).days)
    if gap > 183:
        for k in (1, -1):
            other = _date(anchor.year + k, month, day)
            if other is not None and abs((other - anchor).days) <= 92:
                return anchor.year + k, by
    return anchor.year, by


def _resolve(raw: _Raw, ev: _AnyEvidence) -> tuple[dt.date, str, str, dt.date | None] | None:
    """(first day, order_by, year_by, last day or None) of a raw match, or None if it is no date."""
    if raw.kind in ("ymd", "iso"):
        assert raw.year is not None
        first = _date(raw.year, raw.b, raw.a)
        last = None
        if raw.kind == "iso" and raw.a2 is not None and raw.b2 is not None:
            last = _date(raw.year2 or raw.year, raw.b2, raw.a2)
        return (first, "", "explicit", last) if first else None
    if raw.kind == "num":
        return _resolve_numeric(raw, ev)
    month, day = raw.b, raw.a
    if raw.year is not None:
        year, year_by = raw.year, "explicit"
    else:
        picked = _pick_year(month, day, raw.weekday, ev)
        if picked is None:
            return None
        year, year_by = picked
    if raw.kind == "month":
        first = _date(year, month, 1)
        if first is not None and raw.b2 is not None and raw.year2 is not None:  # a range of months
            after = _date(raw.year2 + raw.b2 // 12, raw.b2 % 12 + 1, 1)
            return (first, "", year_by, after - dt.timedelta(days=1)) if after else None
        return (first, "", year_by, None) if first else None
    first = _date(year, month, day)
    if first is None:
        return None
    last = None
    if raw.a2 is not None and raw.b2 is not None:
        start_year = year - 1 if raw.b2 < month else year
        first = _date(start_year, month, day) if raw.year is not None else first
        last = _date(year if raw.year is not None else year + (1 if raw.b2 < month else 0), raw.b2, raw.a2)
        if first is None:
            return None
    return first, "", year_by, last


def _resolve_numeric(raw: _Raw, ev: _AnyEvidence) -> tuple[dt.date, str, str, dt.date | None] | None:
    """Resolve a numeric date: its order (and, without a year, its year) from the evidence."""
    year = _full_year(raw.year, raw.two_digit_year) if raw.year is not None else None
    readings = _readings(raw, 2000 if year is None else year)
    if not readings:
        return None
    if year is None and raw.weekday is not None and len(readings) == 2 and raw.a != raw.b:
        # no year: the weekday chooses the reading and the year together, nearest year first
        anchor = ev.anchor or dt.date.today()
        fits: list[tuple[int, str, dt.date, str]] = []
        for order in readings:
            day, month = _dm(raw, order)
            picked = _pick_year(month, day, raw.weekday, ev)
            if picked is not None and picked[1].endswith("+weekday"):
                found = _date(picked[0], month, day)
                if found is not None:
                    fits.append((abs(found.year - anchor.year), order, found, picked[1]))
        fits.sort(key=lambda f: f[0])
        if len(fits) == 2 and fits[0][0] == fits[1][0]:
            first = ev.order or ev.convention()
            fits.sort(key=lambda f: f[1] != first)
            return fits[0][2], ("article" if ev.order else "language"), fits[0][3], None
        if fits:
            return fits[0][2], "weekday", fits[0][3], None
    if len(readings) == 1 or raw.a == raw.b:
        order, order_by = readings[0], "unambiguous"
    else:
        fits_year = _weekday_fits(raw, readings, year) if raw.weekday is not None and year else []
        if len(fits_year) == 1:
            order, order_by = fits_year[0], "weekday"
        elif ev.order in readings:
            order, order_by = str(ev.order), "article"
        else:
            convention = ev.convention()  # the language's, detected only now if it must be
            order, order_by = (convention if convention in readings else readings[0]), "language"
    day, month = _dm(raw, order)
    if year is None:
        picked = _pick_year(month, day, raw.weekday, ev)
        if picked is None:
            return None
        year, year_by = picked
    else:
        year_by = "explicit"
    found = _date(year, month, day)
    return (found, order_by, year_by, None) if found else None


def _coerce_reference(reference: object) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    if isinstance(reference, str):
        try:
            return dt.date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference must be a date or 'YYYY-MM-DD', not {reference!r}") from None
    raise TypeError(f"reference must be a datetime.date or 'YYYY-MM-DD', not {type(reference).__name__}")


class _Found(NamedTuple):
    """A date of a text, resolved: what :class:`DateMatch` reports, before one is built."""

    raw: _Raw
    iso: str
    value: dt.date
    end_value: dt.date | None
    precision: str
    order_by: str
    year_by: str


def _found(
    text: str,
    names: CalendarNames,
    reference: dt.date | None,
    convention: Callable[[], str],
    evidence_text: str | None = None,
) -> Iterator[_Found]:
    raws = _scan(text, names)
    if not raws:
        return
    if evidence_text is None or evidence_text == text or evidence_text.strip() == text.strip():
        # white space around a text holds no date and changes none (what earlier cleaners most
        # often change is the end of the text): the dates of ``text`` are those of the original
        ev: _AnyEvidence = _evidence(raws, reference, convention)
    else:
        ev = _LazyEvidence(_scanning(evidence_text, names), reference, convention)
    for raw in raws:
        got = _resolve(raw, ev)
        if got is None:
            continue
        first, order_by, year_by, last = got
        if raw.kind == "month" and last is not None:
            iso, precision = f"{first.isoformat()[:7]}/{last.isoformat()[:7]}", "month"
        elif raw.kind == "month":
            iso, last, precision = first.isoformat()[:7], None, "month"
        elif last is not None and last > first:
            iso, precision = f"{first.isoformat()}/{last.isoformat()}", "day"
        else:
            iso, last, precision = first.isoformat(), None, "day"
        yield _Found(raw, iso, first, last, precision, order_by, year_by)


def _names_and_convention(text: str, lang: str | None) -> tuple[CalendarNames, Callable[[], str]]:
    """The names to recognise and the (lazy) order convention for ``lang`` (None: detect)."""
    if lang is not None and lang != "und":
        names = calendar_names(normalize_lang(lang))
        return names, lambda: names.order

    @functools.cache
    def detected() -> str:
        found = detect_language(text)
        return "dm" if found == "und" else calendar_names(found).order

    return calendar_names("und"), detected


def find_dates(
    text: str, lang: str | None = None, *, reference: dt.date | str | None = None
) -> list[DateMatch]:
    """Every date expression of ``text``, resolved with the evidence of the whole text.

    ``lang`` is any spelling of a language; its month and weekday names (and English ones) are
    recognised and its convention orders ambiguous numeric dates. With None, the names of every
    supported language are recognised, since a short text ("11 Mai 2014") cannot be told apart,
    and the language is detected only if an ambiguous numeric date needs its convention.
    ``reference`` (a date or "YYYY-MM-DD") is the publication date: it gives the year of dates
    written without one.

    >>> (m,) = find_dates("Sunday, Jan. 11", "en", reference="2014-12-29")
    >>> m.text, m.iso, m.year_by
    ('Sunday, Jan. 11', '2015-01-11', 'reference+weekday')
    >>> (m,) = find_dates("21 сентября 2021г., вторник")
    >>> m.text, m.iso
    ('21 сентября 2021г., вторник', '2021-09-21')
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates takes a str, not {type(text).__name__}")
    ref = _coerce_reference(reference)
    names, convention = _names_and_convention(text, lang)
    return [
        DateMatch(
            start=f.raw.span.start,
            end=f.raw.span.end,
            text=text[f.raw.span.start : f.raw.span.end],
            iso=f.iso,
            value=f.value,
            end_value=f.end_value,
            precision=f.precision,
            order_by=f.order_by,
            year_by=f.year_by,
            weekday=f.raw.weekday,
            date_start=f.raw.span.core_start,
            date_end=f.raw.span.core_end,
        )
        for f in _found(text, names, ref, convention)
    ]


@dataclass(frozen=True)
class NormalizeDates(Cleaner):
    """Rewrite every date as ISO 8601 in place, keeping a weekday beside it.

    "Jumat (10/8/2021)" becomes "Jumat (2021-10-08)", "Thursday, Dec. 11, 2014" becomes
    "Thursday, 2014-12-11", "20-22 Oktober 2021" becomes "2021-10-20/2021-10-22". The evidence
    (the year of the article's first full date, the order its certain numeric dates use) comes
    from the article as it was given (``ctx.original``), so it survives earlier removals. Does
    nothing when the context says ``dates="keep"``. Each edit's note says how the date was
    resolved. ISO dates come out unchanged, so a second pass changes nothing. A date without a
    year is left as written when neither ``reference`` nor the article gives one, a weekday beside
    it or not (``find_dates`` still reports it, with ``year_by="today"`` or ``"today+weekday"``).
    """

    name: ClassVar[str] = "normalize_dates"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        """One edit per date of ``text`` whose ISO form differs from what is written."""
        if ctx.dates == "keep":
            return
        names, convention = _names_and_convention(ctx.original or text, ctx.lang or None)
        for f in _found(text, names, ctx.reference, convention, ctx.original or text):
            if f.year_by.startswith("today"):
                # nothing in the article or the call gives the year: writing this year's into the
                # text would be a guess presented as fact, so the date stays as it was written.
                # A weekday beside it ("today+weekday") only picks, among the years around today,
                # one whose calendar fits (2022 or 2028 for "Mittwoch, 9. Februar"): a guess still.
                # Written, it would also become the year of the article's other dates on a second
                # pass, and clean() would not be idempotent.
                continue
            start, end = f.raw.span.core_start, f.raw.span.core_end
            if (before := text[start:end]) != f.iso:
                yield Edit(self.name, start, end, before, f.iso, _note(f.order_by, f.year_by))

    def __call__(self, text: str, lang: str | None = None, *, reference: dt.date | str | None = None) -> str:
        """Normalise the dates of ``text`` on its own (language detected when ``lang`` is None)."""
        from newstext.context import make_context

        return self.apply(text, make_context(text, lang, reference=reference))


#: The cleaner instance the pipeline runs (its name is also the option that turns it off).
normalize_dates = NormalizeDates()
