"""``drop_feed_footers``: what feeds and cross-posting add after a story.

"The post X appeared first on Y.", "Continue reading...", "This article originally appeared on
...", "Artikel ini telah tayang di ..." (``footer_patterns`` of the language files), also when a
scraper glued the footer to the last paragraph with a comma (",Artikel ini telah tayang di ...":
removed from the comma), and a "[…]" that ends the text. See docs/rules/drop_feed_footers.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkdata import junk_data
from newstext.junkpatterns import ELLIPSIS_TAIL
from newstext.lines import remove_match, tidy_removals
from newstext.pipeline import Cleaner

__all__ = ["DropFeedFooters", "drop_feed_footers"]


@dataclass(frozen=True)
class DropFeedFooters(Cleaner):
    """Remove feed and cross-post footers, and the "[…]" that ends a truncated feed item.

    ``extra_patterns``: regular expressions of your own (like ``footer_patterns``): a match removes
    the line it fills, or the end of a line from where it starts. ``drop_ellipsis`` (default True)
    removes a final "[…]": it marks a feed's cut, never a word of the story.
    """

    name: ClassVar[str] = "drop_feed_footers"

    extra_patterns: tuple[str, ...] = ()
    drop_ellipsis: bool = True

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        jd = junk_data(ctx.data, footer_patterns=self.extra_patterns)
        out: list[Edit] = []
        for _, m in jd.footers.scan(text, ctx):
            if m.end() > m.start():
                out.append(remove_match(text, m.start(), m.end(), self.name, "footer"))
        if self.drop_ellipsis:
            m = ELLIPSIS_TAIL.search(text, max(0, len(text) - 64))
            if m:
                out.append(remove_match(text, m.start(), len(text.rstrip()), self.name, "feed cut"))
        return tidy_removals(text, out)


#: The cleaner with its defaults, as it runs in the default pipeline.
drop_feed_footers = DropFeedFooters()
