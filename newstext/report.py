"""The corpus report: what cleaning did to a whole corpus, counted, so that a run can be audited.

:func:`build_report` (texts or records) and :func:`report_jsonl` (the lines of a JSON Lines file)
explain every article and keep only bounded state, however large the corpus: counters per rule, the
most frequent removed lines and replacements per rule in a :class:`TopCounter` of fixed size, a
reservoir sample of articles and the few articles that lost the most. The :class:`Report` they
return holds the numbers; :meth:`Report.to_html` renders them as one self-contained page
(:mod:`newstext.report_html`).

>>> report = build_report(["Harga naik.\\n\\nLeave a Reply", "Harga turun."], lang="id")
>>> report.articles, report.cleaned, report.failed
(2, 2, 0)
>>> report.rule("drop_boilerplate").edits
1
>>> report.rule("drop_boilerplate").top_removed[0]
Frequent(text='Leave a Reply', count=1, error=0)
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Generic, TypeVar

from newstext.batch import CleanOptions, ordered_map
from newstext.edits import Edit
from newstext.jsonl import Status, find_field
from newstext.pipeline import Result

__all__ = [
    "ArticleView",
    "Failure",
    "Frequent",
    "Report",
    "ReportBuilder",
    "RuleStats",
    "TopCounter",
    "build_report",
    "explain_staged",
    "report_jsonl",
]

SAMPLE = 20  # articles shown: enough to see the rules at work, few enough to read
TOP = 20  # most frequent removed lines shown per rule
CAP = 1000  # distinct lines counted exactly per rule before the rarest are forgotten
MOST_REMOVED = 5  # articles that lost the largest share, shown in full
MAX_FAILURES = 20  # failed records listed by line (all of them are counted)
KEY_CHARS = 160  # a removed line longer than this is counted by its first 160 characters
ID_FIELDS = ("id", "url")  # a record's identifier, shown beside its line number when present

# the share of its characters an article lost, in the buckets of the report's histogram
SHARE_BUCKETS: tuple[tuple[str, float], ...] = (
    ("under 1%", 0.01),
    ("1–5%", 0.05),
    ("5–10%", 0.10),
    ("10–25%", 0.25),
    ("25–50%", 0.50),
    ("50–90%", 0.90),
    ("90% or more", 1.0),
)

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Frequent:
    """A removed line (or a replacement) and how often it was seen.

    ``count`` never exceeds the true number; the true number is at most ``count + error``
    (``error`` is 0, the count exact, unless the line was first counted after rarer lines had to
    be forgotten: see :class:`TopCounter`).
    """

    text: str
    count: int
    error: int = 0


class TopCounter(Generic[K]):
    """Counts keys in bounded memory, exactly while there are few, and keeps the most frequent.

    Up to ``2 * cap`` distinct keys are counted exactly. Past that, the ``cap`` most frequent are
    kept and the others forgotten; a key seen again after it was forgotten (or first seen after a
    pruning) starts over, with an ``error`` that bounds what may have been forgotten, so
    ``count <= true count <= count + error`` always holds.

    >>> c: TopCounter[str] = TopCounter(cap=2)
    >>> for key in "aaabbcdeaf":
    ...     c.add(key)
    >>> c.top(2)
    [('a', 4, 0), ('b', 2, 0)]
    """

    __slots__ = ("_counts", "_errors", "cap", "floor", "total")

    def __init__(self, cap: int = CAP) -> None:
        if cap < 1:
            raise ValueError(f"cap takes a whole number of at least 1, not {cap!r}")
        self.cap = cap
        self._counts: Counter[K] = Counter()
        self._errors: dict[K, int] = {}
        self.floor = 0  # the most that any forgotten key may have been seen
        self.total = 0  # every key added, forgotten or not

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, key: K, n: int = 1) -> None:
        """Count ``key`` ``n`` times."""
        self.total += n
        if key not in self._counts and self.floor:
            self._errors[key] = self.floor
        self._counts[key] += n
        if len(self._counts) > 2 * self.cap:
            self._prune()

    def _prune(self) -> None:
        ranked = self.top(len(self._counts))
        for key, count, error in ranked[self.cap :]:
            self.floor = max(self.floor, count + error)
            del self._counts[key]
            self._errors.pop(key, None)

    def top(self, n: int) -> list[tuple[K, int, int]]:
        """The ``n`` most frequent keys as (key, count, error), most frequent first, ties by key."""
        rows = [(key, count, self._errors.get(key, 0)) for key, count in self._counts.items()]
        return heapq.nsmallest(n, rows, key=lambda r: (-r[1], r[0]))


@dataclass(frozen=True, slots=True)
class RuleStats:
    """What one rule did over the corpus.

    The numbers are taken from the text as the rule saw it (after the rules before it ran), so they
    add up: ``net_removed`` summed over the rules is exactly the corpus's characters in less its
    characters out. ``chars_removed`` counts the characters of the rule's removals;
    ``chars_replaced`` those its replacements rewrote, and ``net_removed`` what the rule took away
    in all (removals, and replacements shorter than what they replaced; negative when it added).
    """

    rule: str
    edits: int = 0
    articles: int = 0
    removals: int = 0
    chars_removed: int = 0
    replacements: int = 0
    chars_replaced: int = 0
    net_removed: int = 0
    lines_removed: int = 0  # the removed lines counted (a removal of several lines counts each)
    top_removed: tuple[Frequent, ...] = ()
    top_replaced: tuple[tuple[Frequent, str], ...] = ()  # (the text before, counted), the text after
    top_notes: tuple[Frequent, ...] = ()  # what the rule said of its edits: the label or phrase matched


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article kept for showing: where it came from and what cleaning did to it.

    ``staged`` are the result's edits as each rule saw them (:func:`explain_staged`), which tell
    exactly how much text each edit left; without them an edit nested in another's span is shown
    as best its offsets tell.
    """

    where: str
    result: Result
    staged: tuple[Edit, ...] = ()

    @property
    def chars_in(self) -> int:
        """Characters of the article before cleaning."""
        return len(self.result.original)

    @property
    def chars_out(self) -> int:
        """Characters of the article after cleaning."""
        return len(self.result.text)

    @property
    def share_removed(self) -> float:
        """The share of the article's characters that cleaning took away (0 when none, or it grew)."""
        return _share(self.chars_in, self.chars_out)


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be cleaned: where it is, why (a :class:`~newstext.jsonl.Status` value)."""

    where: str
    reason: str
    message: str


@dataclass(frozen=True)
class Report:
    """The numbers of a corpus report; :meth:`to_html` renders them.

    ``articles`` counts the records read (blank lines are not records); each is either ``cleaned``
    or ``failed`` (bad JSON, missing field, a field that is not a string), never dropped unseen.
    ``emptied`` counts the cleaned articles that came out with no text left.
    """

    source: str = ""
    settings: tuple[tuple[str, str], ...] = ()
    pipeline: tuple[str, ...] = ()
    articles: int = 0
    cleaned: int = 0
    changed: int = 0
    emptied: int = 0
    blank_lines: int = 0
    failed_by_reason: tuple[tuple[str, int], ...] = ()
    failures: tuple[Failure, ...] = ()
    chars_in: int = 0
    chars_out: int = 0
    languages: tuple[tuple[str, int], ...] = ()
    shares: tuple[tuple[str, int], ...] = ()
    rules: tuple[RuleStats, ...] = ()
    samples: tuple[ArticleView, ...] = ()
    most_removed: tuple[ArticleView, ...] = ()
    sample_size: int = SAMPLE
    top_size: int = TOP
    version: str = ""

    @property
    def failed(self) -> int:
        """Records that could not be cleaned."""
        return sum(n for _, n in self.failed_by_reason)

    @property
    def articles_out(self) -> int:
        """Cleaned articles with some text left."""
        return self.cleaned - self.emptied

    @property
    def share_removed(self) -> float:
        """The share of the cleaned articles' characters that cleaning took away."""
        return _share(self.chars_in, self.chars_out)

    def rule(self, name: str) -> RuleStats:
        """The statistics of one rule (all zero for a rule that changed nothing)."""
        for stats in self.rules:
            if stats.rule == name:
                return stats
        raise KeyError(f"no rule named {name!r} in this report: rules are {', '.join(self.pipeline)}")

    def summary(self) -> str:
        """One line for a terminal: records, failures, characters removed."""
        failed = ""
        if self.failed:
            reasons = ", ".join(f"{n} {r.replace('_', ' ')}" for r, n in self.failed_by_reason)
            failed = f", {self.failed} failed ({reasons})"
        return (
            f"{self.articles} records: {self.cleaned} cleaned{failed}; {self.changed} changed, "
            f"{self.emptied} emptied; {self.share_removed:.1%} of {self.chars_in:,} characters removed"
        )

    def to_html(self) -> str:
        """The report as one self-contained HTML page (inline CSS, no script, no network)."""
        from newstext.report_html import render

        return render(self)


