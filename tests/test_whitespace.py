"""normalize_whitespace: trimmed text and lines, folded runs, one paragraph separator per text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.context import Context
from newstext.edits import apply_edits, settle
from newstext.whitespace import PARAGRAPH_BREAK, normalize_whitespace
from tests.conftest import ARTICLES, Article, needs_corpus

CTX = Context()


def norm(text: str) -> str:
    return normalize_whitespace.apply(text, CTX)


def by_edits(text: str) -> str:
    edits = settle(normalize_whitespace.edits(text, CTX))
    for e in edits:
        assert text[e.start : e.end] == e.before
    return apply_edits(text, edits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Harga   naik.  ", "Harga naik."),
        ("tab\tseparated\t\twords", "tab separated words"),
        ("trailing   \nspaces", "trailing\nspaces"),
        # one paragraph per line (single breaks only): kept so
        ("One.\nTwo.\nThree.", "One.\nTwo.\nThree."),
        # blank lines between paragraphs: runs fold to one blank line
        ("One.\n\n\n\nTwo.\n \n\t\nThree.", "One.\n\nTwo.\n\nThree."),
        # blank-line paragraphs with a list inside: its single breaks stay line breaks
        ("Intro.\n\nItems:\n- a\n- b\n\nEnd.\n\nMore.", "Intro.\n\nItems:\n- a\n- b\n\nEnd.\n\nMore."),
        ("\n\n\nLeading and trailing\n\n\n", "Leading and trailing"),
        ("   \n\t\n  ", ""),
        ("", ""),
        ("no change", "no change"),
        ("French\u202f» stays", "French\u202f» stays"),  # only ASCII white space is touched
        ("a\u00a0\u00a0b", "a\u00a0\u00a0b"),
    ],
)
def test_normalize_whitespace(text: str, expected: str) -> None:
    assert norm(text) == expected
    assert by_edits(text) == expected


def test_paragraph_break_is_a_blank_line() -> None:
    assert PARAGRAPH_BREAK == "\n\n"


def test_mixed_style_follows_the_majority() -> None:
    # a one-paragraph-per-line text where a removed junk line left a blank line behind
    assert norm("A.\nB.\nC.\n\n\nD.\nE.") == "A.\nB.\nC.\nD.\nE."
    # a blank-line text with a list in it
    assert norm("A.\n\nB:\n- x\n\n\nC.") == "A.\n\nB:\n- x\n\nC."


def test_notes() -> None:
    notes = {e.note for e in normalize_whitespace.edits("  a  b\nc  ", CTX)}
    assert notes == {"leading white space", "run of spaces", "trailing white space"}
    notes = {e.note for e in normalize_whitespace.edits("a\nb\nc\n\nd \ne", CTX)}
    assert notes == {"blank line dropped: one paragraph per line", "spaces around a line break"}
    notes = {e.note for e in normalize_whitespace.edits("a\n\n\n\nb\n\nc", CTX)}
    assert notes == {"blank lines folded to one"}


WS_ALPHABET = st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\n \n", "a", "b.", "word", "\u00a0", "\u202f"])


@settings(max_examples=500, deadline=None)
@given(st.lists(WS_ALPHABET, max_size=30).map("".join))
def test_idempotent_edits_agree_and_words_kept(text: str) -> None:
    once = norm(text)
    assert by_edits(text) == once
    assert norm(once) == once
    assert once.split() == text.split()
    assert "\n\n\n" not in once
    assert once == once.strip(" \t\n")
    for line in once.split("\n"):
        assert line == line.strip(" \t")
        assert "  " not in line


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_dev_articles(article: Article) -> None:
    out = norm(article.raw)
    assert out.split() == article.raw.split()
    assert norm(out) == out
    assert "\n\n\n" not in out
    # one consistent separator: a one-paragraph-per-line text keeps no blank line, and a
    # blank-line text has exactly one blank line between paragraphs
    raw = article.raw.strip()
    if "\n\n" not in raw:
        assert PARAGRAPH_BREAK not in out
    if raw.count("\n\n") * 2 >= raw.count("\n"):
        assert out.count(PARAGRAPH_BREAK) == len([p for p in raw.split("\n\n") if p.strip()]) - 1
