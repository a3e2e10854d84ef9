"""The fast paths of language detection give exactly what py3langid's own code gives."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.language import (
    _ASCII_WORD,
    _WORD,
    SAMPLE_CHARS,
    _identifier,
    _sample,
    _visits,
)
from tests.conftest import ARTICLES, needs_corpus


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=100_052), max_size=300))
def test_visits_are_the_keys_and_values_of_a_counter(found: list[int]) -> None:
    features, counts = _visits(np.array(found, dtype=np.intp))
    expected = Counter(found)
    assert features.tolist() == list(expected)
    assert counts.tolist() == list(expected.values())
    assert features.dtype == np.intp
    assert counts.dtype == np.float32


@needs_corpus
def test_raw_scores_are_py3langids_to_the_bit() -> None:
    from py3langid.langid import LanguageIdentifier

    ident = _identifier()
    for article in ARTICLES:
        for text in (article.raw, article.gold, *article.raw.splitlines()[:20]):
            for size in (150, SAMPLE_CHARS):
                data = ident._encode(_sample(text, size))
                own = LanguageIdentifier._raw_score(ident, data)  # the byte-by-byte walk, table[idx]
                assert ident._raw_score(data).tobytes() == own.tobytes()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_the_ascii_word_pattern_reads_ascii_as_the_unicode_one(text: str) -> None:
    assert _ASCII_WORD.findall(text) == _WORD.findall(text)


@needs_corpus
def test_the_ascii_word_pattern_on_the_articles() -> None:
    for article in ARTICLES:
        for line in article.raw.splitlines():
            folded = line.casefold()
            if folded.isascii():
                assert _ASCII_WORD.findall(folded) == _WORD.findall(folded)
