"""drop_end_matter: end-matter headers, contact blocks and author bios go; story lines stay."""

from __future__ import annotations

import pytest

import newstext
from newstext.endmatter import DropEndMatter, DropTrailingBio, drop_end_matter, drop_trailing_bio

STORY_DE = "Der Stadtrat beschloss am Dienstag, die alte Brücke für zwei Jahre zu sperren."
STORY_EN = "The council voted on Tuesday to close the old bridge to traffic for two years."


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("Weitere Informationen:", "de"),
        ("Weitere Informationen", "de"),
        ("Weitere Informationen zur Sanierung der Brücke:", "de"),
        ("Originalpublikation", "de"),
        ("Quellenangaben:", "de"),
        ("Zusatzinformationen:", "de"),
        ("Further information:", "en"),
        ("More information about the bridge:", "en"),
        ("Original publication", "en"),
    ],
)
def test_end_matter_header_goes_alone(header: str, lang: str) -> None:
    story = STORY_DE if lang == "de" else STORY_EN
    citation = "Muster A., Beispiel B. (2021): Brücken im Wandel. Verlag Nord, Kiel."
    out = drop_end_matter(f"{story}\n{header}\n{citation}", lang=lang)
    assert out == f"{story}\n{citation}"


def test_contact_block_goes_with_its_header() -> None:
    text = (
        f"{STORY_DE}\nPressekontakt:\nStadtverwaltung Nordhafen\nDr. Anna Beispiel\nHafenstraße 3\n"
        "24103 Kiel\nTel.: 0431 123456-7\nE-Mail: presse@nordhafen.example\nwww.nordhafen.example"
    )
    assert drop_end_matter(text, lang="de") == STORY_DE


def test_contact_block_ends_at_its_last_address_when_the_story_goes_on() -> None:
    text = (
        f"{STORY_EN}\nMedia contact\nJohn Example\nCity Hall press office\njohn@example.org\n"
        f"Traffic plans\n{STORY_EN}"
    )
    assert drop_end_matter(text, lang="en") == f"{STORY_EN}\nTraffic plans\n{STORY_EN}"


def test_contact_header_without_contact_lines_goes_alone() -> None:
    text = f"{STORY_DE}\nKontakt\n{STORY_DE}"
    assert drop_end_matter(text, lang="de") == f"{STORY_DE}\n{STORY_DE}"


def test_contact_block_stops_at_a_sentence() -> None:
    text = (
        f"{STORY_EN}\nContact:\nmayor@example.org\nThe bridge will reopen in 2027, the mayor said on Friday."
    )
    assert drop_end_matter(text, lang="en") == (
        f"{STORY_EN}\nThe bridge will reopen in 2027, the mayor said on Friday."
    )


def test_a_date_is_not_a_phone_number() -> None:
    text = f"{STORY_DE}\nKontakt\nBürgerbüro\n22.11.2022\n{STORY_DE}"
    assert drop_end_matter(text, lang="de") == f"{STORY_DE}\nBürgerbüro\n22.11.2022\n{STORY_DE}"


def test_bio_header_takes_the_bio_that_ends_the_text() -> None:
    text = f"{STORY_DE}\nÜber die Autorin:\nAnna Muster schreibt seit 2010 über Verkehrspolitik."
    assert drop_end_matter(text, lang="de") == STORY_DE


def test_bio_header_before_more_text_goes_alone() -> None:
    rest = "\n".join([STORY_EN] * 4)
    assert drop_end_matter(f"{STORY_EN}\nAbout the author\n{rest}", lang="en") == f"{STORY_EN}\n{rest}"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Jane Example is a freelance writer based in Leeds.", "en"),
        ("Tom Muster is the editor of the Harbour Gazette and writes about transport.", "en"),
        ("Anna Muster ist Redakteurin im Ressort Politik.", "de"),
        ("Max Beispiel (34) ist freier Journalist in Hamburg.", "de"),
    ],
)
def test_last_line_bio_goes(line: str, lang: str) -> None:
    story = STORY_DE if lang == "de" else STORY_EN
    assert drop_trailing_bio(f"{story}\n{line}\n", lang=lang) == story
    assert drop_end_matter(f"{story}\n{line}", lang=lang) == f"{story}\n{line}"


