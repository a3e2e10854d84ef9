"""``newstext learn``: learn a site profile from JSON Lines files and write it as JSON.

A thin layer over :meth:`newstext.Profile.learn`: records are read lazily (any encoding), each
record's text and source are taken from the fields named, records without a string text are counted
and skipped, and the profile file appears only once it is whole. docs/profiles.md has the format.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from newstext.cli import EXIT_OK, UsageError, input_name, open_input, whole_number
from newstext.files import AtomicOutput, read_lines
from newstext.profiles import MIN_ARTICLES, MIN_SHARE, Profile

__all__ = ["add_learn_command", "cmd_learn"]


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < share <= 1.0:
        raise argparse.ArgumentTypeError(f"takes a share more than 0 and at most 1, not {share}")
    return share


def add_learn_command(sub: Any) -> None:
    """Add ``learn`` to the subcommands ``sub`` of the ``newstext`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "learn",
        help="learn each site's own boilerplate from a JSON Lines corpus, for clean --profile",
        description="Count, per source, the lines, line labels and tags after the last sentence "
        "that recur across the source's articles, and write them as a profile (JSON) for "
        "'newstext clean --profile'. Records whose text field is missing or not a string are "
        "skipped and counted on stderr.",
    )
    p.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="JSON Lines files ('-' or nothing reads standard input)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the profile to write (e.g. profile.json; '-' for standard output); written to a "
        "temporary file and renamed when complete",
    )
    p.add_argument(
        "--field", default="text", metavar="NAME", help="the field that holds the text (default: text)"
    )
    p.add_argument(
        "--source-field",
        metavar="NAME",
        help="the field that names each record's source (site); without it all records are one source",
    )
    g = p.add_argument_group("thresholds (docs/profiles.md says how the defaults were measured)")
    g.add_argument(
        "--min-articles",
        type=whole_number(1),
        default=MIN_ARTICLES,
        metavar="N",
        help=f"a unit must recur in at least N articles of its source (default {MIN_ARTICLES})",
    )
    g.add_argument(
        "--min-share",
        type=_share,
        default=MIN_SHARE,
        metavar="SHARE",
        help=f"... and in at least this share of them (default {MIN_SHARE})",
    )
    g.add_argument(
        "--finalize",
        action="store_true",
        help="keep only the junk and its counts: a smaller file that can no longer be merged",
    )
    p.set_defaults(run=cmd_learn)


def cmd_learn(args: argparse.Namespace) -> int:
    """``newstext learn``."""
    if args.output != "-" and args.output in args.inputs:
        raise UsageError(f"refusing to overwrite the input {args.output}: give another --output")
    skipped = [0]

    def records() -> Iterator[tuple[str | None, str]]:
        for path in args.inputs:
            name = input_name(path)
            with open_input(path) as stream:
                for line in read_lines(stream, name):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except ValueError:
                        record = None
                    text = record.get(args.field) if isinstance(record, dict) else None
                    if not isinstance(text, str):
                        skipped[0] += 1
                        continue
                    assert isinstance(record, dict)
                    source = record.get(args.source_field) if args.source_field else None
                    yield (source if isinstance(source, str) else None), text

    profile = Profile.learn(records(), min_articles=args.min_articles, min_share=args.min_share)
    if args.finalize:
        profile = profile.finalize()
    with AtomicOutput(args.output) as out:
        out.write(profile.to_json())
        out.write("\n")
    articles = sum(c.articles for c in profile.sources.values())
    junk = sum(len(j.lines) + len(j.prefixes) + len(j.tails) for j in map(profile.junk, profile.sources))
    note = f"; {skipped[0]} records skipped (no string field {args.field!r})" if skipped[0] else ""
    sources = len(profile.sources)
    print(
        f"newstext: learned {junk} junk units from {articles} articles of {sources} sources{note}",
        file=sys.stderr,
    )
    return EXIT_OK
