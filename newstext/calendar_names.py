"""Calendar names: the month and weekday names of a language, and its order of numeric dates.

Names come from CLDR through babel at run time (format and stand-alone, wide and abbreviated
forms, so grammatical forms such as Russian "октября" or Polish "października" are there), plus the
hand-kept supplements of the language file's ``[dates]`` table (``month_aliases = ["Agt=8"]``,
``weekday_aliases = ["Jum'at=5"]``). Weekday numbers in aliases are ISO: 1 = Monday ... 7 = Sunday.

The default order of an ambiguous numeric date (``10/8/2021``) is the language's ``[dates] order``
when set, else the order of day and month in CLDR's short date pattern (``M/d/yy`` for English,
``d/M/yy`` for Indonesian). Everything is computed once per language tag and cached (bounded).
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from newstext.langdata import LangData, available_languages, load_language

__all__ = ["CalendarNames", "calendar_names", "fold"]

#: Scripts written without spaces between words: their names need no word boundary around them.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


@dataclass(frozen=True)
class CalendarNames:
    """The date vocabulary of one language (or of every supported language, for ``"und"``).

    ``months`` and ``weekdays`` map a folded spelling (see :func:`fold`) to the month (1-12) or the
    weekday (0 = Monday ... 6 = Sunday, like :meth:`datetime.date.weekday`). ``order`` is ``"dm"``
    or ``"md"``: which of day and month comes first in an ambiguous numeric date.
    ``leading_months`` are the month names that may stand before the day ("October 8": languages
    whose CLDR long date puts the month first, English always). ``abbreviations`` are the month
    spellings that are abbreviations only (they may take a full stop: "Oct."). ``capitalized`` are
    the month and weekday names the language always writes with a capital ("May", not "may";
    Indonesian "Minggu", Sunday, not "minggu", a week). ``weak`` are
    abbreviations that, among every language's names, are too much like ordinary words ("des",
    "sie") to be trusted without a year beside them.
    """

    tag: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    order: str
    leading_months: frozenset[str]
    abbreviations: frozenset[str]
    weak: frozenset[str]
    day_suffixes: tuple[str, ...]
    year_suffixes: tuple[str, ...]
    joiners: tuple[str, ...]
    month_prefixes: tuple[str, ...]
    range_words: tuple[str, ...] = ()
    capitalized: frozenset[str] = frozenset()

    @functools.cached_property
    def first_tokens(self) -> frozenset[str]:
        """The folded first words (runs of letters) of every name, with month prefixes glued on."""
        out: set[str] = set()
        for name in (*self.months, *self.weekdays):
            first = _FIRST_WORD.match(name)
            if first is None:
                continue
            out.add(first.group())
            out.update(fold(p) + first.group() for p in self.month_prefixes)
        return _with_unfolded(out)

    @functools.cached_property
    def all_tokens(self) -> frozenset[str]:
        """Every folded word of every name, joiner and suffix: what may stand next to a date's digits."""
        out: set[str] = set()
        for name in (
            *self.months,
            *self.weekdays,
            *self.joiners,
            *self.day_suffixes,
            *self.year_suffixes,
            *self.range_words,
        ):
            for word in _FIRST_WORD.findall(fold(name)):
                out.add(word)
                out.update(fold(p) + word for p in self.month_prefixes)
        return _with_unfolded(out)


def _with_unfolded(words: set[str]) -> frozenset[str]:
    """``words`` and their decomposed case-folded spellings, as ``str.casefold`` gives them ("ΐ")."""
    return frozenset(words | {unicodedata.normalize("NFD", w) for w in words} | {w.casefold() for w in words})


_FIRST_WORD = regex.compile(r"[^\W\d_]+")


def fold(name: str) -> str:
    """The lookup key of a name as written: NFC, case-folded, without a trailing full stop."""
    return unicodedata.normalize("NFC", name.casefold()).rstrip(".")


def unspaced(name: str) -> bool:
    """True when ``name`` is written in a script that puts no spaces between words (Thai, CJK)."""
    return any(
        unicodedata.name(ch, "").startswith(_UNSPACED) for ch in name if not ch.isdigit() and ch.isalpha()
    )


def _babel_locale(tag: str) -> object | None:
    from babel import Locale, UnknownLocaleError

    for cand in (tag.replace("-", "_"), tag.split("-")[0]):
        try:
            return Locale.parse(cand)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def _cldr_names(locale: object | None, attr: str, widths: tuple[str, ...]) -> Iterable[tuple[str, int]]:
    if locale is None:
        return
    table = getattr(locale, attr)
    for context in ("format", "stand-alone"):
        for width in widths:
            for number, name in table[context][width].items():
                yield str(name), int(number)


def _aliases(data: LangData, key: str) -> Iterable[tuple[str, int]]:
    for entry in data.strings("dates", key):
        name, _, number = entry.rpartition("=")
        if name and number.strip().isdigit():
            yield name.strip(), int(number)


def _order_from_pattern(pattern: str) -> str:
    """``"dm"`` or ``"md"`` from a CLDR pattern such as ``M/d/yy`` (quoted literals skipped)."""
    letters = "".join(part for i, part in enumerate(pattern.split("'")) if i % 2 == 0)
    d, m = letters.find("d"), letters.find("M")
    if d < 0 or m < 0:
        return "dm"
    return "dm" if d < m else "md"


def _usable_weekday(name: str) -> bool:
    # Two-letter abbreviations ("to", "Do", "ma") are ordinary words too often; single CJK
    # characters likewise. They are left out: a weekday is only evidence, never the date itself.
    return len(name.rstrip(".")) >= 3 or (unspaced(name) and len(name) >= 2)


