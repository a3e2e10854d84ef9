"""Language: any spelling of a language made a BCP 47 tag, and the language of an article or a line.

:func:`normalize_lang` turns what a user passes as ``lang=`` ("in", "id_ID", "Indonesian",
"Bahasa Indonesia") into a standard tag through langcodes. :func:`identify` names the language of a
text with a confidence, and says ``"und"`` when it cannot tell (too little text, or no language clearly
ahead); :func:`detect_language` is its tag alone. The identifier is py3langid, whose model ships in
its wheel (docs/language.md compares it with lingua). Close calls between languages that newstext's
data files mark as confusable (Indonesian and Malay) are settled by the ``[language] markers`` of
those files: words common in one and rare in the other.

Detection looks at a bounded sample of a long text (:data:`SAMPLE_CHARS` characters taken from a few
places of the body), so its cost does not grow with the article.

:func:`paragraph_languages` and :func:`title_language_mismatch` give the evidence of mixed-language
copy, for :func:`newstext.explain` to report: a line in another language than the article (an English
"Read More: ..." headline in an Indonesian story), or a title over a body in another language (a sign
of a machine-translated copy).
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import itertools
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import langcodes
import regex

from newstext.langdata import load_language
from newstext.lines import iter_lines

__all__ = [
    "IMPLAUSIBLE",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "Detection",
    "ParagraphLanguage",
    "detect_language",
    "identify",
    "languages_other_than",
    "normalize_lang",
    "paragraph_languages",
    "title_language_mismatch",
]

#: The most characters detection reads from one text. 400 characters of body text tell the languages
#: of the evaluation set apart as well as the whole text does (docs/language.md), at a fixed cost.
SAMPLE_CHARS = 400
#: The fewest letters a text must have before it is given a language; below this, "und".
MIN_LETTERS = 12
#: The lowest confidence that is reported as a language; below this, "und".
MIN_CONFIDENCE = 0.5
#: Below this probability, an expected language (the article's, for one of its lines) is ruled out.
IMPLAUSIBLE = 0.05
# How far the best language must lead the next to be named on a line that is not in the expected one.
_LEAD = 3.0
# Detection first looks at this many characters, and stops there when a language has a probability of
# _SURE or more (87% of the evaluation set, with no error); otherwise it reads the whole sample.
_FIRST_LOOK = 150
_SURE = 0.95

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
# _WORD on ASCII text, where \p{L} is [A-Za-z] and \p{M} nothing: the standard library reads it in half
# the time
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# How many windows a long sample is made of, and how many characters of one may be skipped to end it
# at a word boundary.
_WINDOWS = 3
_SLACK = 40


# --- spellings ----------------------------------------------------------------------------------------


def normalize_lang(value: str) -> str:
    """A standard BCP 47 tag for any reasonable spelling of a language.

    Tags in any case and with ``_`` or ``-`` ("id_ID"), old and three-letter codes ("in", "ind"),
    and language names in English or in many other languages ("Indonesian", "Bahasa Indonesia",
    "indonesio") are accepted; a region or script is kept. ``"und"`` (undetermined) is a valid tag.

    >>> normalize_lang("in"), normalize_lang("id_ID"), normalize_lang("Indonesian")
    ('id', 'id-ID', 'id')

    Anything else raises ValueError naming the closest languages, and a non-str TypeError.
    """
    if not isinstance(value, str):
        raise TypeError(f"lang must be a str such as 'id' or 'en-US', not {type(value).__name__}")
    return _normalize(value)


@functools.lru_cache(maxsize=256)
def _normalize(value: str) -> str:
    text = value.strip().replace("_", "-")
    if not text:
        raise ValueError("lang is empty: pass a language such as 'id', 'en-US' or 'Indonesian', or None")
    if not text.isprintable():  # control characters and lone surrogates upset langcodes' name index
        raise ValueError(f"unknown language {value!r}: it holds control characters")
    try:
        tag = langcodes.standardize_tag(text, macro=True)
        if langcodes.Language.get(tag).is_valid():
            return tag
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        pass
    try:
        return langcodes.find(text).to_tag()
    except LookupError:
        pass
    hint = ", ".join(_close_matches(text))
    raise ValueError(
        f"unknown language {value!r}: pass a BCP 47 tag such as 'id' or 'pt-BR', or a language's name"
        + (f" (did you mean {hint}?)" if hint else "")
    )


def _close_matches(text: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` languages whose code or name is spelled like ``text``, as "'ms' (Malay)"."""
    found: dict[str, None] = {}
    for word in [text, *text.replace("-", " ").split()]:
        with contextlib.suppress(LookupError):
            found.setdefault(langcodes.find(word).to_tag(), None)
    names = _names()
    for match in difflib.get_close_matches(text.casefold(), list(names), n=limit, cutoff=0.6):
        found.setdefault(names[match], None)
    return [f"{tag!r} ({langcodes.Language.get(tag).display_name()})" for tag in list(found)[:limit]]


