"""The cheap pre-checks of the junk rules decide nothing: each only skips work whose outcome it
knows. These tests hold them to the slower reading they stand for, at the edges where they could
go wrong (issue 7)."""

from __future__ import annotations

import itertools
import random

import pytest

from newstext.context import make_context
from newstext.credits import drop_credits
from newstext.junkdata import (
    _FACT_CHARS,
    _KEY_FOLD,
    LEAD,
    Scanner,
    _data_entry,
    _head,
    _line_fact,
    _mark,
    line_key,
)
from newstext.related import drop_related_links


def _fact_folding_all(start: str) -> tuple[str, str] | None:
    """What :func:`_line_fact` stands for: the public :func:`line_key` and the :func:`_head` of the
    line, each folding every character (no line passed over as needing no folding)."""
    return (line_key(start), _head(start)) if start else None


def test_line_fact_keys_a_line_as_line_key_does() -> None:
    """One character alone is keyed with its mark of a short key, as a label of one character is
    (a bare "完" line was once keyed "完" and missed the label that "（完）" met)."""
    for start in ["完", "a", "A", "İ", "1", "完。", "ab", "a:"]:
        fact = _line_fact(start)
        assert fact is not None
        assert fact[0] == line_key(start)


def test_line_fact_maps_only_what_needs_mapping() -> None:
    special = [chr(c) for c in _KEY_FOLD] + list("İIiΣςσßﬁǰΆΈΐΰ“é完 \t.")
    words = ["", "a", "ab", "İLGİLİ HABERLER", "Διαβάστε επίσης", "ΔΙΑΒΆΣΤΕ", "Straße", "„Zitat“ hier"]
    for ch, word in itertools.product(special, words):
        for start in (ch + word, word + ch, ch + ch + word, word[:1] + ch + word[1:]):
            start = start.lstrip(LEAD)[:_FACT_CHARS]
            assert _line_fact(start) == _fact_folding_all(start), start
    rng = random.Random(7)
    pool = special + list("abcXYZ12")
    for _ in range(20_000):
        start = "".join(rng.choice(pool) for _ in range(rng.randint(1, _FACT_CHARS))).lstrip(LEAD)
        assert _line_fact(start) == _fact_folding_all(start), start


def test_mark_is_a_letter_of_the_word_outside_ascii() -> None:
    assert _mark("astrzeżone") == "ż"  # outside Windows-1252 before "é"-like letters
    assert _mark("éservés") == "é"
    assert _mark("ewsletter") == ""
    assert _mark("ικαιώματος") in "ικαιώματος"


@pytest.mark.parametrize(
    "text",
    [
        "Story line one.\nWszelkie prawa zastrzeżone\n",  # the word's letter in the text
        "Story line one.\nWszelkie prawa zastrzeżone",
        "Zdanie o czymś. ż\nWszelkie prawa zastrzezone\n",  # the letter, not the word
        "Plain ASCII story.\nWszelkie prawa zastrzezone\n",
    ],
)
def test_worded_word_with_a_wide_letter(text: str) -> None:
    scanner = Scanner.build(
        [_data_entry(r"^[^\n]{0,60}\bprawa zastrzeżone\b[^\n]{0,60}", "boilerplate_patterns")]
    )
    found = [m.group().strip() for _, m in scanner.scan(text)]
    assert found == (["Wszelkie prawa zastrzeżone"] if "zastrzeżone" in text else [])


def test_teaser_needs_both_arrows() -> None:
    ctx = make_context("", "de")
    story = "Die Stadt plant einen neuen Park am Fluss, sagte der Bürgermeister am Montag."
    for line in (">> Lokal muss schließen <<", "»» Lokal muss schließen ««"):
        edits = list(drop_related_links.edits(f"{story}\n{line}\n{story}", ctx))
        assert [e.note for e in edits] == ["teaser: Lokal muss schließen"]
    for line in ("> Lokal muss schließen <", "» Lokal muss schließen «"):
        assert not list(drop_related_links.edits(f"{story}\n{line}\n{story}", ctx))


def _credit_notes(text: str) -> list[str]:
    return [e.note for e in drop_credits.edits(text, make_context("", "en"))]


def test_end_credits_counted_with_copyright_lines() -> None:
    story = "The film follows a family through one hard winter in the north of the country."
    block = ["DIRECTOR & PRODUCER Ariane Wu", "MUSIC COMPOSER Jason Kick", "EDITOR Jane Doe"]
    # three "ROLE Name" lines and a copyright line: four shaped lines, a block
    notes = _credit_notes("\n".join([story, *block, "© 2020 Foo Media"]))
    assert any(n.startswith("credits: DIRECTOR & PRODUCER Ariane Wu") for n in notes)
    # three shaped lines alone are too few
    assert not any(n.startswith("credits:") for n in _credit_notes("\n".join([story, *block])))
    # a colon makes a capitals line unshaped
    text = "\n".join([story, *block, "CAMERA: Joe Bloggs"])
    assert not any(n.startswith("credits:") for n in _credit_notes(text))
