"""The public API: input checks, options, explain's offsets, and the invariants of clean()."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newstext
from newstext import Cleaner, Context, Edit, Pipeline
from tests.conftest import ARTICLES, Article, needs_corpus


@dataclass(frozen=True)
class Shout(Cleaner):
    """A cleaner written by a user: upper-cases the word 'ya'."""

    name: ClassVar[str] = "shout"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        at = text.find("ya")
        while at >= 0:
            yield Edit(self.name, at, at + 2, "ya", "YA")
            at = text.find("ya", at + 2)


@pytest.mark.parametrize("bad", [b"text", bytearray(b"x"), None, 3, ["a"]])
def test_non_str_is_refused_with_advice(bad: object) -> None:
    with pytest.raises(TypeError, match="str") as info:
        newstext.clean(bad)  # type: ignore[arg-type]
    if isinstance(bad, bytes | bytearray):
        assert "decode" in str(info.value)


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="quotes"):
        newstext.clean("x", quotes="curly")
    with pytest.raises(ValueError, match="dates"):
        newstext.clean("x", dates="us")
    with pytest.raises(TypeError, match="unknown option"):
        newstext.clean("x", drop_everything=False)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="reference"):
        newstext.clean("x", reference="last tuesday")


def test_every_default_cleaner_can_be_turned_off_by_its_name() -> None:
    names = [c.name for c in newstext.DEFAULT_CLEANERS]
    assert len(names) == len(set(names))
    assert set(names) == set(newstext.defaults.Toggles.__annotations__)
    for name in names:
        assert name not in newstext.default_pipeline(**{name: False}).names
        assert getattr(newstext, name).name == name


def test_user_cleaner_composes_with_shipped_ones() -> None:
    p = Pipeline([Shout(), newstext.normalize_whitespace])
    result = p.explain("ya  ya", lang="id")
    assert result.text == p.clean("ya  ya", lang="id")
    assert "YA" in result.text
    assert {e.rule for e in result.edits} >= {"shout"}
    for e in result.edits:
        assert "ya  ya"[e.start : e.end] == e.before
    assert p.without("shout").names == ("normalize_whitespace",)
    with pytest.raises(ValueError, match="no cleaner"):
        p.without("nothing")
    with pytest.raises(TypeError, match="Cleaner"):
        Pipeline([len])  # type: ignore[list-item]


def test_a_cleaner_is_callable_on_its_own() -> None:
    assert Shout()("ya ya", lang="id") == "YA YA"


def test_empty_and_blank_text() -> None:
    assert newstext.clean("") == ""
    assert newstext.clean(" \n\t\n ").strip() == ""
    assert newstext.explain("").edits == ()


def check_explained(text: str, **kw: object) -> None:
    result = newstext.explain(text, **kw)  # type: ignore[arg-type]
    assert result.text == newstext.clean(text, **kw)  # type: ignore[arg-type]
    for e in result.edits:
        assert 0 <= e.start <= e.end <= len(text)
        assert text[e.start : e.end] == e.before


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_explain_matches_clean_on_real_articles(article: Article) -> None:
    check_explained(article.raw)
    check_explained(article.raw, lang=article.lang, quotes="keep", dates="keep")


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_clean_is_idempotent_on_real_articles(article: Article) -> None:
    once = newstext.clean(article.raw, lang=article.lang)
    assert newstext.clean(once, lang=article.lang) == once


text_samples = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            [
                "Rusia akan mengundang perwakilan Taliban. Politik Rusia",
                "Baca juga: Harga Minyak Naik Lagi",
                "Read More: Actress Arrives at ISS",
                "“Kami sedang mengerjakan ini,” kata Kabulov.",
                "Jumat (10/8/2021), utusan Rusia menjawab.",
                "Leave a Reply",
                "ADVERTISEMENT",
                "",
                "  ",
                "Ã©tÃ© Ã  Paris",
            ]
        ),
        max_size=12,
    ).map("\n".join),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text_samples)
def test_any_str_is_accepted_and_offsets_are_consistent(text: str) -> None:
    check_explained(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text_samples)
def test_clean_is_idempotent(text: str) -> None:
    once = newstext.clean(text)
    assert newstext.clean(once) == once


def test_result_carries_mixed_language_evidence_and_credits() -> None:
    raw = (
        "A Floating Market Opens To Revive The Old River Trade Of The City This Month\n\n"
        "Pemerintah Provinsi DKI Jakarta akan membuka pasar terapung di Kali Ciliwung untuk warga kota.\n\n"
        "Read More: Tourist Boats Return To Venice Canals After The Winter Closure\n\n"
        "Pedagang mengaku sudah menunggu pasar ini sejak lama dan berharap pembeli datang setiap hari.\n\n"
        "Sumber: Antara"
    )
    result = newstext.explain(raw, lang="id")
    assert result.title_language is not None
    assert result.title_language.tag == "en"
    foreign = [raw[p.start : p.end] for p in result.foreign_paragraphs]
    assert any(line.startswith("Read More:") for line in foreign)
    assert [(c.label, c.value) for c in result.credits] == [("source", "Antara")]
    assert "Sumber" not in result.text
