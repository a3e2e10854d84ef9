"""Language: spellings of a language, detection, fallbacks of the language data, mixed-language evidence."""

from __future__ import annotations

import dataclasses
from typing import Any

import langcodes
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.langdata import available_languages, load_language
from newstext.language import (
    MIN_CONFIDENCE,
    SAMPLE_CHARS,
    Detection,
    ParagraphLanguage,
    _features,
    _identifier,
    _visits,
    detect_language,
    identify,
    languages_other_than,
    normalize_lang,
    paragraph_languages,
    title_language_mismatch,
)
from tests.conftest import ARTICLES, Article, needs_corpus

# Sentences written for these tests: the same news item in Indonesian and in Malay.
INDONESIAN = (
    "Pemerintah mengatakan bahwa uang itu akan digunakan untuk membangun rumah sakit baru karena "
    "warga desa tidak bisa pergi ke kota."
)
MALAY = (
    "Kerajaan berkata bahawa wang itu akan dibelanjakan untuk membina hospital baharu kerana "
    "penduduk kampung tidak boleh pergi ke bandar."
)
ENGLISH = "The government said the money would be spent on a new hospital for the villagers."


# --- normalize_lang ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "tag"),
    [
        ("id", "id"),
        ("in", "id"),  # the code Indonesian had before 1989
        ("ind", "id"),
        ("id-ID", "id-ID"),
        ("id_ID", "id-ID"),
        ("ID", "id"),
        ("  id  ", "id"),
        ("Indonesian", "id"),
        ("Bahasa Indonesia", "id"),
        ("indonesio", "id"),
        ("zsm", "ms"),
        ("may", "ms"),
        ("pt_br", "pt-BR"),
        ("zh_Hant_TW", "zh-Hant-TW"),
        ("cmn", "zh"),
        ("iw", "he"),
        ("eng", "en"),
        ("Deutsch", "de"),
        ("français", "fr"),
        ("und", "und"),
    ],
)
def test_normalize_lang_accepts_any_reasonable_spelling(spelling: str, tag: str) -> None:
    assert normalize_lang(spelling) == tag


@pytest.mark.parametrize("spelling", ["id", "in", "ind", "id-ID", "id_ID", "Indonesian", "Bahasa Indonesia"])
def test_every_spelling_of_indonesian_reads_the_indonesian_file(spelling: str) -> None:
    assert load_language(normalize_lang(spelling)).files[0] == "newstext:id.toml"


@pytest.mark.parametrize(
    ("value", "named"),
    [("Indonesain", "'id' (Indonesian)"), ("bahasa melayu", "'ms' (Malay)"), ("Deutch", "'de' (German)")],
)
def test_unknown_language_names_close_matches(value: str, named: str) -> None:
    with pytest.raises(ValueError, match="unknown language") as info:
        normalize_lang(value)
    assert named in str(info.value)


@pytest.mark.parametrize("value", ["xx", "zz-ZZ", "", "   ", "not a language at all"])
def test_unknown_or_empty_language_is_a_value_error(value: str) -> None:
    with pytest.raises(ValueError, match=r"lang is empty|unknown language"):
        normalize_lang(value)


@pytest.mark.parametrize("value", [None, 3, b"id", ["id"]])
def test_non_str_language_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="lang must be a str"):
        normalize_lang(value)  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_normalize_lang_gives_a_tag_that_normalizes_to_itself_or_a_value_error(value: str) -> None:
    try:
        tag = normalize_lang(value)
    except ValueError:
        return
    assert langcodes.tag_is_valid(tag) or tag.startswith(("x-", "qaa"))
    assert normalize_lang(tag) == tag