def _share(chars_in: int, chars_out: int) -> float:
    return max(0.0, (chars_in - chars_out) / chars_in) if chars_in else 0.0


def _bucket(share: float) -> str:
    for label, limit in SHARE_BUCKETS:
        if share < limit:
            return label
    return SHARE_BUCKETS[-1][0]


def line_key(text: str) -> str:
    """How a removed line is counted: white space collapsed, cut to KEY_CHARS characters.

    A span of nothing but white space is counted as symbols (``↵`` a line break, ``·`` a space),
    so that "two line breaks removed" is one key.

    >>> line_key("  Baca   juga:  Harga\\tnaik ")
    'Baca juga: Harga naik'
    >>> line_key("\\n\\n")
    '↵↵'
    """
    collapsed = " ".join(text.split())
    if not collapsed:
        collapsed = "".join(_WHITE.get(ch, f"U+{ord(ch):04X} ") for ch in text).strip()[:KEY_CHARS]
    if len(collapsed) > KEY_CHARS:
        return collapsed[: KEY_CHARS - 1] + "…"
    return collapsed


_WHITE = {"\n": "↵", " ": "·", "\t": "→", "\r": "␍"}


@dataclass
class _RuleTally:
    rule: str
    cap: int
    edits: int = 0
    articles: int = 0
    removals: int = 0
    chars_removed: int = 0
    replacements: int = 0
    chars_replaced: int = 0
    net_removed: int = 0
    removed: TopCounter[str] = field(init=False)
    replaced: TopCounter[tuple[str, str]] = field(init=False)
    notes: TopCounter[str] = field(init=False)

    def __post_init__(self) -> None:
        self.removed = TopCounter(self.cap)
        self.replaced = TopCounter(self.cap)
        self.notes = TopCounter(self.cap)

    def stats(self, top: int) -> RuleStats:
        return RuleStats(
            rule=self.rule,
            edits=self.edits,
            articles=self.articles,
            removals=self.removals,
            chars_removed=self.chars_removed,
            replacements=self.replacements,
            chars_replaced=self.chars_replaced,
            net_removed=self.net_removed,
            lines_removed=self.removed.total,
            top_removed=tuple(Frequent(k, c, e) for k, c, e in self.removed.top(top)),
            top_replaced=tuple((Frequent(k[0], c, e), k[1]) for k, c, e in self.replaced.top(top)),
            top_notes=tuple(Frequent(k, c, e) for k, c, e in self.notes.top(top)),
        )


