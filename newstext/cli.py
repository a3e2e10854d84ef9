"""The ``newstext`` command: a thin layer over the library.

Exit status: 0 when the run completed (records that could not be cleaned are counted on stderr and
handled by ``--on-error``); 1 when ``--on-error stop`` stopped the run; 2 for a usage error; 3 when
the input cannot be read or decoded; 130 when interrupted. The input is never overwritten, and an
output file appears under its name only once it is complete.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, BinaryIO, TypeVar

from newstext import __version__
from newstext.batch import Block, CleanOptions, Prefixed, Tally, clean_blocks, read_blocks
from newstext.defaults import DEFAULT_CLEANERS
from newstext.files import AtomicOutput, ByteSource, DecodeError, decode, read_lines, same_file
from newstext.jsonl import Status
from newstext.profiles import Profile
from newstext.render import edits_as_json, explain_plain, explain_terminal

__all__ = ["build_parser", "main", "parse_args"]

T = TypeVar("T")

RULES = [c.name for c in DEFAULT_CLEANERS]
EXIT_OK, EXIT_STOPPED, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
MAX_MESSAGES = 20  # failed-record messages printed before they are only counted


class UsageError(Exception):
    """A problem with the command's arguments that argparse cannot see."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"takes a whole number of at least {minimum}, not {n}")
        return n

    return parse


def add_jobs_and_progress(g: argparse._ArgumentGroup, jobs_help: str) -> None:
    """``--jobs N`` and ``--progress/--no-progress``, the same on every command that streams."""
    g.add_argument("--jobs", "-j", type=whole_number(1), default=1, metavar="N", help=jobs_help)
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )


def refuse_overwrite(args: argparse.Namespace) -> None:
    """Stop with a usage error when ``--output`` names the input file."""
    if args.output != "-" and args.input != "-" and same_file(args.input, args.output):
        raise UsageError(f"refusing to overwrite the input {args.input}: give another --output")


def add_cleaning_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("cleaning")
    g.add_argument(
        "--lang",
        metavar="TAG",
        help="the language of the text (any spelling: id, in, Indonesian); detected when not given",
    )
    g.add_argument(
        "--quotes",
        choices=["ascii", "typographic", "keep"],
        default="ascii",
        help="quotation marks: plain ASCII (default), the language's own, or as they are",
    )
    g.add_argument(
        "--dates",
        choices=["iso", "keep"],
        default="iso",
        help="rewrite dates as ISO 8601 (default) or keep them as written",
    )
    g.add_argument(
        "--reference",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date, for dates written without a year",
    )
    g.add_argument(
        "--off",
        action="append",
        default=[],
        choices=RULES,
        metavar="RULE",
        help="turn a cleaner off by its rule name (repeatable); rules: " + ", ".join(RULES),
    )
    g.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="PATH",
        help="a language file (xx.toml) or a folder of them, extending newstext's own (repeatable)",
    )


def add_profile_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("site profile (docs/profiles.md)")
    g.add_argument(
        "--profile",
        metavar="FILE",
        help="a profile written by 'newstext learn': also remove each site's learned boilerplate",
    )
    g.add_argument("--source", metavar="NAME", help="the source (site) of the text, for --profile")
    g.add_argument(
        "--source-field",
        metavar="NAME",
        help="the field of each JSON record that names its source, for --profile (overrides --source)",
    )


