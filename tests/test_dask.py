"""newstext on a real Dask cluster: two worker processes, one thread each.

The cluster runs the same code as a user's would: every task is pickled to another process, so a
cleaner, a pipeline or a profile that does not pickle, or a worker that cannot import newstext,
fails here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

import newstext
from newstext import Profile

from .conftest import ARTICLES, needs_corpus

# Indonesian articles only, cleaned with lang="id": each worker loads one language's data, once
INDONESIAN = [a for a in ARTICLES if a.lang == "id"]

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from newstext.distributed import (  # noqa: E402
    clean_bag,
    clean_pandas,
    clean_series,
    learn_bag,
    learn_dataframe,
    merge_profiles,
)

pytestmark = pytest.mark.slow

bag_of: Any = db.from_sequence  # untyped in dask

FOOTER = "Ikuti KabarLentera di kanal Lentera"
TAGS = ("Ragam Lentera", "Lentera Ekonomi")


def site_corpus() -> list[tuple[str, str]]:
    """(site, text) records: the dev corpus's gold stories, each with a made-up site footer and tag
    for one of two sites (the story is kept, the site's junk must go)."""
    records = []
    for i, article in enumerate(INDONESIAN):
        site = "kabarlentera" if i % 3 else "lantern"
        text = article.gold.rstrip()
        if site == "kabarlentera":
            tag = f" {TAGS[i % 2]}" if text[-1:] in '.!?"”' else ""  # glued after a last sentence
            text = f"{text}{tag}\n{FOOTER}"
        records.append((site, text))
    return records


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_tasks_run_in_worker_processes(client: Any) -> None:
    workers = set(client.run(os.getpid).values())
    assert len(workers) == 2
    assert os.getpid() not in workers
    seen = set(bag_of(range(8), npartitions=4).map(lambda _: os.getpid()).compute())
    assert seen <= workers


@needs_corpus
def test_clean_bag_of_texts_equals_cleaning_one_by_one(client: Any) -> None:
    texts = [a.raw for a in INDONESIAN]
    bag = bag_of(texts, npartitions=4)
    got = clean_bag(bag, lang="id", quotes="keep", drop_credits=False).compute()
    assert got == [newstext.clean(t, lang="id", quotes="keep", drop_credits=False) for t in texts]


@needs_corpus
def test_learn_on_the_cluster_and_clean_records_with_the_profile(client: Any) -> None:
    records = site_corpus()
    local = Profile.learn(records, min_articles=2)  # a small corpus: the machinery is under test here
    learned = learn_bag(bag_of(records, npartitions=5), min_articles=2).compute()
    assert learned == local
    assert FOOTER in learned.junk("kabarlentera").lines
    assert set(TAGS) <= learned.junk("kabarlentera").tails

    rows: list[dict[str, Any]] = [{"id": i, "site": s, "body": t} for i, (s, t) in enumerate(records)]
    rows.append({"id": 99, "site": "lantern"})  # no text: comes back as it was
    bag = bag_of(rows, npartitions=4)
    out = clean_bag(bag, field="body", source_field="site", profile=learned.finalize(), lang="id").compute()
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    assert out[-1] == {"id": 99, "site": "lantern"}
    for row, article in zip(out[:-1], INDONESIAN, strict=True):
        assert FOOTER not in row["body"]
        assert not any(tag in row["body"] for tag in TAGS)
        assert row["body"] == newstext.clean(article.gold.rstrip(), lang="id")


@needs_corpus
def test_dataframe_column_learn_and_clean(client: Any) -> None:
    records = site_corpus()
    frame = dd.from_dict({"site": [s for s, _ in records], "text": [t for _, t in records]}, npartitions=3)
    profile = learn_dataframe(frame, text="text", source="site", min_articles=2).compute()
    assert profile == Profile.learn(records, min_articles=2)
    cleaned = clean_series(frame["text"], sources=frame["site"], profile=profile, lang="id").compute()
    expected = [newstext.clean(t, lang="id", profile=profile, source=s) for s, t in records]
    assert list(cleaned) == expected
    assert FOOTER not in "".join(cleaned)
    # the same function, on one pandas Series: what a Spark pandas UDF calls
    part = frame.partitions[0].compute()
    assert list(clean_pandas(part["text"], part["site"], profile=profile, lang="id")) == expected[: len(part)]


def test_options_are_checked_before_anything_is_sent(client: Any) -> None:
    bag = bag_of(["Harga naik."], npartitions=1)
    with pytest.raises(TypeError, match="unknown option"):
        clean_bag(bag, drop_everything=False)
    with pytest.raises(TypeError, match="Profile"):
        clean_bag(bag, profile={"sources": {}})
    with pytest.raises(ValueError, match="min_share"):
        learn_bag(bag, min_share=2.0)


def test_merge_profiles_of_nothing_is_the_empty_profile() -> None:
    assert merge_profiles([]) == Profile()
    part = Profile.learn(["a\nb"])
    assert merge_profiles([part, part]) == Profile.learn(["a\nb", "a\nb"])