class ReportBuilder:
    """Adds up explained articles and failed records, one at a time, in bounded memory.

    ``sample`` articles are kept by reservoir sampling (every cleaned article has the same chance;
    ``seed`` makes the choice repeatable), and the ``most_removed`` articles that lost the largest
    share of their text. ``top`` removed lines are reported per rule, out of ``cap`` counted.
    """

    def __init__(
        self,
        *,
        pipeline: Iterable[str] = (),
        source: str = "",
        settings: Iterable[tuple[str, str]] = (),
        sample: int = SAMPLE,
        top: int = TOP,
        cap: int = CAP,
        most_removed: int = MOST_REMOVED,
        seed: int = 0,
    ) -> None:
        for name, value in (("sample", sample), ("top", top), ("most_removed", most_removed)):
            if value < 0:
                raise ValueError(f"{name} takes a whole number of at least 0, not {value!r}")
        self.source = source
        self.settings = tuple(settings)
        self.pipeline = tuple(pipeline)
        self.sample = sample
        self.top = top
        self.cap = cap
        self.most_removed_size = most_removed
        self._rng = random.Random(seed)
        self._rules: dict[str, _RuleTally] = {name: _RuleTally(name, cap) for name in self.pipeline}
        self._reservoir: list[tuple[int, ArticleView]] = []
        self._worst: list[tuple[float, int, int, ArticleView]] = []  # a min-heap: (share, removed, -seq)
        self._seq = 0
        self.articles = 0
        self.cleaned = 0
        self.changed = 0
        self.emptied = 0
        self.blank_lines = 0
        self.chars_in = 0
        self.chars_out = 0
        self._failed: Counter[str] = Counter()
        self._failures: list[Failure] = []
        self._languages: Counter[str] = Counter()
        self._shares: Counter[str] = Counter()

    def blank(self) -> None:
        """Count a blank line (not a record)."""
        self.blank_lines += 1

    def fail(self, where: str, reason: Status | str, message: str) -> None:
        """Count a record that could not be cleaned."""
        reason = reason.value if isinstance(reason, Status) else reason
        self.articles += 1
        self._failed[reason] += 1
        if len(self._failures) < MAX_FAILURES:
            self._failures.append(Failure(where, reason, message))

    def add(self, result: Result, where: str, *, staged: Iterable[Edit] | None = None) -> None:
        """Count one explained article (``result.original`` must hold its input).

        ``staged`` are the same edits as each rule saw them (:func:`explain_staged`), the ones the
        numbers per rule are taken from; without them, ``result.edits`` are counted.
        """
        edits = result.edits if staged is None else tuple(staged)
        self.articles += 1
        self.cleaned += 1
        self._seq += 1
        chars_in, chars_out = len(result.original), len(result.text)
        self.chars_in += chars_in
        self.chars_out += chars_out
        self._languages[result.lang] += 1
        if result.edits:
            self.changed += 1
        emptied = bool(result.original.strip()) and not result.text.strip()
        share = _share(chars_in, chars_out)
        self.emptied += emptied
        self._shares["none" if chars_out >= chars_in else "all (emptied)" if emptied else _bucket(share)] += 1
        for name in result.rules:
            self._tally(name).articles += 1
        for edit in edits:
            tally = self._tally(edit.rule)
            tally.edits += 1
            tally.net_removed += len(edit.before) - len(edit.after)
            if edit.note:
                tally.notes.add(line_key(edit.note))
            if edit.is_removal:
                tally.removals += 1
                tally.chars_removed += len(edit.before)
                lines = [ln for ln in edit.before.split("\n") if ln.strip()] or [edit.before]
                for ln in lines:
                    tally.removed.add(line_key(ln))
            else:
                tally.replacements += 1
                tally.chars_replaced += len(edit.before)
                tally.replaced.add((line_key(edit.before), line_key(edit.after)))
        view = ArticleView(where, result, edits if staged is not None else ())
        self._keep_sample(view)
        if share > 0 and self.most_removed_size:
            entry = (share, chars_in - chars_out, -self._seq, view)
            if len(self._worst) < self.most_removed_size:
                heapq.heappush(self._worst, entry)
            elif entry[:3] > self._worst[0][:3]:
                heapq.heapreplace(self._worst, entry)

    def _tally(self, rule: str) -> _RuleTally:
        tally = self._rules.get(rule)
        if tally is None:
            tally = self._rules[rule] = _RuleTally(rule, self.cap)
        return tally

    def _keep_sample(self, view: ArticleView) -> None:
        if len(self._reservoir) < self.sample:
            self._reservoir.append((self._seq, view))
            return
        j = self._rng.randrange(self._seq)
        if j < self.sample:
            self._reservoir[j] = (self._seq, view)

    def report(self) -> Report:
        """The report of everything added so far."""
        from newstext import __version__

        order = {label: i for i, (label, _) in enumerate(SHARE_BUCKETS)}
        shares = sorted(
            self._shares.items(), key=lambda kv: -1 if kv[0] == "none" else order.get(kv[0], len(order))
        )
        return Report(
            source=self.source,
            settings=self.settings,
            pipeline=tuple(self._rules),
            articles=self.articles,
            cleaned=self.cleaned,
            changed=self.changed,
            emptied=self.emptied,
            blank_lines=self.blank_lines,
            failed_by_reason=tuple(sorted(self._failed.items())),
            failures=tuple(self._failures),
            chars_in=self.chars_in,
            chars_out=self.chars_out,
            languages=tuple(sorted(self._languages.items(), key=lambda kv: (-kv[1], kv[0]))),
            shares=tuple(shares),
            rules=tuple(t.stats(self.top) for t in self._rules.values()),
            samples=tuple(view for _, view in sorted(self._reservoir, key=lambda sv: sv[0])),
            most_removed=tuple(e[3] for e in sorted(self._worst, reverse=True, key=lambda e: e[:3])),
            sample_size=self.sample,
            top_size=self.top,
            version=__version__,
        )