@functools.lru_cache(maxsize=64)
def _language_names(tag: str) -> CalendarNames:
    data = load_language(tag)
    locale = _babel_locale(tag)
    months: dict[str, int] = {}
    wide: set[str] = set()
    for name, number in _cldr_names(locale, "months", ("wide",)):
        months.setdefault(fold(name), number)
        wide.add(fold(name))
    for name, number in _aliases(data, "month_aliases"):
        if 1 <= number <= 12 and name.strip():
            months.setdefault(fold(name), number)
            if len(fold(name)) > 4:  # "Nopember" is a spelling, "Agt" an abbreviation
                wide.add(fold(name))
    for name, number in _cldr_names(locale, "months", ("abbreviated",)):
        months.setdefault(fold(name), number)
    spellings = [n for n, _ in _cldr_names(locale, "months", ("wide", "abbreviated"))]
    spellings += [n for n, _ in _cldr_names(locale, "days", ("wide", "abbreviated"))]
    spellings += [n for key in ("month_aliases", "weekday_aliases") for n, _ in _aliases(data, key)]
    lower = {fold(n) for n in spellings if not n[:1].isupper()}
    capitalized = frozenset(fold(n) for n in spellings if n[:1].isupper()) - lower
    weekdays: dict[str, int] = {}
    for name, number in _cldr_names(locale, "days", ("wide", "abbreviated")):
        if _usable_weekday(name):
            weekdays.setdefault(fold(name), number)
    for name, number in _aliases(data, "weekday_aliases"):
        if 1 <= number <= 7:
            weekdays.setdefault(fold(name), number - 1)
    order = data.value("dates", "order")
    if order in ("dmy", "mdy", "ymd"):
        order = "dm" if order == "dmy" else "md"
    elif locale is not None:
        order = _order_from_pattern(locale.date_formats["short"].pattern)  # type: ignore[attr-defined]
    else:
        order = "dm"
    month_first = False
    if locale is not None:
        long_pattern = locale.date_formats["long"].pattern  # type: ignore[attr-defined]
        month_first = _order_from_pattern(long_pattern) == "md"
    return CalendarNames(
        tag=tag,
        months=months,
        weekdays=weekdays,
        order=order,
        leading_months=frozenset(months) if month_first else frozenset(),
        abbreviations=frozenset(months) - wide,
        weak=frozenset(),
        day_suffixes=data.strings("dates", "day_suffixes"),
        year_suffixes=data.strings("dates", "year_suffixes"),
        joiners=data.strings("dates", "joiners"),
        month_prefixes=data.strings("dates", "month_prefixes"),
        range_words=data.strings("dates", "range_words"),
        capitalized=capitalized,
    )


def _merge(tag: str, parts: list[CalendarNames], order: str) -> CalendarNames:
    """Several languages' names as one; the first part wins a clash of spellings."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for one in parts:
        for k, v in one.months.items():
            months.setdefault(k, v)
        for k, v in one.weekdays.items():
            weekdays.setdefault(k, v)

    def union(attr: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for one in parts for x in getattr(one, attr)))

    return CalendarNames(
        tag=tag,
        months=months,
        weekdays=weekdays,
        order=order,
        leading_months=frozenset().union(*(one.leading_months for one in parts)),
        abbreviations=frozenset().union(*(one.abbreviations for one in parts)),
        weak=frozenset(),
        day_suffixes=union("day_suffixes"),
        year_suffixes=union("year_suffixes"),
        joiners=union("joiners"),
        month_prefixes=union("month_prefixes"),
        range_words=union("range_words"),
        capitalized=frozenset(
            k
            for k in (*months, *weekdays)
            if all(k in one.capitalized for one in parts if k in one.months or k in one.weekdays)
        ),
    )


@functools.cache
def _all_names() -> CalendarNames:
    """Every supported language's names at once; English first, so it wins a clash of spellings.

    Among so many languages, short abbreviations meet ordinary words ("des", "sie", "pro"): those
    that are not English are ``weak`` (trusted only in a date with a year), and weekday
    abbreviations other than English ones are left out.
    """
    tags = sorted(available_languages(), key=lambda t: (t != "en", t))
    english = _language_names("en")
    parts = [_language_names(t) for t in tags]
    merged = _merge("und", parts, "dm")
    wide_anywhere = {k for one in parts for k in one.months if k not in one.abbreviations}
    weekdays = {
        k: v
        for k, v in merged.weekdays.items()
        if k in english.weekdays or any(k in _wide_weekdays(t) for t in tags)
    }
    return dataclasses.replace(
        merged,
        weekdays=weekdays,
        weak=frozenset(k for k in merged.months if k not in english.months and k not in wide_anywhere),
    )


@functools.lru_cache(maxsize=64)
def _wide_weekdays(tag: str) -> frozenset[str]:
    data = load_language(tag)
    names = {fold(n) for n, _ in _cldr_names(_babel_locale(tag), "days", ("wide",))}
    names.update(fold(n) for n, _ in _aliases(data, "weekday_aliases"))
    return frozenset(names)


def calendar_names(tag: str) -> CalendarNames:
    """The names for ``tag``; ``"und"`` (or a language newstext and CLDR both lack) gives all of them.

    A known language also understands English month and weekday names, which news in every
    language quotes; its own spellings win where the two differ.
    """
    if tag == "und":
        return _all_names()
    own = _language_names(tag)
    if not own.months:
        return _all_names()
    if tag.split("-")[0] == "en":
        return own
    return _with_english(tag)


@functools.lru_cache(maxsize=64)
def _with_english(tag: str) -> CalendarNames:
    own = _language_names(tag)
    return _merge(tag, [own, _language_names("en")], own.order)
