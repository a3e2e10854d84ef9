"""The fuzz properties of tests/test_fuzz.py, run at random for as long as asked (by hand, never in CI).

    python benchmarks/fuzz_long.py --minutes 10 [--examples 500] [--json result.json]

Round after round, each property is given ``--examples`` fresh random examples (no example database,
not derandomized); a failure is shrunk by hypothesis, recorded with its falsifying example, and the
run goes on. At the end: examples run per property, and every distinct failure. The exit status is 1
when a property failed. The real article lines come from ../shared/corpus/dev, read in place.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import test_fuzz as fz
from tests.conftest import ARTICLES

COUNTS: Counter[str] = Counter()


def counted(name: str, check: Callable[..., None]) -> Callable[[tuple[Any, ...]], None]:
    def run(args: tuple[Any, ...]) -> None:
        COUNTS[name] += 1
        check(*args)

    return run


def properties() -> dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...]]]:
    given_lang = st.sampled_from([x for x in fz.LANGS if x is not None])
    out: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...]]] = {
        "mixed text: never raises, offsets, explain == clean": (fz.check_clean, (fz.mixed_text, fz.lang)),
        "random unicode": (fz.check_clean, (st.text(fz.any_char, max_size=5000), fz.lang)),
        "hostile repetitions": (
            fz.check_clean,
            (st.lists(fz.hostile, min_size=1, max_size=6).map("\n".join), fz.lang),
        ),
        "idempotence, language given": (fz.check_idempotent, (fz.mixed_text, given_lang)),
        "idempotence, language detected": (fz.check_idempotent, (fz.mixed_text, st.none())),
    }
    if ARTICLES:
        out["interleaved junk takes no story line"] = (
            fz.check_no_story_lost,
            (
                st.sampled_from(ARTICLES),
                st.lists(fz.junk_line, min_size=1, max_size=8),
                st.lists(st.integers(1, 80), max_size=12),
                st.lists(st.integers(1, 80), max_size=6),
            ),
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    ap.add_argument("--examples", type=int, default=500, help="examples per property per round")
    ap.add_argument("--json", metavar="FILE", help="also write the result as JSON")
    ap.add_argument("--only", metavar="WORD", help="run only the properties whose name holds WORD")
    args = ap.parse_args(argv)

    config = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    failures: dict[str, dict[str, Any]] = {}
    start = time.monotonic()
    rounds = 0
    props = {k: v for k, v in properties().items() if args.only is None or args.only in k}
    while time.monotonic() - start < args.minutes * 60:
        rounds += 1
        for name, (check, strategies) in props.items():
            if time.monotonic() - start >= args.minutes * 60:
                break
            test = config(given(st.tuples(*strategies))(counted(name, check)))
            try:
                test()
            except Exception as exc:  # a property failed: keep its shrunk example and go on
                text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                notes = "\n".join(getattr(exc, "__notes__", []))
                key = f"{name}: {text.splitlines()[0][:200]}"
                entry = failures.setdefault(key, {"property": name, "error": text[:2000], "times": 0})
                entry["times"] += 1
                entry["example"] = notes  # whole in the JSON; cut when printed
        print(
            f"round {rounds}: {sum(COUNTS.values())} examples, {len(failures)} distinct failures, "
            f"{time.monotonic() - start:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    result = {
        "minutes": round((time.monotonic() - start) / 60, 1),
        "rounds": rounds,
        "examples": dict(COUNTS),
        "total_examples": sum(COUNTS.values()),
        "articles": len(ARTICLES),
        "failures": list(failures.values()),
    }
    print(f"{result['total_examples']} examples in {result['minutes']} min over {rounds} rounds")
    for name, n in COUNTS.items():
        print(f"  {n:7d}  {name}")
    print(f"{len(failures)} distinct failures")
    for f in failures.values():
        print(f"--- {f['property']} (x{f['times']})\n{f['error']}\n{f['example'][:4000]}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
