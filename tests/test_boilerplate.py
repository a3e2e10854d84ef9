"""drop_boilerplate: ad markers, promos, comment forms, cookie notices, tables of contents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import drop_boilerplate
from newstext.boilerplate import DropBoilerplate
from tests.conftest import ARTICLES, Article, needs_corpus

STORY = "Harga cabai naik tajam di pasar Jakarta pekan ini, kata pedagang kepada wartawan."
STORY_EN = "The council voted on Tuesday to close the old bridge to traffic for two years."
STORY_DE = "Der Stadtrat beschloss am Dienstag, die alte Brücke für zwei Jahre zu sperren."


def assert_line_goes(line: str, lang: str) -> None:
    """``line`` between two copies of a story in ``lang`` is removed, and nothing else is."""
    story = STORY_DE if lang == "de" else STORY_EN
    assert drop_boilerplate(f"{story}\n{line}\n{story}", lang=lang) == f"{story}\n{story}"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("SCROLL TO CONTINUE WITH CONTENT", "id"),
        ("ADVERTISEMENT", "id"),
        ("Advertisement", "en"),
        ("Leave a Reply", "id"),
        ("Your email address will not be published. Required fields are marked *", "id"),
        ("Loading...", "en"),
        ("Ikuti Whatsapp Channel Republika", "id"),
        (
            "(Ayo ikuti saluran WhatsApp Kompas biar enggak ketinggalan berita terbaru. Klik di sini ya!)",
            "id",
        ),
        ("[Gambas:Video 20detik]", "id"),
        ("Like us on Facebook", "en"),
        ("Follow us on Twitter & Instagram", "en"),
        ("Follow Lucia Suarez on Twitter @luciasuarez", "en"),
        ("We use cookies to improve your experience on our site. By continuing you accept.", "en"),
        ("Diese Webseite verwendet Cookies, um die Nutzung zu analysieren.", "de"),
        ("Anzeige", "de"),
        ("Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Reisen.", "de"),
        ("Síguenos en Twitter y Facebook para más noticias", "es"),
        ("Reklama", "pl"),
        ("Pour lire la suite, abonnez-vous", "fr"),
        ("January 13, 2020 at 08:45 AM | categories: Python | View Comments", "en"),
        ("googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });", "en"),
    ],
)
def test_boilerplate_lines_go(line: str, lang: str) -> None:
    out = drop_boilerplate(f"{STORY}\n{line}\n{STORY}", lang=lang)
    assert out == f"{STORY}\n{STORY}"


def test_promo_broken_over_lines_goes_with_its_link() -> None:
    text = (
        f"{STORY}\nSimak\nbreaking news\ndan\nberita pilihan\n"
        "kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel :\n"
        "https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D\n"
        ". Pastikan kamu sudah install aplikasi WhatsApp ya."
    )
    assert drop_boilerplate(text, lang="id") == STORY


def test_lowercase_embed_residue_at_the_end() -> None:
    text = "kebijakan diambil karena pandemi kata menteri rabu 18 11 gambas video cnn "
    assert drop_boilerplate(text, lang="id") == "kebijakan diambil karena pandemi kata menteri rabu 18 11"


def test_table_of_contents_with_its_entries() -> None:
    text = (
        "Daftar Isi\n1. Cara Memilih Cabai\n2. Cara Menyimpan Cabai\n"
        "Cara Memilih Cabai\nPilih cabai yang segar dan mengilap.\n"
        "Cara Menyimpan Cabai\nSimpan cabai di lemari es."
    )
    out = drop_boilerplate(text, lang="id")
    assert out.startswith("Cara Memilih Cabai\nPilih cabai")
    assert out.count("Cara Menyimpan Cabai") == 1


def test_a_url_in_the_story_stays() -> None:
    text = f"{STORY_EN}\nhttps://example.org/report.pdf\n{STORY_EN}"
    assert drop_boilerplate(text, lang="en") == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Advertisement revenue fell 12 percent in the third quarter, the company said.", "en"),
        ("Follow the money, the prosecutor told the jury on Monday.", "en"),
        ("Comments from the minister drew criticism from the opposition.", "en"),
        ("Loading the ship took three days because of the storm.", "en"),
        ("Anzeige gegen Unbekannt: Die Polizei ermittelt nach dem Einbruch.", "de"),
        ("Iklan rokok dilarang tayang di televisi mulai tahun depan, kata menteri.", "id"),
        ("Contents of the letter were not made public", "en"),
        ("- Newsletters from the 1920s were found in the attic", "en"),
        ("Kategorie: Minis", "de"),
        ("Veröffentlicht am 16.08.2019", "de"),
        ("| 2021 | Bayern | 2:1 |", "de"),
        ("var total = items.length; // count the items", "en"),
    ],
)
def test_story_lines_that_look_alike_stay(text: str, lang: str) -> None:
    assert drop_boilerplate(f"{STORY_EN}\n{text}\n{STORY_EN}", lang=lang) == f"{STORY_EN}\n{text}\n{STORY_EN}"


def test_extra_lines_and_patterns() -> None:
    rule = DropBoilerplate(
        extra_lines=("Baca berita menarik lainnya",), extra_patterns=(r"^Dukung kami\b.{0,80}",)
    )
    text = f"{STORY}\nBaca berita menarik lainnya!\nDukung kami lewat donasi.\n{STORY}"
    assert rule(text, lang="id") == f"{STORY}\n{STORY}"


def test_a_bad_user_pattern_is_refused_with_its_key() -> None:
    with pytest.raises(ValueError, match="boilerplate_patterns"):
        DropBoilerplate(extra_patterns=("(unclosed",))("x", lang="en")


def test_edit_notes() -> None:
    result = newstext.explain(f"{STORY}\nADVERTISEMENT\n{STORY}", lang="id")
    (edit,) = result.by_rule("drop_boilerplate")
    assert edit.note == "line: ADVERTISEMENT"


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_story_lines_survive(article: Article) -> None:
    out = drop_boilerplate(article.raw, lang=article.lang)
    for line in article.gold.split("\n"):
        assert line.strip() in out


@needs_corpus
def test_corpus_kompas_promo_goes() -> None:
    kompas = next(a for a in ARTICLES if "nasional.kompas" in a.id)
    out = drop_boilerplate(kompas.raw, lang="id")
    assert "WhatsApp" not in out
    assert "whatsapp.com" not in out


@given(st.text(alphabet=st.sampled_from(list("ADVERTISEMENT Loading.\n|©:/ahttps")), max_size=300))
@settings(max_examples=200, deadline=None)
def test_never_raises_and_only_shrinks(text: str) -> None:
    out = drop_boilerplate(text, lang="en")
    assert len(out) <= len(text)


def test_hostile_inputs_complete() -> None:
    for text in ("ADVERTISEMENT\n" * 80_000, "!?.,:;|" * 150_000, "word " * 200_000, "a | " * 250_000):
        assert len(drop_boilerplate(text, lang="en")) <= len(text)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Werden Sie Mitglied im Leserclub", "de"),
        ("Jetzt registrieren und erhalten Sie exklusive Angebote!", "de"),
        ("Kennt ihr schon unseren Stadtplaner? Ab sofort findet ihr dort alle Baustellen.", "de"),
        ("Abonnieren Sie jetzt den Themen-Newsletter „Verkehr“.", "de"),
        ("Nichts mehr verpassen! - Newsletter abonnieren", "de"),
        ("Dieser Artikel enthält Affiliate-Links. Kaufen Sie darüber, erhalten wir eine Provision.", "de"),
        ("Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde geprüft.", "de"),
        ("Solche Links kennzeichnen wir mit einem Sternchen.", "de"),
        ("Kommentare insgesamt: 0", "de"),
        ("Kommentare werden geladen...", "de"),
        ("Do you want to hear about our campaigns? Sign up here", "en"),
        ("First-time subscribers also receive a free tote bag!", "en"),
        ("This article was medically reviewed by Dr. Jane Example.", "en"),
        ("Comments (3)", "en"),
        ("Release Date:", "en"),
    ],
)
def test_marketing_and_page_furniture_go(line: str, lang: str) -> None:
    assert_line_goes(line, lang)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Werden Sie bloß nicht nervös, sagte der Trainer vor dem Spiel.", "de"),
        ("Kennen Sie das Gefühl, wenn der Zug wieder ausfällt?", "de"),
        ("Die Mitglieder erhalten Sie zurück, sobald der Verein zahlt.", "de"),
        ("Kommentare des Ministers sorgten für Ärger in der Koalition.", "de"),
        ("Subscribers to the service rose by 12 percent last year.", "en"),
        ("Comments by the minister drew criticism on Monday.", "en"),
        ("Kategorie: Minis", "de"),
        ("Did the council act in time? Sign up rates for the scheme fell in May.", "en"),
    ],
)
def test_story_lines_like_marketing_stay(line: str, lang: str) -> None:
    story = STORY_DE if lang == "de" else STORY_EN
    text = f"{story}\n{line}\n{story}"
    assert drop_boilerplate(text, lang=lang) == text


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("  Updated June 13, 2019 ", "en"),
        ("Updated 2019-06-13", "en"),
        ("   Aktualisiert am 13.06.2019", "de"),
        ("Aktualisiert am 2019-06-13", "de"),
        ("Hier geht’s zur Facebook Veranstaltung", "de"),
        ("Hier geht's zur Facebook Veranstaltung", "de"),
        ("\tLike us on Facebook", "en"),
    ],
)
def test_pattern_lines_go_indented_and_in_either_form(line: str, lang: str) -> None:
    """A line goes on the first pass whatever later rules would make of it (idempotence)."""
    assert_line_goes(line, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Die Party beginnt um 23 Uhr im Club.\nHier geht’s zur Facebook Veranstaltung\nSo sieht es aus.",
            "de",
        ),
        ("Pineapple upside-down cake is a classic.\n  Updated June 13, 2019 \nMake it with cake mix.", "en"),
    ],
)
def test_cleaning_twice_changes_nothing(text: str, lang: str) -> None:
    once = newstext.clean(text, lang)
    assert newstext.clean(once, lang) == once
