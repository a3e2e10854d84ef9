"""Cleaning many records: streamed, in input order, optionally on several processes.

Memory stays flat however large the input: lines are read lazily, sent to the workers in small
batches, and at most a few batches per worker are in flight at once; results are written in input
order as they come back.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from newstext.api import default_pipeline
from newstext.context import Context, make_context
from newstext.jsonl import LineOutcome, Status, process_line, process_line_with_source
from newstext.pipeline import Pipeline, Result
from newstext.profiles import Profile

__all__ = ["CleanOptions", "Tally", "clean_lines", "ordered_map"]

T = TypeVar("T")

BATCH = 64  # lines per task: large enough to amortise the pickling, small enough to keep order cheap
IN_FLIGHT = 4  # batches per worker waiting or running


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Everything a worker needs to clean a record; picklable and cheap to ship."""

    lang: str | None = None
    quotes: str = "ascii"
    dates: str = "iso"
    reference: dt.date | None = None
    data_paths: tuple[str, ...] = ()
    off: frozenset[str] = frozenset()
    pipeline: Pipeline | None = None
    profile: Profile | None = None  # a learned site profile (docs/profiles.md)
    source: str | None = None  # the source of every record, for the profile
    source_field: str | None = None  # the record field that names each record's source

    def resolved_pipeline(self) -> Pipeline:
        """The pipeline to run: the one given, or the default less the cleaners turned off."""
        base = self.pipeline if self.pipeline is not None else default_pipeline()
        return base.without(*self.off) if self.off else base

    def context(self, text: str, source: str | None = None) -> Context:
        """The context of one text under these options (``source``: the record's own, else
        :attr:`source`)."""
        return make_context(
            text,
            self.lang,
            reference=self.reference,
            quotes=self.quotes,
            dates=self.dates,
            data_paths=self.data_paths,
            profile=self.profile,
            source=source if source is not None else self.source,
        )

    def clean(self, text: str, source: str | None = None) -> str:
        """Clean one text with these options."""
        return self.resolved_pipeline().run(text, self.context(text, source))

    def explain(self, text: str, source: str | None = None) -> Result:
        """Explain one text with these options."""
        return self.resolved_pipeline().run_explained(text, self.context(text, source))


@dataclass
class Tally:
    """Counts of what became of the input lines."""

    lines: int = 0
    by_status: Counter[Status] = field(default_factory=Counter)

    @property
    def records(self) -> int:
        """Input lines that were records (blank lines are not)."""
        return self.lines - self.by_status[Status.BLANK]

    @property
    def failed(self) -> int:
        """Records that could not be cleaned (bad JSON, missing or non-string field)."""
        return self.records - self.by_status[Status.CLEANED]

    def add(self, outcome: LineOutcome) -> None:
        """Count one outcome."""
        self.lines += 1
        self.by_status[outcome.status] += 1


def _process(line: str, field_name: str, options: CleanOptions) -> LineOutcome:
    if options.source_field is None:
        return process_line(line, field_name, options.clean)
    return process_line_with_source(line, field_name, options.source_field, options.clean)


def _work(lines: list[str], field_name: str, options: CleanOptions) -> list[LineOutcome]:
    return [_process(line, field_name, options) for line in lines]


def _batches(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(lines)
    while batch := list(islice(it, size)):
        yield batch


def _context() -> multiprocessing.context.BaseContext:
    """Where workers come from: a fork server that has imported newstext once (each worker starts
    with the package loaded and no threads of the caller's), else "spawn" where there is none."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newstext"])
        return ctx
    return multiprocessing.get_context("spawn")


def ordered_map(work: Callable[[list[str]], list[T]], lines: Iterable[str], *, jobs: int = 1) -> Iterator[T]:
    """``work`` applied to batches of ``lines``, its results yielded one by one in input order.

    With ``jobs`` > 1 the batches go to that many worker processes (see :func:`_context`; safe
    whatever threads the caller runs), at most a few batches per worker in flight, so memory
    stays flat however long ``lines`` is. ``work`` must be picklable: a module-level function or a
    ``functools.partial`` of one.
    """
    if jobs <= 1:
        for batch in _batches(lines, BATCH):
            yield from work(batch)
        return
    with _context().Pool(jobs) as pool:
        pending: deque[AsyncResult[list[T]]] = deque()
        for batch in _batches(lines, BATCH):
            pending.append(pool.apply_async(work, (batch,)))
            if len(pending) >= jobs * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def clean_lines(
    lines: Iterable[str], field_name: str, options: CleanOptions, *, jobs: int = 1
) -> Iterator[LineOutcome]:
    """Clean ``field_name`` in every JSON line, yielding one outcome per line, in input order."""
    return ordered_map(partial(_work, field_name=field_name, options=options), lines, jobs=jobs)