def explain_staged(
    options: CleanOptions, text: str, source: str | None = None
) -> tuple[Result, tuple[Edit, ...]]:
    """Explain ``text`` with the options of a run, and give each edit as its rule saw it too.

    ``source`` is the record's own source (site), for the options' profile; else ``options.source``.

    The :class:`~newstext.pipeline.Result` is what :meth:`Pipeline.run_explained` returns (edits
    with offsets into the input, for showing the article). The second item holds the same edits
    with offsets and text of the stage they were made at: a later rule's edit there covers only
    what that rule changed, not the input an earlier rule had already rewritten, so the numbers
    per rule add up.
    """
    result = options.explain(text, source)
    return result, result.stage_edits


def describe(options: CleanOptions) -> tuple[tuple[str, str], ...]:
    """The settings of a run, as the report states them."""
    rows = [
        ("language", options.lang or "detected per article"),
        ("quotes", options.quotes),
        ("dates", options.dates),
    ]
    if options.reference is not None:
        rows.append(("reference date", options.reference.isoformat()))
    if options.off:
        rows.append(("turned off", ", ".join(sorted(options.off))))
    if options.data_paths:
        rows.append(("language files", ", ".join(options.data_paths)))
    if options.profile is not None:
        rows.append(("site profile", "yes: each site's learned boilerplate is removed too"))
    if options.source_field is not None:
        rows.append(("source field", options.source_field))
    elif options.source is not None:
        rows.append(("source", options.source))
    return tuple(rows)