def _load_profile(path: str | None) -> Profile | None:
    """The profile in ``path`` (None: none), finalized: only its junk is shipped to --jobs workers."""
    if path is None:
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        profile = Profile.from_json(text)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    return profile if profile.finalized else profile.finalize()


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "input",
        nargs="?",
        default="-",
        metavar="FILE",
        help="a plain-text article or a JSON Lines file; '-' or nothing reads standard input",
    )
    g = p.add_argument_group("input")
    g.add_argument(
        "--input-format",
        choices=["auto", "text", "jsonl"],
        default="auto",
        help="how to read the input: 'auto' (default) takes .jsonl/.ndjson files and input whose "
        "first line is a JSON object as JSON Lines, anything else as one plain-text article",
    )
    g.add_argument(
        "--field",
        default="text",
        metavar="NAME",
        help="the field of each JSON record to clean (default: text); every other field is "
        "written back untouched",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newstext`` command."""
    parser = argparse.ArgumentParser(
        prog="newstext",
        description="Clean syndicated news article text: remove the junk, keep every word of the story, "
        "normalise quotes and dates, and say what changed.",
        epilog="Exit status: 0 done; 1 stopped by --on-error stop; 2 usage error; 3 input unreadable; "
        "130 interrupted. See 'newstext COMMAND --help'.",
    )
    parser.add_argument("--version", action="version", version=f"newstext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "clean",
        help="clean an article or every record of a JSON Lines file",
        description="Clean a plain-text article, or one field of every record of a JSON Lines "
        "file. Records out always equal records in; a record that cannot be cleaned is kept, "
        "skipped or stops the run (--on-error) and is counted on stderr.",
    )
    _add_input_options(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="where to write (default: standard output); written to a temporary file and renamed "
        "when complete; never the input file",
    )
    add_cleaning_options(p)
    add_profile_options(p)
    g = p.add_argument_group("running")
    add_jobs_and_progress(g, "worker processes for JSON Lines (default 1); output stays in input order")
    g.add_argument(
        "--on-error",
        choices=["keep", "skip", "stop"],
        default="keep",
        help="a record that is not a JSON object or lacks a string field: keep it unchanged "
        "(default), skip it, or stop the run",
    )
    p.set_defaults(run=cmd_clean)

    p = sub.add_parser(
        "explain",
        help="show what clean would remove or change, and by which rule",
        description="Show every edit clean makes: on a terminal the text with removed spans struck "
        "through and coloured by rule, with a legend; otherwise one edit per line; "
        "--format json gives one JSON object per edit.",
    )
    _add_input_options(p)
    p.add_argument(
        "--format",
        dest="as_format",
        choices=["auto", "color", "plain", "json"],
        default="auto",
        help="how to show the edits: 'color' (the text, struck through and coloured "
        "by rule), 'plain' (one edit per line), 'json' (one JSON object per edit); default: color "
        "on a terminal, plain otherwise",
    )
    add_cleaning_options(p)
    add_profile_options(p)
    p.set_defaults(run=cmd_explain)

    from newstext.report_command import add_report_command  # it imports this module's helpers

    add_report_command(sub)

    from newstext.learn_command import add_learn_command  # it imports this module's helpers

    add_learn_command(sub)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line (tests call this with a list)."""
    return build_parser().parse_args(argv)


def clean_options(args: argparse.Namespace) -> CleanOptions:
    return CleanOptions(
        lang=args.lang,
        quotes=args.quotes,
        dates=args.dates,
        reference=args.reference,
        data_paths=tuple(args.data),
        off=frozenset(args.off),
        profile=_load_profile(getattr(args, "profile", None)),
        source=getattr(args, "source", None),
        source_field=getattr(args, "source_field", None),
    )


def open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def input_name(path: str) -> str:
    """How messages name an input: its path, or <stdin> for "-"."""
    return "<stdin>" if path == "-" else path


def _peek(args: argparse.Namespace, stream: BinaryIO) -> tuple[Prefixed, bool]:
    """The whole stream again (its first bytes read and put back), and whether it is JSON Lines."""
    head = stream.read(1 << 16)
    return Prefixed(head, stream), _is_jsonl(args, head)


def _is_jsonl(args: argparse.Namespace, head: bytes) -> bool:
    if args.input_format != "auto":
        return bool(args.input_format == "jsonl")
    if args.input.endswith((".jsonl", ".ndjson", ".jsonlines")):
        return True
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0].strip()  # a UTF-8 BOM too
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def progress(args: argparse.Namespace, total: int | None) -> Callable[[Iterator[str]], Iterator[str]]:
    """A wrapper of an iterator of lines that shows a progress bar (when asked for) as they go by."""
    return _progress(args, total, lambda line: len(line) + 1)


def _progress(
    args: argparse.Namespace, total: int | None, size: Callable[[T], int]
) -> Callable[[Iterator[T]], Iterator[T]]:
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if not show:
        return lambda it: it
    from tqdm import tqdm

    def wrap(it: Iterator[T]) -> Iterator[T]:
        with tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, desc="newstext") as bar:
            for item in it:
                bar.update(size(item))
                yield item

    return wrap


def _block_size(block: Block) -> int:
    return len(block.data)


