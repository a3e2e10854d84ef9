"""rejoin_broken_lines: sentences broken around link text are put back together; real breaks stay."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext.rejoin import rejoin_broken_lines
from tests.conftest import ARTICLES, SHARED, Article, needs_corpus

TRAFILATURA = SHARED / "data" / "trafilatura-eval" / "items.jsonl"


def rejoin(text: str, lang: str = "id") -> str:
    return rejoin_broken_lines(text, lang=lang)


def same_characters(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in white space."""
    return "".join(a.split()) == "".join(b.split())


# --- the real articles ------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_real_articles_keep_every_word(article: Article) -> None:
    out = rejoin(article.raw, article.lang)
    assert same_characters(out, article.raw)
    assert out.count("\n") <= article.raw.count("\n")


@needs_corpus
def test_kompas_link_text_lines_rejoined() -> None:
    article = next(a for a in ARTICLES if a.id.startswith("011-"))
    out = rejoin(article.raw)
    assert out.startswith(
        "JAKARTA, KOMPAS.com\n- Direktur Eksekutif The Indonesian Legal Resource Center, Siti Aminah Tardi "
        "mendesak agar anggota polisi Polsek Wewewa Selatan, Sumba Barat Daya, Nusa Tenggara Timur (NTT) "
        "yakni Aipda PS, tidak hanya diproses sanksi etik tetapi juga diproses secara pidana.\n"
    )
    assert "Sebab Aipda PS merupakan pelaku pelecehan seksual terhadap korban pemerkosaan" in out
    assert "kata wanita yang akrab disapa Ami ini kepada Kompas.com, Selasa (10/6/2025).\n" in out
    # the related-link label and its headline keep their lines (another rule drops them)
    assert "\nBaca juga:\nPolisi Perkosa Korban Pemerkosaan di NTT, Anggota DPR: Pecat dan Adili!\n" in out


@needs_corpus
def test_detik_dateline_kept_link_text_rejoined() -> None:
    article = next(a for a in ARTICLES if a.id.startswith("001-"))
    out = rejoin(article.raw)
    assert out.startswith("Jakarta\n-\nLuna Maya ternyata memiliki alasan")
    assert "\nLuna Maya menyebut aspek perjalanan" in out
    assert "\nBaca juga:\n3 Ratu Horor Beradu Akting di Film Jalan Pulang\n" in out
    assert out.endswith(
        "luna maya\nfilm jalan pulang\nhoror indonesia\nagung saputra\njeropoint\nkarakter film"
    )


@needs_corpus
def test_republika_anchor_lines_rejoined() -> None:
    article = next(a for a in ARTICLES if a.id.startswith("013-"))
    out = rejoin(article.raw)
    assert "belum ada laporan pengaduan ke Kejagung terkait potensi pelanggaran di Raja Ampat." in out
    assert "Kawasan Geopark di Raja Ampat merupakan area konservasi" in out


@needs_corpus
@pytest.mark.parametrize("prefix", ["015-", "024-", "053-", "id-seed"])
def test_articles_without_broken_lines_unchanged(prefix: str) -> None:
    """Subheadings, quotes, paragraphs and the seed's glued tags: no break here is a broken one."""
    article = next(a for a in ARTICLES if a.id.startswith(prefix))
    assert rejoin(article.raw, article.lang) == article.raw


@pytest.mark.skipif(not TRAFILATURA.exists(), reason="shared/data/trafilatura-eval is not present")
def test_trafilatura_pages_only_white_space_changes() -> None:
    changed = 0
    with TRAFILATURA.open(encoding="utf-8") as f:
        for raw_line in f:
            item = json.loads(raw_line)
            out = rejoin_broken_lines(item["text"], lang="en")
            assert same_characters(out, item["text"]), item["id"]
            changed += out != item["text"]
    assert changed < 100  # measured: 62 of 990 pages, nearly all hard-wrapped prose