@functools.cache
def _names() -> dict[str, str]:
    """Every two-letter language code, and the English name and the autonym of each, casefolded."""
    out: dict[str, str] = {}
    for a in "abcdefghijklmnopqrstuvwxyz":
        for b in "abcdefghijklmnopqrstuvwxyz":
            lang = langcodes.Language.get(a + b)
            if not lang.is_valid():
                continue
            tag = langcodes.standardize_tag(a + b, macro=True)
            out.setdefault(a + b, tag)
            for name in (lang.display_name(), lang.autonym()):
                if name and not name.startswith("Unknown"):
                    out.setdefault(name.casefold(), tag)
    return out


# --- detection ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Detection:
    """The language of a text: a BCP 47 ``tag`` (``"und"`` when unsure) and a ``confidence`` in [0, 1].

    ``confidence`` is the identifier's probability for the language it names; with ``"und"`` it is
    the probability of the language that was not trusted enough (0.0 when there was too little text).
    """

    tag: str
    confidence: float

    def __bool__(self) -> bool:
        return self.tag != "und"


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier with probabilities; its model (4.5 MB, in the wheel) is loaded once.

    It is restricted to the languages that have a two-letter ISO 639-1 code (114 of its 140 labels):
    the others are varieties (Egyptian Arabic, Cantonese, Wu Chinese), historical languages (Ancient
    Greek), "no linguistic content", or languages rarely seen in news whose neighbours lose to them
    on short text (Bikol, Nigerian Pidgin for English). Their share of probability goes to the rest.
    The feature table is kept as float32 (45 MB): twice the memory of the shipped float16, half the
    time per text (numpy has no fast float16 path; a float16 table converted row by row after the
    gather, which gives the same scores, was slower still, cache misses included). It is converted a
    block of rows at a time, so that no second copy of it is made on the way (the peak memory of a
    process is its model load).
    """
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    ptc, pc, classes, shipped_moves, row, output = load_model(MODEL_DIR / MODEL_FILE)
    # the automaton's moves (39 MB) as a numpy array of their own rather than the Python array they
    # come in: numpy puts large arrays on huge pages, and the walk reads the moves at a few hundred
    # scattered places per text, a quarter faster so when the other cleaners have run in between
    nextmove = np.array(shipped_moves)
    del shipped_moves
    keep = [i for i, code in enumerate(classes) if len(code) == 2]
    shipped = np.asarray(ptc)
    table = np.empty((len(shipped), len(keep)), dtype=np.float32)
    for start in range(0, len(shipped), _BLOCK):
        table[start : start + _BLOCK] = shipped[start : start + _BLOCK, keep]  # float16 to 32: exact
    del ptc, shipped
    priors = np.asarray(pc, dtype=np.float32)[keep]

    class FastIdentifier(LanguageIdentifier):  # type: ignore[misc]
        """py3langid's identifier, with its byte-by-byte Python walk of the model's automaton
        replaced by a few numpy steps over the whole text (the same counts, the same scores)."""

        def _raw_score(self, text: bytes) -> Any:
            features, counts = _visits(_features(self, text))
            if not len(features):
                return super()._raw_score(b"")
            # py3langid's _sparse_score, with the rows gathered by take(): the same rows, in less time
            return np.log1p(counts) @ np.take(self.nb_ptc, features, axis=0) + self.nb_pc

    return FastIdentifier(
        table, priors, [classes[i] for i in keep], nextmove, output, norm_probs=True, tk_row=row
    )


# rows of the feature table converted at a time (a few MB)
_BLOCK = 8192


def _features(identifier: Any, text: bytes) -> Any:
    """The features py3langid's automaton emits on ``text``, one for each time it emits one, in
    text order, without a Python step per byte.

    The automaton (Aho-Corasick over byte n-grams) is in the state of the longest suffix of the
    text read so far that begins a feature, so the state after byte ``i`` depends only on the last
    ``depth`` bytes (the longest feature): each position is walked from the start state over the
    ``depth`` bytes that end at it, all positions at once. The first two of those steps are one
    look-up of the pair of bytes.
    """
    import numpy as np

    walk = _automaton_walk(identifier)
    size = len(text)
    top = min(walk.depth, size) - 1
    states = np.zeros(size, dtype=np.intp)
    data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
    if top >= 1:
        pair = data[: size - top] << 8
        pair |= data[1 : size - top + 1]
        states[top:] = walk.pairs[pair]
        states[top - 1] = walk.nextmove[walk.rowbase[0] + data[0]]  # one byte in, from the start
        top -= 2
    for lag in range(top, -1, -1):
        rows = walk.rowbase[states[lag:]]
        rows += data[: size - lag]
        states[lag:] = walk.nextmove[rows]
    found = walk.output[states]
    return found[found >= 0]


def _visits(found: Any) -> tuple[Any, Any]:
    """The distinct features of ``found`` in the order each first occurs, and how many times each
    occurs (as float32): the keys and values of ``Counter(found)``, worked out by sorting in numpy
    (half the time of the Counter and the arrays made of it, on a sample's few hundred features).

    The order matters: the rows of the feature table are summed in it, and float sums depend on
    their order.
    """
    import numpy as np

    size = len(found)
    order = found.argsort(kind="stable")  # each feature's occurrences stay in text order
    ranked = found[order]
    edges = np.empty(size + 1, dtype=bool)
    edges[0] = edges[size] = True
    np.not_equal(ranked[1:], ranked[:-1], out=edges[1:size])
    bounds = edges.nonzero()[0]
    starts = bounds[:-1]  # the first occurrence of each feature, in the sorted order
    by_first = order[starts].argsort()
    return ranked[starts[by_first]], (bounds[1:] - starts)[by_first].astype(np.float32)


@dataclass(frozen=True, slots=True)
class _Walk:
    """The identifier's automaton as numpy arrays, for :func:`_features`."""

    nextmove: Any
    rowbase: Any
    output: Any
    #: the longest feature, in bytes
    depth: int
    #: the state the automaton is in after two bytes from its start state, by ``first << 8 | second``
    #: (512 KB): two steps of the walk in one look-up
    pairs: Any


_WALKS: dict[int, _Walk] = {}


def _automaton_walk(identifier: Any) -> _Walk:
    """The identifier's :class:`_Walk`, worked out once."""
    key = id(identifier)
    found = _WALKS.get(key)
    if found is None:
        import numpy as np

        nextmove = np.asarray(identifier.tk_nextmove)
        rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
        output = np.asarray(identifier.tk_output, dtype=np.intp)
        depth = _KNOWN_DEPTHS.get((len(nextmove), len(rowbase))) or _depth(nextmove, rowbase)
        first = nextmove[rowbase[0] + np.arange(256)]
        pairs = nextmove[(rowbase[first][:, None] + np.arange(256)).ravel()].astype(np.intp)
        found = _WALKS[key] = _Walk(nextmove, rowbase, output, depth, pairs)
    return found


# the depth of the automaton of py3langid's shipped model, by its size (checked in the tests): it
# takes the better part of a second to work out
_KNOWN_DEPTHS = {(9816576, 104583): 6}


def _depth(nextmove: Any, rowbase: Any) -> int:
    """How far the automaton's farthest state is from its start state: the longest feature."""
    import numpy as np

    # breadth first from the start state: a state's distance is the length of what it matched
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while frontier.size:
        reached = nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()]
        frontier = np.unique(reached[~seen[reached]])
        seen[frontier] = True
        depth += bool(frontier.size)
    return depth


