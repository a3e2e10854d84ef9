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
from newstext.boilerplate import DropBoilerplate, drop_boilerplate
from newstext.characters import (
    NormalizeLineBreaks,
    NormalizeSpaces,
    RemoveBidiControls,
    RemoveControlChars,
    RemoveInvisible,
    normalize_line_breaks,
    normalize_spaces,
    remove_bidi_controls,
    remove_control_chars,
    remove_invisible,
)
from newstext.context import Context
from newstext.credits import DropCredits, drop_credits
from newstext.dates import DateMatch, NormalizeDates, find_dates, normalize_dates
from newstext.defaults import DEFAULT_CLEANERS
from newstext.edits import Edit
from newstext.endmatter import DropEndMatter, DropTrailingBio, drop_end_matter, drop_trailing_bio
from newstext.footers import DropFeedFooters, drop_feed_footers
from newstext.guard import Guard
from newstext.langdata import LangData, available_languages, load_language
from newstext.language import (
    Detection,
    ParagraphLanguage,
    detect_language,
    identify,
    normalize_lang,
    paragraph_languages,
    title_language_mismatch,
)
from newstext.pipeline import Cleaner, Credit, HeldBack, Pipeline, Result
from newstext.profiles import DropLearnedJunk, Profile, drop_learned_junk
from newstext.quotes import NormalizeQuotes, normalize_quotes
from newstext.rejoin import RejoinBrokenLines, rejoin_broken_lines
from newstext.related import DropRelatedLinks, drop_related_links
from newstext.repair import (
    FixMojibake,
    StripHtmlTags,
    UnescapeHtml,
    fix_mojibake,
    strip_html_tags,
    unescape_html,
)
from newstext.tags import StripKeywordTags, strip_keyword_tags
from newstext.whitespace import NormalizeWhitespace, normalize_whitespace

try:
    __version__ = version("newstext")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_CLEANERS",
    "Cleaner",
    "Context",
    "Credit",
    "DateMatch",
    "Detection",
    "DropBoilerplate",
    "DropCredits",
    "DropEndMatter",
    "DropFeedFooters",
    "DropLearnedJunk",
    "DropRelatedLinks",
    "DropTrailingBio",
    "Edit",
    "FixMojibake",
    "Guard",
    "HeldBack",
    "LangData",
    "NormalizeDates",
    "NormalizeLineBreaks",
    "NormalizeQuotes",
    "NormalizeSpaces",
    "NormalizeWhitespace",
    "ParagraphLanguage",
    "Pipeline",
    "Profile",
    "RejoinBrokenLines",
    "RemoveBidiControls",
    "RemoveControlChars",
    "RemoveInvisible",
    "Result",
    "StripHtmlTags",
    "StripKeywordTags",
    "UnescapeHtml",
    "__version__",
    "available_languages",
    "clean",
    "default_pipeline",
    "detect_language",
    "drop_boilerplate",
    "drop_credits",
    "drop_end_matter",
    "drop_feed_footers",
    "drop_learned_junk",
    "drop_related_links",
    "drop_trailing_bio",
    "explain",
    "find_dates",
    "fix_mojibake",
    "identify",
    "load_language",
    "normalize_dates",
    "normalize_lang",
    "normalize_line_breaks",
    "normalize_quotes",
    "normalize_spaces",
    "normalize_whitespace",
    "paragraph_languages",
    "rejoin_broken_lines",
    "remove_bidi_controls",
    "remove_control_chars",
    "remove_invisible",
    "strip_html_tags",
    "strip_keyword_tags",
    "title_language_mismatch",
    "unescape_html",
]
