"""drop_credits: bylines, initials, sources, photo credits and captions; the note keeps them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import drop_credits
from newstext.credits import NOTE_ROLES, DropCredits
from tests.conftest import ARTICLES, Article, needs_corpus

STORY = "Harga cabai naik tajam di pasar Jakarta pekan ini, kata pedagang kepada wartawan."
STORY_EN = "The council voted on Tuesday to close the old bridge to traffic for two years."


def notes(text: str, lang: str) -> list[str]:
    return [e.note for e in newstext.explain(text, lang=lang).by_rule("drop_credits")]


@pytest.mark.parametrize(
    ("line", "lang", "note"),
    [
        ("(fbr/wes)", "id", "initials: fbr/wes"),
        ("(kpl/khs)", "id", "initials: kpl/khs"),
        ("Editor: Rina Marlina", "id", "editor: Rina Marlina"),
        ("Penulis: Pipit Ika Ramadhani", "id", "author: Pipit Ika Ramadhani"),
        ("Reporter: Pipit Ika Ramadhani", "id", "author: Pipit Ika Ramadhani"),
        ("Sumber: Antara", "id", "source: Antara"),
        ("sumber : Antara", "id", "source: Antara"),
        ("Foto: Dok. Humas Polri", "id", "photo: Dok. Humas Polri"),
        ("Ilustrasi Drama (Image by mydramalist)", "id", "photo: mydramalist"),
        ("© AFP / MARCO BERTORELLO", "de", "copyright: AFP / MARCO BERTORELLO"),
        ("Pictures: Getty", "en", "photo: Getty"),
        ("Lena deCasparis | Contributing Writer | 5 days ago", "en", "author: Lena deCasparis"),
        ("By John Smith and Jane Doe", "en", "author: John Smith and Jane Doe"),
        (
            "John Smith can be reached at jsmith@example.com.",
            "en",
            "credit: John Smith can be reached at jsmith@example.com.",
        ),
        (
            "CNN's Jason Carroll and Ben Brumfield contributed to this report.",
            "en",
            "contributor: CNN's Jason Carroll and Ben Brumfield",
        ),
        ("（编辑：严玉洁 王辉）", "zh", "editor: 严玉洁 王辉"),
        ("【责任编辑：严玉洁】", "zh", "editor: 严玉洁"),
        ("Quelle: dpa", "de", "source: dpa"),
        ("Fot. Lukasz Nowaczyk / Agencja Gazeta", "pl", "photo: Lukasz Nowaczyk / Agencja Gazeta"),
        ("Crédits photos : Bestimage", "fr", "photo: Bestimage"),
    ],
)
def test_credit_lines_go_and_the_note_keeps_them(line: str, lang: str, note: str) -> None:
    text = f"{STORY}\n{line}\n{STORY}"
    assert drop_credits(text, lang=lang) == f"{STORY}\n{STORY}"
    assert notes(text, lang) == [note]


def test_wire_caption_goes() -> None:
    caption = (
        'In this image released by A24 Films, Jessica Chastain, left, appears in a scene from "A Most '
        'Violent Year." (AP Photo/A24 Films, Atsushi Nishijima)AP2014'
    )
    assert drop_credits(f"{caption}\n\n{STORY_EN}", lang="en").strip() == STORY_EN


def test_credits_glued_to_the_last_paragraph() -> None:
    text = 'jadi cukup besar," beber Kasan.,Reporter: Pipit Ika Ramadhani,Sumber: Liputan6.com '
    assert drop_credits(text, lang="id") == 'jadi cukup besar," beber Kasan.'
    assert notes(text, "id") == ["author: Pipit Ika Ramadhani", "source: Liputan6.com"]


def test_initials_glued_after_the_last_sentence() -> None:
    assert drop_credits(f"{STORY} (kpl/khs)", lang="id") == STORY


def test_photo_credit_at_the_end_of_a_long_paragraph_goes_alone() -> None:
    para = " ".join([STORY_EN] * 5)
    assert drop_credits(f"{para} (Photo: Reuters)", lang="en") == para


def test_video_end_credits_block() -> None:
    credits = "\n\n".join(
        [
            "DIRECTOR & PRODUCER Ariane Wu",
            "NARRATOR Roman Mars",
            "MUSIC COMPOSER Jason Kick",
            "SOUND MIXER Christopher Galipo",
            "EXECUTIVE PRODUCER Amanda Pike",
            "cironline.org",
        ]
    )
    out = drop_credits(f"{STORY_EN}\n\n{STORY_EN}\n\n{credits}", lang="en")
    assert out.strip() == f"{STORY_EN}\n\n{STORY_EN}"
    assert DropCredits(end_credits=False)(credits, lang="en") == credits


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Editor of the local paper, Jane Smith, said the decision was wrong and unfair.", "en"),
        ("Source: officials said the deal was done after three days of talks in Geneva.", "en"),
        ("Reporter: What did you see that night?", "en"),
        ("Narrator: The strawberry industry in California depends on fumigants.", "en"),
        ("Die Autor:innen des Berichts fordern mehr Geld.", "de"),
        ("Autor:innen", "de"),
        ("Sumber dana proyek itu berasal dari APBD, kata kepala dinas.", "id"),
        ("The award went to the photographer Jane Smith", "en"),
        ("He said it would cost (and/or delay) the project", "en"),
        ("KLIMANEUTRALITÄT VON UNTERNEHMEN", "de"),
        ("Foto-foto itu diambil pada malam hari oleh warga setempat, kata polisi.", "id"),
        ("By Tuesday the flood had reached the city centre.", "en"),
    ],
)
def test_story_lines_that_look_alike_stay(text: str, lang: str) -> None:
    assert drop_credits(f"{STORY_EN}\n{text}\n{STORY_EN}", lang=lang) == f"{STORY_EN}\n{text}\n{STORY_EN}"


def test_a_bibliography_is_not_end_credits() -> None:
    refs = "\n".join(
        [
            "BECKER, Paul G.: Private Exlibrissammlung",
            "BLUM, Gernot: Private Exlibrissammlung",
            "BRAUNGART, Richard: Neue deutsche Exlibris",
            "PALMIRANI, Remo: Guido Balsamo Stella",
        ]
    )
    assert drop_credits(f"{STORY_EN}\n{refs}", lang="de") == f"{STORY_EN}\n{refs}"


def test_extra_labels() -> None:
    rule = DropCredits(extra_source_labels=("Dikutip dari",))
    text = f"{STORY}\nDikutip dari: Antara"
    assert rule(text, lang="id") == STORY


def test_every_note_names_a_known_role() -> None:
    text = f"{STORY}\nEditor: Rina\n(fbr/wes)\n© AFP\nSumber: Antara"
    for note in notes(text, "id"):
        role, _, value = note.partition(": ")
        assert role in NOTE_ROLES
        assert value


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_story_lines_survive(article: Article) -> None:
    out = drop_credits(article.raw, lang=article.lang)
    for line in article.gold.split("\n"):
        assert line.strip() in out


@needs_corpus
def test_corpus_sources_are_kept_in_notes() -> None:
    merdeka = next(a for a in ARTICLES if "merdeka" in a.id)
    assert notes(merdeka.raw, "id") == ["author: Pipit Ika Ramadhani", "source: Liputan6.com"]


@given(st.text(alphabet=st.sampled_from(list("Editor: ©(/)abc\nSumberFoto|AP Photo")), max_size=300))
@settings(max_examples=200, deadline=None)
def test_never_raises_and_only_shrinks(text: str) -> None:
    assert len(drop_credits(text, lang="id")) <= len(text)


def test_hostile_inputs_complete() -> None:
    for text in (
        "(" + "ab/" * 300_000 + ")",
        "© " * 500_000,
        "Editor: " * 120_000,
        "DIRECTOR & PRODUCER Ariane Wu\n" * 30_000,
        ",Reporter: X" * 80_000,
        "©ab" * 330_000,  # a chain of a third of a million glued credits, walked back a step each
        "Kata " + " " * 1_000_000 + "©AFP",
    ):
        assert len(drop_credits(text, lang="id")) <= len(text)


@pytest.mark.parametrize(
    "tail",
    [
        " ©AFP ©Reuters",
        " © AFP © Reuters © Getty Images",
        "    ©AFP",  # white space that normalize_whitespace folds later
        "©AFP   © Reuters",
        " ©Pool sign, ©AFP",  # the comma that glued the next credit on goes with the chain
        " ©    AFP / Reuters",  # white space after the sign, folded by normalize_whitespace
        " © AFP    /    Reuters   /   Getty   Images   /   Jane   Doe   /   John   Smith  Ltd",
        " © Antara Foto,Sumber: Kementerian Perdagangan",  # a glued label after the credit
    ],
)
def test_a_chain_of_glued_copyright_credits_goes_whole(tail: str) -> None:
    """One credit at a time, each clean() would take one more of the chain."""
    text = f"{STORY}\nPresiden tiba di Moskow pada Senin pagi.{tail}"
    once = newstext.clean(text, "id")
    assert once.endswith("Presiden tiba di Moskow pada Senin pagi.")
    assert newstext.clean(once, "id") == once


@pytest.mark.parametrize(
    "line",
    [
        "Tanda © dipakai penerbit untuk menyatakan hak cipta atas karya mereka.",
        "Neu im Sortiment ab sofort (Bestellung gilt auch für das Wake News © Feiertags-Angebot):",
    ],
)
def test_a_sentence_after_a_copyright_sign_stays(line: str) -> None:
    """What follows the sign must read like a credit's name, not like the end of a sentence."""
    text = f"{STORY}\n{line}"
    assert newstext.clean(text, "id" if line.startswith("Tanda") else "de").endswith(line)