def identify(text: str, *, expect: str | None = None, sample: int = SAMPLE_CHARS) -> Detection:
    """The language ``text`` is written in, with a confidence, or ``"und"`` when it cannot tell.

    A text with fewer than :data:`MIN_LETTERS` letters, or whose best language has a probability
    under :data:`MIN_CONFIDENCE`, is ``"und"``: for short or mixed text a wrong guess would be worse
    than none. A text longer than ``sample`` characters is judged on a sample of that size taken from
    a few places of its body (the first line, often a title, is left out when there is more); a
    first look at 150 characters of it is enough when one language is plainly ahead.

    ``expect`` is the language the text is likely to be in, such as the article's for one of its
    lines (any spelling; None or ``"und"`` when unknown). It is kept unless it is implausible (a
    probability under :data:`IMPLAUSIBLE`); then the best other language is named when it is likely
    (:data:`MIN_CONFIDENCE`) or leads the next one three to one, which on a short line is evidence
    enough that the line is not in ``expect``.

    >>> identify("Rusia akan mengundang perwakilan kelompok Taliban ke konferensi internasional.").tag
    'id'
    >>> identify("OK").tag
    'und'
    """
    if not isinstance(text, str):
        raise TypeError(f"identify takes a str, not {type(text).__name__}")
    expected = normalize_lang(expect) if expect is not None else "und"
    return _read(text, expected, sample, None).found


