"""drop_feed_footers: feed and cross-post footers, also glued to the last paragraph."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import drop_feed_footers
from newstext.footers import DropFeedFooters
from tests.conftest import ARTICLES, Article, needs_corpus

STORY = "Harga cabai naik tajam di pasar Jakarta pekan ini, kata pedagang kepada wartawan."
STORY_EN = "The council voted on Tuesday to close the old bridge to traffic for two years."


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("The post Council Closes Old Bridge appeared first on City News.", "en"),
        ("Continue reading...", "en"),
        ("This article originally appeared on VICE US.", "en"),
        ('Artikel ini telah tayang di Kompas.com dengan judul "Harga Cabai Naik"', "id"),
        ("Artikel ini telah naik di detikJabar.", "id"),
        ("Dieser Artikel erschien zuerst in der EMOTION 10/22.", "de"),
        ("La entrada El Gobierno aprueba el plan se publicó primero en Diario Sur.", "es"),
    ],
)
def test_footer_lines_go(line: str, lang: str) -> None:
    assert drop_feed_footers(f"{STORY}\n{line}", lang=lang) == STORY


def test_footer_glued_with_a_comma_goes_from_the_comma() -> None:
    text = (
        "memiliki jumlah traffic di Indonesia melebihi 12 ribu dalam satu tahun. "
        ",Artikel ini telah tayang di , dengan judul: "
    )
    assert (
        drop_feed_footers(text, lang="id")
        == "memiliki jumlah traffic di Indonesia melebihi 12 ribu dalam satu tahun."
    )


def test_glued_feed_summary_footer() -> None:
    text = f"{STORY_EN} The post Bridge Closed appeared first on City News."
    assert drop_feed_footers(text, lang="en") == STORY_EN


def test_final_ellipsis_mark() -> None:
    assert drop_feed_footers(f"{STORY_EN} The mayor said […]", lang="en") == f"{STORY_EN} The mayor said"
    assert drop_feed_footers(f"{STORY_EN}\n[...]", lang="en") == STORY_EN
    assert DropFeedFooters(drop_ellipsis=False)(f"{STORY_EN}\n[...]", lang="en") == f"{STORY_EN}\n[...]"


@pytest.mark.parametrize(
    "text",
    [
        "Continue reading the report, the judge told the lawyers, before you file anything else.",
        "The post office in Bandung was closed for two days after the flood.",
        "He said the mayor [...] had not answered the question.",
        "Artikel ini menjelaskan cara menyimpan cabai agar tetap segar.",
        "The article appeared first in a local paper, the author said",
    ],
)
def test_story_lines_stay(text: str) -> None:
    assert drop_feed_footers(f"{text}\n{STORY_EN}", lang="en") == f"{text}\n{STORY_EN}"


def test_extra_patterns() -> None:
    rule = DropFeedFooters(extra_patterns=(r"^Sumber berita: [^\n]{1,80}",))
    assert rule(f"{STORY}\nSumber berita: Situs Contoh", lang="id") == STORY


def test_edit_note() -> None:
    result = newstext.explain(f"{STORY_EN}\nContinue reading...", lang="en")
    assert [e.note for e in result.by_rule("drop_feed_footers")] == ["footer"]


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_story_lines_survive(article: Article) -> None:
    out = drop_feed_footers(article.raw, lang=article.lang)
    for line in article.gold.split("\n"):
        assert line.strip() in out


@needs_corpus
def test_corpus_glued_footer_goes() -> None:
    kompas = next(a for a in ARTICLES if "money.kompas" in a.id)
    assert "Artikel ini" not in drop_feed_footers(kompas.raw, lang="id")


@given(st.text(alphabet=st.sampled_from(list("The post appeared first on.,[…]\n ")), max_size=300))
@settings(max_examples=200, deadline=None)
def test_never_raises_and_only_shrinks(text: str) -> None:
    assert len(drop_feed_footers(text, lang="en")) <= len(text)


def test_hostile_inputs_complete() -> None:
    for text in ("The post " * 120_000, "Artikel ini " * 100_000, "[…]" * 300_000):
        assert len(drop_feed_footers(text, lang="id")) <= len(text)
