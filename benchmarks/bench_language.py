"""Language detection: accuracy and speed of py3langid, lingua and newstext's ``identify``.

Run from the project root::

    .venv/bin/python benchmarks/bench_language.py            # the comparison table
    .venv/bin/python benchmarks/bench_language.py --samples  # newstext's accuracy by sample size
    .venv/bin/python benchmarks/bench_language.py --errors   # every document newstext gets wrong

The evaluation set is built at run time from real text on this machine, read in place
(``benchmarks/language_eval.py`` says where each part comes from); lingua is optional
(``pip install newstext[bench]``). Accuracy is counted on the language subtag, macrolanguages folded
(``nb`` counts as ``no``); "und" counts as wrong. The main set is every document in a language
newstext ships data for; documents in other languages are scored apart.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_eval import Doc, base_language, build, short_docs

from newstext.langdata import available_languages
from newstext.language import SAMPLE_CHARS, _identifier, _sample, identify

Detector = Callable[[str], str]


def py3langid_full() -> Detector:
    """py3langid 0.4 as shipped: all 140 labels, the whole text."""
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def lingua_full() -> Detector | None:
    """lingua with all its 75 languages (high-accuracy mode), the whole text."""
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return "und" if found is None else str(found.iso_code_639_1.name.lower())

    return detect


def newstext_identify(sample: int = SAMPLE_CHARS) -> Detector:
    """newstext.language.identify: two-letter languages, id/ms markers, a bounded sample."""
    return lambda text: identify(text, sample=sample).tag


def score(
    detect: Detector, docs: Sequence[Doc], repeat: int = 1
) -> tuple[float, float, list[tuple[Doc, str]]]:
    """Accuracy, microseconds per document and the misses of ``detect`` on ``docs``."""
    misses: list[tuple[Doc, str]] = []
    elapsed = float("inf")
    for _ in range(repeat):  # the best of a few runs, in CPU time: the machine may be busy with other work
        start = time.process_time()
        answers = [detect(d.text) for d in docs]
        elapsed = min(elapsed, time.process_time() - start)
    for doc, answer in zip(docs, answers, strict=True):
        if base_language(answer) != base_language(doc.lang):
            misses.append((doc, answer))
    n = max(len(docs), 1)
    return 1 - len(misses) / n, elapsed / n * 1e6, misses


def split(docs: Sequence[Doc]) -> tuple[list[Doc], list[Doc]]:
    """The documents in languages newstext has data for, and the others."""
    known = {base_language(t) for t in available_languages()}
    main = [d for d in docs if base_language(d.lang) in known]
    return main, [d for d in docs if base_language(d.lang) not in known]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--samples", action="store_true", help="newstext's accuracy by sample size")
    parser.add_argument("--errors", action="store_true", help="list newstext's misses")
    parser.add_argument("--short", action="store_true", help="short texts: right, undetermined, wrong")
    parser.add_argument("--per-language", type=int, default=20, help="documents per language and source")
    args = parser.parse_args(argv)

    if args.short:
        return short_texts()
    docs = build(per_language=args.per_language)
    main_set, others = split(docs)
    dev = [d for d in docs if d.source == "dev"]
    chars = sum(len(d.text) for d in main_set)
    print(
        f"set: {len(main_set)} documents in {len({base_language(d.lang) for d in main_set})} languages "
        f"newstext has data for ({chars / 1e6:.1f} M characters; "
        + ", ".join(f"{k} {v}" for k, v in sorted(Counter(d.source for d in main_set).items()))
        + f"); {len(others)} more in {len({base_language(d.lang) for d in others})} other languages"
    )
    _identifier()  # load the model outside the timing

    detectors: dict[str, Detector] = {"newstext.identify": newstext_identify()}
    if args.samples:
        detectors = {f"identify(sample={n})": newstext_identify(n) for n in (150, 300, 600, 1200, 10**9)}
    else:
        detectors["py3langid (all labels, whole text)"] = py3langid_full()
        found = lingua_full()
        if found is not None:
            found("warm up: load the models")
            detectors["lingua (all languages, whole text)"] = found
            lingua = found
            detectors[f"lingua (same {SAMPLE_CHARS}-character sample)"] = lambda t: lingua(
                _sample(t, SAMPLE_CHARS)
            )
        whole = py3langid_full()
        detectors[f"py3langid (all labels, same {SAMPLE_CHARS}-character sample)"] = lambda t: whole(
            _sample(t, SAMPLE_CHARS)
        )

    print("| detector | dev | main set | macro avg | µs/doc | other languages |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, detect in detectors.items():
        acc_dev, _, _ = score(detect, dev)
        acc, micros, misses = score(detect, main_set, repeat=1 if "lingua" in name else 3)
        acc_other, _, _ = score(detect, others)
        per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        missed = {id(d) for d, _ in misses}
        for d in main_set:
            per_lang[base_language(d.lang)][0] += id(d) not in missed
            per_lang[base_language(d.lang)][1] += 1
        macro = sum(ok / n for ok, n in per_lang.values()) / len(per_lang)
        print(f"| {name} | {acc_dev:.1%} | {acc:.2%} | {macro:.2%} | {micros:.0f} | {acc_other:.1%} |")
        if args.errors:
            for doc, answer in misses:
                print(f"    {doc.source}:{doc.id} {doc.lang} -> {answer}: {doc.text[:80]!r}")
            worst = sorted(per_lang.items(), key=lambda kv: kv[1][0] / kv[1][1])[:8]
            print("    weakest:", ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in worst))
    return 0


def short_texts() -> int:
    """On single messages and paragraphs (20-300 characters): how often each detector is right,
    says "und", or is wrong. A detector that cannot abstain is wrong where newstext says "und"."""
    main_set, _ = split(short_docs())
    print(f"short texts: {len(main_set)} in {len({base_language(d.lang) for d in main_set})} languages")
    detectors: dict[str, Detector] = {
        "newstext.identify": newstext_identify(),
        "py3langid (all labels)": py3langid_full(),
    }
    found = lingua_full()
    if found is not None:
        detectors["lingua (all languages)"] = found
    print("| detector | right | und | wrong |")
    print("|---|---:|---:|---:|")
    for name, detect in detectors.items():
        answers = [detect(d.text) for d in main_set]
        und = sum(a == "und" for a in answers)
        right = sum(base_language(a) == base_language(d.lang) for a, d in zip(answers, main_set, strict=True))
        n = len(main_set)
        print(f"| {name} | {right / n:.1%} | {und / n:.1%} | {(n - right - und) / n:.1%} |")
    # a line of an article, judged with the article's language expected (paragraph_languages(text, lang))
    flagged = sum(identify(d.text, expect=d.lang).tag not in {d.lang, "und"} for d in main_set)
    print(f"with the line's own language expected, put in another language: {flagged / len(main_set):.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
