"""Shared fixtures: the real articles of ../shared/corpus, read in place and skipped when absent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"


@dataclass(frozen=True)
class Article:
    """One article of the dev corpus: raw text, hand-made gold and its metadata."""

    id: str
    raw: str
    gold: str
    meta: dict[str, Any]

    @property
    def lang(self) -> str:
        return str(self.meta["lang"])


def load_articles() -> list[Article]:
    """Every article of ../shared/corpus/dev, or [] when the folder is not there."""
    if not CORPUS.is_dir():
        return []
    out = []
    for d in sorted(CORPUS.iterdir()):
        if (d / "raw.txt").exists():
            out.append(
                Article(
                    id=d.name,
                    raw=(d / "raw.txt").read_text(encoding="utf-8"),
                    gold=(d / "gold.txt").read_text(encoding="utf-8"),
                    meta=json.loads((d / "meta.json").read_text(encoding="utf-8")),
                )
            )
    return out


ARTICLES = load_articles()
needs_corpus = pytest.mark.skipif(not ARTICLES, reason="../shared/corpus/dev is not present")


@pytest.fixture(scope="session")
def seed() -> Article:
    """The article newstext was created from (skips when ../shared is absent)."""
    for a in ARTICLES:
        if a.id == "id-seed-taliban":
            return a
    pytest.skip("../shared/corpus/dev/id-seed-taliban is not present")
