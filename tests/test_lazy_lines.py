"""Lines read lazily (:class:`newstext.lines.LazyLines`, :func:`~newstext.lines.lines_of_matches`,
:func:`~newstext.lines.has_line_longer`), which the rules use so that a long article costs in
proportion to its length (issue 7): the same lines as splitting the whole text, in any order of
reading (no timing here: see benchmarks/run.py)."""

from __future__ import annotations

import bisect
import random

import pytest
import regex

from newstext.lines import LazyLines, has_line_longer, lines_of_matches, split_lines

_PIECES = ["", " ", "Baca juga: Harga Turun", "x", "Kontakt:", "«  Oui  »", "„gut“ ‘x’", "「東京」", "\t"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["\n".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_lazy_lines_are_the_split_lines(seed: int) -> None:
    rng = random.Random(seed)
    for text in _texts(seed, 200):
        whole = split_lines(text)
        lazy = LazyLines(text)
        assert len(lazy) == len(whole)
        # read in any order: from a neighbour, from the end, counted from the start
        order = list(range(len(whole)))
        rng.shuffle(order)
        for k in order:
            assert lazy[k] == whole[k]
            assert lazy[k] is lazy[k]
        assert list(reversed(LazyLines(text))) == whole[::-1]
        assert LazyLines(text)[1:] == whole[1:]
        assert LazyLines(text)[-1] == whole[-1]


@pytest.mark.parametrize("seed", range(4))
def test_lines_of_matches_finds_the_lines_bisect_finds(seed: int) -> None:
    pattern = regex.compile(r"\S+|\n")
    for text in _texts(seed, 200):
        found = [(k % 3, m) for k, m in enumerate(pattern.finditer(text))]
        random.Random(seed).shuffle(found)  # in any order, as a scan gives them
        lines, hits = lines_of_matches(found, text)
        whole = split_lines(text)
        starts = [ln.start for ln in whole]
        assert [(kind, m) for kind, m, _ in hits] == found
        for _, m, i in hits:
            assert i == bisect.bisect_right(starts, m.start()) - 1
            assert lines[i] == whole[i]
            if i + 1 < len(whole):
                assert lines[i + 1] == whole[i + 1]


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


@pytest.mark.parametrize("seed", range(300))
def test_longer_line_tells_a_line_longer_than_the_limit(seed: int) -> None:
    rnd = random.Random(seed)
    limit = rnd.randint(1, 30)
    text = "\n".join(
        "x" * rnd.choice([0, 1, limit - 1, limit, limit + 1, 2 * limit]) for _ in range(rnd.randint(1, 40))
    )
    assert has_line_longer(text, limit) == any(len(ln) > limit for ln in text.split("\n"))


def test_reading_back_from_before_the_first_line_is_refused() -> None:
    lines = LazyLines("ab\ncd\nef")
    lines.note(1, 3)
    with pytest.raises(IndexError):
        list(lines.backward(-1))
    assert lines[0].text == "ab"
