"""remove_control_chars, remove_bidi_controls, remove_invisible, normalize_spaces, normalize_line_breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.characters import (
    BIDI_CONTROLS,
    CONTROL_CHARS,
    INVISIBLE_CHARS,
    SPACE_CHARS,
    normalize_line_breaks,
    normalize_spaces,
    remove_bidi_controls,
    remove_control_chars,
    remove_invisible,
)
from newstext.context import Context
from newstext.edits import apply_edits, settle
from newstext.pipeline import Cleaner
from tests.conftest import ARTICLES, Article, needs_corpus

CTX = Context()
RULES = (
    remove_control_chars,
    remove_bidi_controls,
    remove_invisible,
    normalize_spaces,
    normalize_line_breaks,
)


def by_edits(cleaner: Cleaner, text: str) -> str:
    edits = settle(cleaner.edits(text, CTX))
    for e in edits:
        assert text[e.start : e.end] == e.before
        assert e.rule == cleaner.name
    return apply_edits(text, edits)


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (remove_control_chars, "a\x00b\x07c\x1bd\x7fe\x80f\x9fg", "abcdefg"),
        (
            remove_control_chars,
            "tab\tand\nnewline\r\nkept\x0b\x0c\x85",
            "tab\tand\nnewline\r\nkept\x0b\x0c\x85",
        ),
        (remove_bidi_controls, "\u202eexe.txt\u202c", "exe.txt"),
        (remove_bidi_controls, "\u200fשלום\u200e 123", "שלום 123"),
        (remove_bidi_controls, "\u2067مرحبا\u2069 \u061c", "مرحبا "),
        (remove_invisible, "Ja\u200bkarta", "Jakarta"),
        (remove_invisible, "\ufeffTitle", "Title"),
        (remove_invisible, "Pemerin\u00adtah", "Pemerintah"),
        (remove_invisible, "word\u2060joiner\ufffc", "wordjoiner"),
        (normalize_spaces, "Rp\u00a010\u202fribu\u2009dan\u3000lain", "Rp 10 ribu dan lain"),
        (normalize_spaces, "a\u2002\u2003b", "a  b"),
        (normalize_line_breaks, "a\r\nb\rc", "a\nb\nc"),
        (normalize_line_breaks, "a\u2028b\u2029c\x85d\x0ce", "a\nb\n\nc\nd\ne"),
    ],
)
def test_rule(rule: Cleaner, text: str, expected: str) -> None:
    assert rule.apply(text, CTX) == expected
    assert by_edits(rule, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم",  # Persian: ZWNJ inside a word is spelling
        "क्\u200dष",  # Devanagari: ZWJ after virama
        "ক্\u200cষ",  # Bengali: ZWNJ
        "👨\u200d👩\u200d👧",  # emoji family sequence
        "🏳\ufe0f\u200d🌈",  # rainbow flag: VS16 then ZWJ
    ],
)
def test_joiners_kept_where_they_join(text: str) -> None:
    assert remove_invisible.apply(text, CTX) == text
    assert list(remove_invisible.edits(text, CTX)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("word\u200d word", "word word"),
        ("\u200cstart", "start"),
        ("end\u200c", "end"),
        ("a\u200d\u200db", "ab"),
        ("Jakarta\u200c, 5", "Jakarta, 5"),
        ("a\u00ad\u200db", "a\u200db"),  # the soft hyphen goes; the joiner then joins two letters
    ],
)
def test_stray_joiners_removed(text: str, expected: str) -> None:
    assert remove_invisible.apply(text, CTX) == expected
    assert by_edits(remove_invisible, text) == expected


def test_notes_name_the_characters() -> None:
    (edit,) = remove_invisible.edits("Ja\u200bkarta", CTX)
    assert edit.note == "U+200B ZERO WIDTH SPACE"
    (edit,) = normalize_spaces.edits("a\u00a0b", CTX)
    assert edit.note == "U+00A0 NO-BREAK SPACE"


def test_character_sets_do_not_overlap() -> None:
    sets = [CONTROL_CHARS, BIDI_CONTROLS, INVISIBLE_CHARS, SPACE_CHARS]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert not a & b
    assert "\u200c" not in INVISIBLE_CHARS
    assert "\u200d" not in INVISIBLE_CHARS


SPECIAL = sorted(
    CONTROL_CHARS
    | BIDI_CONTROLS
    | INVISIBLE_CHARS
    | SPACE_CHARS
    | set("\u200c\u200d\r\n\x0b\x0c\x85\u2028\u2029\t \ufe0f")
)
ALPHABET = st.one_of(st.sampled_from(SPECIAL), st.sampled_from(list("ab1 .میक्👨🏽")), st.characters())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
@settings(max_examples=300, deadline=None)
@given(text=st.text(ALPHABET, max_size=40))
def test_apply_equals_edits_and_idempotent(rule: Cleaner, text: str) -> None:
    once = rule.apply(text, CTX)
    assert by_edits(rule, text) == once
    assert rule.apply(once, CTX) == once


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_nothing_of_its_kind_is_left(text: str) -> None:
    assert not set(remove_control_chars.apply(text, CTX)) & CONTROL_CHARS
    assert not set(remove_bidi_controls.apply(text, CTX)) & BIDI_CONTROLS
    assert not set(remove_invisible.apply(text, CTX)) & INVISIBLE_CHARS
    assert not set(normalize_spaces.apply(text, CTX)) & SPACE_CHARS
    assert not set(normalize_line_breaks.apply(text, CTX)) & set("\r\x0b\x0c\x85\u2028\u2029")


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_dev_articles_keep_every_word(article: Article) -> None:
    text = article.raw
    for rule in RULES:
        text = rule.apply(text, CTX)
    assert text.split() == article.raw.split()


# --- the one scan that tells which of these rules have work ---------------------------------------------

_ALL_SPECIAL = (
    CONTROL_CHARS
    | BIDI_CONTROLS
    | INVISIBLE_CHARS
    | SPACE_CHARS
    | frozenset("\u200c\u200d\r\x0b\x0c\x85\u2028\u2029")
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab \n\r\x01\x7f\x85\x9f\u200b\u200c\u200d\u202e\u00a0\u3000\u2028\u2029\ufeff\u00adé\ud800")
        ),
        max_size=40,
    ),
    st.sampled_from([1, 5, 40]),
)
def test_the_shared_scan_finds_every_character_the_rules_look_for(piece: str, times: int) -> None:
    from newstext.characters import _find_special

    text = piece * times  # long texts are searched in their UTF-8 bytes, less the plain ASCII
    ctx = Context()
    assert ctx.memo(_find_special, text) == frozenset(text) & _ALL_SPECIAL
    # the same text object is scanned once per call
    assert ctx.memo(_find_special, text) is ctx.memo(_find_special, text)
    for rule in (
        remove_control_chars,
        remove_bidi_controls,
        remove_invisible,
        normalize_spaces,
        normalize_line_breaks,
    ):
        assert apply_edits(text, settle(rule.edits(text, ctx))) == rule.apply(text, ctx)
