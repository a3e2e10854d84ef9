"""The default pipeline: every cleaner newstext runs, in the one order they run in.

The order matters and is documented in docs/pipeline.md: characters are repaired first, so the junk
rules see clean text; junk goes before quotes and dates are rewritten, so no work is spent on text
that is dropped; white space is tidied last, after the removals that leave gaps.
"""

from __future__ import annotations

from typing import TypedDict

from newstext.boilerplate import drop_boilerplate
from newstext.characters import (
    normalize_line_breaks,
    normalize_spaces,
    remove_bidi_controls,
    remove_control_chars,
    remove_invisible,
)
from newstext.credits import drop_credits
from newstext.dates import normalize_dates
from newstext.endmatter import drop_end_matter, drop_trailing_bio
from newstext.footers import drop_feed_footers
from newstext.pipeline import Cleaner
from newstext.profiles import drop_learned_junk
from newstext.quotes import normalize_quotes
from newstext.rejoin import rejoin_broken_lines
from newstext.related import drop_related_links
from newstext.repair import fix_mojibake, strip_html_tags, unescape_html
from newstext.tags import strip_keyword_tags
from newstext.whitespace import normalize_whitespace

__all__ = ["CHARACTER_CLEANERS", "DEFAULT_CLEANERS", "Toggles"]

#: the character rules, in the order they run (docs/rules/characters.md)
CHARACTER_CLEANERS: tuple[Cleaner, ...] = (
    unescape_html,
    fix_mojibake,
    strip_html_tags,
    remove_control_chars,
    remove_bidi_controls,
    remove_invisible,
    normalize_spaces,
    normalize_line_breaks,
)

DEFAULT_CLEANERS: tuple[Cleaner, ...] = (
    *CHARACTER_CLEANERS,
    # junk (docs/rules/)
    drop_learned_junk,
    drop_end_matter,
    drop_boilerplate,
    drop_related_links,
    drop_feed_footers,
    drop_credits,
    strip_keyword_tags,
    drop_trailing_bio,
    # layout: white space first, so that rejoining sees the lines as they will be left
    normalize_whitespace,
    rejoin_broken_lines,
    # rewriting (docs/quotes.md, docs/dates.md)
    normalize_quotes,
    normalize_dates,
)


class Toggles(TypedDict, total=False):
    """One keyword per cleaner of :data:`DEFAULT_CLEANERS`: False turns that cleaner off."""

    unescape_html: bool
    fix_mojibake: bool
    strip_html_tags: bool
    remove_control_chars: bool
    remove_bidi_controls: bool
    remove_invisible: bool
    normalize_spaces: bool
    normalize_line_breaks: bool
    drop_learned_junk: bool
    drop_end_matter: bool
    drop_boilerplate: bool
    drop_related_links: bool
    drop_feed_footers: bool
    drop_credits: bool
    strip_keyword_tags: bool
    drop_trailing_bio: bool
    normalize_whitespace: bool
    rejoin_broken_lines: bool
    normalize_quotes: bool
    normalize_dates: bool
