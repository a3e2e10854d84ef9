"""fix_mojibake, unescape_html, strip_html_tags.

The fast path of fix_mojibake is proven on ftfy's own published test cases (read in place from
../shared/data/ftfy-cases, Apache-2.0; skipped when absent) and on generated text: it must give
exactly what ``ftfy.fix_text(text, FTFY_CONFIG)`` gives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.fixes import fix_character_width
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.characters import (
    LINE_BREAKS,
    normalize_line_breaks,
    remove_control_chars,
    remove_invisible,
)
from newstext.context import Context, make_context
from newstext.defaults import CHARACTER_CLEANERS
from newstext.edits import apply_edits, settle
from newstext.pipeline import Cleaner, Pipeline
from newstext.quotes import normalize_quotes
from newstext.repair import (
    _HIDING_RE,
    _OTHER_FIXES_RE,
    _PREFILTER_PARTS,
    BADNESS_PREFILTER,
    FTFY_CONFIG,
    _finisher,
    _may_change,
    _segments,
    _segments_to_check,
    fix_mojibake,
    fix_text_like_ftfy,
    strip_html_tags,
    unescape_html,
)
from newstext.whitespace import normalize_whitespace
from tests.conftest import ARTICLES, SHARED, Article, needs_corpus

CASES_DIR = SHARED / "data" / "ftfy-cases"
CASE_FILES = (
    "in-the-wild.json",
    "synthetic.json",
    "negative.json",
    "language-names.json",
    "known-failures.json",
)
CTX = Context()


def load_cases() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in CASE_FILES:
        path = CASES_DIR / name
        if path.exists():
            for case in json.loads(path.read_text(encoding="utf-8")):
                out.append({**case, "file": name})
    return out


CASES = load_cases()
needs_cases = pytest.mark.skipif(not CASES, reason="../shared/data/ftfy-cases is not present")
case_params = pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}:{c['label'][:40]}" for c in CASES])


def by_edits(cleaner: Cleaner, text: str, ctx: Context = CTX) -> str:
    edits = settle(cleaner.edits(text, ctx))
    for e in edits:
        assert text[e.start : e.end] == e.before
    return apply_edits(text, edits)


# ---------------------------------------------------------------------------------------------
# fix_mojibake: the fast path is ftfy, exactly
# ---------------------------------------------------------------------------------------------


@needs_cases
@case_params
def test_fast_path_equals_ftfy_on_its_cases(case: dict[str, Any]) -> None:
    original = case["original"]
    expected = ftfy.fix_text(original, FTFY_CONFIG)
    assert fix_mojibake.apply(original, CTX) == expected
    assert by_edits(fix_mojibake, original) == expected


@needs_cases
def test_all_five_case_files_are_read() -> None:
    assert {c["file"] for c in CASES} == set(CASE_FILES)
    assert len(CASES) > 150


# The repair rules in the order ftfy applies its own fixes (entities, then encoding).
REPAIR_CHAIN = Pipeline(
    [unescape_html, fix_mojibake, remove_control_chars, remove_invisible, normalize_quotes]
)


def our_choices(text: str) -> str:
    """ftfy's expected output with the two fixes newstext chooses differently (docs/rules/characters.md):
    fullwidth forms are kept (CJK punctuation), and every C1 control character is removed."""
    return remove_control_chars.apply(fix_character_width(text), CTX)


@needs_cases
@pytest.mark.parametrize(
    "case", [c for c in CASES if c["expect"] == "pass"], ids=lambda c: f"{c['file']}:{c['label'][:40]}"
)
def test_repair_rules_give_ftfys_expected_result(case: dict[str, Any]) -> None:
    out = REPAIR_CHAIN.run(case["original"], CTX)
    assert fix_character_width(out) == our_choices(case["fixed"])


@needs_cases
@pytest.mark.parametrize(
    "case", [c for c in CASES if c["expect"] == "fail"], ids=lambda c: f"{c['file']}:{c['label'][:40]}"
)
def test_known_failures_stay_as_ftfy_leaves_them(case: dict[str, Any]) -> None:
    # ftfy fails these (they are kept visible, not deleted); we give what ftfy gives, no better
    assert fix_mojibake.apply(case["original"], CTX) == ftfy.fix_text(case["original"], FTFY_CONFIG)


def test_prefilter_is_derived_from_the_installed_ftfy() -> None:
    # None would mean the fast path falls back to ftfy's own heuristic on every non-ASCII line
    assert BADNESS_PREFILTER is not None


# characters that ftfy's heuristic looks at, ASCII around them, line breaks
MOJIBAKE_ALPHABET = st.sampled_from(
    sorted(
        set("".join(MOJIBAKE_CATEGORIES.values()))
        | set("ÂÃÎÐØÙàâ√≈‚ВГРСвΒΓΞΟβā€œŠš¢£Ÿž°·»«–—´×²³ﬁ“”’ \n\taZ.,1é")
        | {"\x81", "\x93", "\x9d", "\u0301", "\ufffd", "\u00a0"}
    )
)


@settings(max_examples=400, deadline=None)
@given(st.text(MOJIBAKE_ALPHABET, max_size=40))
def test_prefilter_finds_whatever_ftfy_calls_bad(text: str) -> None:
    assert BADNESS_PREFILTER is not None
    if BADNESS_RE.search(text):
        assert BADNESS_PREFILTER.search(text)


@settings(max_examples=300, deadline=None)
@given(st.text(MOJIBAKE_ALPHABET, max_size=60))
def test_fast_path_equals_ftfy_on_generated_text(text: str) -> None:
    assert fix_text_like_ftfy(text) == ftfy.fix_text(text, FTFY_CONFIG)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fast_path_equals_ftfy_on_any_text(text: str) -> None:
    assert fix_text_like_ftfy(text) == ftfy.fix_text(text, FTFY_CONFIG)


def test_mixed_lines_only_damaged_line_changes() -> None:
    text = "Clean line with café.\nThe Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.\nAnother clean line.\n"
    edits = list(fix_mojibake.edits(text, CTX))
    assert len(edits) == 1
    (edit,) = edits
    assert edit.before == "doesnÃ¢â‚¬â„¢t"
    assert edit.after == "doesn’t"
    assert edit.note.startswith("ftfy: encode")
    assert fix_mojibake.apply(text, CTX) == ftfy.fix_text(text, FTFY_CONFIG)


def test_line_longer_than_ftfys_segment_limit() -> None:
    # ftfy cuts lines longer than max_decode_length; the fast path cuts at the same places
    text = "a" * (FTFY_CONFIG.max_decode_length - 3) + "cafÃ© " * 4 + "\nsÃ³\n"
    assert fix_mojibake.apply(text, CTX) == ftfy.fix_text(text, FTFY_CONFIG)


def test_text_longer_than_the_segment_limit_is_repaired_line_by_line() -> None:
    # a text of many lines, longer in all than max_decode_length but with no line that long, is cut
    # by ftfy into its lines: the whole text repairs as its lines do one by one (with the finishing
    # step that reads past curly quotes), and also with one line longer than the limit at its end
    lines = ["Harga naik “Â€ 5 juta.\n", "Ia berkata â€œhaloâ€\x9d kepada kami.\n", "Kafe di sini.\n"]
    body = "".join(lines) * (FTFY_CONFIG.max_decode_length // sum(map(len, lines)) + 2)
    assert len(body) > FTFY_CONFIG.max_decode_length
    for text in (body, body + "a" * FTFY_CONFIG.max_decode_length + "cafÃ©"):
        ctx = make_context(text, "id")
        expected = "".join(
            fix_mojibake.apply(text[start:end], make_context(text[start:end], "id"))
            for start, end in _segments(text)
        )
        assert fix_mojibake.apply(text, ctx) == expected
        assert expected != text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain ASCII text.\n",
        "Café, naïve, Zürich, São Paulo.",
        "外国专家：中美合作共赢符合国际社会利益，（全文）",  # fullwidth punctuation stays
        "Η ¨ανατροφή¨ δυστυχώς",
        "“Ya,” kata dia.",
        "10 \x1b[1mbold\x1b[0m",
    ],
)
def test_text_that_is_not_mojibake(text: str) -> None:
    assert fix_mojibake.apply(text, CTX) == ftfy.fix_text(text, FTFY_CONFIG)
    assert by_edits(fix_mojibake, text) == fix_mojibake.apply(text, CTX)


def test_config_choices() -> None:
    assert FTFY_CONFIG.unescape_html is False
    assert FTFY_CONFIG.uncurl_quotes is False
    assert FTFY_CONFIG.fix_line_breaks is False
    assert FTFY_CONFIG.remove_control_chars is False
    assert FTFY_CONFIG.fix_character_width is False
    assert FTFY_CONFIG.fix_encoding is True
    assert fix_mojibake.apply("Ningbo，China", CTX) == "Ningbo，China"


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_dev_articles_equal_ftfy(article: Article) -> None:
    assert fix_mojibake.apply(article.raw, CTX) == ftfy.fix_text(article.raw, FTFY_CONFIG)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ƒ•Ã©â€œ™\x83\x95\xa0Âab é", max_size=8), min_size=2, max_size=5),
    st.sampled_from(["\r", "\r\n", "\x0b", "\x0c", "\u2028", "\u2029"]),
)
def test_lines_are_repaired_as_once_their_breaks_are_normalised(lines: list[str], brk: str) -> None:
    """ftfy reads lines split on "\\n" alone; fix_mojibake reads the lines the text will have once
    normalize_line_breaks (a later rule) has run, or a second clean() would repair more ("ƒ•" is
    MacRoman mojibake of "ĥ" on a line of its own, not before a CR and more text)."""
    fixed = fix_mojibake.apply(brk.join(lines), CTX)
    assert fixed.count(brk) == len(lines) - 1  # the breaks are kept as they were
    assert normalize_line_breaks.apply(fixed, CTX) == fix_mojibake.apply(LINE_BREAKS[brk].join(lines), CTX)


def test_a_line_ended_by_a_carriage_return_is_repaired() -> None:
    assert fix_mojibake.apply("ƒ•\rƒ", CTX) == "ĥ\rƒ"
    assert ftfy.fix_text("ƒ•\rƒ", FTFY_CONFIG) == "ƒ•\rƒ"  # one line to ftfy, which it leaves


# ---------------------------------------------------------------------------------------------
# unescape_html
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AT&amp;T", "AT&T"),
        ("it&#8217;s", "it’s"),
        ("it&#x2019;s", "it’s"),
        ("a&nbsp;b", "a\u00a0b"),
        ("double &amp;#8217; escaped", "double ’ escaped"),
        ("triple &amp;amp;amp; escaped", "triple & escaped"),
        ("&lt;b&gt;", "<b>"),
        ("&#150;", "–"),  # HTML5: Windows-1252 numbers
        ("&#0;", "\ufffd"),
        ("&eacute;t&eacute;", "été"),
    ],
)
def test_unescape_html(text: str, expected: str) -> None:
    assert unescape_html.apply(text, CTX) == expected
    assert by_edits(unescape_html, text) == expected


@pytest.mark.parametrize(
    "text",
    ["AT&T", "Q&A", "a & b", "?a=1&copy=2", "&foo;", "&#xZZ;", "R&D;", "no entities"],
)
def test_unescape_html_leaves_text_alone(text: str) -> None:
    assert unescape_html.apply(text, CTX) == text
    assert list(unescape_html.edits(text, CTX)) == []


ENTITY_ALPHABET = st.sampled_from([*"&;#xamp ltg1029Ab", "&amp;", "&#", "&lt;", "&nbsp;"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ENTITY_ALPHABET, max_size=20).map("".join))
def test_unescape_html_idempotent_and_edits_agree(text: str) -> None:
    once = unescape_html.apply(text, CTX)
    assert by_edits(unescape_html, text) == once
    assert unescape_html.apply(once, CTX) == once


# ---------------------------------------------------------------------------------------------
# strip_html_tags
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold</b> text", "bold text"),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("<p>First.</p><p>Second.</p>", "\nFirst.\n\nSecond.\n"),
        ('<a href="https://x.id/a?b=1&c=>2">link</a>', "link"),
        ("<SPAN class='x'>Upper</SPAN>", "Upper"),
        ("before<!-- a comment -->after", "beforeafter"),
        ("<<b>b>nested", "nested"),
        ('<img src=x.jpg alt="photo">caption', "caption"),
    ],
)
def test_strip_html_tags(text: str, expected: str) -> None:
    assert strip_html_tags.apply(text, CTX) == expected
    assert by_edits(strip_html_tags, text) == expected


@pytest.mark.parametrize(
    "text",
    ["a < b and c > d", "I <3 Jakarta", "<Jakarta>", "x<y>z", "<bold>", "<a", "1 <p 2", "<3 <3"],
)
def test_strip_html_tags_leaves_text_alone(text: str) -> None:
    assert strip_html_tags.apply(text, CTX) == text


TAG_ALPHABET = st.sampled_from(["<", ">", "/", "b", "p", "br", " ", "a", "x", "=", '"', "\n", "<!--", "-->"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TAG_ALPHABET, max_size=25).map("".join))
def test_strip_html_tags_idempotent_and_edits_agree(text: str) -> None:
    once = strip_html_tags.apply(text, CTX)
    assert by_edits(strip_html_tags, text) == once
    assert strip_html_tags.apply(once, CTX) == once


def test_long_hostile_tag_input_is_fast() -> None:
    text = "<a " + "x" * 200_000 + "\n<b " * 20_000
    assert strip_html_tags.apply(text, CTX).endswith("<b ")


# ---------------------------------------------------------------------------------------------
# the rules of this page together: idempotent, so clean(clean(x)) == clean(x) can hold
# ---------------------------------------------------------------------------------------------

CHARACTER_RULES = Pipeline([*CHARACTER_CLEANERS, normalize_quotes, normalize_whitespace])


@pytest.mark.parametrize("text", ["\x8bÂ\x80", "“Â€", "‹Ã©›", "x\u00a0Ã\u00a0y", "ą¢\t1", "ą¢  1"])
def test_repair_finishes_what_quotes_and_spaces_unlock(text: str) -> None:
    once = CHARACTER_RULES.run(text, CTX)
    assert CHARACTER_RULES.run(once, CTX) == once
    assert fix_mojibake.apply(text, CTX) == by_edits(fix_mojibake, text)


def test_finishing_is_noted() -> None:
    (edit,) = fix_mojibake.edits("\x8bÂ\x80", CTX)
    assert edit.after == "'€"
    assert "repaired further" in edit.note


# ("typographic" is idempotent on text whose quotes pair up, see tests/test_quotes.py; a soup of
# adjacent marks with no words between them, "‹‚‹", can be read two ways)
@pytest.mark.parametrize("quotes", ["ascii", "keep"])
@settings(max_examples=600, deadline=None)
@given(text=st.text(MOJIBAKE_ALPHABET, max_size=40))
def test_character_rules_idempotent(quotes: str, text: str) -> None:
    ctx = Context(quotes=quotes)
    once = CHARACTER_RULES.run(text, ctx)
    assert CHARACTER_RULES.run(once, ctx) == once
    assert fix_mojibake.apply(text, ctx) == by_edits(fix_mojibake, text, ctx)


# characters the finisher rewrites (controls, bidi, invisible, joiners, spaces, quotes), line
# breaks and a little text around them
FINISH_ALPHABET = st.sampled_from(
    list(" \t\n\n\r\x01\x1b\x85\u00a0\u202f\u3000\u200b\u200c\u200d\u202e\u00ad\ufeff«»“”‘’„\"'aZé")
)


def _matching(item: str) -> list[str]:
    pattern = re.compile(item)
    return [c for c in map(chr, [*range(0x20, 0x530), *range(0x2000, 0x2600)]) if pattern.fullmatch(c)]


#: for each alternative of the prefilter, the characters each of its items matches
PREFILTER_CHARS = [[_matching(item) for item in (first, *rest)] for first, rest in _PREFILTER_PARTS or []]


@st.composite
def hidden_mojibake(draw: st.DrawFn) -> str:
    """Lines that hold what the prefilter matches, with what finishing rewrites put in between."""
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        parts = [draw(st.text(FINISH_ALPHABET, max_size=4))]
        for chars in draw(st.sampled_from(PREFILTER_CHARS)):
            parts.append(draw(st.sampled_from(chars)))
            parts.append(draw(st.text(FINISH_ALPHABET, max_size=2)))
        lines.append("".join(parts))
    return "\n".join(lines)


@pytest.mark.parametrize("quotes", ["ascii", "typographic"])
@settings(max_examples=1000, deadline=None)
@given(text=hidden_mojibake())
def test_every_segment_ftfy_or_finishing_may_change_is_checked(quotes: str, text: str) -> None:
    # _segments_to_check passes over a segment only when neither ftfy nor finishing could change it
    finish = _finisher(make_context("", "en", quotes=quotes))
    checked = set(_segments_to_check(text, finish))
    for start, end in _segments(text):
        segment = text[start:end]
        if _may_change(segment) or (_HIDING_RE.search(segment) and _may_change(finish(segment))):
            assert (start, end) in checked


@pytest.mark.parametrize("quotes", ["ascii", "typographic"])
@settings(max_examples=500, deadline=None)
@given(text=st.text(FINISH_ALPHABET, max_size=40))
def test_finishing_a_whole_text_finishes_each_of_its_lines(quotes: str, text: str) -> None:
    # fix_mojibake asks once of the whole text what it would otherwise ask of each line
    finish = _finisher(make_context("", "en", quotes=quotes))
    assert finish.text(text) == "".join(finish(text[a:b]) for a, b in _segments(text))


@settings(max_examples=500, deadline=None)
@given(st.text(MOJIBAKE_ALPHABET, max_size=40))
def test_one_search_tells_what_the_three_checks_tell(text: str) -> None:
    # _MAY_CHANGE_RE folds the other fixers' characters into the prefilter's search
    assert BADNESS_PREFILTER is not None
    separate = bool(_OTHER_FIXES_RE.search(text)) or bool(BADNESS_PREFILTER.search(text))
    assert _may_change(text) == (
        separate or not unicodedata.is_normalized("NFC", text) or (text.isascii() and "\x1b" in text)
    )
