"""The lazy lines of lines_of_matches and the quote marks made ASCII a piece at a time give what
the whole-text way gives (the linear-cost work of issue 7)."""

from __future__ import annotations

import bisect
import random

import pytest
import regex

from newstext import quotes
from newstext.lines import LazyLines, lines_of_matches, split_lines

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


def test_ascii_quotes_in_pieces_is_ascii_quotes_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "".join(random.Random(s).choice(["“", "”", "‘", "’", "a", " ", "\n", "「", "»"]) for _ in range(300))
        for s in range(50)
    ]
    whole = [quotes.ascii_quotes(t) for t in texts]
    monkeypatch.setattr(quotes, "_CHUNK", 7)
    assert [quotes.ascii_quotes(t) for t in texts] == whole
