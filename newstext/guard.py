"""The guard against runaway rules: no rule may quietly eat a story.

Before a cleaner that removes text is applied, its edits are weighed against the article. When one
rule would remove an unusually large share of the article, or leave almost nothing of it, all of
that rule's edits are held back: the text is returned with the other rules applied, and
:attr:`newstext.Result.held_back` says which rule was stopped and why. A bad rule, or a bad pattern
of a user's, cannot wipe a corpus.

The thresholds were set from measurements on real articles (docs/guarantees.md): no shipped rule
removed more than 26% of one of the 18 dev articles, nor more than 48% of one of the 990 pages of
trafilatura's evaluation set (a 544-character page, half of it a cookie notice); white space and
digits are not counted. Hand-made gold puts the junk of a dev article at 26% at most. Junk can be
half of a real page, so the guard only steps in well beyond that, and stops a pattern that matches
(nearly) every line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from newstext.edits import Edit

__all__ = ["DEFAULT_GUARD", "Guard"]

#: every character for which str.isspace() is true; counting each is faster than testing each
#: character, and a character wider than the text's own storage is counted in no time
_SPACES = tuple(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: what the weight leaves out among ASCII characters (white space and digits), as bytes for
#: bytes.translate
_ASCII_UNWEIGHED = ("".join(ch for ch in _SPACES if ch.isascii()) + "0123456789").encode("ascii")
_ASCII = bytes(range(128))
#: runs of decimal digits of any script
_DIGITS = regex.compile(r"\d+")

#: below this length splitting a text on white space (str.split, whose white space is exactly
#: _SPACES) is cheaper than counting each white-space character; above it, splitting would build
#: a string per word
_SPLIT_MAX = 1 << 12
#: from this length on, a text that is mostly ASCII is weighed in its UTF-8 bytes (see _weight)
_BYTES_MIN = 128


def _white_space(text: str) -> int:
    """How many characters of ``text`` are white space."""
    if len(text) <= _SPLIT_MAX:
        return len(text) - sum(map(len, text.split()))
    return sum(text.count(ch) for ch in _SPACES)


def _digits(text: str) -> int:
    """How many characters of ``text`` are decimal digits (of any script)."""
    return sum(map(len, _DIGITS.findall(text)))


def _weight(text: str) -> int:
    """Characters that are neither white space nor digits: what a removal really takes away.

    All Unicode white space is left out, so a rule that only turns no-break spaces into spaces
    removes nothing. Digits are left out because the date rule rewrites them and may write more of
    them ("10/8/2021" becomes "2021-10-08"): were they weighed, cleaning would make an article
    heavier, and a removal held back at just over the limit could pass the limit on clean text,
    the guard's decisions no longer standing on a second pass. In a text that is mostly ASCII the
    ASCII white space and digits are counted in the text's UTF-8 bytes by ``bytes.translate``, a
    table lookup per byte in C, and only the non-ASCII characters are looked at as a str: far faster
    than splitting or counting in the whole text.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_UNWEIGHED))
    if len(text) >= _BYTES_MIN:
        data = text.encode("utf-8", "surrogatepass")
        if (len(data) - len(text)) * 2 <= len(text):
            others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
            unweighed = len(data) - len(data.translate(None, _ASCII_UNWEIGHED))
            return len(text) - unweighed - _white_space(others) - _digits(others)
    return len(text) - _white_space(text) - _digits(text)


#: the weight of the article, asked for by every guarded rule of one call (the same str object,
#: whose hash Python keeps, so a hit costs no pass over the text)
_article_weight = functools.lru_cache(maxsize=1)(_weight)


@dataclass(frozen=True, slots=True)
class Guard:
    """Limits on what one rule may remove from one article (white space and digits are never counted).

    ``max_share``: the largest share of the article one rule may remove; 0.75, about three times the
    most a shipped rule removed from a dev article (0.26), half as much again as the most it removed
    from a real page (0.48). ``min_left``: the smallest share of the text a rule is given that it
    must leave; 0.15, so a rule that comes after others cannot take (nearly) all that they left,
    where no shipped rule took more than 0.48 of it. A rule that removes fewer than ``min_chars``
    characters (200, about three short sentences) is never held back: a whole text of junk ("Leave
    a Reply") is common and harmless to remove.

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
        share = removed / max(_article_weight(original), 1)
        if share > self.max_share:
            return f"would remove {share:.0%} of the article (the limit is {self.max_share:.0%})"
        given = max(_weight(text), 1)
        left = (given - removed) / given
        if left < self.min_left:
            return (
                f"would leave {max(left, 0):.0%} of the text it was given "
                f"(at least {self.min_left:.0%} must stay)"
            )
        return None


#: the guard every pipeline has unless it is given another (or None, to run without one)
DEFAULT_GUARD = Guard()