def _byte_writer(out: IO[str]) -> Callable[[bytes], object]:
    """Write UTF-8 bytes to ``out``: straight to its buffer when it is UTF-8 and translates no line
    break, else decoded."""
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer = getattr(out, "buffer", None)
    if encoding == "utf8" and buffer is not None and (out is not sys.stdout or os.linesep == "\n"):
        out.flush()
        return buffer.write  # type: ignore[no-any-return]
    return lambda data: out.write(data.decode("utf-8"))


def _run_jsonl(args: argparse.Namespace, stream: ByteSource, out: IO[str]) -> int:
    name = input_name(args.input)
    total = os.path.getsize(args.input) if args.input != "-" else None
    blocks = _progress(args, total, _block_size)(read_blocks(stream, name))
    write = _byte_writer(out)
    tally = Tally()
    messages = 0
    options = clean_options(args)
    for outcome in clean_blocks(blocks, args.field, options, name=name, policy=args.on_error, jobs=args.jobs):
        tally.add_block(outcome)
        for number, message in outcome.failures:
            messages += 1
            if messages <= MAX_MESSAGES:
                print(f"newstext: {name}:{number}: {message}", file=sys.stderr)
        write(outcome.data)
        if outcome.stopped is not None:
            print(f"newstext: stopped at line {outcome.stopped} (--on-error stop)", file=sys.stderr)
            return EXIT_STOPPED
    _summary(tally, args.on_error)
    return EXIT_OK


def _summary(tally: Tally, policy: str) -> None:
    written = tally.records - (tally.failed if policy == "skip" else 0)
    parts = [f"{tally.by_status[Status.CLEANED]} cleaned"]
    if tally.failed:
        reasons = ", ".join(
            f"{n} {s.value.replace('_', ' ')}"
            for s, n in tally.by_status.items()
            if n and s not in (Status.CLEANED, Status.BLANK)
        )
        parts.append(f"{tally.failed} {'skipped' if policy == 'skip' else 'kept unchanged'} ({reasons})")
    noun = "record" if tally.records == 1 else "records"
    print(f"newstext: {tally.records} {noun} in, {written} out: {'; '.join(parts)}", file=sys.stderr)


def cmd_clean(args: argparse.Namespace) -> int:
    """``newstext clean``."""
    refuse_overwrite(args)
    with open_input(args.input) as stream:
        full, jsonl = _peek(args, stream)
        if jsonl:
            with AtomicOutput(args.output) as out:
                status = _run_jsonl(args, full, out)
                if status != EXIT_OK:
                    raise _Stopped(status)
            return status
        text = decode(full.read(), input_name(args.input))
    cleaned = clean_options(args).clean(text)
    with AtomicOutput(args.output) as out:
        out.write(cleaned)
        if cleaned and not cleaned.endswith("\n"):
            out.write("\n")
    return EXIT_OK


def _explain_inputs(
    args: argparse.Namespace, options: CleanOptions
) -> Iterator[tuple[int | None, str, str | None]]:
    """(line number or None, text, source) of each article of the input, read lazily."""
    name = input_name(args.input)
    with open_input(args.input) as stream:
        full, jsonl = _peek(args, stream)
        if not jsonl:
            yield None, decode(full.read(), name), options.source
            return
        for number, line in enumerate(read_lines(full, name), 1):
            try:
                record = json.loads(line) if line.strip() else None
            except ValueError:
                record = None
            if isinstance(record, dict) and isinstance(record.get(args.field), str):
                source = record.get(options.source_field) if options.source_field else None
                yield number, record[args.field], source if isinstance(source, str) else options.source


def cmd_explain(args: argparse.Namespace) -> int:
    """``newstext explain``."""
    options = clean_options(args)
    name = input_name(args.input)
    mode = args.as_format
    if mode == "auto":
        mode = "color" if sys.stdout.isatty() else "plain"
    for line_number, text, source in _explain_inputs(args, options):
        result = options.explain(text, source)
        if mode == "json":
            extra = {"line": line_number} if line_number is not None else {}
            for row in edits_as_json(result, **extra):
                print(row)
            continue
        if line_number is not None:
            print(f"== {name}:{line_number}")
        print(explain_terminal(result) if mode == "color" else explain_plain(result))
    return EXIT_OK


class _Stopped(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as exc:
        parser.error(str(exc))
    except _Stopped as exc:
        return exc.status
    except (DecodeError, OSError) as exc:
        print(f"newstext: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except (ValueError, TypeError) as exc:
        print(f"newstext: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newstext: interrupted; no output file was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK  # pragma: no cover - parser.error exits


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
