"""The heads that let a line pattern be tried only where it can match: each is kept in step with
its pattern by hand (a search that starts with a literal is far cheaper than a match at every line
start), so each must let through every line its pattern matches. Checked on generated lines built
from the patterns' own pieces, and on every line of the real texts in ../shared when present."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.boilerplate import _SCRIPT_START
from newstext.credits import _CAPS_CREDIT_HEAD, _INITIALS_HEAD
from newstext.junkpatterns import CAPS_CREDIT, INITIALS_LINE, SCRIPT_LINE
from tests.conftest import ARTICLES, SHARED

# (name, the pattern, whether its head lets the line through)
HEADS: list[tuple[str, object, Callable[[str], bool]]] = [
    ("SCRIPT_LINE", SCRIPT_LINE, lambda line: _SCRIPT_START.search("\n" + line) is not None),
    ("CAPS_CREDIT", CAPS_CREDIT, lambda line: _CAPS_CREDIT_HEAD.search("\n" + line) is not None),
    ("INITIALS_LINE", INITIALS_LINE, lambda line: _INITIALS_HEAD.search("\n" + line) is not None),
]

# pieces of the patterns and their neighbours: blanks of every kind, the script names, capitals,
# initials, brackets and the characters the patterns stop at
PIECES = [
    " ", "\t", "\u00a0", "\u3000", "\u2009", "\x1c", "  ", "(adsbygoogle", "googletag.", "window.",
    "window.__x =", "dataLayer.push(", "gtag(", "fbq(", "_gaq.push(", "__tcfapi(", "document.write(",
    "var ", "var googletag", "jQuery(document).ready(", "$(document).ready(", "&", "AB", "DIRECTOR",
    "É", "Ä/", "Ariane Wu", "“", "©", "(", "[", ")", "]", "fbr/", "wes", "kpl/khs", "aja/PAP", "x",
    "Ab", ".", ",", "'", "-", "/", "1",
]  # fmt: skip


def _lines_of_shared_texts() -> Iterator[str]:
    for article in ARTICLES:
        yield from article.raw.split("\n")
    items = SHARED / "data" / "trafilatura-eval" / "items.jsonl"
    if items.exists():
        with items.open(encoding="utf-8") as f:
            for record in f:
                yield from json.loads(record)["text"].split("\n")


@pytest.mark.parametrize(("name", "pattern", "head"), HEADS, ids=[h[0] for h in HEADS])
@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_head_lets_through_every_generated_line_its_pattern_matches(
    name: str, pattern: object, head: Callable[[str], bool], parts: list[str]
) -> None:
    line = "".join(parts)
    if pattern.match(line) is not None:  # type: ignore[attr-defined]
        assert head(line), f"{name} matches {line!r} but its head does not let it through"


def test_heads_let_through_every_real_line_their_patterns_match() -> None:
    lines = list(_lines_of_shared_texts())
    if not lines:
        pytest.skip("../shared is not present")
    matched = 0
    for name, pattern, head in HEADS:
        for line in lines:
            if pattern.match(line) is not None:  # type: ignore[attr-defined]
                matched += 1
                assert head(line), f"{name} matches {line!r} but its head does not let it through"
    assert matched > 0  # the real texts hold lines of these kinds: the check has something to check
