"""newstext on Dask (and, through :func:`clean_pandas`, on Spark): clean and learn in partitions.

Install the extra: ``pip install 'newstext[dask]'``. This module imports Dask only inside the
functions that need it, so ``import newstext`` never does.

Everything a worker needs travels with the task and is cheap to pickle: the options of
:func:`newstext.clean` (plain values), a :class:`~newstext.profiles.Profile` (its counts; call
:meth:`~newstext.profiles.Profile.finalize` first to ship only its junk), and the default pipeline,
which every worker builds once for itself.

- :func:`clean_bag`: a ``dask.bag`` of texts, or of dict records with a text field (and a source
  field for a profile).
- :func:`clean_series`: a ``dask.dataframe`` column, with an aligned column of sources.
- :func:`clean_pandas`: the same for one pandas Series: what a Dask partition or a Spark pandas UDF
  runs.
- :func:`learn_bag` and :func:`learn_dataframe`: a profile learned in each partition, then merged;
  the merge is exact, so the result equals :meth:`Profile.learn` over the whole corpus.

docs/distributed.md has the recipes, Spark's among them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from newstext.api import clean
from newstext.profiles import MIN_ARTICLES, MIN_SHARE, Profile

__all__ = ["clean_bag", "clean_pandas", "clean_series", "learn_bag", "learn_dataframe", "merge_profiles"]


def _checked(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options of :func:`newstext.clean`, refused here if wrong, not later on every worker."""
    if "lang" in options and not (options["lang"] is None or isinstance(options["lang"], str)):
        raise TypeError(f"lang takes a language tag or None, not {options['lang']!r}")
    profile = options.get("profile")
    if profile is not None and not isinstance(profile, Profile):
        raise TypeError(f"profile takes a newstext.Profile, not {type(profile).__name__}")
    clean("", **{"lang": "und", **options})  # unknown options and bad values raise now
    return dict(options)


def _clean_value(value: object, source: object, options: Mapping[str, Any]) -> object:
    """One cleaned text; a value that is not a str (None, NaN) is passed through unchanged."""
    if not isinstance(value, str):
        return value
    if isinstance(source, str):
        return clean(value, **{**options, "source": source})
    return clean(value, **options)


def _clean_texts(texts: Iterable[object], options: Mapping[str, Any]) -> list[object]:
    return [_clean_value(t, None, options) for t in texts]


def _clean_records(
    records: Iterable[Mapping[str, Any]], field: str, source_field: str | None, options: Mapping[str, Any]
) -> list[dict[str, Any]]:
    out = []
    for record in records:
        if field not in record:
            out.append(dict(record))
            continue
        source = record.get(source_field) if source_field is not None else None
        out.append({**record, field: _clean_value(record[field], source, options)})
    return out


def clean_bag(bag: Any, *, field: str | None = None, source_field: str | None = None, **options: Any) -> Any:
    """A ``dask.bag`` with every text cleaned (lazily: call ``.compute()`` or write it out).

    The bag holds texts, or, with ``field``, dict records whose ``field`` is the text (each record
    comes back as a new dict with that field cleaned and every other key as it was; a record
    without the field comes back as it was). ``source_field``
    names the field that holds each record's source, for the ``profile`` given in ``options``.
    ``options`` are those of :func:`newstext.clean` (``lang``, ``quotes``, ``profile``, ``source``,
    ``drop_credits=False``...); they are checked before anything is sent to a worker. A value that
    is not a str (None, a missing field) is passed through unchanged.
    """
    opts = _checked(options)
    if field is None:
        if source_field is not None:
            raise ValueError("source_field needs field: records, not bare texts, carry a source")
        return bag.map_partitions(_clean_texts, opts)
    return bag.map_partitions(_clean_records, field, source_field, opts)


def clean_pandas(texts: Any, sources: Any = None, **options: Any) -> Any:
    """A pandas Series of texts, cleaned: a new Series with the same index and name.

    ``sources``: a Series (or any sequence) of the same length naming each row's source, for the
    ``profile`` in ``options``; or None. Values that are not str (None, NaN) are passed through.
    This is what :func:`clean_series` runs on each partition, and what a Spark pandas UDF calls.
    """
    opts = _checked(options)
    return _clean_frame_column(texts, sources, opts)


