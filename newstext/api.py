"""The functions most users call: :func:`clean`, :func:`explain`, :func:`default_pipeline`."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from newstext.context import make_context
from newstext.defaults import DEFAULT_CLEANERS, Toggles
from newstext.pipeline import Pipeline, Result

if TYPE_CHECKING:
    from newstext.profiles import Profile

__all__ = ["clean", "default_pipeline", "explain"]


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a TypeError that says what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            "newstext cleans str, not bytes: decode it first, e.g. data.decode('utf-8'), "
            "or data.decode('utf-8', errors='replace') when the encoding is unsure"
        )
    if text is None:
        raise TypeError("newstext cleans str, not None: pass the article's text")
    if isinstance(text, Path):
        raise TypeError(
            "newstext cleans str, not a path: read the file first, e.g. path.read_text(encoding='utf-8'), "
            "or run the newstext command on it"
        )
    raise TypeError(f"newstext cleans str, not {type(text).__name__}: pass the article's text as a str")


_NAMES = frozenset(c.name for c in DEFAULT_CLEANERS)


@functools.lru_cache(maxsize=64)
def _pipeline(off: frozenset[str]) -> Pipeline:
    return Pipeline(c for c in DEFAULT_CLEANERS if c.name not in off)


def default_pipeline(**toggles: Unpack[Toggles]) -> Pipeline:
    """The default pipeline, less the cleaners turned off by name (``drop_credits=False``).

    >>> default_pipeline(drop_credits=False).names[:3]
    ('unescape_html', 'fix_mojibake', 'strip_html_tags')
    """
    if not toggles:
        return _pipeline(frozenset())  # what nearly every call asks for
    off: set[str] = set()
    for key, value in toggles.items():
        if key not in _NAMES:
            raise TypeError(f"unknown option {key!r}: cleaners are {', '.join(sorted(_NAMES))}")
        if not isinstance(value, bool):
            raise TypeError(f"{key} takes True or False, not {value!r}")
        if not value:
            off.add(key)
    return _pipeline(frozenset(off))


def clean(
    text: str,
    lang: str | None = None,
    *,
    quotes: str = "ascii",
    dates: str = "iso",
    reference: dt.date | str | None = None,
    data_paths: Sequence[str | Path] = (),
    profile: Profile | None = None,
    source: str | None = None,
    **toggles: Unpack[Toggles],
) -> str:
    """Remove the junk from a news article and normalise its characters, quotes and dates.

    ``lang`` is any spelling of a language ("id", "id_ID", "Indonesian"); None detects it.
    ``quotes``: "ascii" (default: what most corpora want), "typographic" (the language's own
    marks) or "keep". ``dates``: "iso" (rewrite dates as ISO 8601) or "keep". ``reference``: the
    publication date, used for dates without a year. ``data_paths``: language files of your own.
    ``profile`` and ``source``: a learned :class:`~newstext.profiles.Profile` and the site the
    article comes from, so the site's own boilerplate goes too.
    Every cleaner can be turned off by its name: ``clean(text, drop_credits=False)``.

    >>> clean("Harga naik. Ekonomi Rusia\\n\\nBaca juga: Harga Turun Lagi", lang="id",
    ...       strip_keyword_tags=False)
    'Harga naik. Ekonomi Rusia'
    """
    ctx = make_context(
        check_text(text), lang, reference=reference, quotes=quotes, dates=dates,
        data_paths=data_paths, profile=profile, source=source,
    )  # fmt: skip
    return default_pipeline(**toggles).run(text, ctx)


def explain(
    text: str,
    lang: str | None = None,
    *,
    quotes: str = "ascii",
    dates: str = "iso",
    reference: dt.date | str | None = None,
    data_paths: Sequence[str | Path] = (),
    profile: Profile | None = None,
    source: str | None = None,
    **toggles: Unpack[Toggles],
) -> Result:
    """Clean like :func:`clean` and say what changed: a :class:`Result` with ``.text`` and ``.edits``.

    Each edit names its rule and points into the input: ``text[e.start:e.end] == e.before``.
    """
    ctx = make_context(
        check_text(text), lang, reference=reference, quotes=quotes, dates=dates,
        data_paths=data_paths, profile=profile, source=source,
    )  # fmt: skip
    return default_pipeline(**toggles).run_explained(text, ctx)