def test_an_indented_copyright_line_goes_however_deep_its_indent() -> None:
    """normalize_whitespace takes an indent away, and a second clean() would find the line."""
    text = f"{STORY}\n" + " " * 12 + "© AFP / John Doe"
    once = newstext.clean(text, "id")
    assert once == STORY
    assert newstext.clean(once, "id") == once


def test_a_copyright_sign_inside_the_line_is_not_a_chain() -> None:
    text = f"{STORY}\nLogo © 2019 itu dipakai lagi oleh perusahaan tersebut tahun ini, kata juru bicara. ©AFP"
    assert newstext.clean(text, "id").endswith("kata juru bicara.")


# --- line patterns tried at line starts only ------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["(", ")", "/", "ab", "KOMPAS", "\n", " ", " | ", "x", "A", "12", "\t", "[", "]", "\r", "©", "&"]
        ),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=200),
)
def test_line_start_matches_are_the_patterns_own_matches(parts: list[str], start: int) -> None:
    from newstext.junkpatterns import CAPS_CREDIT, INITIALS_LINE, PIPE_LINE
    from newstext.lines import line_start_matches

    text = "".join(parts)
    start = min(start, len(text))
    for pattern in (INITIALS_LINE, PIPE_LINE, CAPS_CREDIT):
        assert [m.span() for m in line_start_matches(pattern, text)] == [
            m.span() for m in pattern.finditer(text)
        ]
        first = next(line_start_matches(pattern, text, start), None)
        found = pattern.search(text, start)
        assert (first is None) == (found is None)
        assert first is None or found is None or first.span() == found.span()