def _clean_frame_column(texts: Any, sources: Any, options: Mapping[str, Any]) -> Any:
    row_sources: Iterable[object] = [None] * len(texts) if sources is None else list(sources)
    values = [_clean_value(t, s, options) for t, s in zip(texts, row_sources, strict=True)]
    return type(texts)(values, index=texts.index, name=texts.name, dtype=object)


def clean_series(series: Any, *, sources: Any = None, **options: Any) -> Any:
    """A ``dask.dataframe`` column (Series) of texts, cleaned partition by partition (lazily).

    ``sources``: a column of the same frame naming each row's source, for the ``profile`` in
    ``options``: ``df["clean"] = clean_series(df["text"], sources=df["site"], profile=p)``.
    ``options`` are those of :func:`newstext.clean`, checked before anything is sent to a worker.
    """
    opts = _checked(options)
    meta = (series.name, "object")
    if sources is None:
        return series.map_partitions(_clean_frame_column, None, opts, meta=meta)
    return series.map_partitions(_clean_frame_column, sources, opts, meta=meta)


def merge_profiles(profiles: Iterable[Profile]) -> Profile:
    """One profile from many partial ones: the counts added (an empty input gives an empty profile)."""
    merged: Profile | None = None
    for profile in profiles:
        merged = profile if merged is None else merged.merge(profile)
    return merged if merged is not None else Profile()


def _learner(min_articles: int, min_share: float) -> Callable[[Iterable[Any]], Profile]:
    Profile(min_articles=min_articles, min_share=min_share)  # bad thresholds raise here
    return functools.partial(_learn_partition, min_articles=min_articles, min_share=min_share)


def _learn_partition(records: Iterable[Any], *, min_articles: int, min_share: float) -> Profile:
    pairs = (tuple(r) if isinstance(r, list) else r for r in records)  # JSON gives lists
    return Profile.learn(pairs, min_articles=min_articles, min_share=min_share)


def _merge_partials(min_articles: int, min_share: float, profiles: Iterable[Profile]) -> Profile:
    empty = Profile(min_articles=min_articles, min_share=min_share)
    return functools.reduce(Profile.merge, profiles, empty)


def learn_bag(bag: Any, *, min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE) -> Any:
    """A profile learned from a ``dask.bag`` of texts or ``(source, text)`` pairs (lazy: a Dask
    Item; ``.compute()`` gives the :class:`~newstext.profiles.Profile`).

    Each partition learns its own profile and the partial profiles are merged (a tree reduction);
    the merge is exact, so the result equals ``Profile.learn`` over the whole bag.
    """
    learn = _learner(min_articles, min_share)
    merge = functools.partial(_merge_partials, min_articles, min_share)
    return bag.reduction(learn, merge, split_every=8)


def learn_dataframe(
    frame: Any,
    *,
    text: str = "text",
    source: str | None = None,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
) -> Any:
    """A profile learned from the ``text`` column of a ``dask.dataframe`` (lazy: a Dask Delayed).

    ``source`` names the column that holds each row's source (None: all rows are one source). Each
    partition learns its own profile; the partial profiles are merged into the profile of the whole
    frame, exactly as :meth:`Profile.learn` over all its rows would give.
    """
    from dask.delayed import delayed

    _learner(min_articles, min_share)
    parts = frame.to_delayed()
    learn = delayed(_learn_frame, pure=True)
    partials = [learn(part, text, source, min_articles, min_share) for part in parts]
    return delayed(_merge_partials, pure=True)(min_articles, min_share, partials)


def _learn_frame(part: Any, text: str, source: str | None, min_articles: int, min_share: float) -> Profile:
    texts = part[text]
    sources = part[source] if source is not None else [None] * len(texts)
    records = [
        (s if isinstance(s, str) else None, t)
        for s, t in zip(sources, texts, strict=True)
        if isinstance(t, str)
    ]
    return Profile.learn(records, min_articles=min_articles, min_share=min_share)
