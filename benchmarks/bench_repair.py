"""Benchmark of the character rules: fix_mojibake's fast path against plain ftfy.fix_text.

Run by hand (never in the tests):  python benchmarks/bench_repair.py [--repeat N] [--json]

On the real articles of ../shared/corpus/dev (read in place), repeated to be larger, one core:

- ``ftfy.fix_text(text)``: ftfy with its defaults, the peer everyone uses;
- ``ftfy.fix_text(text, FTFY_CONFIG)``: ftfy with newstext's configuration, what fix_mojibake must equal;
- ``fix_mojibake`` (the fast path), then each character rule and the quotes and white space rules;
- the whole default ``newstext.clean`` (language given, so detection is not timed twice).

It also checks, on ftfy's own test cases (../shared/data/ftfy-cases), that the fast path gives exactly
what ftfy with the same configuration gives, case by case, and on the dev corpus.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ftfy

import newstext
from newstext.context import Context
from newstext.defaults import CHARACTER_CLEANERS
from newstext.langdata import load_language
from newstext.pipeline import Cleaner
from newstext.quotes import normalize_quotes
from newstext.repair import FTFY_CONFIG, fix_text_like_ftfy
from newstext.whitespace import normalize_whitespace

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
CASES = SHARED / "data" / "ftfy-cases"


def load_articles() -> list[tuple[str, str]]:
    """(lang, raw text) of every dev article."""
    out = []
    for d in sorted(CORPUS.iterdir()) if CORPUS.is_dir() else ():
        if (d / "raw.txt").exists():
            meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
            out.append((str(meta["lang"]), (d / "raw.txt").read_text(encoding="utf-8")))
    return out


def timed(func: Callable[[], object], rounds: int = 3) -> float:
    """The best of a few rounds, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def check_cases() -> dict[str, Any]:
    """Fast path vs ftfy (same config) on every ftfy case: counts per file and the mismatches."""
    result: dict[str, Any] = {"files": {}, "mismatches": []}
    for path in sorted(CASES.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        same = 0
        for case in cases:
            if fix_text_like_ftfy(case["original"]) == ftfy.fix_text(case["original"], FTFY_CONFIG):
                same += 1
            else:
                result["mismatches"].append(f"{path.name}: {case['label']}")
        result["files"][path.name] = f"{same}/{len(cases)}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=20, help="copies of the dev corpus (default 20)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    articles = load_articles()
    if not articles:
        print(f"no articles in {CORPUS}", file=sys.stderr)
        return 1
    docs = articles * args.repeat
    chars = sum(len(t) for _, t in docs)
    contexts = {lang: Context(lang=lang, data=load_language(lang)) for lang, _ in articles}

    def rate(seconds: float) -> float:
        return chars / seconds / 1e6

    figures: dict[str, Any] = {"articles": len(articles), "repeat": args.repeat, "chars": chars}
    t_ftfy = timed(lambda: [ftfy.fix_text(t) for _, t in docs])
    t_ftfy_ours = timed(lambda: [ftfy.fix_text(t, FTFY_CONFIG) for _, t in docs])
    t_fast = timed(lambda: [fix_text_like_ftfy(t) for _, t in docs])
    figures["ftfy.fix_text (defaults)"] = t_ftfy
    figures["ftfy.fix_text (FTFY_CONFIG)"] = t_ftfy_ours
    figures["fix_mojibake fast path"] = t_fast

    rules: list[Cleaner] = [*CHARACTER_CLEANERS, normalize_quotes, normalize_whitespace]

    def run_rule(rule: Cleaner) -> None:
        for lang, text in docs:
            rule.apply(text, contexts[lang])

    for rule in rules:
        figures[rule.name] = timed(functools.partial(run_rule, rule))
    figures["all rules of issue 4"] = sum(figures[r.name] for r in rules)
    figures["newstext.clean (whole default pipeline)"] = timed(
        lambda: [newstext.clean(t, lang) for lang, t in docs], rounds=2
    )

    same_on_corpus = all(fix_text_like_ftfy(t) == ftfy.fix_text(t, FTFY_CONFIG) for _, t in articles)
    cases = check_cases() if CASES.is_dir() else {"files": {}, "mismatches": ["cases not found"]}
    figures["equal to ftfy on the dev corpus"] = same_on_corpus
    figures["equal to ftfy on its cases"] = cases

    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0 if same_on_corpus and not cases["mismatches"] else 1
    print(
        f"{len(articles)} dev articles x {args.repeat} = {chars / 1e6:.2f} M characters, best of 3, one core"
    )
    for key, value in figures.items():
        if isinstance(value, float):
            print(
                f"  {key:42} {value * 1000:9.1f} ms {rate(value):8.2f} M chars/s {t_ftfy / value:7.1f}x ftfy"
            )
    print(f"fast path equal to ftfy.fix_text(text, FTFY_CONFIG) on the dev corpus: {same_on_corpus}")
    print(f"... on ftfy's cases: {cases['files']} mismatches: {cases['mismatches'] or 'none'}")
    return 0 if same_on_corpus and not cases["mismatches"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