def test_repeated_initials_go_in_one_pass() -> None:
    text = "Harga beras naik lagi di pasar induk, kata menteri. (fbr/wes) (fbr/wes)"
    once = newstext.clean(text, "id")
    assert once == "Harga beras naik lagi di pasar induk, kata menteri."
    assert newstext.clean(once, "id") == once


@pytest.mark.parametrize(
    ("line", "lang", "note"),
    [
        ("Redakteur in der Wirtschaft.", "de", "author: Redakteur in der Wirtschaft"),
        (
            "Redakteurin im Ressort Politik der Nordzeitung.",
            "de",
            "author: Redakteurin im Ressort Politik der Nordzeitung",
        ),
        ("Staff writer at The Harbour Gazette", "en", "author: Staff writer at The Harbour Gazette"),
        (
            "Mayor Jane Example (right), looks on as engineer Tom Muster addresses reporters at the bridge.",
            "en",
            "caption: Mayor Jane Example",
        ),
    ],
)
def test_role_lines_and_captions_go(line: str, lang: str, note: str) -> None:
    story = STORY_EN
    result = newstext.explain(f"{story}\n{line}\n{story}", lang=lang)
    assert result.text == f"{story}\n{story}"
    (edit,) = result.by_rule("drop_credits")
    assert edit.note == note


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Korrespondent in Moskau war er von 1990 an.", "de"),
        ("Redakteur Max Muster sagte, die Zeitung werde verkauft.", "de"),
        ("Reporter at The Times said the mayor had left.", "en"),
        ("Smith (left) and Jones speak every week about the plan.", "en"),
    ],
)
def test_story_lines_about_journalists_and_photos_stay(line: str, lang: str) -> None:
    text = f"{STORY_EN}\n{line}\n{STORY_EN}"
    assert drop_credits(text, lang=lang) == text