# --- fallbacks of the language data -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "files"),
    [
        ("pt-BR", ("newstext:pt.toml",)),
        ("zh-Hant-TW", ("newstext:zh.toml",)),
        ("zh-TW", ("newstext:zh.toml",)),
        ("en-US", ("newstext:en.toml",)),
        ("ms", ("newstext:ms.toml", "newstext:id.toml")),  # ms.toml says borrow = ["id"]
        ("ms-MY", ("newstext:ms.toml", "newstext:id.toml")),
        ("tl", ("newstext:tl.toml",)),  # langcodes writes Tagalog "fil"
        ("fil", ("newstext:tl.toml",)),
        ("nb", ("newstext:no.toml",)),  # Norwegian Bokmål reads the Norwegian file
    ],
)
def test_language_data_falls_back(lang: str, files: tuple[str, ...]) -> None:
    assert load_language(normalize_lang(lang)).files == files


@pytest.mark.parametrize("lang", ["hr", "yue", "und"])
def test_a_language_without_a_file_gets_no_data_and_no_error(lang: str) -> None:
    data = load_language(normalize_lang(lang))
    assert not data.known
    assert data.strings("junk", "related_labels") == ()


def test_ms_borrows_the_indonesian_phrases_but_not_its_markers() -> None:
    malay, indonesian = load_language("ms"), load_language("id")
    assert set(indonesian.strings("junk", "related_labels")) <= set(malay.strings("junk", "related_labels"))
    own = {
        w for w in malay.strings("language", "markers") if w not in indonesian.strings("language", "markers")
    }
    assert "bahawa" in own
    assert "bahwa" not in own


def test_marker_words_are_lower_case_single_words_unique_to_their_language() -> None:
    seen: dict[str, str] = {}
    for tag in available_languages():
        data = load_language(tag)
        borrowed = {
            w for b in data.strings("meta", "borrow") for w in load_language(b).strings("language", "markers")
        }
        for word in set(data.strings("language", "markers")) - borrowed:
            assert word == word.casefold(), (tag, word)
            assert " " not in word, (tag, word)
            assert seen.setdefault(word, tag) == tag, f"{word!r} is a marker of {seen[word]} and {tag}"


# --- detection --------------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_detects_the_language_of_every_dev_article(article: Article) -> None:
    found = identify(article.raw)
    assert found.tag == article.lang
    assert found.confidence >= MIN_CONFIDENCE
    assert detect_language(article.raw) == article.lang


def test_tells_indonesian_from_malay() -> None:
    assert detect_language(INDONESIAN) == "id"
    assert detect_language(MALAY) == "ms"
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize(
    "text", ["", "OK", "   \n\n ", "123 456 789", "Jakarta -", "Hello world", "—", "🙂🙂🙂"]
)
def test_short_text_is_undetermined(text: str) -> None:
    assert identify(text) == Detection("und", 0.0)
    assert detect_language(text) == "und"


def test_text_in_many_languages_at_once_is_undetermined() -> None:
    mixed = "Das ist gut. This is good. C'est bon. Esto es bueno. Ini bagus."
    found = identify(mixed)
    assert found.tag == "und"
    assert 0.0 < found.confidence < MIN_CONFIDENCE


def test_detection_is_a_frozen_value_and_false_when_undetermined() -> None:
    found = identify(ENGLISH)
    assert found
    assert not identify("OK")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.tag = "id"  # type: ignore[misc]


def test_long_text_is_judged_on_a_bounded_sample() -> None:
    long = "\n\n".join([INDONESIAN] * 2000)  # 260,000 characters
    assert len(long) > 500 * SAMPLE_CHARS
    assert identify(long).tag == "id"
    # a title in another language over a long body does not decide the language
    assert identify(ENGLISH + "\n" + long).tag == "id"


def test_an_undetermined_expected_language_is_no_expectation() -> None:
    assert identify(INDONESIAN, expect="und") == identify(INDONESIAN)
    text = f"{ENGLISH}\n\n{INDONESIAN}"
    assert paragraph_languages(text, "und") == paragraph_languages(text)
    assert title_language_mismatch(text, "und") is None


def test_expected_language_is_kept_unless_implausible() -> None:
    line = "Konferensi tersebut akan melanjutkan pembicaraan tentang upaya membantu warga."
    assert identify(line, expect="id").tag == "id"
    assert (
        identify("Read More: Actress-Director Arrives at ISS, Russia Starts Filming", expect="id").tag == "en"
    )


