"""Site profiles: learn a source's own boilerplate from its articles, and drop it.

Every site repeats junk that no phrase list knows: its tagline, its promo line, its footer, the
keyword tags it glues after the last sentence of a paragraph ("... belum diputuskan. Politik
Rusia"). Seen across many articles of one source they stand out: story text does not come back,
word for word, in a large share of a site's articles; junk does.

:meth:`Profile.learn` counts, per source, in how many articles each *unit* occurs:

- ``lines``: a whole line (white space folded), at most :data:`MAX_LINE_CHARS` long;
- ``prefixes``: the label of a short line before a colon ("Jangan lewatkan: <headline>"), when
  what follows is not a sentence (a headline, a name, a link);
- ``tails``: the words after the last sentence of a paragraph, up to :data:`MAX_TAIL_WORDS` (every
  ending of them is counted, so "Politik Rusia" is found inside "Berita Politik Rusia" too).

A unit is junk when it occurs in at least ``min_articles`` articles of its source *and* in at least
``min_share`` of them; docs/profiles.md tells how the defaults were measured. Lines that are part of
a sentence broken over several lines ("Luna Maya" / "ternyata ...") and datelines split over lines
("Jakarta" / "-") are never counted nor removed, however often they recur.

A profile keeps the counts, not only the decisions, so profiles learned from parts of a corpus merge
into exactly the profile of the whole; the decisions are made from the counts when the profile is
applied. :class:`DropLearnedJunk` (rule ``drop_learned_junk``) applies one:

>>> import newstext
>>> texts = [f"Berita nomor {i} hari ini.\\nIkuti Kabar Kita di Lentera" for i in range(6)]
>>> p = newstext.Profile.learn(("kabarkita", t) for t in texts)
>>> newstext.clean("Harga cabai naik lagi.\\nIkuti Kabar Kita di Lentera", lang="id",
...                profile=p, source="kabarkita")
'Harga cabai naik lagi.'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.lines import Line, iter_lines, remove_tail
from newstext.pipeline import Cleaner

__all__ = [
    "FORMAT",
    "MAX_LINE_CHARS",
    "MAX_TAIL_WORDS",
    "MIN_ARTICLES",
    "MIN_SHARE",
    "VERSION",
    "DropLearnedJunk",
    "Junk",
    "Profile",
    "SourceCounts",
    "drop_learned_junk",
]

FORMAT = "newstext-profile"
VERSION = 1

# Thresholds; docs/profiles.md says how they were measured.
MIN_ARTICLES = 5  # a unit seen in fewer articles of its source is never junk: too little evidence
MIN_SHARE = 0.05  # ... nor one seen in less than this share of them: story text stays far below it
MAX_LINE_CHARS = 200  # longer lines are story paragraphs; junk lines are short
MAX_LABEL_CHARS = 40  # a prefix label: "Jangan lewatkan", "Lantern pick"
MAX_LABEL_WORDS = 5
MAX_TAIL_WORDS = 6  # a glued tag: "Politik Rusia", "Berita politik dan ekonomi Rusia"
MAX_TAIL_CHARS = 80
MAX_BROKEN = 2  # lines of one sentence broken over lines, looked back over
DATELINE_LINES = 3  # the first lines of an article, where a dateline split over lines can stand

# A sentence ends with . ! ? … (or the CJK marks), maybe inside closing quotes or brackets.
# A full stop after one or two digits or a lone letter ends no sentence ("5. Mai", "J. Smith", "U.S.").
_SENTENCE_END = re.compile(
    r"(?:(?:(?<=[^\W\d_]{2})|(?<=\d{3})|(?<=[)\]\"'”’]))\.|\.{3}|[!?…。！？])[\"'”’»)\]」』]*(?=\s|$)"
)
_CLOSING = "\"'”’»)]」』"
_FINAL = ".!?…。！？:;"  # what ends a line that ends no sentence open: a colon or semicolon too
_LABEL = re.compile(rf"([^:：\n]{{1,{MAX_LABEL_CHARS}}}?)\s*[:：]\s*(\S.*)")
_DASH = "-–—"


def _fold(s: str) -> str:
    """``s`` with every run of white space made one space and the ends trimmed: a unit's key."""
    return " ".join(s.split())


