"""The guard against runaway rules: no rule may quietly eat a story.

Before a cleaner that removes text is applied, its edits are weighed against the article. When one
rule would remove an unusually large share of the article, or leave almost nothing of it, all of
that rule's edits are held back: the text is returned with the other rules applied, and
:attr:`newstext.Result.held_back` says which rule was stopped and why. A bad rule, or a bad pattern
of a user's, cannot wipe a corpus.

The thresholds were set from measurements on real articles (docs/guarantees.md): no shipped rule
removed more than 26% of the letters of one of the 18 dev articles, nor more than 48% of one of the
990 pages of trafilatura's evaluation set (a 544-character page, half of it a cookie notice).
Hand-made gold puts the junk of a dev article at 26% at most. Junk can be half of a real page, so
the guard only steps in well beyond that, and stops a pattern that matches (nearly) every line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from newstext.edits import Edit

__all__ = ["DEFAULT_GUARD", "Guard"]

#: the ASCII characters that are not letters, and every byte that is not ASCII: what bytes.translate
#: deletes from a text's UTF-8 bytes to leave its ASCII letters
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if c >= 128 or not chr(c).isalpha())
_ASCII = bytes(range(128))
#: runs of letters of any script
_LETTERS = regex.compile(r"\p{L}+")
#: from this length on, a text that is mostly ASCII is weighed in its UTF-8 bytes (see _weight)
_BYTES_MIN = 128


def _letters(text: str) -> int:
    """How many characters of ``text`` are letters (of any script: Unicode's category L)."""
    return sum(map(len, _LETTERS.findall(text)))


def _weight(text: str) -> int:
    """The letters of ``text``: what a removal really takes away from a story.

    Only letters are weighed, so that the rules that come after the repairs never make a text
    heavier: white space, punctuation and quotation marks are rewritten one for one, junk is
    removed, and the date rule rewrites digits and separators, writing more of them ("10/8/2021"
    becomes "2021-10-08", "(4/10)" "(2021-10-04)") or taking month names away. The repairs, which
    run first, may add letters ("&#233;" is "é", "\\x8a" "Š", "ﬁ" "fi"): :meth:`Guard.check`
    weighs the article as the heavier of the input and the text the rule is given. So a removal held
    back at just over the limit is held back again when the clean text is cleaned: the guard's
    decisions stand on a second pass.

    In a text that is mostly ASCII the ASCII letters are counted in the text's UTF-8 bytes by
    ``bytes.translate``, a table lookup per byte in C, and only the other characters are looked at
    as a str.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTERS))
    if len(text) >= _BYTES_MIN:
        data = text.encode("utf-8", "surrogatepass")
        if (len(data) - len(text)) * 2 <= len(text):
            others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
            return len(data.translate(None, _NOT_ASCII_LETTERS)) + _letters(others)
    return _letters(text)


#: the weight of the article, asked for by every guarded rule of one call (the same str object,
#: whose hash Python keeps, so a hit costs no pass over the text)
_article_weight = functools.lru_cache(maxsize=1)(_weight)


@dataclass(frozen=True, slots=True)
class Guard:
    """Limits on what one rule may remove from one article, counted in letters (see :func:`_weight`).

    ``max_share``: the largest share of the article one rule may remove; 0.75, about three times the
    most a shipped rule removed from a dev article (0.26), half as much again as the most it removed
    from a real page (0.48). ``min_left``: the smallest share of the text a rule is given that it
    must leave; 0.15, so a rule that comes after others cannot take (nearly) all that they left,
    where no shipped rule took more than 0.48 of it. A rule that removes fewer than ``min_chars``
    letters (200, about three short sentences) is never held back: a whole text of junk ("Leave a
    Reply") is common and harmless to remove.

    Each decision stands when clean text is cleaned again: a rule held back removes as much the
    second time, from a text no heavier, so it is held back again; this keeps ``clean`` idempotent.
    """

    max_share: float = 0.75
    min_left: float = 0.15
    min_chars: int = 200

    def check(self, edits: Sequence[Edit], text: str, original: str) -> str | None:
        """Why these edits of one rule must be held back, or None when they may go ahead.

        ``text`` is the text the rule was given, ``original`` the article as it came in.
        """
        if not edits:
            return None
        # (a weight is a count of characters, so the edits are weighed together, in one pass each)
        removed = _weight("".join([e.before for e in edits])) - _weight("".join([e.after for e in edits]))
        if removed < self.min_chars:
            return None
        given = max(_weight(text), 1)
        # the article is weighed as it came in, or as the rule is given it when the repairs before
        # the rule made it heavier ("&#233;" and "\x8a" hold no letter, "é" and "Š" one): what comes
        # out is then never heavier than the article this pass weighed, and a second pass holds back
        # what this one did
        share = removed / max(_article_weight(original), given)
        if share > self.max_share:
            return f"would remove {share:.0%} of the article (the limit is {self.max_share:.0%})"
        left = (given - removed) / given
        if left < self.min_left:
            return (
                f"would leave {max(left, 0):.0%} of the text it was given "
                f"(at least {self.min_left:.0%} must stay)"
            )
        return None


#: the guard every pipeline has unless it is given another (or None, to run without one)
DEFAULT_GUARD = Guard()
