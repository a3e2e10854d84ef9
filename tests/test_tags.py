"""strip_keyword_tags: glued tags, trailing tag lists, "Tags:" lines, hashtag tails; and what it keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext.tags import StripKeywordTags, strip_keyword_tags
from tests.conftest import ARTICLES, SHARED, Article, needs_corpus

TRAFILATURA = SHARED / "data" / "trafilatura-eval" / "items.jsonl"

SEED_TAGS = ("Berita politik dan ekonomi Rusia", "Politik Rusia", "Ekonomi Rusia", "Politik Indonesia")

# a story of the seed's kind, written for these tests: three paragraphs end in glued tags
STORY = (
    "Pemerintah Kota Bandung menambah jumlah bus kota mulai pekan depan untuk warga.\n\n"
    "Wali kota mengatakan armada baru akan melayani rute timur dan barat Bandung. Transportasi Bandung\n\n"
    "Menurut dia, tarif tidak akan naik selama tahun pertama layanan berjalan di Bandung. Berita Bandung\n\n"
    "Warga menyambut baik rencana itu karena antrean di halte sering panjang. Transportasi Jawa Barat\n"
)


def strip(text: str, lang: str = "id", **options: object) -> str:
    cleaner = StripKeywordTags(**options) if options else strip_keyword_tags  # type: ignore[arg-type]
    return cleaner(text, lang=lang)


# --- the seed --------------------------------------------------------------------------------------


def test_seed_four_tags_gone_every_sentence_kept(seed: Article) -> None:
    out = strip_keyword_tags(seed.raw, lang="id")
    for tag in SEED_TAGS:
        assert not any(line.rstrip().endswith(tag) for line in out.split("\n")), tag
    # every line of the gold that the rule is responsible for is there, word for word
    for line in seed.gold.split("\n"):
        assert line in out
    assert "belum diputuskan.\n" in out
    assert "pada konferensi internasional.\n" in out


def test_seed_through_the_pipeline_reports_four_tag_edits(seed: Article) -> None:
    result = newstext.explain(seed.raw, lang="id")
    removed = sorted(e.before.strip() for e in result.by_rule("strip_keyword_tags"))
    assert removed == sorted(SEED_TAGS)
    for edit in result.by_rule("strip_keyword_tags"):
        assert seed.raw[edit.start : edit.end] == edit.before


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_dev_corpus_removes_only_gold_junk(article: Article) -> None:
    """Whatever the rule removes from a real article is junk in its gold: every gold line stays."""
    out = strip_keyword_tags(article.raw, lang=article.lang)
    for line in article.gold.split("\n"):
        if line.strip():
            assert line.rstrip() in out


@needs_corpus
def test_detik_trailing_tag_list() -> None:
    article = next(a for a in ARTICLES if a.id.startswith("001-"))
    out = strip_keyword_tags(article.raw, lang="id")
    assert out.endswith("(fbr/wes)")
    assert "film jalan pulang" not in out
    assert "Luna Maya\nternyata" in out  # the link-text lines above are not tags


@pytest.mark.skipif(not TRAFILATURA.exists(), reason="shared/data/trafilatura-eval is not present")
def test_trafilatura_pages_keep_every_must_stay_string() -> None:
    """Precision on 990 real pages: no removal may take a string the benchmark says must stay."""
    lost = []
    with TRAFILATURA.open(encoding="utf-8") as f:
        for raw_line in f:
            item = json.loads(raw_line)
            out = " ".join(strip_keyword_tags(item["text"], lang=None).split())
            lost += [(item["id"], w) for w in item["with"] if " ".join(w.split()) not in out]
    assert lost == []


# --- glued tags ------------------------------------------------------------------------------------


def test_glued_tags_sharing_a_word_are_removed() -> None:
    out = strip(STORY)
    assert "untuk warga.\n" in out
    assert "barat Bandung.\n" in out
    assert "di Bandung.\n" in out
    assert "sering panjang.\n" in out
    assert "Transportasi" not in out
    assert "Berita Bandung" not in out


def test_lone_title_case_tail_whose_word_the_story_repeats() -> None:
    text = (
        "Rusia akan mengundang Taliban ke konferensi di Moskow bulan ini, kata pejabat Rusia.\n\n"
        "Utusan Rusia mengatakan bantuan akan dikirim, tetapi rinciannya belum diputuskan. Politik Rusia\n"
    )
    assert strip(text).endswith("rinciannya belum diputuskan.\n")


def test_user_phrase_removed_even_alone() -> None:
    text = "Harga beras naik lagi di pasar induk pada pekan ini menurut pedagang. Pasar Kita\n"
    assert strip(text) == text  # one tail, its words not repeated: no evidence, kept
    assert (
        strip(text, phrases=("pasar kita",))
        == "Harga beras naik lagi di pasar induk pada pekan ini menurut pedagang.\n"
    )


def test_tail_opening_with_a_section_name_from_the_data() -> None:
    assert strip("Harga cabai naik lagi. Ekonomi Jakarta") == "Harga cabai naik lagi."
    assert strip("Harga cabai naik lagi. Berita politik dan ekonomi Jakarta\n") == "Harga cabai naik lagi.\n"
    kept = [
        "Harga cabai naik lagi. Ekonomi\n",  # a section name alone: no more than a word
        "Harga cabai naik lagi. Ekonomi kita tumbuh 5 persen.\n",  # a sentence
        "Harga cabai naik lagi. Politik Rusia\nterus memanas, kata dia.\n",  # the line goes on
    ]
    for text in kept:
        assert strip(text) == text
    assert (
        strip("Harga cabai naik lagi. Ekonomi Jakarta", lang="en") == "Harga cabai naik lagi. Ekonomi Jakarta"
    )
    assert (
        strip("Prices rose again. Business Jakarta", lang="en", sections=("business",))
        == "Prices rose again."
    )
    assert strip("Harga cabai naik lagi. POLITIK Jakarta") == "Harga cabai naik lagi. POLITIK Jakarta"
    # an unknown language: the section names of every language count
    assert strip("Xqz vrr plk. Politik Jakarta", lang="und") == "Xqz vrr plk."
    assert (
        strip("Harga cabai naik lagi. Ekonomi Jakarta", detect=False)
        == "Harga cabai naik lagi. Ekonomi Jakarta"
    )


def test_user_phrase_any_case_after_a_quote_or_a_short_sentence() -> None:
    mine = StripKeywordTags(phrases=("berita terkini",))
    assert mine("“Kami siap,” kata dia.” Berita Terkini", lang="id") == "“Kami siap,” kata dia.”"
    assert mine("Hujan turun. berita terkini\n", lang="id") == "Hujan turun.\n"
    # not after the end of a sentence, or not at the end of the line: part of the story
    for kept in ("Ini berita terkini\n", "Hujan turun. Berita terkini dari Bogor menyusul.\n"):
        assert mine(kept, lang="id") == kept


def test_detect_off_keeps_unlisted_tails() -> None:
    assert strip(STORY, detect=False) == STORY


def test_language_data_phrase(tmp_path: Path) -> None:
    (tmp_path / "id.toml").write_text('[tags]\nphrases = ["Kabar Kota"]\n', encoding="utf-8")
    text = "Jalan layang baru dibuka untuk umum sejak pagi tadi oleh gubernur. Kabar Kota\n"
    out = newstext.clean(text, lang="id", data_paths=[tmp_path])
    assert "Kabar Kota" not in out
    assert "oleh gubernur." in out


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph that ends without a full stop, and a heading after it
        "Para pemain sudah tiba di hotel dan akan berlatih besok pagi\n\nHasil Pertandingan\n",
        # abbreviations, initials, titles, numbers, times
        "The report was written by the staff of the embassy and signed by Dr. Smith\n",
        "The contract was awarded last year to a unit of the U.S. Army Corps\n",
        "Konferensi pers akan digelar di gedung DPR pada pukul 10.00 WIB\n",
        "The festival drew thousands of visitors to the old town on the 2. November\n",
        "Edited by a committee that includes Helmut Kunert and Hans-L. Sämann\n",
        # a quote and its attribution
        '"Mit sich selbst von A nach B zu kommen ist nichts, wofür man sich stressen sollte." Julia Franz\n',
        # list items
        "1. Christie Leigh Mueller\n2. Sam Ponder\n3. Erin Andrews\n",
        "- Selbstgemacht! Die Leser-Bauprojekte\n- Guitar Basics! Dur-Dreiklänge im Dreierpack\n",
        # a sentence that introduces a list on the next lines
        "Der Experte empfiehlt daher, sich auf den Ernstfall vorzubereiten. Dazu zählen\n- ein Notfallplan\n",
        # one sentence head cut short by an extractor: no evidence that it is a tag
        "Laut der aktuellen Datenlage fallen die Nebenwirkungen von Paxlovid mild aus. Möglich sind\n",
        # a subheading on its own line, in English and Chinese
        "The storm has passed and the roads are open again tonight.\n\nWill winds whip parade balloons?\n",
        "美方需要作出更令人放心的承诺。\n\n中美合作共赢是大势所趋\n\n他分析称，美国曾以国家安全为幌子。\n",
        # a caption line
        "Moa Karlberg/imagebank.sweden.se\nDas Wasser aus Bächen und Flüssen kocht man lieber ab.\n",
    ],
)
def test_kept_unchanged(text: str) -> None:
    assert strip(text, lang="en") == text
    assert strip(text, lang="de") == text


# --- tag lists, tag lines, hashtags ------------------------------------------------------------------


def test_trailing_lowercase_tag_list() -> None:
    text = "Film ini tayang pada 19 Juni 2025.\nluna maya\nfilm jalan pulang\nhoror indonesia\n"
    assert strip(text) == "Film ini tayang pada 19 Juni 2025."


def test_short_lowercase_lines_after_a_list_intro_are_kept() -> None:
    text = "Bahan yang diperlukan:\ngaram\nmerica\nminyak zaitun\n"
    assert strip(text) == text


def test_two_lowercase_lines_are_not_enough() -> None:
    text = "Film ini tayang pada 19 Juni 2025.\nluna maya\nhoror\n"
    assert strip(text) == text


def test_tags_line_with_label_from_data() -> None:
    text = "Ich hoffe euch gefällt der Relaunch.\nTags:Uncategorized"
    assert strip(text, lang="en") == "Ich hoffe euch gefällt der Relaunch."
    text = "Harga cabai turun.\nTag: harga cabai, pasar induk, inflasi\nBerita lain menyusul."
    assert strip(text) == "Harga cabai turun.\nBerita lain menyusul."
    assert strip("本报讯。\n标签：中美关系、经济\n", lang="zh") == "本报讯。"


def test_label_followed_by_prose_is_kept() -> None:
    text = "Tags: the members voted on the proposal today. It passed easily.\n"
    assert strip(text, lang="en") == text
    # a user's own label
    text = "Harga cabai turun.\nKlaster: ekonomi, pangan\n"
    assert strip(text, labels=("Klaster",)) == "Harga cabai turun."


def test_bare_label_then_tags_to_the_end() -> None:
    text = "The vote passed on Tuesday.\n\nTags\n\npolitics\nelections\n"
    assert strip(text, lang="en") == "The vote passed on Tuesday."


def test_bare_label_then_bulleted_keywords() -> None:
    text = "Curr Rheumatol Rep 19, 3 (2017).\nKeywords\n- DRESS syndrome\n- Eosinophilia\n- Allopurinol"
    assert strip(text, lang="en") == "Curr Rheumatol Rep 19, 3 (2017)."
    # the same label over a list that goes on into prose is a heading, not tags
    text = "Intro.\nKeywords\n- DRESS syndrome\nThe syndrome was first described in 1996. It is rare.\n"
    assert strip(text, lang="en") == text


def test_hashtag_tails_and_lines() -> None:
    assert strip("Der Barschrank ist das Highlight. #Barschrank #Vintage #Wohnzimmer", lang="de") == (
        "Der Barschrank ist das Highlight."
    )
    assert strip("Spenden Sie!\n#QAnon#Macht#Sexualität", lang="de") == "Spenden Sie!"
    kept = [
        "We support #MeToo and #TimesUp",  # hashtags inside a sentence
        "Seit 2 Jahren gehört der Kühlschrank zu meiner Küche. #Küche",  # one hashtag
        "#ATL24: A day in the life of the world's busiest airport",
    ]
    for text in kept:
        assert strip(text, lang="en") == text


def test_explain_reports_each_tag() -> None:
    result = newstext.explain(STORY, lang="id")
    notes = [e.note for e in result.by_rule("strip_keyword_tags")]
    assert notes == ["tag: Transportasi Bandung", "tag: Berita Bandung", "tag: Transportasi Jawa Barat"]


def test_turned_off_by_name() -> None:
    out = newstext.clean(STORY, lang="id", strip_keyword_tags=False)
    assert "Transportasi Bandung" in out


# --- properties and hostile input ----------------------------------------------------------------


PIECES = [
    "Tags",
    "Tag",
    ":",
    "：",
    " ",
    "\n",
    "\n\n",
    ".",
    "!",
    "Politik Rusia",
    "Ekonomi",
    "kata dia",
    "luna maya",
    "horor",
    "#foo",
    "#Bar",
    " #Baz#Qux",
    "Dr.",
    "Rusia",
    "Wali kota mengatakan armada baru akan melayani rute",
    ",",
    "-",
    "1. ",
    "Kompas.com",
    "ternyata",
    "Berita politik dan ekonomi Rusia",
    "”",
    "(fbr/wes)",
    "标签",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_never_raises_and_idempotent_on_tag_shaped_text(text: str) -> None:
    once = strip_keyword_tags(text, lang="id")
    assert strip_keyword_tags(once, lang="id") == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_idempotent_on_any_text(text: str) -> None:
    once = strip_keyword_tags(text, lang="en")
    assert strip_keyword_tags(once, lang="en") == once


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "Kata. " * 170_000 + "Politik Rusia",
        ("x. Politik Rusia\n" * 60_000),
        ("Kata kata kata kata kata kata kata kata. Politik Rusia\n" * 18_000),
        ("Tags\n" * 200_000),
        "#a" * 500_000,
        "Tags: " + "a, " * 330_000,
        ("luna maya\n" * 100_000),
        ". " * 500_000,
    ],
)
def test_hostile_megabyte_inputs_complete(text: str) -> None:
    out = strip_keyword_tags(text, lang="id")
    assert len(out) <= len(text)


# --- every language file's tag labels ----------------------------------------------------------------


def _label_cases() -> list[tuple[str, str]]:
    cases = []
    for lang in newstext.available_languages():
        for label in newstext.load_language(lang).strings("tags", "labels"):
            cases.append((lang, label))
    return cases


@pytest.mark.parametrize(("lang", "label"), _label_cases())
def test_language_file_labels(lang: str, label: str) -> None:
    """Each label of each file removes a tag line, and leaves prose that starts with it alone."""
    story = "The minister visited the harbour on Monday.\n"
    assert strip(story + f"{label}: alpha, beta gamma, delta\n", lang=lang) == story.rstrip("\n")
    assert strip(story + f"{label}：alpha、beta\n", lang=lang) == story.rstrip("\n")
    prose = story + f"{label} were discussed at length, and the meeting ran late into the night.\n"
    assert strip(prose, lang=lang) == prose
    prose = story + f"{label}: the members voted on the proposal today. It passed easily.\n"
    assert strip(prose, lang=lang) == prose


def test_every_language_file_has_tag_labels() -> None:
    for lang in newstext.available_languages():
        assert newstext.load_language(lang).strings("tags", "labels"), lang


# --- the cheap test before the glued-tail search ------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"ab.. \t\tXYZé'’-1_", "\u00a0", "ä", "Politik", ". Ab"]), max_size=40))
def test_the_test_after_the_last_full_stop_never_rejects_a_glued_tail(parts: list[str]) -> None:
    from newstext.tags import _AFTER_STOP, _GLUED_TAIL, _TAIL_WINDOW

    text = "".join(parts).rstrip()
    if _GLUED_TAIL.search(text, max(0, len(text) - _TAIL_WINDOW)) is not None:
        assert "." in text
        assert _AFTER_STOP.fullmatch(text, text.rfind(".") + 1) is not None