def _ends_sentence(s: str) -> bool:
    """True when ``s`` ends a sentence (or a clause: ``:`` ``;``), inside closing quotes or not."""
    t = s.rstrip().rstrip(_CLOSING)
    return bool(t) and t[-1] in _FINAL


def _has_letter(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def _continues(s: str) -> bool:
    """True when ``s`` (stripped) goes on with a sentence begun on the line before it."""
    if not s:
        return False
    ch = s[0]
    return ch in ",.;:)]}»”’" or ch.islower()


def _skipped(lines: Sequence[Line]) -> tuple[list[bool], list[bool]]:
    """For each line: may it never be taken whole, and may its tail never be taken?

    A sentence broken over lines (a scraper's link texts: "Luna Maya" / "ternyata memiliki ...";
    "disampaikan oleh" / "Budi Santoso" / ", juru bicara ...") shows itself where a line goes on
    with a lower-case letter or a comma after a line that ends no sentence. That line, and the
    lines before it that end no sentence either (at most :data:`MAX_BROKEN` of them, and never
    across a line without a letter), are pieces of a sentence: not taken whole. The end of a line
    that the next line goes on from is no tail. A dateline split over lines, among the first
    :data:`DATELINE_LINES` lines of the article, ends with a dash, or the next line starts with one
    ("JAKARTA, KOMPAS.com" / "- Direktur ..."). A line without a letter is never taken.
    """
    n = len(lines)
    text = [line.stripped for line in lines]
    is_open = [bool(t) and not _ends_sentence(t) for t in text]
    whole = [not _has_letter(t) or t[-1] in _DASH for t in text]
    tail = [False] * n
    for i in range(1, n):
        if text[i] and _continues(text[i]) and is_open[i - 1]:
            whole[i] = tail[i - 1] = True
            j = i - 1
            while j >= 0 and i - j <= MAX_BROKEN and is_open[j] and _has_letter(text[j]):
                whole[j] = True
                j -= 1
    starts = [i for i, t in enumerate(text) if t][:DATELINE_LINES]
    for i in starts:  # a dateline split over lines stands at the top of the article
        if i + 1 < n and text[i + 1][:1] in tuple(_DASH):
            whole[i] = True
    return whole, tail


@dataclass(frozen=True, slots=True)
class _Units:
    """The units of one line that may be junk: its key, its label, and the endings of its tail."""

    line: str | None
    label: str | None
    tails: tuple[tuple[str, int], ...]  # (folded ending, column where it starts), shortest first


def _units(lines: Sequence[Line], skipped: tuple[list[bool], list[bool]], i: int) -> _Units | None:
    line = lines[i]
    if line.blank:
        return None
    whole, label = None, None
    key = _fold(line.text)
    if not skipped[0][i] and len(key) <= MAX_LINE_CHARS:
        whole = key
        m = _LABEL.fullmatch(key)
        if (
            m
            and _has_letter(m[1])
            and len(m[1].split()) <= MAX_LABEL_WORDS
            and not m[2].startswith("//")  # a URL, not a label
            and not _ends_sentence(m[2])
        ):
            label = m[1]
    tails = () if skipped[1][i] else _tails(line.text)
    return _Units(whole, label, tails)


def _tails(text: str) -> tuple[tuple[str, int], ...]:
    """The endings of the words after the last sentence of ``text``, when they are no sentence."""
    stripped = text.rstrip()
    ends = list(_SENTENCE_END.finditer(stripped))
    last = ends[-1] if ends else None
    if last is None or last.end() >= len(stripped):
        return ()
    rest = stripped[last.end() :]
    if len(rest) > 4 * MAX_TAIL_CHARS:  # far too long to be a tag, however it is spaced
        return ()
    words = [(m.start() + last.end(), m.group()) for m in re.finditer(r"\S+", rest)]
    if not words or len(words) > MAX_TAIL_WORDS or _ends_sentence(rest):
        return ()
    if len(_fold(rest)) > MAX_TAIL_CHARS or not _has_letter(rest):
        return ()
    out: list[tuple[str, int]] = []
    for k in range(len(words) - 1, -1, -1):
        ending = " ".join(w for _, w in words[k:])
        if _has_letter(ending):
            out.append((ending, words[k][0]))
    return tuple(out)


def _article_units(text: str) -> tuple[set[str], set[str], set[str]]:
    """The distinct lines, labels and tail endings of one article."""
    lines = list(iter_lines(text.replace("\r\n", "\n").replace("\r", "\n")))
    found_lines: set[str] = set()
    labels: set[str] = set()
    tails: set[str] = set()
    skipped = _skipped(lines)
    for i in range(len(lines)):
        u = _units(lines, skipped, i)
        if u is None:
            continue
        if u.line is not None:
            found_lines.add(u.line)
        if u.label is not None:
            labels.add(u.label)
        tails.update(t for t, _ in u.tails)
    return found_lines, labels, tails


@dataclass(frozen=True)
class SourceCounts:
    """What was counted for one source: its number of articles, and for each unit the number of
    articles it occurs in (its document frequency)."""

    articles: int = 0
    lines: Mapping[str, int] = field(default_factory=dict)
    prefixes: Mapping[str, int] = field(default_factory=dict)
    tails: Mapping[str, int] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]

    def merge(self, other: SourceCounts) -> SourceCounts:
        """The counts of both: articles and document frequencies added."""
        return SourceCounts(
            self.articles + other.articles,
            _add(self.lines, other.lines),
            _add(self.prefixes, other.prefixes),
            _add(self.tails, other.tails),
        )


