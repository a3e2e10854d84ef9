"""drop_related_links: related-link labels with their headlines, video promos; prose stays."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import drop_related_links
from newstext.related import DropRelatedLinks
from tests.conftest import ARTICLES, needs_corpus

STORY = "Harga cabai naik tajam di pasar Jakarta pekan ini, kata pedagang kepada wartawan."
STORY_EN = "The council voted on Tuesday to close the old bridge to traffic for two years."


def lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Baca juga: Harga Cabai Turun Lagi di Pasar Induk", "id"),
        ("Baca Juga: Polisi Tangkap Dua Pelaku Pencurian Motor", "id"),
        ("BACA JUGA: Harga Emas Antam Naik Hari Ini", "id"),
        ("Read More: Actress-Director Arrives at ISS, Russia Starts Filming in Space", "id"),
        ("Read more: A Controversial Technology Is Creating a Rift Among Scientists", "en"),
        ("RELATED: Storm Prompts Airlines to Relax Travel Policies", "en"),
        ("Lesen Sie auch: Bahn streicht Verbindungen nach München", "de"),
        ("Mehr zum Thema: Neue Regeln für E-Scooter in Berlin", "de"),
        ("À lire aussi : La réforme des retraites adoptée au Sénat", "fr"),
        ("Lee también: El Gobierno anuncia nuevas medidas económicas", "es"),
        ("Leia também: Governo anuncia novo pacote de obras", "pt"),
        ("Leggi anche: Il governo approva la manovra", "it"),
        ("Lees ook: Kabinet presenteert nieuwe klimaatplannen", "nl"),
        ("Читайте также: Правительство утвердило новый бюджет", "ru"),
        ("Czytaj też: Rząd przyjął nowy budżet na przyszły rok", "pl"),
        ("Ayrıca okuyun: Merkez Bankası faiz kararını açıkladı", "tr"),
        ("Xem thêm: Giá xăng dầu tăng mạnh từ chiều nay", "vi"),
        ("اقرأ أيضا: الحكومة تعلن خطة جديدة للنقل العام", "ar"),
        ("相关新闻：中美经贸磋商取得新进展", "zh"),
        ("[Baca juga: Harga Cabai Turun Lagi]", "id"),
        ("» Lesen Sie auch: Bahn streicht Verbindungen nach München", "de"),
    ],
)
def test_label_with_headline_on_the_same_line(line: str, lang: str) -> None:
    out = drop_related_links(f"{STORY}\n{line}\n{STORY}", lang=lang)
    assert out == f"{STORY}\n{STORY}"


def test_bare_label_takes_the_headline_list() -> None:
    text = (
        f"{STORY}\nBaca Juga\nOmbudsman Temukan Kasus Sekolah Tak Terbitkan Ijazah Siswa\n"
        "Pembentukan Koperasi Desa di Jawa Tengah Capai 100 Persen\n"
        "Adapun hingga saat ini, kata dia, belum ada laporan pengaduan ke\nKejaksaan\n"
    )
    out = drop_related_links(text, lang="id")
    assert "Ombudsman" not in out
    assert "Koperasi" not in out
    assert "Adapun hingga saat ini, kata dia, belum ada laporan pengaduan ke\nKejaksaan" in out


def test_bare_label_with_colon_takes_one_headline_then_the_story_resumes() -> None:
    text = f"{STORY}\nBaca juga:\n3 Ratu Horor Beradu Akting di Film Jalan Pulang\n{STORY}"
    assert drop_related_links(text, lang="id") == f"{STORY}\n{STORY}"


def test_bare_label_followed_by_a_paragraph_removes_only_the_label() -> None:
    para = "MelansirAlmanac, Jumat (20/6/2025), beberapa rempah merespons paling baik terhadap pembekuan."
    assert drop_related_links(f"{STORY}\nBaca Juga\n{para}", lang="id") == f"{STORY}\n{para}"


def test_blank_separated_headline_block() -> None:
    text = (
        f"{STORY_EN}\n\nLike this? You might also be interested in:\n\n"
        "Lena Dunham Has Declared Today Taylor Swift Day\n\n"
        "South Park Does A Lorde Skit. But Who Is It Taking Aim At?\n\n"
        "Lorde Gave Taylor Swift The First Listen To Her New Song\n"
    )
    out = drop_related_links(text, lang="en")
    assert lines(out) == [STORY_EN]


def test_trailing_bare_label_at_the_end() -> None:
    assert drop_related_links(f"{STORY_EN}\n\nRELATED:", lang="en").strip() == STORY_EN


@pytest.mark.parametrize(
    "line",
    [
        "Video: Luna Maya Langsung Sibuk Syuting Lagi Seusai Nikah",
        "Simak juga Video Trump: Semua Orang Harus Segera Evakuasi Diri dari Teheran Iran",
        "VIDEO: The 20-second hand wash",
    ],
)
def test_video_promos(line: str) -> None:
    out = drop_related_links(f"{STORY}\n{line}\n{line}\n{STORY}", lang="id")
    assert out == f"{STORY}\n{STORY}"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # prose that begins like a label
        ("Read more widely, the minister said, and you will find the same figures everywhere.", "en"),
        ("Read more than ten reports before you decide, she told the committee on Monday.", "en"),
        ("Baca juga buku-buku sejarah itu, kata guru tersebut kepada murid-muridnya di kelas.", "id"),
        ("Lesen Sie auch das Kleingedruckte, riet die Verbraucherzentrale am Dienstag.", "de"),
        ("Video of the attack was shared thousands of times before it was taken down.", "en"),
        ("Related companies lost 4 percent of their value on Wall Street on Friday.", "en"),
        # headings, lists, a sentence that ends with a proper noun, a quote without punctuation
        ("Will winds whip parade balloons?", "en"),
        ("- Polisi memeriksa tiga saksi\n- Korban dibawa ke RSUD Sumba Barat Daya", "id"),
        ("The award went to the Guardian's reporter Jane Smith", "en"),
        ('"We will not give up on this city," said the mayor', "en"),
        ("Video-Serie „Raising the Bar“", "de"),
        ("Video & Further Resources", "en"),
    ],
)
def test_prose_headings_and_lists_stay(text: str, lang: str) -> None:
    assert (
        drop_related_links(f"{STORY_EN}\n{text}\n{STORY_EN}", lang=lang) == f"{STORY_EN}\n{text}\n{STORY_EN}"
    )


def test_subheading_after_see_also_is_not_eaten() -> None:
    text = f"{STORY_EN}\nSee also\nBehind the scenes\n{STORY_EN}"
    out = drop_related_links(text, lang="en")
    assert "Behind the scenes" in out


def test_one_word_label_of_another_language_is_not_used() -> None:
    # "Mira" introduces a related link in Spanish, but is a name in English
    text = "Mira: I told them the bridge would not hold, and nobody listened to me."
    assert drop_related_links(text, lang="en") == text
    assert drop_related_links("MIRA: Madre se acerca a conocer los motivos de captura", lang="es") == ""


def test_extra_labels_extend_the_rule() -> None:
    rule = DropRelatedLinks(extra_labels=("Jangan Lewatkan Juga",))
    out = rule(f"{STORY}\nJangan Lewatkan Juga: Harga Emas Naik Lagi\n{STORY}", lang="id")
    assert out == f"{STORY}\n{STORY}"


def test_max_headlines_caps_a_block() -> None:
    heads = "\n".join(f"Harga Cabai Naik Tajam di Pasar Nomor {i}" for i in range(12))
    out = DropRelatedLinks(max_headlines=3)(f"Baca Juga\n{heads}", lang="id")
    assert len(lines(out)) == 9


def test_edits_name_the_label() -> None:
    result = newstext.explain(f"{STORY}\nBaca juga: Harga Cabai Turun\n{STORY}", lang="id")
    (edit,) = result.by_rule("drop_related_links")
    assert edit.note == "label: Baca juga"
    assert result.original[edit.start : edit.end] == edit.before


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_story_lines_survive(article: object) -> None:
    from tests.conftest import Article

    assert isinstance(article, Article)
    out = drop_related_links(article.raw, lang=article.lang)
    for line in article.gold.split("\n"):
        assert line.strip() in out


@needs_corpus
def test_corpus_related_lines_go() -> None:
    by_id = {a.id: a for a in ARTICLES}
    seed = by_id["id-seed-taliban"]
    assert "Read More" not in drop_related_links(seed.raw, lang="id")
    republika = next(a for a in ARTICLES if "republika" in a.id)
    out = drop_related_links(republika.raw, lang="id")
    assert "Baca Juga" not in out
    assert "Kuota Haji Indonesia 2026" not in out


@given(st.text(alphabet=st.sampled_from(list("Baca juga:Read more\n VIDEO»[]-.?")), max_size=300))
@settings(max_examples=200, deadline=None)
def test_only_removes_whole_lines(text: str) -> None:
    out = drop_related_links(text, lang="id")
    kept = set(text.split("\n"))
    assert all(line in kept for line in out.split("\n") if line)


def test_hostile_inputs_complete() -> None:
    for text in ("Baca juga\n" * 100_000, "Read more: " + "A" * 1_000_000, "Baca juga:" * 100_000):
        out = drop_related_links(text, lang="id")
        assert len(out) <= len(text)


def test_sentence_case_headlines_go_when_the_block_ends_the_text() -> None:
    text = (
        f"{STORY_EN}\nNOTAS RELACIONADAS\n"
        "Hackers ofrecen descuento del 35% al Gobierno de Costa Rica\n"
        "Grupo Conti asegura haber hackeado el Ministerio de Hacienda y contar con datos"
    )
    assert drop_related_links(text, lang="es") == STORY_EN


def test_sentence_case_line_before_more_story_stays() -> None:
    text = (
        f"{STORY_EN}\nNOTAS RELACIONADAS\n"
        "Hackers ofrecen descuento del 35% al Gobierno de Costa Rica\n"
        "El ministro dijo que el sistema volverá a funcionar la próxima semana\n"
        f"{STORY_EN}"
    )
    out = drop_related_links(text, lang="es")
    assert "El ministro dijo que el sistema volverá" in out


def test_bare_label_takes_headlines_with_a_colon() -> None:
    text = (
        "Der Stadtrat beschloss am Dienstag, die alte Brücke für zwei Jahre zu sperren.\n"
        "Diese Artikel könnten dich ebenfalls interessieren:\n"
        "Richtig pendeln: Die besten Tipps für den Weg zur Arbeit\n"
        "Radfahren: Diese Routen führen sicher durch die Stadt"
    )
    assert drop_related_links(text, lang="de") == (
        "Der Stadtrat beschloss am Dienstag, die alte Brücke für zwei Jahre zu sperren."
    )


def test_short_credit_under_a_bare_label_ends_the_block() -> None:
    text = f"{STORY_EN}\nRELATED:\nCity Plans New Bridge Over the River\nPhoto: Jane Example\n{STORY_EN}"
    assert drop_related_links(text, lang="en") == f"{STORY_EN}\nPhoto: Jane Example\n{STORY_EN}"


@pytest.mark.parametrize(
    "line",
    [
        ">> Wegen Bauarbeiten: Brücke bleibt bis Mai gesperrt <<",
        ">>> Jetzt die aktuelle Ausgabe bestellen! <<<",
    ],
)
def test_teasers_between_arrows_go(line: str) -> None:
    assert drop_related_links(f"{STORY_EN}\n{line}\n{STORY_EN}", lang="de") == f"{STORY_EN}\n{STORY_EN}"


@pytest.mark.parametrize(
    "line",
    [
        ">> Zum Artikel",
        "Der Wert stieg von 3 >> 5, und fiel dann << 2, sagte der Statistiker.",
        "a >> b << c and more text on the same line >> d",
    ],
)
def test_lines_with_arrows_that_are_not_teasers_stay(line: str) -> None:
    text = f"{STORY_EN}\n{line}\n{STORY_EN}"
    assert drop_related_links(text, lang="de") == text
