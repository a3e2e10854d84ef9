"""newstext: clean syndicated news article text.

Remove the junk (keyword tags, related links, boilerplate, footers, credits), keep every word of
the story, normalise characters, quotes and dates, know the language, and say what changed.

>>> import newstext
>>> newstext.clean("Harga naik.\\n\\nLeave a Reply")
'Harga naik.'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from newstext.api import clean, default_pipeline, explain
from newstext.boilerplate import drop_boilerplate
from newstext.characters import (
    normalize_line_breaks,
    normalize_spaces,
    remove_bidi_controls,
    remove_control_chars,
    remove_invisible,
)
from newstext.context import Context
from newstext.credits import drop_credits
from newstext.dates import DateMatch, find_dates, normalize_dates
from newstext.defaults import DEFAULT_CLEANERS
from newstext.edits import Edit
from newstext.footers import drop_feed_footers
from newstext.langdata import LangData, available_languages, load_language
from newstext.language import detect_language, normalize_lang
from newstext.pipeline import Cleaner, Pipeline, Result
from newstext.profiles import Profile, drop_learned_junk
from newstext.quotes import normalize_quotes
from newstext.rejoin import rejoin_broken_lines
from newstext.related import drop_related_links
from newstext.repair import fix_mojibake, strip_html_tags, unescape_html
from newstext.tags import strip_keyword_tags
from newstext.whitespace import normalize_whitespace

try:
    __version__ = version("newstext")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_CLEANERS",
    "Cleaner",
    "Context",
    "DateMatch",
    "Edit",
    "LangData",
    "Pipeline",
    "Profile",
    "Result",
    "__version__",
    "available_languages",
    "clean",
    "default_pipeline",
    "detect_language",
    "drop_boilerplate",
    "drop_credits",
    "drop_feed_footers",
    "drop_learned_junk",
    "drop_related_links",
    "explain",
    "find_dates",
    "fix_mojibake",
    "load_language",
    "normalize_dates",
    "normalize_lang",
    "normalize_line_breaks",
    "normalize_quotes",
    "normalize_spaces",
    "normalize_whitespace",
    "rejoin_broken_lines",
    "remove_bidi_controls",
    "remove_control_chars",
    "remove_invisible",
    "strip_html_tags",
    "strip_keyword_tags",
    "unescape_html",
]