def build_report(
    items: Iterable[str | Mapping[str, object]],
    *,
    field: str = "text",
    lang: str | None = None,
    options: CleanOptions | None = None,
    source: str = "",
    sample: int = SAMPLE,
    top: int = TOP,
    cap: int = CAP,
    most_removed: int = MOST_REMOVED,
    seed: int = 0,
) -> Report:
    """Explain every article of ``items`` and count what cleaning did.

    An item is an article's text, or a record (a mapping such as a ``dict`` or a row of a Hugging
    Face dataset) whose ``field`` holds the text. A record without that field, or whose field is
    not a string, is counted as failed and listed, never skipped unseen. ``options`` are the
    cleaning options (default: newstext's defaults, with ``lang`` if given); the other arguments
    are those of :class:`ReportBuilder`.
    """
    if options is None:
        options = CleanOptions(lang=lang)
    elif lang is not None:
        raise TypeError("give the language in options (CleanOptions(lang=...)) or as lang, not both")
    builder = ReportBuilder(
        pipeline=options.resolved_pipeline().names,
        source=source,
        settings=describe(options),
        sample=sample,
        top=top,
        cap=cap,
        most_removed=most_removed,
        seed=seed,
    )
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            result, staged = explain_staged(options, item)
            builder.add(result, f"article {number}", staged=staged)
            continue
        where = f"record {number}"
        if not isinstance(item, Mapping):
            builder.fail(where, Status.NOT_STRING, f"a {type(item).__name__}, not a str or a record")
            continue
        ident = _ident(item.get(name) for name in ID_FIELDS)
        where = f"{where} · {ident}" if ident else where
        if field not in item:
            builder.fail(where, Status.NO_FIELD, f"no field {field!r}")
            continue
        value = item[field]
        if not isinstance(value, str):
            builder.fail(where, Status.NOT_STRING, f"field {field!r} is {_kind(value)}, not a string")
            continue
        site = item.get(options.source_field) if options.source_field is not None else None
        result, staged = explain_staged(options, value, site if isinstance(site, str) else None)
        builder.add(result, where, staged=staged)
    return builder.report()


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _ident(values: Iterable[object]) -> str:
    for value in values:
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value)[:200]
    return ""


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What became of one JSON line, as a worker sends it back."""

    status: Status
    message: str = ""
    result: Result | None = None
    staged: tuple[Edit, ...] = ()
    ident: str = ""


def _explain_line(line: str, field_name: str, options: CleanOptions) -> _Outcome:
    if not line.strip():
        return _Outcome(Status.BLANK)
    try:
        span = find_field(line, field_name)
    except ValueError as exc:
        return _Outcome(Status.BAD_JSON, f"not a JSON object ({exc})")
    ident = ""
    for name in ID_FIELDS:
        found = find_field(line, name)
        if found is not None and (ident := _ident([found.value])):
            break
    if span is None:
        return _Outcome(Status.NO_FIELD, f"no field {field_name!r}", ident=ident)
    if not isinstance(span.value, str):
        message = f"field {field_name!r} is {_kind(span.value)}, not a string"
        return _Outcome(Status.NOT_STRING, message, ident=ident)
    source = None
    if options.source_field is not None:
        found = find_field(line, options.source_field)
        source = found.value if found is not None and isinstance(found.value, str) else None
    result, staged = explain_staged(options, span.value, source)
    return _Outcome(Status.CLEANED, result=result, staged=staged, ident=ident)


def _explain_batch(lines: list[str], field_name: str, options: CleanOptions) -> list[_Outcome]:
    return [_explain_line(line, field_name, options) for line in lines]


def _outcomes(lines: Iterable[str], field_name: str, options: CleanOptions, jobs: int) -> Iterator[_Outcome]:
    """One outcome per line, in input order; with ``jobs`` > 1 on worker processes, a few batches ahead."""
    return ordered_map(partial(_explain_batch, field_name=field_name, options=options), lines, jobs=jobs)


def report_jsonl(
    lines: Iterable[str],
    *,
    field: str = "text",
    options: CleanOptions | None = None,
    jobs: int = 1,
    source: str = "",
    sample: int = SAMPLE,
    top: int = TOP,
    cap: int = CAP,
    most_removed: int = MOST_REMOVED,
    seed: int = 0,
) -> Report:
    """The report of the JSON Lines ``lines`` (without line breaks), ``field`` of each record.

    Lines are read lazily and, with ``jobs`` > 1, explained on that many processes; the report is
    the same whatever ``jobs`` is. A line that is not a JSON object, or whose field is missing or
    not a string, is counted as failed with its line number; blank lines are counted apart.
    """
    if jobs < 1:
        raise ValueError(f"jobs takes a whole number of at least 1, not {jobs!r}")
    options = options or CleanOptions()
    builder = ReportBuilder(
        pipeline=options.resolved_pipeline().names,
        source=source,
        settings=(("field", field), *describe(options)),
        sample=sample,
        top=top,
        cap=cap,
        most_removed=most_removed,
        seed=seed,
    )
    for number, outcome in enumerate(_outcomes(lines, field, options, jobs), 1):
        where = f"line {number}" + (f" · {outcome.ident}" if outcome.ident else "")
        if outcome.status is Status.BLANK:
            builder.blank()
        elif outcome.result is not None:
            builder.add(outcome.result, where, staged=outcome.staged)
        else:
            builder.fail(where, outcome.status, outcome.message)
    return builder.report()
