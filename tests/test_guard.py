"""The guard: a runaway rule is held back, reported, and the rest of the pipeline still runs."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

import regex

import newstext
from newstext import Cleaner, Context, Edit, Pipeline
from newstext.guard import Guard
from newstext.lines import iter_lines, remove_line

STORY = "\n".join(
    f"Paragraf {i}: pemerintah kota mengumumkan rencana baru untuk pasar sungai pada tahun ini."
    for i in range(12)
)


@dataclass(frozen=True)
class DropLinesMatching(Cleaner):
    """A user's rule with a pattern that may be far too broad."""

    name: ClassVar[str] = "drop_lines_matching"
    pattern: str = r"^Paragraf"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        rx = regex.compile(self.pattern)
        for line in iter_lines(text):
            if rx.search(line.text):
                yield remove_line(text, line, self.name)


def test_runaway_rule_is_held_back_and_reported() -> None:
    p = Pipeline([DropLinesMatching(), newstext.normalize_whitespace])
    assert p.clean(STORY, lang="id").strip() == STORY.strip()
    result = p.explain(STORY, lang="id")
    assert result.text.strip() == STORY.strip()
    assert [h.rule for h in result.held_back] == ["drop_lines_matching"]
    assert "would remove" in result.held_back[0].reason
    for e in result.held_back[0].edits:
        assert STORY[e.start : e.end] == e.before


def test_a_correct_removal_goes_ahead() -> None:
    text = STORY + "\nBerlangganan newsletter kami"
    p = Pipeline([DropLinesMatching(pattern=r"^Berlangganan")])
    result = p.explain(text, lang="id")
    assert not result.held_back
    assert "Berlangganan" not in result.text


def test_short_text_is_not_guarded() -> None:
    p = Pipeline([DropLinesMatching(pattern=".")])
    assert p.clean("Leave a Reply", lang="en") == ""


def test_guard_can_be_tuned_or_turned_off() -> None:
    loose = Pipeline([DropLinesMatching()], guard=None)
    assert loose.clean(STORY, lang="id") == ""
    strict = Pipeline([DropLinesMatching(pattern=r"^Paragraf [0-5]:")], guard=Guard(max_share=0.2))
    assert "Paragraf 0" in strict.clean(STORY, lang="id")
    assert Guard().check([], STORY, STORY) is None


def test_pipeline_pickles_with_its_guard() -> None:
    p = Pipeline([DropLinesMatching()], guard=Guard(max_share=0.5))
    q = pickle.loads(pickle.dumps(p))
    assert q == p
    assert q.guard == Guard(max_share=0.5)
    assert pickle.loads(pickle.dumps(newstext.default_pipeline())) == newstext.default_pipeline()