@given(st.text(max_size=300))
def test_identify_never_fails_and_reports_a_tag_and_a_probability(text: str) -> None:
    found = identify(text)
    assert 0.0 <= found.confidence <= 1.0
    if found.tag != "und":
        assert found.confidence >= MIN_CONFIDENCE
        assert normalize_lang(found.tag) == found.tag


def test_identify_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        identify(b"Harga naik")  # type: ignore[arg-type]


# --- mixed-language evidence ------------------------------------------------------------------------


def test_paragraph_languages_cover_every_non_blank_line_with_offsets() -> None:
    text = f"  {INDONESIAN}  \n\n{ENGLISH}\nJakarta -\n{MALAY}"
    found = paragraph_languages(text)
    assert [text[p.start : p.end] for p in found] == [INDONESIAN, ENGLISH, "Jakarta -", MALAY]
    assert [p.tag for p in found] == ["id", "en", "und", "ms"]


def test_paragraph_languages_keep_the_article_language_for_its_own_lines() -> None:
    close_call = "Konferensi tersebut akan melanjutkan pembicaraan tentang upaya membantu warga."
    assert identify(close_call).tag in {"id", "ms"}
    found = paragraph_languages(f"{INDONESIAN}\n{close_call}\n{ENGLISH}\n{MALAY}", "id")
    # a line that may be Indonesian is the article's; a line plainly in Malay or English is not
    assert [p.tag for p in found] == ["id", "id", "en", "ms"]
    assert [p.tag for p in languages_other_than(found, "id")] == ["en", "ms"]


@needs_corpus
def test_seed_article_english_lines_are_found(seed: Article) -> None:
    other = languages_other_than(paragraph_languages(seed.raw, "id"), "id")
    lines = [seed.raw[p.start : p.end] for p in other]
    assert "Read More: Actress-Director Arrives at ISS, Russia Starts Filming in Space" in lines
    assert all(p.tag == "en" for p in other)
    # every other line of the body is Indonesian or too short to tell
    body = [p for p in paragraph_languages(seed.raw, "id") if p not in other]
    assert {p.tag for p in body} <= {"id", "und"}


@needs_corpus
def test_seed_article_title_is_english_over_an_indonesian_body(seed: Article) -> None:
    title = seed.raw.split("\n", 1)[0]
    for lang in (None, "id"):
        found = title_language_mismatch(seed.raw, lang)
        assert found == ParagraphLanguage(0, len(title), "en", found.confidence if found else 0.0)


@needs_corpus
@pytest.mark.parametrize("article", [a for a in ARTICLES if a.id != "id-seed-taliban"], ids=lambda a: a.id)
def test_no_title_mismatch_in_the_other_dev_articles(article: Article) -> None:
    assert title_language_mismatch(article.raw) is None
    assert title_language_mismatch(article.raw, article.lang) is None


def test_no_title_mismatch_without_a_body_or_with_a_short_title() -> None:
    assert title_language_mismatch(ENGLISH) is None
    assert title_language_mismatch(f"OK\n\n{INDONESIAN}") is None
    assert title_language_mismatch(f"{ENGLISH}\n\n{INDONESIAN}", "id") is not None
    assert title_language_mismatch(f"{ENGLISH}\n\n{ENGLISH}") is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_mixed_language_evidence_never_fails_and_spans_stay_inside_the_text(text: str) -> None:
    for p in paragraph_languages(text, "id"):
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == text[p.start : p.end].strip()
        assert "\n" not in text[p.start : p.end]
    found = title_language_mismatch(text)
    if found is not None:
        assert found.tag != "und"
        assert 0 <= found.start < found.end <= len(text)


# --- the fast walk of py3langid's automaton -----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.binary(max_size=60).map(lambda b: b.decode("latin-1")))
def test_feature_counts_are_those_of_py3langids_own_walk(text: str) -> None:
    from py3langid.langid import visit_counts

    ident = _identifier()
    data = ident._encode(text)
    expected = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data) or {}
    assert _counts(ident, data) == list(expected.items())  # the same counts, in the same order


