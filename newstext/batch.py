"""Cleaning many records: streamed, in input order, optionally on several processes.

Memory stays flat however large the input: the input is read lazily, sent to the workers in
blocks, and at most a few blocks per worker are in flight at once; results are written in input
order as they come back.

``newstext clean`` on JSON Lines sends the workers blocks of raw bytes (:func:`read_blocks`) and
gets bytes back (:func:`clean_blocks`): decoding, parsing, cleaning and serialising are all done
by the workers, so the process that reads and writes has next to nothing to do and does not compete
with them for the cores.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
import sys
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

from newstext.api import default_pipeline
from newstext.context import Context, make_context
from newstext.files import SAMPLE, WIDE_BOMS, ByteSource, decode_line, read_lines
from newstext.jsonl import LineOutcome, Status, process_line, process_line_with_source
from newstext.pipeline import Pipeline, Result
from newstext.profiles import Profile

__all__ = [
    "Block",
    "BlockOutcome",
    "CleanOptions",
    "Prefixed",
    "Tally",
    "clean_blocks",
    "clean_lines",
    "ordered_imap",
    "ordered_map",
    "read_blocks",
]

S = TypeVar("S")
T = TypeVar("T")

BATCH = 64  # lines per task: large enough to amortise the pickling, small enough to keep order cheap
BLOCK = 1 << 18  # bytes of JSON Lines per task: a tenth of a second of work, so the last one is short
IN_FLIGHT = 4  # tasks per worker waiting or running
MAX_FAILURES = 20  # messages of failed records a block reports (the rest are only counted)


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

    def add_block(self, outcome: BlockOutcome) -> None:
        """Count the outcomes of a block."""
        self.lines += outcome.lines
        self.by_status.update(outcome.by_status)


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


# --------------------------------------------------------------------------------------------------
# worker processes
# --------------------------------------------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    """Where workers come from.

    On Linux, when the calling process runs no other thread, "fork": the workers start at once
    with everything the caller has imported (a fork server would import newstext again first, a
    quarter of a second before any record is cleaned). Otherwise a fork server that has imported
    newstext once (each worker starts with the package loaded and no threads of the caller's), else
    "spawn" where there is none.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newstext"])
        return ctx
    return multiprocessing.get_context("spawn")


#: the function a worker process applies to each task, set once by :func:`_start_worker`
_worker_function: Callable[[Any], Any] | None = None


def _start_worker(work: Callable[[Any], Any]) -> None:
    """Set up a worker process: ``work`` is shipped once, not with every task, and Ctrl-C is left to
    the parent, which stops the workers itself (no traceback from each of them)."""
    global _worker_function
    _worker_function = work
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_task(item: Any) -> Any:
    assert _worker_function is not None
    return _worker_function(item)


def ordered_imap(work: Callable[[S], T], items: Iterable[S], *, jobs: int = 1) -> Iterator[T]:
    """``work`` applied to each of ``items``, its results yielded in input order.

    With ``jobs`` > 1 the items go to that many worker processes (see :func:`_context`; safe
    whatever threads the caller runs), at most a few items per worker in flight, so memory
    stays flat however many there are. ``work`` must be picklable: a module-level function or a
    ``functools.partial`` of one; it is sent to each worker once.
    """
    if jobs <= 1:
        for item in items:
            yield work(item)
        return
    for stream in (sys.stdout, sys.stderr):  # a forked worker must not write what was pending
        stream.flush()
    with _context().Pool(jobs, initializer=_start_worker, initargs=(work,)) as pool:
        pending: deque[AsyncResult[T]] = deque()
        for item in items:
            pending.append(pool.apply_async(_run_task, (item,)))
            if len(pending) >= jobs * IN_FLIGHT:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def ordered_map(work: Callable[[list[str]], list[T]], lines: Iterable[str], *, jobs: int = 1) -> Iterator[T]:
    """``work`` applied to batches of ``lines``, its results yielded one by one in input order
    (on ``jobs`` processes as :func:`ordered_imap` says)."""
    for results in ordered_imap(work, _batches(lines, BATCH), jobs=jobs):
        yield from results


def clean_lines(
    lines: Iterable[str], field_name: str, options: CleanOptions, *, jobs: int = 1
) -> Iterator[LineOutcome]:
    """Clean ``field_name`` in every JSON line, yielding one outcome per line, in input order."""
    return ordered_map(partial(_work, field_name=field_name, options=options), lines, jobs=jobs)


# --------------------------------------------------------------------------------------------------
# JSON Lines as blocks of bytes
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """Whole lines of a JSON Lines input, as bytes: what a worker is sent.

    ``data`` holds lines each ending in ``b"\n"`` (the last line of the input may lack it).
    ``number`` is the line number of its first line and ``offset`` the byte offset of its first
    byte in the input. ``raw``: the bytes as read from a UTF-8 input, whose line ends ("\r\n") and
    byte-order mark are still to be taken off as :func:`~newstext.files.read_lines` does; when
    False, lines that ``read_lines`` decoded (from another encoding), re-encoded as UTF-8.
    """

    data: bytes
    number: int
    offset: int
    raw: bool = True


@dataclass(frozen=True, slots=True)
class BlockOutcome:
    """What became of a block: the bytes to write and what to count and report.

    ``data`` holds the lines to write under the ``--on-error`` policy, each ending in ``b"\n"``.
    ``lines`` is the number of input lines read (under "stop", up to the failed one).
    ``failures`` gives (line number, message) of the first failed records of the block.
    ``stopped`` is the line number of the failed record that stopped the run under "stop".
    """

    data: bytes
    lines: int
    by_status: Counter[Status]
    failures: tuple[tuple[int, str], ...] = ()
    stopped: int | None = None


class Prefixed:
    """A binary stream with bytes already read put back in front."""

    def __init__(self, head: bytes, rest: ByteSource) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if self._head:
            if size < 0:
                out, self._head = self._head + self._rest.read(), b""
                return out
            out, self._head = self._head[:size], self._head[size:]
            return out
        return self._rest.read(size)


def read_blocks(stream: ByteSource, name: str, *, size: int = BLOCK) -> Iterator[Block]:
    """The lines of a JSON Lines stream in blocks of about ``size`` bytes, read lazily.

    A stream that :func:`~newstext.files.read_lines` reads as UTF-8 (its first bytes are UTF-8) is
    cut into blocks of raw bytes, never decoded here; any other is read by ``read_lines`` and its
    lines re-encoded, so the lines, their numbers and the errors are the same either way.
    """
    head = stream.read(SAMPLE)
    cut = head.rfind(b"\n") + 1 or len(head)
    if not head.startswith(tuple(bom for bom, _ in WIDE_BOMS)):
        try:
            head[:cut].decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            yield from _raw_blocks(head, stream, size)
            return
    yield from _text_blocks(read_lines(Prefixed(head, stream), name), size)


def _raw_blocks(head: bytes, stream: ByteSource, size: int) -> Iterator[Block]:
    number, offset = 1, 0
    partial_line: list[bytes] = []  # the start of a line not yet ended
    chunk = head
    while chunk:
        cut = chunk.rfind(b"\n") + 1
        if cut:
            data = b"".join([*partial_line, chunk[:cut]]) if partial_line else chunk[:cut]
            partial_line = [chunk[cut:]] if cut < len(chunk) else []
            yield Block(data, number, offset)
            number += data.count(b"\n")
            offset += len(data)
        else:
            partial_line.append(chunk)
        chunk = stream.read(size)
    if partial_line:
        yield Block(b"".join(partial_line), number, offset)


def _text_blocks(lines: Iterable[str], size: int) -> Iterator[Block]:
    number = 1
    batch: list[str] = []
    held = 0
    for line in lines:
        batch.append(line)
        held += len(line) + 1
        if held >= size:
            yield Block(("\n".join(batch) + "\n").encode("utf-8", "surrogatepass"), number, -1, raw=False)
            number += len(batch)
            batch, held = [], 0
    if batch:
        yield Block(("\n".join(batch) + "\n").encode("utf-8", "surrogatepass"), number, -1, raw=False)


def _block_lines(block: Block, name: str) -> list[str]:
    """The lines of a block, decoded, without their line breaks."""
    data = block.data
    if not block.raw:
        return data.decode("utf-8", "surrogatepass").split("\n")[:-1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # one of the lines is not UTF-8: read_lines' own decoding names it, its number and offset
        number, offset = block.number, block.offset
        for raw in data.split(b"\n"):
            decode_line(raw, "utf-8", name, number, offset)
            number += 1
            offset += len(raw) + 1
        raise AssertionError("unreachable: some line is not UTF-8") from None
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if "\r" in text:
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if block.number == 1 and lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


def _clean_block(
    block: Block, *, field_name: str, options: CleanOptions, name: str, policy: str
) -> BlockOutcome:
    out: list[str] = []
    by_status: Counter[Status] = Counter()
    failures: list[tuple[int, str]] = []
    stopped = None
    lines = _block_lines(block, name)
    for number, line in enumerate(lines, block.number):
        outcome = _process(line, field_name, options)
        by_status[outcome.status] += 1
        if outcome.message:
            if len(failures) < MAX_FAILURES:
                failures.append((number, outcome.message))
            if policy == "stop":
                stopped = number
                break
            if policy == "skip":
                continue
        out.append(outcome.line)
    data = ("\n".join(out) + "\n").encode("utf-8") if out else b""
    read = len(lines) if stopped is None else stopped - block.number + 1
    return BlockOutcome(data, read, by_status, tuple(failures), stopped)


def clean_blocks(
    blocks: Iterable[Block],
    field_name: str,
    options: CleanOptions,
    *,
    name: str,
    policy: str = "keep",
    jobs: int = 1,
) -> Iterator[BlockOutcome]:
    """Clean ``field_name`` in every line of every block, yielding one outcome per block, in order.

    ``policy`` says what becomes of a failed record: "keep" it unchanged, "skip" it, or "stop" at
    it (the outcome of its block then holds the lines before it, and no block after it is read).
    ``name`` names the input in the error raised for a line that cannot be decoded.
    """
    work = partial(_clean_block, field_name=field_name, options=options, name=name, policy=policy)
    return ordered_imap(work, blocks, jobs=jobs)
