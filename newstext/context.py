"""The facts about an article that every cleaner may use besides its text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newstext.langdata import LangData, load_language
from newstext.language import Reading, normalize_lang, read_language

if TYPE_CHECKING:
    from newstext.profiles import Profile

__all__ = ["Context", "make_context"]

T = TypeVar("T")

QUOTE_STYLES = ("ascii", "typographic", "keep")
DATE_STYLES = ("iso", "keep")


@dataclass(frozen=True, slots=True)
class Context:
    """What every cleaner may know about the article besides its text.

    ``lang`` is the BCP 47 tag of the article (given or detected; ``"und"`` when unknown),
    ``data`` the language data for it (fallbacks applied), ``reference`` the publication date when
    known, ``quotes`` and ``dates`` the styles asked for, ``original`` the input as it was given,
    ``profile`` and ``source`` a learned site profile and the source (site) the article comes from.
    ``detected`` is true when ``lang`` was detected rather than given, ``reading`` then what the
    detection read of the input (the cleaned text is read again against it), ``data_paths`` the
    user's own language files that ``data`` was loaded with.
    """

    lang: str = "und"
    data: LangData = field(default_factory=lambda: load_language("und"))
    reference: dt.date | None = None
    quotes: str = "ascii"
    dates: str = "iso"
    original: str = ""
    profile: Profile | None = None
    source: str | None = None
    detected: bool = False
    data_paths: tuple[str, ...] = ()
    reading: Reading | None = field(default=None, repr=False, compare=False)
    #: results worked out from the text during this one call (see :meth:`memo`); never shared
    #: between calls, so nothing of an article outlives its cleaning
    scratch: dict[Callable[[str], Any], tuple[str, Any]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def in_language(self, tag: str) -> Context:
        """The same context for an article in the language ``tag`` (a fresh scratch memo)."""
        return replace(self, lang=tag, data=load_language(tag, self.data_paths), scratch={})

    def for_input(self, text: str) -> Context:
        """The context a call on ``text`` itself would have, in this language and with these
        options: what a second ``clean()`` of a cleaned text works with."""
        return replace(self, original=text, reading=None, scratch={})

    def memo(self, compute: Callable[[str], T], text: str) -> T:
        """``compute(text)``, worked out once while the cleaners see the same text object.

        The rules run one after another on the same text as long as none of them changes it, and
        several want the same thing of it (its lines, the special characters it holds).
        """
        hit = self.scratch.get(compute)
        if hit is not None and hit[0] is text:
            return hit[1]  # type: ignore[no-any-return]
        value = compute(text)
        self.scratch[compute] = (text, value)
        return value


def make_context(
    text: str,
    lang: str | None = None,
    *,
    reference: dt.date | str | None = None,
    quotes: str = "ascii",
    dates: str = "iso",
    data_paths: Sequence[str | Path] = (),
    profile: Profile | None = None,
    source: str | None = None,
) -> Context:
    """Resolve the options of one call into a :class:`Context` (detecting the language if needed)."""
    if quotes not in QUOTE_STYLES:
        raise ValueError(f"quotes must be one of {', '.join(map(repr, QUOTE_STYLES))}, not {quotes!r}")
    if dates not in DATE_STYLES:
        raise ValueError(f"dates must be one of {', '.join(map(repr, DATE_STYLES))}, not {dates!r}")
    if isinstance(reference, str):
        try:
            reference = dt.date.fromisoformat(reference)
        except ValueError:
            raise ValueError(f"reference must be a date or 'YYYY-MM-DD', not {reference!r}") from None
    elif isinstance(reference, dt.datetime):
        reference = reference.date()
    elif reference is not None and not isinstance(reference, dt.date):
        raise TypeError(f"reference must be a datetime.date or 'YYYY-MM-DD', not {type(reference).__name__}")
    reading: Reading | None = None
    if lang is None:
        reading = read_language(text)
        tag = reading.found.tag
    else:
        tag = normalize_lang(lang)
    paths = tuple(str(Path(p)) for p in data_paths)
    return Context(
        lang=tag,
        data=load_language(tag, paths),
        reference=reference,
        quotes=quotes,
        dates=dates,
        original=text,
        profile=profile,
        source=source,
        detected=lang is None,
        data_paths=paths,
        reading=reading,
    )