def _add(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


@dataclass(frozen=True)
class Junk:
    """The units of one source that are junk: what :class:`DropLearnedJunk` removes."""

    lines: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    tails: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.lines or self.prefixes or self.tails)


_NO_JUNK = Junk()


@dataclass(frozen=True, eq=True)
class Profile:
    """What was learned about the boilerplate of one or more sources: counts, per source.

    ``sources`` maps a source (a site's name; ``""`` for texts learned without one) to its
    :class:`SourceCounts`. ``min_articles`` and ``min_share`` decide which units are junk (see the
    module's docs); they are kept with the counts so that a profile means the same wherever it is
    loaded. ``finalized`` is True for a profile cut down to its junk by :meth:`finalize`.

    A profile is a value: immutable, comparable with ``==``, picklable, and written to and read from
    JSON by :meth:`to_json` and :meth:`from_json`.
    """

    sources: Mapping[str, SourceCounts] = field(default_factory=dict)
    min_articles: int = MIN_ARTICLES
    min_share: float = MIN_SHARE
    finalized: bool = False

    __hash__ = None  # type: ignore[assignment]  # a value with dicts inside: comparable, not hashable

    def __post_init__(self) -> None:
        if not isinstance(self.min_articles, int) or self.min_articles < 1:
            raise ValueError(f"min_articles must be a whole number of at least 1, not {self.min_articles!r}")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError(f"min_share must be more than 0 and at most 1, not {self.min_share!r}")
        object.__setattr__(self, "_junk", {})

    # pickling: the fields only, never the cache of decisions
    def __getstate__(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "min_articles": self.min_articles,
            "min_share": self.min_share,
            "finalized": self.finalized,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_junk", {})

    @classmethod
    def learn(
        cls,
        records: Iterable[str | tuple[str | None, str]],
        *,
        min_articles: int = MIN_ARTICLES,
        min_share: float = MIN_SHARE,
    ) -> Profile:
        """Count the units of every article of ``records``: texts, or ``(source, text)`` pairs.

        ``min_articles`` (default 5) and ``min_share`` (default 0.05) are kept with the counts and
        decide at apply time which units are junk: a unit must occur in at least ``min_articles``
        articles of its source and in at least ``min_share`` of them. The defaults were measured
        (docs/profiles.md): story text does not reach them; a site's own junk does.
        """
        articles: Counter[str] = Counter()
        counts: dict[str, tuple[Counter[str], Counter[str], Counter[str]]] = {}
        for record in records:
            source, text = _record(record)
            articles[source] += 1
            slot = counts.setdefault(source, (Counter(), Counter(), Counter()))
            for counter, units in zip(slot, _article_units(text), strict=True):
                counter.update(units)
        sources = {
            s: SourceCounts(articles[s], dict(lines), dict(labels), dict(tails))
            for s, (lines, labels, tails) in counts.items()
        }
        return cls(sources, min_articles, min_share)

    def merge(self, other: Profile) -> Profile:
        """The profile of both corpora: counts added, so ``learn(a + b) == learn(a).merge(learn(b))``.

        Both must have been learned with the same thresholds, and neither finalized (a finalized
        profile has lost the counts that a merge needs).
        """
        if not isinstance(other, Profile):
            raise TypeError(f"a Profile merges with a Profile, not {type(other).__name__}")
        if self.finalized or other.finalized:
            raise ValueError("a finalized profile cannot be merged: merge the profiles, then finalize")
        if (self.min_articles, self.min_share) != (other.min_articles, other.min_share):
            raise ValueError(
                "profiles learned with different thresholds cannot be merged: "
                f"min_articles={self.min_articles}, min_share={self.min_share} against "
                f"min_articles={other.min_articles}, min_share={other.min_share}"
            )
        sources = dict(self.sources)
        for name, theirs in other.sources.items():
            mine = sources.get(name)
            sources[name] = theirs if mine is None else mine.merge(theirs)
        return Profile(sources, self.min_articles, self.min_share)

    def junk(self, source: str | None = None) -> Junk:
        """The units of ``source`` that are junk (``None`` or ``""``: texts learned without a source)."""
        key = source or ""
        cache: dict[str, Junk] = self._junk  # type: ignore[attr-defined]
        found = cache.get(key)
        if found is None:
            counts = self.sources.get(key)
            found = _NO_JUNK if counts is None else self._decide(counts)
            cache[key] = found
        return found

    def _decide(self, counts: SourceCounts) -> Junk:
        need = max(self.min_articles, self.min_share * counts.articles)

        def keep(units: Mapping[str, int]) -> frozenset[str]:
            return frozenset(u for u, n in units.items() if n >= need)

        return Junk(keep(counts.lines), keep(counts.prefixes), keep(counts.tails))

    def finalize(self) -> Profile:
        """The same decisions with only the counts of the junk kept: small, cheap to ship, final.

        Applying it gives exactly what applying this profile gives; it can no longer be merged.
        """
        sources: dict[str, SourceCounts] = {}
        for name, counts in self.sources.items():
            junk = self.junk(name)
            sources[name] = SourceCounts(
                counts.articles,
                {u: n for u, n in counts.lines.items() if u in junk.lines},
                {u: n for u, n in counts.prefixes.items() if u in junk.prefixes},
                {u: n for u, n in counts.tails.items() if u in junk.tails},
            )
        return Profile(sources, self.min_articles, self.min_share, finalized=True)

    def to_json(self, *, indent: int | None = 1) -> str:
        """The profile as JSON: versioned, readable, sorted, so that two profiles diff well.

        >>> print(Profile().to_json(indent=None))
        {"format": "newstext-profile", "version": 1, "min_articles": 5, "min_share": 0.05, \
"finalized": false, "sources": {}}
        """
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "min_articles": self.min_articles,
            "min_share": self.min_share,
            "finalized": self.finalized,
            "sources": {
                name: {
                    "articles": c.articles,
                    "lines": _ordered(c.lines),
                    "prefixes": _ordered(c.prefixes),
                    "tails": _ordered(c.tails),
                }
                for name, c in sorted(self.sources.items())
            },
        }
        return json.dumps(doc, ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Profile:
        """Read a profile written by :meth:`to_json`; a ValueError says what is wrong with one that
        is not."""
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise ValueError(f"not a newstext profile: {exc}") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError(f'not a newstext profile: no "format": "{FORMAT}"')
        if doc.get("version") != VERSION:
            raise ValueError(
                f"newstext profile version {doc.get('version')!r} is not supported (this newstext "
                f"reads version {VERSION})"
            )
        raw_sources = doc.get("sources")
        if not isinstance(raw_sources, dict):
            raise ValueError('a newstext profile needs "sources": {...}')
        sources = {str(name): _source_from_json(name, body) for name, body in raw_sources.items()}
        min_articles = doc.get("min_articles", MIN_ARTICLES)
        min_share = doc.get("min_share", MIN_SHARE)
        if not isinstance(min_articles, int) or not isinstance(min_share, int | float):
            raise ValueError("min_articles must be a whole number and min_share a number")
        return cls(sources, min_articles, float(min_share), bool(doc.get("finalized", False)))

    def __repr__(self) -> str:
        articles = sum(c.articles for c in self.sources.values())
        final = ", finalized" if self.finalized else ""
        return f"<Profile: {len(self.sources)} sources, {articles} articles{final}>"


def _ordered(units: Mapping[str, int]) -> dict[str, int]:
    """The units most frequent first, then alphabetical: the junk reads at the top of a file."""
    return dict(sorted(units.items(), key=lambda kv: (-kv[1], kv[0])))


def _source_from_json(name: object, body: object) -> SourceCounts:
    if not isinstance(body, dict) or not isinstance(body.get("articles"), int):
        raise ValueError(f'source {name!r}: needs "articles": N')
    parts: list[dict[str, int]] = []
    for kind in ("lines", "prefixes", "tails"):
        units = body.get(kind, {})
        if not isinstance(units, dict) or not all(isinstance(n, int) for n in units.values()):
            raise ValueError(f'source {name!r}: "{kind}" must map each text to a count')
        parts.append({str(k): int(v) for k, v in units.items()})
    return SourceCounts(int(body["articles"]), *parts)


def _record(record: object) -> tuple[str, str]:
    """``(source, text)`` of one record given to :meth:`Profile.learn`."""
    if isinstance(record, str):
        return "", record
    if isinstance(record, Sequence) and len(record) == 2:
        source, text = record
        if isinstance(text, str) and (source is None or isinstance(source, str)):
            return source or "", text
    raise TypeError(
        "Profile.learn takes texts or (source, text) pairs of str, "
        f"not {type(record).__name__}: {str(record)[:60]!r}"
    )


@dataclass(frozen=True)
class DropLearnedJunk(Cleaner):
    """Remove what a learned :class:`Profile` knows to be the source's own junk.

    Whole lines (the site's tagline, promo, footer), lines that start with a learned label
    ("Jangan lewatkan: ..."), and learned tags glued after the last sentence of a paragraph. It does
    nothing unless :func:`newstext.clean` is given a ``profile`` (and the ``source`` the article
    comes from), so the default output does not change.
    """

    name: ClassVar[str] = "drop_learned_junk"

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if ctx.profile is None:
            return ()
        junk = ctx.profile.junk(ctx.source)
        if not junk:
            return ()
        return list(_edits(text, junk, self.name))


def _edits(text: str, junk: Junk, rule: str) -> Iterator[Edit]:
    lines = list(iter_lines(text))
    drop: dict[int, str] = {}
    skipped = _skipped(lines)
    for i, line in enumerate(lines):
        u = _units(lines, skipped, i)
        if u is None:
            continue
        if u.line is not None and u.line in junk.lines:
            drop[i] = f"learned line: {u.line}"
        elif u.label is not None and u.label in junk.prefixes:
            drop[i] = f"learned label: {u.label}"
        else:
            learned = [ending for ending, _ in u.tails if ending in junk.tails]
            if learned:  # the whole tail goes: words glued after the last sentence, ending in a tag
                yield remove_tail(text, line, u.tails[-1][1], rule, f"learned tail: {learned[-1]}")
    yield from _line_blocks(text, lines, drop, rule)


def _line_blocks(text: str, lines: Sequence[Line], drop: Mapping[int, str], rule: str) -> Iterator[Edit]:
    """Edits removing the dropped lines, a run of them (blank lines between) at a time, so that no
    blank line is left behind where a block was."""
    if not drop:
        return
    content = [i for i, line in enumerate(lines) if not line.blank]
    rank = {i: k for k, i in enumerate(content)}
    runs: list[list[int]] = []
    for i in content:
        if i in drop:
            if runs and rank[runs[-1][-1]] == rank[i] - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        first, last = run[0], run[-1]
        before = content[rank[first] - 1] if rank[first] > 0 else None
        after = content[rank[last] + 1] if rank[last] + 1 < len(content) else None
        if after is None:  # the block ends the text: take the breaks before it
            start = lines[before].end if before is not None else 0
            end = len(text) if before is None else lines[last].end
        elif before is None:  # the block starts the text: take the breaks after it
            start, end = 0, lines[after].start
        else:
            start = lines[first].start
            end = lines[after].start if lines[first - 1].blank else lines[last].end + 1
        note = "; ".join(drop[i] for i in run)
        yield Edit(rule, start, end, text[start:end], "", note)


drop_learned_junk = DropLearnedJunk()
