"""Showing a :class:`~newstext.pipeline.Result` to a person (terminal) or a program (JSON lines)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from newstext.edits import Edit
from newstext.pipeline import Result

__all__ = ["edits_as_json", "explain_plain", "explain_terminal"]

# one colour per rule family, stable across runs (ANSI SGR codes)
_PALETTE = ("31", "33", "35", "36", "34", "32", "91", "93", "95", "96", "94", "92")
_RESET = "\x1b[0m"


def _colour(rule: str, rules: list[str]) -> str:
    return _PALETTE[rules.index(rule) % len(_PALETTE)]


def edits_as_json(result: Result, **extra: object) -> Iterator[str]:
    """One JSON object per edit: rule, start, end, before, after, note (and ``extra`` fields)."""
    for e in result.edits:
        yield json.dumps(
            {
                **extra,
                "rule": e.rule,
                "start": e.start,
                "end": e.end,
                "before": e.before,
                "after": e.after,
                "note": e.note,
            },
            ensure_ascii=False,
        )


def _legend(result: Result, rules: list[str], colour: bool) -> list[str]:
    counts = Counter(e.rule for e in result.edits)
    lines = []
    for rule in rules:
        name = f"\x1b[{_colour(rule, rules)}m{rule}{_RESET}" if colour else rule
        lines.append(f"  {name}: {counts[rule]} edit{'s' if counts[rule] != 1 else ''}")
    return lines


def explain_plain(result: Result) -> str:
    """A list of the edits, one per line, for logs and pipes."""
    out = []
    for e in result.edits:
        after = f" -> {e.after!r}" if e.after else ""
        note = f"  ({e.note})" if e.note else ""
        out.append(f"{e.rule:<22} {e.start:>6}-{e.end:<6} {e.before!r}{after}{note}")
    out.append("")
    out.append(f"language: {result.lang}; {len(result.edits)} edits")
    out.extend(_legend(result, list(result.rules), colour=False))
    return "\n".join(out)


def _outermost(edits: tuple[Edit, ...]) -> list[Edit]:
    """Edits that are not inside an earlier, larger one (what a reader of the input sees)."""
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda x: (x.start, -x.end)):
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept


def explain_terminal(result: Result) -> str:
    """The input with each removed span struck through and each replacement shown, coloured by rule."""
    rules = list(result.rules)
    text = result.original
    parts: list[str] = []
    pos = 0
    for e in _outermost(result.edits):
        parts.append(text[pos : e.start])
        code = _colour(e.rule, rules)
        if e.before:
            parts.append(f"\x1b[{code};9m{e.before}{_RESET}")
        if e.after:
            parts.append(f"\x1b[{code};1m{e.after}{_RESET}")
        pos = e.end
    parts.append(text[pos:])
    legend = "\n".join(_legend(result, rules, colour=True))
    return f"{''.join(parts)}\n\n\x1b[1mlanguage\x1b[0m {result.lang}\n{legend}"