def test_two_bio_lines_go_in_one_pass_and_a_later_ad_marker_does_not_hide_one() -> None:
    text = (
        f"{STORY_EN}\nJane Example is a freelance writer based in Leeds.\n"
        "Tom Muster is a reporter for the Harbour Gazette.\nAdvertisement"
    )
    once = newstext.clean(text, lang="en")
    assert once == STORY_EN
    assert newstext.clean(once, lang="en") == once
    assert DropTrailingBio(max_lines=1)(text.removesuffix("\nAdvertisement"), lang="en").count("\n") == 1


def test_extra_bio_patterns() -> None:
    cleaner = DropTrailingBio(extra_patterns=("^Unser Gastautor [^\\n]{1,200}",))
    assert cleaner(f"{STORY_DE}\nUnser Gastautor lebt in Kiel.", lang="de") == STORY_DE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (f"Jane Example is a freelance writer based in Leeds.\n{STORY_EN}", "en"),
        (f"{STORY_EN}\nJane Example is the mayor of Springfield.", "en"),
        (f"{STORY_EN}\nExample is a reporter for the Harbour Gazette.", "en"),
        (f"{STORY_DE}\nAnna Muster ist Bürgermeisterin der Stadt.", "de"),
    ],
)
def test_story_lines_like_bios_stay(text: str, lang: str) -> None:
    assert drop_trailing_bio(text, lang=lang) == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a bio-shaped line that is not the last line
        (f"Jane Example is a freelance writer based in Leeds.\n{STORY_EN}", "en"),
        # a last line about someone who is not a writer
        (f"{STORY_EN}\nJane Example is the mayor of Springfield.", "en"),
        (f"{STORY_DE}\nAnna Muster ist Bürgermeisterin der Stadt.", "de"),
        # headers inside a sentence or followed by prose
        (f"{STORY_DE}\nKontakt zu den Eltern hatte er seit Jahren keinen.", "de"),
        (f"{STORY_EN}\nFurther information was not released, the police said.", "en"),
        (f"{STORY_DE}\nKontaktformular", "de"),
        (f"{STORY_EN}\nContact with the crew was lost at 3 a.m.", "en"),
        # what follows an end-matter header stays
        (f"{STORY_DE}\n{STORY_DE}", "de"),
    ],
)
def test_story_lines_stay(text: str, lang: str) -> None:
    assert drop_end_matter(text, lang=lang) == text


def test_extra_headers_and_notes() -> None:
    cleaner = DropEndMatter(extra_headers=("Zum Weiterlesen im Archiv",))
    text = f"{STORY_DE}\nZum Weiterlesen im Archiv:\n- Brücken in Kiel"
    assert cleaner(text, lang="de") == f"{STORY_DE}\n- Brücken in Kiel"
    result = newstext.explain(f"{STORY_DE}\nPressekontakt\npresse@nordhafen.example", lang="de")
    (edit,) = result.by_rule("drop_end_matter")
    assert edit.note == "contact: Pressekontakt ..."


def test_can_be_turned_off() -> None:
    text = f"{STORY_DE}\nWeitere Informationen:\n- Brücken in Kiel"
    assert newstext.clean(text, lang="de", drop_end_matter=False) == text
    assert newstext.clean(text, lang="de") == f"{STORY_DE}\n- Brücken in Kiel"


def test_hostile_inputs_complete() -> None:
    for text in ("Kontakt\n" * 50_000, "Kontakt\n" + "0431 12345 " * 50_000, "a@b.c " * 100_000):
        assert len(drop_end_matter(text, lang="de")) <= len(text)
    for text in ("Anna Muster ist " + "sehr " * 200_000, "Jane Doe is a writer\n" * 50_000):
        assert len(drop_trailing_bio(text, lang="en")) <= len(text)