@dataclass(frozen=True, slots=True)
class Reading:
    """What :func:`identify` read of a text with its defaults, and what it found.

    The detection is a function of the samples alone: of ``first`` (the first look) when that look
    was ``sure``, else of ``second`` (the sample the answer was worked out on). So another text
    whose samples are the same strings has the same language, without scoring them again.
    """

    first: str
    sure: bool
    second: str | None
    found: Detection


def read_language(text: str, before: Reading | None = None) -> Reading:
    """:func:`identify` of ``text`` (with its defaults), and the samples it was read on.

    ``before`` is the reading of another text, such as the raw article when ``text`` is its cleaned
    version: a look whose sample is the same string as there is not scored again (cleaning often
    leaves the places the samples are taken from as they were).
    """
    return _read(text, "und", SAMPLE_CHARS, before)


def _read(text: str, expected: str, sample: int, before: Reading | None) -> Reading:
    """:func:`identify`, with what it read: ``before`` (read with the same ``expected`` and
    ``sample``) answers for the looks whose sample is the same string."""
    body = text.strip()
    first = _sample(body, min(sample, _FIRST_LOOK))
    seen = before is not None and first == before.first
    if seen and before is not None and before.sure:
        return before
    scores = None
    if expected == "und" and not seen and _has_letters(first, MIN_LETTERS):
        identifier = _identifier()
        scores = identifier._decide(first)  # what py3langid's classify() and rank() both work out
        best = int(scores.argmax())
        p = float(scores[best])  # compared as a Python float, as py3langid's classify() gives it
        if p >= _SURE:  # one language plainly ahead at first look
            found = Detection(normalize_lang(str(identifier.nb_classes[best])), round(p, 4))
            return Reading(first, True, None, found)
    part = first
    if sample > _FIRST_LOOK and len(first) < len(body):
        part, scores = _sample(body, sample), None
    if before is not None and part == before.second:
        return Reading(first, False, part, before.found)
    if scores is None and _has_letters(part, MIN_LETTERS):  # a text no longer than the first look
        scores = _identifier()._decide(part)  # is not scored twice
    ranked = [] if scores is None else _ranking(scores) if expected != "und" else _leaders(scores)
    return Reading(first, False, part, _judge(part, ranked, expected))


