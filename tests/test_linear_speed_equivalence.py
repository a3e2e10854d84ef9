"""The tag rule reads a long text's lines lazily (linear cost): the same lines, the same counts.

``strip_keyword_tags`` builds a line only when a search, a walk or an edit reaches it, and counts
the story's words in the whole text rather than line by line. These tests hold the lazy forms to
the plain ones they replace, on random texts (no timing here: see benchmarks/run.py).
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newstext.lines import LazyLines, split_lines
from newstext.tags import _MAX_COUNTED_CHARS, _WORDS, _longer_line, _story_words


def _random_text(rnd: random.Random) -> str:
    pieces = ["", " ", "\t", "kata", "Rusia", "Presiden Rusia", "a_b", "x1", ".", "\xa0", "\r", "—"]
    lines = [
        " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(1, 12))
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(200))
def test_lines_read_in_any_order_are_the_lines_of_the_text(seed: int) -> None:
    rnd = random.Random(seed)
    text = _random_text(rnd)
    plain = split_lines(text)
    lines = LazyLines(text)
    assert len(lines) == len(plain)
    # a search's positions, a walk from the end, then lines asked for by index in any order
    positions = sorted(rnd.sample(range(len(text) + 1), min(len(text) + 1, 4)))
    for index, line_text in lines.holding(positions):
        assert line_text == plain[index].text
    for index, line_text in lines.backward(len(lines)):
        assert line_text == plain[index].text
    order = list(range(len(plain)))
    rnd.shuffle(order)
    for index in order:
        assert lines[index] == plain[index]
    with pytest.raises(IndexError):
        lines[len(plain)]


@pytest.mark.parametrize("seed", range(200))
def test_a_line_asked_for_first_is_found_from_the_start(seed: int) -> None:
    rnd = random.Random(seed)
    text = _random_text(rnd)
    plain = split_lines(text)
    index = rnd.randrange(len(plain))
    assert LazyLines(text)[index] == plain[index]
    positions = [rnd.randrange(len(text) + 1)]
    ((found, line_text),) = LazyLines(text).holding(positions)
    assert line_text == plain[found].text
    assert plain[found].start <= positions[0] <= plain[found].end


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
    assert _longer_line(text, _MAX_COUNTED_CHARS)
    expected = _positive(_counted_line_by_line(text, candidates))
    assert _positive(_story_words(LazyLines(text), candidates)) == expected


@pytest.mark.parametrize("seed", range(300))
def test_longer_line_tells_a_line_longer_than_the_limit(seed: int) -> None:
    rnd = random.Random(seed)
    limit = rnd.randint(1, 30)
    text = "\n".join(
        "x" * rnd.choice([0, 1, limit - 1, limit, limit + 1, 2 * limit]) for _ in range(rnd.randint(1, 40))
    )
    assert _longer_line(text, limit) == any(len(ln) > limit for ln in text.split("\n"))
