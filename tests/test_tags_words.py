"""strip_keyword_tags counts the story's words over the whole text at once (linear cost, issue 7):
the same counts as line by line, on random texts and with a line longer than it counts."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newstext.lines import LazyLines, has_line_longer, split_lines
from newstext.tags import _MAX_COUNTED_CHARS, _WORDS, _story_words


def _random_text(rnd: random.Random) -> str:
    pieces = ["", " ", "\t", "kata", "Rusia", "Presiden Rusia", "a_b", "x1", ".", "\xa0", "\r", "—"]
    lines = [
        " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(1, 12))
    ]
    return "\n".join(lines)


def _counted_line_by_line(text: str, candidates: dict[int, tuple[int, str]]) -> Counter[str]:
    """What the rule counted before: each line's words, a candidate's tail left out, in the line's
    first _MAX_COUNTED_CHARS characters."""
    counts: Counter[str] = Counter()
    for line in split_lines(text):
        body = line.text[: candidates[line.index][0]] if line.index in candidates else line.text
        counts.update(_WORDS.findall(body[:_MAX_COUNTED_CHARS]))
    return counts


def _positive(counts: Counter[str]) -> dict[str, int]:
    return {w: n for w, n in counts.items() if n > 0}


@pytest.mark.parametrize("seed", range(100))
def test_story_words_count_as_line_by_line(seed: int) -> None:
    rnd = random.Random(seed)
    text = _random_text(rnd)
    lines = text.split("\n")
    # a candidate tail starts after a space, as _GLUED_TAIL's does
    candidates = {
        i: (ln.rindex(" ") + 1, "") for i, ln in enumerate(lines) if " " in ln and rnd.random() < 0.5
    }
    expected = _positive(_counted_line_by_line(text, candidates))
    assert _positive(_story_words(LazyLines(text), candidates)) == expected


@pytest.mark.parametrize("long_at", [0, 1, 2])
def test_story_words_of_a_line_longer_than_counted(long_at: int) -> None:
    long_line = "Rusia kata " * (_MAX_COUNTED_CHARS // 11) + "Rusiana Presiden Rusia"  # cut inside a word
    lines = ["Warga kota. Presiden Rusia", "Akhir cerita.", "Presiden Rusia"]
    lines.insert(long_at, long_line)
    text = "\n".join(lines)
    candidates = {i: (ln.rindex(" ") + 1, "") for i, ln in enumerate(lines)}
    assert has_line_longer(text, _MAX_COUNTED_CHARS)
    expected = _positive(_counted_line_by_line(text, candidates))
    assert _positive(_story_words(LazyLines(text), candidates)) == expected
