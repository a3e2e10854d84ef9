"""Dates: speed and accuracy of ``newstext.find_dates`` against ``dateparser.search.search_dates``.

Run from the project root (dateparser comes with ``pip install newstext[bench]``)::

    .venv/bin/python benchmarks/bench_dates.py               # the dev corpus, repeated 5 times
    .venv/bin/python benchmarks/bench_dates.py --repeat 20   # a larger run
    .venv/bin/python benchmarks/bench_dates.py --hostile     # and 1 MB texts full of numbers

Both finders get the same articles of ``../shared/corpus/dev`` (read in place), each with its
language and reference date from ``meta.json``, in one run on one core. Speed is UTF-8 megabytes
per second over the corpus repeated ``--repeat`` times (find_dates: the best of ``--rounds`` passes;
dateparser, being slow, one pass). Accuracy is the test of ``../shared/eval/score.py``: the share
of the gold dates for which a finder returns a match that overlaps the gold text and names the
gold day; extras are matches that overlap no gold or optional date. :func:`main` returns the
figures as a dict, so that a larger benchmark script can call it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import newstext

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

Span = tuple[int, int, str]
Finder = Callable[[dict[str, Any]], list[Span]]


def load_corpus(folder: Path = CORPUS) -> list[dict[str, Any]]:
    """The articles of ``folder``: each ``meta.json`` with the article's text under ``"raw"``."""
    docs = []
    for d in sorted(folder.iterdir()) if folder.is_dir() else []:
        if (d / "raw.txt").exists():
            meta: dict[str, Any] = json.loads((d / "meta.json").read_text(encoding="utf-8"))
            meta["raw"] = (d / "raw.txt").read_text(encoding="utf-8")
            meta["id"] = d.name
            docs.append(meta)
    return docs


def newstext_finder(doc: dict[str, Any]) -> list[Span]:
    """find_dates on one article, with its language and reference date."""
    found = newstext.find_dates(doc["raw"], doc.get("lang"), reference=doc.get("reference"))
    return [(m.start, m.end, m.iso) for m in found]


def dateparser_finder(doc: dict[str, Any]) -> list[Span]:
    """dateparser's search_dates on one article, with the same language and reference date."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if doc.get("reference"):
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(doc["reference"])
    lang = str(doc["lang"]).split("-")[0] if doc.get("lang") else None
    found = search_dates(doc["raw"], languages=[lang] if lang else None, settings=settings) or []
    out: list[Span] = []
    pos = 0
    for substring, value in found:
        at = doc["raw"].find(substring, pos)
        if at < 0:
            at = doc["raw"].find(substring)
        if at >= 0:
            out.append((at, at + len(substring), value.date().isoformat()))
            pos = at + len(substring)
    return out


def score(finder: Finder, docs: Sequence[dict[str, Any]]) -> tuple[float, int]:
    """(accuracy, extras) of a finder on the gold of ``docs``, as ``score.py`` counts them."""
    gold_total = correct = extras = 0
    for doc in docs:
        spans = finder(doc)
        covered: set[int] = set()
        for gold in doc.get("dates", []):
            gold_total += 1
            at = doc["raw"].find(gold["text"])
            if at < 0:
                continue
            hits = [i for i, (s, e, _) in enumerate(spans) if s < at + len(gold["text"]) and e > at]
            covered.update(hits)
            if any(spans[i][2].split("/")[0] == gold["iso"] for i in hits):
                correct += 1
        for text in doc.get("optional_dates", []):
            at = doc["raw"].find(text)
            if at >= 0:
                covered.update(i for i, (s, e, _) in enumerate(spans) if s < at + len(text) and e > at)
        extras += len(spans) - len(covered)
    return (correct / gold_total if gold_total else 1.0), extras


def throughput(finder: Finder, docs: Sequence[dict[str, Any]], *, rounds: int) -> float:
    """MB/s (UTF-8) of ``finder`` over ``docs``: the best of ``rounds`` timed passes."""
    size = sum(len(d["raw"].encode("utf-8")) for d in docs)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for doc in docs:
            finder(doc)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6


#: 1 MB texts made of numbers, to show that the finder's cost stays low where runs of digits abound:
#: each holds as many real dates as the label says (the finder must find them all, and only them).
HOSTILE = {
    "digits and slashes (40,000 dates)": ("12/10/2021 3/4/ 5/6/7/8/9 " * 40_000, 40_000),
    "digits and dots (no date)": ("1.2.3 4.5 " * 100_000, 0),
    "numbers (no date)": ("123 45 6 7890 " * 70_000, 0),
    "dashed dates (110,000 dates)": ("12-10-21 " * 110_000, 110_000),
}


def hostile() -> dict[str, float]:
    """Seconds ``find_dates`` takes on each of :data:`HOSTILE` (Indonesian), checking its count."""
    out: dict[str, float] = {}
    for name, (text, dates) in HOSTILE.items():
        start = time.perf_counter()
        found = len(newstext.find_dates(text, "id"))
        out[name] = time.perf_counter() - start
        if found != dates:
            raise AssertionError(f"{name}: {found} dates found, {dates} expected")
    return out


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: ``--repeat``, ``--rounds``, ``--corpus``, ``--json``, ``--hostile``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=5, help="how many times the corpus is repeated")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes of find_dates (the best counts)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of article folders")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--hostile", action="store_true", help="also time 1 MB texts full of numbers")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the comparison and print it; return the figures (MB/s, ratio, accuracies, extras)."""
    args = parse_args(argv)
    docs = load_corpus(args.corpus)
    if not docs:
        sys.exit(f"no articles in {args.corpus}")
    texts = list(docs) * args.repeat
    for doc in docs:
        newstext_finder(doc)  # warm up: language data read, patterns compiled
    report: dict[str, Any] = {
        "articles": len(docs),
        "repeat": args.repeat,
        "megabytes": round(sum(len(d["raw"].encode("utf-8")) for d in texts) / 1e6, 3),
    }
    report["find_dates_mb_s"] = throughput(newstext_finder, texts, rounds=args.rounds)
    report["find_dates_accuracy"], report["find_dates_extras"] = score(newstext_finder, docs)
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser is not installed (pip install newstext[bench]): find_dates only")
    else:
        dateparser_finder(docs[0])  # warm up its language data
        report["dateparser_mb_s"] = throughput(dateparser_finder, texts, rounds=1)
        report["dateparser_accuracy"], report["dateparser_extras"] = score(dateparser_finder, docs)
        report["ratio"] = report["find_dates_mb_s"] / report["dateparser_mb_s"]
    if args.hostile:
        report["hostile_s"] = hostile()
    if args.json:
        print(json.dumps(report))
    else:
        print(f"dates: {report['articles']} articles x {args.repeat} = {report['megabytes']} MB, one core")
        print(
            f"  find_dates               {report['find_dates_mb_s']:9.2f} MB/s   "
            f"accuracy {report['find_dates_accuracy']:.3f}   extras {report['find_dates_extras']}"
        )
        if "ratio" in report:
            print(
                f"  dateparser.search_dates  {report['dateparser_mb_s']:9.4f} MB/s   "
                f"accuracy {report['dateparser_accuracy']:.3f}   extras {report['dateparser_extras']}"
            )
            print(f"  find_dates is {report['ratio']:.0f}x faster")
        for name, seconds in report.get("hostile_s", {}).items():
            print(f"  find_dates on 1 MB of {name}: {seconds:.2f} s")
    return report


if __name__ == "__main__":
    main()