def _counts(ident: Any, data: bytes) -> list[tuple[int, float]]:
    """What the fast walk and count find on ``data``: each feature and its count, in the order each
    first occurs."""
    features, counts = _visits(_features(ident, data))
    return list(zip(features.tolist(), counts.tolist(), strict=True))


def test_feature_counts_on_the_articles() -> None:
    from py3langid.langid import visit_counts

    from newstext.language import _sample

    ident = _identifier()
    for article in ARTICLES:
        for size in (150, SAMPLE_CHARS, 5000):
            data = ident._encode(_sample(article.raw, size))
            expected = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data) or {}
            assert _counts(ident, data) == list(expected.items())


def test_the_known_depth_of_the_shipped_automaton_is_its_depth() -> None:
    from newstext.language import _KNOWN_DEPTHS, _automaton_walk, _depth, _identifier

    walk = _automaton_walk(_identifier())
    nextmove, rowbase, depth = walk.nextmove, walk.rowbase, walk.depth
    assert (len(nextmove), len(rowbase)) in _KNOWN_DEPTHS
    assert depth == _depth(nextmove, rowbase)


def test_ranking_from_scores_is_py3langids_rank() -> None:
    from newstext.language import SAMPLE_CHARS, _identifier, _ranking, _sample

    ident = _identifier()
    for article in ARTICLES:
        for size in (150, SAMPLE_CHARS):
            part = _sample(article.raw, size)
            assert _ranking(ident._decide(part)) == ident.rank(part)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=-2, max_value=30))
def test_has_letters_counts_letters(text: str, count: int) -> None:
    from newstext.language import _has_letters

    assert _has_letters(text, count) == (sum(map(str.isalpha, text)) >= count)


def test_two_leaders_are_the_first_two_of_the_ranking() -> None:
    from newstext.language import SAMPLE_CHARS, _identifier, _leaders, _ranking, _sample

    ident = _identifier()
    for article in ARTICLES:
        for text in (article.raw, article.gold, *article.raw.splitlines()):
            for size in (150, SAMPLE_CHARS):
                scores = ident._decide(_sample(text, size))
                assert _leaders(scores) == _ranking(scores)[:2]


# --- reading a cleaned text against the raw one ------------------------------------------------------


@needs_corpus
def test_a_text_read_against_another_is_identified_as_on_its_own() -> None:
    from newstext import clean
    from newstext.language import read_language

    for article in ARTICLES:
        texts = (article.raw, clean(article.raw), article.gold, article.raw + "\n\nLeave a Reply")
        for text in texts:
            for other in texts:
                assert read_language(text, read_language(other)).found == identify(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([INDONESIAN, MALAY, ENGLISH, "Baca juga: Harga", "OK", ""]), max_size=8),
    st.lists(st.sampled_from([INDONESIAN, MALAY, ENGLISH, "Read more", "x" * 60]), max_size=3),
)
def test_a_text_read_against_an_edited_copy_is_identified_as_on_its_own(
    lines: list[str], extra: list[str]
) -> None:
    from newstext.language import read_language

    text = "\n".join(lines)
    for other in ("\n".join(lines + extra), "\n".join(extra + lines), "\n".join(lines[1:])):
        assert read_language(text, read_language(other)).found == identify(text)
        assert read_language(other, read_language(text)).found == identify(other)


def test_samples_read_before_are_not_scored_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from newstext import language
    from newstext.language import read_language

    sure, unsure = INDONESIAN * 5, f"{INDONESIAN} {MALAY}"
    readings = [read_language(sure), read_language(unsure)]
    assert readings[0].sure
    assert not readings[1].sure

    def no_scoring() -> None:
        raise AssertionError("scored again")

    monkeypatch.setattr(language, "_identifier", no_scoring)
    for text, reading in zip((sure, unsure), readings, strict=True):
        assert read_language(text, reading) == reading
        assert read_language(f"  {text}\n", reading).found == reading.found  # the same samples
