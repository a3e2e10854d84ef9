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
    add_cleaning_options,
    add_jobs_and_progress,
    add_profile_options,
    clean_options,
    input_name,
    open_input,
    progress,
    refuse_overwrite,
    whole_number,
)
from newstext.files import AtomicOutput, read_lines
from newstext.report import CAP, MOST_REMOVED, SAMPLE, TOP, report_jsonl

__all__ = ["add_report_command", "cmd_report"]


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
    add_cleaning_options(p)
    add_profile_options(p)
    g = p.add_argument_group("report")
    g.add_argument(
        "--sample",
        type=whole_number(0),
        default=SAMPLE,
        metavar="N",
        help=f"articles drawn at random and shown with their edits highlighted (default {SAMPLE})",
    )
    g.add_argument(
        "--most-removed",
        type=whole_number(0),
        default=MOST_REMOVED,
        metavar="N",
        help=f"articles that lost the largest share of their text, shown too (default {MOST_REMOVED})",
    )
    g.add_argument(
        "--top",
        type=whole_number(0),
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
    add_jobs_and_progress(g, "worker processes (default 1); the page is the same for any number")
    p.set_defaults(run=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """``newstext report``."""
    refuse_overwrite(args)
    name = input_name(args.input)
    total = os.path.getsize(args.input) if args.input != "-" else None
    with open_input(args.input) as stream:
        lines = progress(args, total)(read_lines(stream, name))
        report = report_jsonl(
            lines,
            field=args.field,
            options=clean_options(args),
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
