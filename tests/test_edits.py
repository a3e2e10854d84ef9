"""The edit machinery: settling, splicing, and mapping offsets back through several stages."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.edits import Edit, OffsetMap, apply_edits, settle


def make(text: str, start: int, end: int, after: str, rule: str = "r") -> Edit:
    return Edit(rule, start, end, text[start:end], after)


def test_apply_removal_and_replacement() -> None:
    text = "abc def ghi"
    edits = settle([make(text, 4, 8, ""), make(text, 0, 3, "ABC")])
    assert apply_edits(text, edits) == "ABC ghi"


def test_settle_drops_overlaps_and_no_ops() -> None:
    text = "0123456789"
    edits = settle([make(text, 2, 6, ""), make(text, 4, 8, "x"), make(text, 8, 9, "8")])
    assert [(e.start, e.end) for e in edits] == [(2, 6)]


def test_offsets_through_two_stages() -> None:
    original = "Halo “dunia”. Politik Rusia"
    m = OffsetMap(len(original))
    stage1 = settle([make(original, 5, 6, '"'), make(original, 11, 12, '"')])
    m.update(stage1)
    text = apply_edits(original, stage1)
    assert text == 'Halo "dunia". Politik Rusia'
    at = text.index(" Politik")
    stage2 = settle([make(text, at, len(text), "")])
    start, end = m.to_original(stage2[0].start, stage2[0].end)
    assert original[start:end] == " Politik Rusia"
    # a later edit over an earlier replacement maps to the whole original span it came from
    start, end = m.to_original(5, 12)
    assert original[start:end] == "“dunia”"


@st.composite
def staged_edits(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    text = draw(st.text(alphabet="ab \n“”", max_size=40))
    stages = []
    length = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        spans = []
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            spans.append((a, b, draw(st.text(alphabet="xy", max_size=3))))
        stages.append(spans)
        length = length + sum(len(s[2]) - (s[1] - s[0]) for s in settle_spans(spans))
    return text, stages


def settle_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    end = -1
    for a, b, s in sorted(spans):
        if a < end or (a == end and a == b and out):
            continue
        out.append((a, b, s))
        end = b
    return out


@settings(max_examples=300)
@given(staged_edits())
def test_mapped_offsets_are_consistent(case: tuple[str, list[list[tuple[int, int, str]]]]) -> None:
    """Every reported span points into the original, and unchanged text maps to itself."""
    original, stages = case
    text = original
    m = OffsetMap(len(text))
    for spans in stages:
        edits = settle(make(text, a, b, s) for a, b, s in spans if b <= len(text))
        for e in edits:
            start, end = m.to_original(e.start, e.end)
            assert 0 <= start <= end <= len(original)
        m.update(edits)
        text = apply_edits(text, edits)
    # inserted text is only x and y, which the original never holds: every other character of the
    # result survived from the original and must map back onto itself
    for match in regex.finditer(r"[^xy]", text):
        start, end = m.to_original(match.start(), match.end())
        assert original[start:end] == match.group()


def test_a_later_edit_is_reported_without_what_an_earlier_one_removed() -> None:
    original = "Satu.\n\nBaca juga: Lain\n\n\nDua."
    m = OffsetMap(len(original))
    at = original.index("Baca")
    stage1 = settle([make(original, at, original.index("\n", at) + 1, "")])
    m.update(stage1)
    text = apply_edits(original, stage1)
    assert text == "Satu.\n\n\n\nDua."
    parts = m.pieces(5, 9)  # the four line breaks, replaced by two in a later stage
    assert [original[a:b] for _, (a, b) in parts] == ["\n\n", "\n\n"]
    assert [text[a:b] for (a, b), _ in parts] == ["\n\n", "\n\n"]


def test_explain_reports_each_rule_only_what_it_changed() -> None:
    import newstext

    raw = "Harga naik.\n\nADVERTISEMENT\n\n\n\nHarga turun."
    result = newstext.explain(raw, lang="id")
    assert len(result.edits) == len(result.stage_edits)
    for shown, seen in zip(result.edits, result.stage_edits, strict=True):
        assert shown.rule == seen.rule
        assert shown.after == seen.after
        assert raw[shown.start : shown.end] == shown.before
    ad = raw.index("ADVERTISEMENT")
    for e in result.edits:
        if e.rule != "drop_boilerplate":
            assert not (e.start <= ad < e.end), f"{e.rule} is shown removing the ad"
