"""``newstext report``: the corpus report of a JSON Lines file, written as one HTML page.

A thin layer over :func:`newstext.report.report_jsonl`: the input is read lazily (any encoding,
progress on stderr when it is a terminal), the page is written whole or not at all, and a one-line
summary goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from newstext.cli import (
    EXIT_OK,
    UsageError,
    _add_cleaning_options,
    _add_profile_options,
    _open_input,
    _options,
    _progress,
)
from newstext.files import AtomicOutput, read_lines, same_file
from newstext.report import CAP, MOST_REMOVED, SAMPLE, TOP, report_jsonl

__all__ = ["add_report_command", "cmd_report"]


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"takes a whole number of at least 0, not {n}")
    return n


def add_report_command(sub: Any) -> None:
    """Add ``report`` to the subcommands ``sub`` of the ``newstext`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="write an HTML report of what clean does to a whole JSON Lines corpus",
        description="Explain every record of a JSON Lines file and write one self-contained HTML "
        "page (no network needed to view it) with articles and characters in and out, edits per "
        "rule, the most frequent removed lines per rule, and a sample of articles with the "
        "removed spans highlighted. The input is only read: the page is the one file written. "
        "Records that cannot be read (bad JSON, missing field) are counted and listed on it.",
    )
    p.add_argument(
        "input",
        metavar="FILE",
        help="a JSON Lines file, one record per line ('-' reads standard input)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the HTML page to write (e.g. report.html; '-' for standard output); written to a "
        "temporary file and renamed when complete",
    )
    p.add_argument(
        "--field",
        default="text",
        metavar="NAME",
        help="the field of each record that holds the article (default: text)",
    )
    _add_cleaning_options(p)
    _add_profile_options(p)
    g = p.add_argument_group("report")
    g.add_argument(
        "--sample",
        type=_count,
        default=SAMPLE,
        metavar="N",
        help=f"articles drawn at random and shown with their edits highlighted (default {SAMPLE})",
    )
    g.add_argument(
        "--most-removed",
        type=_count,
        default=MOST_REMOVED,
        metavar="N",
        help=f"articles that lost the largest share of their text, shown too (default {MOST_REMOVED})",
    )
    g.add_argument(
        "--top",
        type=_count,
        default=TOP,
        metavar="N",
        help=f"most frequent removed lines listed per rule (default {TOP}); counts are exact up to "
        f"{2 * CAP} distinct lines per rule, past that the rarest are forgotten and counts marked ≥",
    )
    g.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="the seed of the random sample (default 0: the same input gives the same page)",
    )
    g.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1); the page is the same for any number",
    )
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    p.set_defaults(run=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """``newstext report``."""
    if args.jobs < 1:
        raise UsageError("--jobs takes a whole number of at least 1")
    if args.output != "-" and args.input != "-" and same_file(args.input, args.output):
        raise UsageError(f"refusing to overwrite the input {args.input}: give another --output")
    name = "<stdin>" if args.input == "-" else args.input
    total = os.path.getsize(args.input) if args.input != "-" else None
    with _open_input(args.input) as stream:
        lines = _progress(args, total)(read_lines(stream, name))
        report = report_jsonl(
            lines,
            field=args.field,
            options=_options(args),
            jobs=args.jobs,
            source=name,
            sample=args.sample,
            top=args.top,
            most_removed=args.most_removed,
            seed=args.seed,
        )
    page = report.to_html()
    with AtomicOutput(args.output) as out:
        out.write(page)
    where = "" if args.output == "-" else f"; report written to {args.output}"
    print(f"newstext: {report.summary()}{where}", file=sys.stderr)
    if report.articles and not report.cleaned:
        print(
            f"newstext: no record could be read: is {name} JSON Lines with the article in the "
            f"field {args.field!r}? (--field NAME)",
            file=sys.stderr,
        )
    return EXIT_OK