def _judge(part: str, ranked: list[tuple[str, float]], expected: str) -> Detection:
    """The detection from the ranking of ``part``'s languages (see :func:`identify`): all of them
    when a language is expected, else the two best."""
    if not ranked:
        return Detection("und", 0.0)
    if expected != "und":
        p = sum(p for code, p in ranked if _same_language(normalize_lang(code), expected))
        if p >= IMPLAUSIBLE:
            return Detection(expected, round(p, 4))
        if _same_language(normalize_lang(ranked[0][0]), expected):  # the best, yet implausible: unsure
            return Detection("und", round(ranked[0][1], 4))
    code, confidence = _settle_close_call(part, ranked[0], ranked[1])
    leads = expected != "und" and confidence >= _LEAD * ranked[1][1] and code == ranked[0][0]
    if not math.isfinite(confidence) or (confidence < MIN_CONFIDENCE and not leads):
        return Detection("und", round(confidence, 4) if math.isfinite(confidence) else 0.0)
    return Detection(normalize_lang(code), round(confidence, 4))


def _ranking(scores: Any) -> list[tuple[str, float]]:
    """py3langid's ``rank()`` of a text from its scores: every label once, best first."""
    labels, columns = _labels()
    return sorted(
        zip(labels, scores[columns].tolist(), strict=True), key=operator.itemgetter(1), reverse=True
    )


def _leaders(scores: Any) -> list[tuple[str, float]]:
    """The first two of :func:`_ranking`, all that a detection with no expected language reads,
    without ordering the hundred others: the best score's first label, then the best of the rest
    (as a stable sort leaves equal scores in label order)."""
    import numpy as np

    labels, columns = _labels()
    kept = scores[columns]
    if np.isnan(kept).any():  # NaN has no place in an order: take what the sort makes of it
        return _ranking(scores)[:2]
    best = int(kept.argmax())
    top = float(kept[best])
    kept[best] = -np.inf
    second = int(kept.argmax())
    return [(labels[best], top), (labels[second], float(kept[second]))]


