"""The guard against runaway rules: no rule may quietly eat a story.

Before a cleaner that removes text is applied, its edits are weighed against the article. When one
rule would remove an unusually large share of the article, or leave almost nothing of it, all of
that rule's edits are held back: the text is returned with the other rules applied, and
:attr:`newstext.Result.held_back` says which rule was stopped and why. A bad rule, or a bad pattern
of a user's, cannot wipe a corpus.

The thresholds were set from measurements on real articles (docs/guarantees.md): junk can be more
than half of a real article, so the guard only steps in well beyond what correct removals reach.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newstext.edits import Edit

__all__ = ["DEFAULT_GUARD", "Guard"]


def _weight(text: str) -> int:
    """Characters that are not white space: what a removal really takes away."""
    return len(text) - sum(text.count(ch) for ch in " \n\t\r")


@dataclass(frozen=True, slots=True)
class Guard:
    """Limits on what one rule may remove from one article.

    ``max_share``: the largest share of the article's characters (white space not counted) one rule
    may remove. ``min_left``: the smallest share of the article that must be left after the rule.
    Neither applies to texts shorter than ``min_chars`` characters, where a whole text of junk
    ("Leave a Reply") is common and harmless to remove.
    """

    max_share: float = 0.75
    min_left: float = 0.15
    min_chars: int = 400

    def check(self, edits: Sequence[Edit], text: str, original: str) -> str | None:
        """Why these edits of one rule must be held back, or None when they may go ahead."""
        if not edits:
            return None
        total = _weight(original)
        if total < self.min_chars:
            return None
        removed = sum(_weight(e.before) - _weight(e.after) for e in edits)
        if removed <= 0:
            return None
        share = removed / total
        if share > self.max_share:
            return f"would remove {share:.0%} of the article (the limit is {self.max_share:.0%})"
        left = (_weight(text) - removed) / total
        if left < self.min_left:
            return f"would leave {left:.0%} of the article (at least {self.min_left:.0%} must stay)"
        return None


#: the guard every pipeline has unless it is given another (or None, to run without one)
DEFAULT_GUARD = Guard()