# --- unit cases -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tempo hari\nLuna Maya\nternyata menerima tawaran itu.",
            "Tempo hari\nLuna Maya ternyata menerima tawaran itu.",
        ),
        (
            "Dia berbicara kepada\nKompas.com\n, Selasa (10/6/2025).",
            "Dia berbicara kepada Kompas.com, Selasa (10/6/2025).",
        ),
        (
            "Warga melapor ke\nPolsek Wewewa Selatan\n, kata dia.",
            "Warga melapor ke Polsek Wewewa Selatan, kata dia.",
        ),
        (
            "Officials met on Monday.\nHe told the committee that the\nnew rules would apply next year.",
            "Officials met on Monday.\nHe told the committee that the new rules would apply next year.",
        ),
        ("Die Ergebnisse sind hier\n. Mehr dazu morgen.", "Die Ergebnisse sind hier. Mehr dazu morgen."),
    ],
)
def test_broken_lines_rejoined(text: str, expected: str) -> None:
    assert rejoin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # datelines
        "JAKARTA, KOMPAS.com\n- Direktur Eksekutif itu mendesak polisi bertindak.",
        "Jakarta\n-\nLuna Maya menerima tawaran itu.",
        "WASHINGTON (Reuters)\n- The Senate voted on Tuesday.",
        # a title, then its lowercase standfirst
        "Mandarinen-Schmand-Kuchen\nder cremigste Kuchen, den ich kenne!",
        # subheadings
        "The storm has passed.\n\nWill winds whip parade balloons?\n\nThough it is over, winds remain.",
        "The roads were dead.\nPlanes, trains ...\n... and automobiles\nAir travel was smooth.",
        "Ini berita.\nPoetry\npoetry is a tool to manage dependencies.",
        # sentences ending in proper nouns, abbreviations, numbers, quotes without punctuation
        "Rusia mengirim bantuan ke Afghanistan. Politik Rusia\nKabulov membenarkan kabar itu.",
        "The report was signed by Dr. Smith\nThe Army confirmed it later.",
        'Dia hanya berkata "Ya"\nWartawan lalu bertanya lagi.',
        "Konferensi pers digelar pukul 10.00 WIB\nPresiden hadir.",
        # lists
        "Bahan:\ngaram\nmerica\nminyak.",
        "Zweigeteilt in\na) eine inhaltliche Antwort\nb) Reflexion des Lernprozesses.",
        "Dazu zählen\n- ein Notfallkonzept\n- regelmäßige Back-ups.",
        # salutations, code, URLs, forum vote counts
        "Liebes LVCC Team,\nwir haben uns sehr wohl gefühlt.",
        'import os\nfrom django.conf import settings\nprint("done").',
        "$ pip freeze > requirements.txt\nwith the environment active will list it.",
        "Lihat di\nhttps://example.com/artikel\nuntuk detailnya.",
        "+1\nmaculi28.09.1913:55\ngabs so einen Fall schon.",
        # a run that does not end a sentence keeps its lines
        "Simak\nbreaking news\ndan\nberita pilihan\nkami di WhatsApp Channel :",
        # lines separated by a blank line are paragraphs
        "Luna Maya\n\nternyata memiliki alasan.",
        # CJK subheading
        "美方需要作出更令人放心的承诺。\n中美合作共赢是大势所趋\n他分析称，美国曾以国家安全为幌子。",
    ],
)
def test_real_breaks_kept(text: str) -> None:
    assert rejoin(text) == text


def test_heading_before_a_wrapped_paragraph_keeps_its_line() -> None:
    text = "Die Firma wächst.\nÜber uns\nDie bumm film GmbH bietet\noriginelle Formate an."
    assert (
        rejoin(text, "de") == "Die Firma wächst.\nÜber uns\nDie bumm film GmbH bietet originelle Formate an."
    )


def test_explain_names_the_rule_and_only_white_space_changes() -> None:
    text = "Dia berbicara kepada\nKompas.com\n, Selasa."
    result = newstext.explain(text, lang="id", rejoin_broken_lines=True)
    edits = result.by_rule("rejoin_broken_lines")
    assert [(e.before, e.after) for e in edits] == [("\n", " "), ("\n", "")]
    assert all(text[e.start : e.end] == e.before for e in edits)


def test_turned_off_by_name() -> None:
    text = "Dia berbicara kepada\nKompas.com\n, Selasa."
    assert "\nKompas.com\n" in newstext.clean(text, lang="id", rejoin_broken_lines=False)
    assert "kepada Kompas.com, Selasa." in newstext.clean(text, lang="id")


# --- properties and hostile input -----------------------------------------------------------------


PIECES = [
    "\n",
    "\n",
    "\n\n",
    " ",
    "  ",
    ",",
    ".",
    ". ",
    ":",
    "-",
    "…",
    "”",
    ")",
    "Luna Maya",
    "ternyata",
    "kepada",
    "Kompas.com",
    ", Selasa",
    "Siti Aminah Tardi",
    "mendesak agar anggota polisi",
    "a) ",
    "- ",
    "x = 1",
    "$ ",
    "https://a.b",
    "+1",
    "garam",
    "Über uns",
    "poetry",
    "Poetry",
    "Sebab Aipda PS merupakan pelaku",
    "中美",
    "，",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_idempotent_and_only_white_space_on_line_shaped_text(text: str) -> None:
    once = rejoin(text)
    assert same_characters(once, text)
    assert rejoin(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_idempotent_on_any_text(text: str) -> None:
    once = rejoin(text, "en")
    assert rejoin(once, "en") == once


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "kata\n" * 200_000,
        "Kata kata\n, lagi\n" * 80_000 + ".",
        "\n" * 1_000_000,
        "Kompas.com\n" * 90_000,
        ("x" * 100_000 + "\n") * 10,
    ],
)
def test_hostile_megabyte_inputs_complete(text: str) -> None:
    out = rejoin(text)
    assert same_characters(out, text)