@functools.cache
def _labels() -> tuple[list[str], Any]:
    """The identifier's labels, each once, and the column that holds the score of each (the first
    column of a label that has two, as py3langid folds them)."""
    import numpy as np

    first: dict[str, int] = {}
    for column, code in enumerate(_identifier().nb_classes):
        first.setdefault(str(code), column)
    return list(first), np.fromiter(first.values(), dtype=np.intp, count=len(first))


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` has ``count`` letters or more; it stops reading at the last one it needs."""
    return count <= 0 or next(itertools.islice(filter(str.isalpha, text), count - 1, None), None) is not None


def detect_language(text: str) -> str:
    """The BCP 47 tag of the language ``text`` is written in, or ``"und"`` when it cannot tell.

    >>> detect_language("The storm is expected to bring rain and snow to the Northeast on Wednesday.")
    'en'
    """
    return identify(text).tag


def _sample(text: str, size: int) -> str:
    """At most about ``size`` characters of ``text``: all of it, or windows spread over its body."""
    body = text.strip()
    if len(body) <= size:
        return body
    _title, sep, rest = body.partition("\n")
    if sep and len(rest.strip()) >= size:
        body = rest.strip()  # the first line is often a title, and titles are often another language
    width = size // _WINDOWS
    step = (len(body) - width) / (_WINDOWS - 1)
    parts = []
    for i in range(_WINDOWS):
        start = round(i * step)
        window = body[start : start + width + _SLACK]
        if start:  # begin at a word
            cut = window.find(" ", 0, _SLACK)
            window = window[cut + 1 :] if cut >= 0 else window
        cut = window.rfind(" ", 0, width)
        parts.append(window[:cut] if cut > 0 else window[:width])
    return "\n".join(parts)


def _settle_close_call(text: str, best: tuple[str, float], second: tuple[str, float]) -> tuple[str, float]:
    """Choose between two confusable languages by their marker words; otherwise keep ``best``.

    Two languages are confusable when both data files list ``[language] markers``. The one whose
    markers occur more often in ``text`` wins, with the two probabilities added up as its confidence
    (the identifier was sure it is one of the two). A tie leaves the identifier's choice.
    """
    a, b = str(best[0]), str(second[0])
    markers_a, markers_b = _markers(a), _markers(b)
    if not markers_a or not markers_b:
        return best
    folded = text.casefold()
    words = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
    hits_a = sum(map(markers_a.__contains__, words))
    hits_b = sum(map(markers_b.__contains__, words))
    confidence = best[1] + second[1]
    if hits_a > hits_b:
        return a, confidence
    if hits_b > hits_a:
        return b, confidence
    return best


@functools.lru_cache(maxsize=64)
def _markers(code: str) -> frozenset[str]:
    """The marker words of one language's own data file (not those of the languages it borrows)."""
    try:
        tag = normalize_lang(code)
    except ValueError:
        return frozenset()
    data = load_language(tag)
    own = set(data.strings("language", "markers"))
    for other in data.strings("meta", "borrow"):
        if other != tag:
            own -= set(load_language(other).strings("language", "markers"))
    return frozenset(w.casefold() for w in own)


# --- mixed-language evidence --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParagraphLanguage:
    """The language of one paragraph (a non-blank line) of a text: its span and its :class:`Detection`."""

    start: int
    end: int
    tag: str
    confidence: float


def paragraph_languages(
    text: str, lang: str | None = None, *, min_letters: int = 20
) -> list[ParagraphLanguage]:
    """The language of each paragraph of ``text`` (each non-blank line), with its offsets.

    ``lang`` is the article's language when known: a line is then put in it unless it is
    implausible for the line (see :func:`identify`'s ``expect``), so that a short Indonesian line
    is not called Malay. A paragraph with fewer than ``min_letters`` letters ("Jakarta -", a name on
    its own line) is ``"und"``: a word or two is no evidence of a language. The cost is one
    identification per line, so call it when explaining, not on the fast path.

    >>> text = "Harga beras naik lagi di pasar pagi ini.\\n\\nRead more: Prices rise again in the markets"
    >>> tuple(p.tag for p in paragraph_languages(text, "id"))
    ('id', 'en')
    """
    out: list[ParagraphLanguage] = []
    for line in iter_lines(text):
        if line.blank:
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = line.start + len(line.text.rstrip())
        found = _identify_short(text[start:end], min_letters, lang)
        out.append(ParagraphLanguage(start, end, found.tag, found.confidence))
    return out


def _identify_short(text: str, min_letters: int, expect: str | None) -> Detection:
    if not _has_letters(text, min_letters):
        return Detection("und", 0.0)
    return identify(text, expect=expect)


def title_language_mismatch(text: str, lang: str | None = None) -> ParagraphLanguage | None:
    """The title (the first non-blank line) when it is in another language than the body, else None.

    ``lang`` is the body's language when known (the article's tag); otherwise the body (everything
    after the title) is identified. Nothing is flagged unless both title and body have a language:
    a short title or an undetermined body is no evidence.

    >>> title_language_mismatch("Russia Invites Taliban to Moscow International Conference\\n\\n"
    ...     "Rusia akan mengundang perwakilan kelompok Taliban ke konferensi internasional.").tag
    'en'
    """
    lines = [line for line in iter_lines(text) if not line.blank]
    if len(lines) < 2:
        return None
    title = lines[0]
    start = title.start + (len(title.text) - len(title.text.lstrip()))
    end = title.start + len(title.text.rstrip())
    body = normalize_lang(lang) if lang is not None else identify(text[lines[1].start :]).tag
    if body == "und":
        return None
    found = _identify_short(text[start:end], MIN_LETTERS, body)
    if not found or _same_language(found.tag, body):
        return None
    return ParagraphLanguage(start, end, found.tag, found.confidence)


def _same_language(a: str, b: str) -> bool:
    """True when two tags name one language (regions and scripts aside)."""
    return a == b or _language_subtag(a) == _language_subtag(b)


@functools.lru_cache(maxsize=512)
def _language_subtag(tag: str) -> str:
    return langcodes.Language.get(tag).language or "und"


def languages_other_than(paragraphs: Iterable[ParagraphLanguage], lang: str) -> list[ParagraphLanguage]:
    """The paragraphs whose language is known and is not ``lang``: the evidence of mixed copy."""
    return [p for p in paragraphs if p.tag != "und" and not _same_language(p.tag, lang)]
