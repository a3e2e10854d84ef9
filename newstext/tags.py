"""``strip_keyword_tags``: SEO keyword tags that sites and scrapers add to an article.

Four shapes are removed (docs/rules/strip_keyword_tags.md says how each threshold was chosen):

* **glued tags**: a short phrase glued after the last sentence of a paragraph
  (``"... belum diputuskan. Politik Rusia"``). A phrase the language data or the user lists is
  removed wherever it ends a paragraph after a full stop, and so is a short tail that opens with a
  section name the data lists (``"Politik"``, ``"Ekonomi"``). Any other such tail is removed only when
  the article itself gives evidence that it is a tag, because a single sentence head cut short by
  an extractor looks the same: two or more paragraphs end in such tails that share a word, or the
  tail is a title-case phrase whose words the story uses again and again;
* **tag lists**: short lowercase phrases, one per line, after the last story line
  (``"luna maya / film jalan pulang / horor indonesia"``);
* **tag lines**: a label from the data followed by the tags (``"Tags: a, b, c"``), or a bare label
  line followed by tag lines at the end of the article;
* **hashtag tails**: two or more hashtags at the end of a line or filling a line.

Never touched: a headline or subheading standing alone, a paragraph that ends without a full stop,
abbreviations and initials (``"Dr. Smith"``, ``"U.S. Army"``), numbers, times, list items,
quotes and their attributions (a tail after a closing quote mark), captions.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkpatterns import GREEK_ACCENTS
from newstext.langdata import available_languages, load_language
from newstext.lines import LazyLines, has_line_longer, remove_lines, remove_tail
from newstext.pipeline import Cleaner

__all__ = ["StripKeywordTags", "strip_keyword_tags"]

# --- language-independent patterns, compiled once -------------------------------------------------

#: a word of a tag: letters, with inner apostrophes or hyphens ("Bangsa-Bangsa"); no digits
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-]){0,30}"
#: the end of a paragraph that may carry a glued tag: a word of 3+ characters without inner full
#: stops ends a sentence, then 1 to 5 words with no punctuation run to the end of the line. Applied
#: to the last _TAIL_WINDOW characters of a line only, so its cost does not grow with the line.
_PREV_CHARS = 40  # the most characters of the word before the full stop that _GLUED_TAIL reads
_GLUED_TAIL = re.compile(
    rf"(?P<prev>[^\s.]{{3,{_PREV_CHARS}}})\.[ \t]+(?P<tail>{_WORD}(?:[ \t]+{_WORD}){{0,4}})[ \t]*$"
)
_TAIL_WINDOW = 240
#: the break after a line that ends with what a glued tail ends with (a letter of _WORD, an
#: apostrophe, a hyphen) or with white space: a search that starts with a literal finds these lines
_WORD_AT_END = re.compile(r"\n(?<=(?:[^\W\d_]|['’\-]|[^\S\n])\n)")
#: what follows the last full stop of a line that ends with a glued tail: a cheap test that most
#: lines fail (they end with the full stop), run before _GLUED_TAIL's search of the window
_AFTER_STOP = re.compile(rf"[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,4}}[ \t]*")
#: a line that is an item of a list: a bullet or a number with "." or ")"
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–—·▪►◦]|\d{1,3}[.)])")
#: a token made of hashtags only ("#foo", "#foo#bar")
_HASHTAGS = re.compile(r"(?:#[^\W\d_][\w-]{0,80})+")
_HASHTAG = re.compile(r"#[^\W\d_]")
#: one item of a trailing tag list: 1 to 4 words, no sentence punctuation
_LIST_TAG = re.compile(r"[^\W\d_][\w'’&-]{0,30}(?:[ \t]+[\w'’&-]{1,30}){0,3}")
#: the separators between the tags of a "Tags:" line
_TAG_SEP = re.compile(r"[,;|/、，·•#]")
#: words, for counting how often the story uses a word; tokens, for finding a listed phrase
_WORDS = re.compile(r"\w+")
_TOKEN = re.compile(r"\S+")
#: the marks that end a sentence, and the closing quotes and brackets that may follow them
_SENTENCE_MARKS = tuple(".!?…。！？؟।۔")
_CLOSERS = "\"'”’»)]）」』"
#: what a story line ends with (a tag list only counts after one)
_STORY_END = tuple('.!?…。！？؟।۔”"’»)]')

# thresholds, measured on the dev corpus and trafilatura's 990 pages (see the docs page)
_MIN_WORDS_BEFORE_TAIL = 8  # a glued tag follows a paragraph, not a short line or a list entry
_MIN_SHARED_LEN = 4  # a word two glued tails share must have at least this many letters
_MIN_RECURRENCE = 3  # a lone title-case tail needs a word the story uses this often
_MIN_LIST_TAGS = 3  # a trailing list of lowercase phrases needs this many lines
_MAX_TAG_LINE = 300  # a "Tags:" line longer than this is prose, not tags
_MAX_TAG_WORDS = 6  # words in one tag of a "Tags:" line
_MAX_TAG_CHARS = 40  # characters in one line of a trailing tag list
_MAX_COUNTED_CHARS = 100_000  # the words of a line are counted in its first this many characters
#: the words of a long text are counted a piece of about this many characters at a time
_COUNT_PIECE = 1 << 16


@functools.lru_cache(maxsize=64)
def _label_pattern(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``Label: rest`` for the given labels (cached per set of labels, a bounded set), and the
    start of such a line after the break before it: a search for that, which starts with a
    literal, finds the few lines worth matching in one pass."""
    if not labels:
        return None
    alts = "|".join(_label_source(label) for label in sorted(labels, key=len, reverse=True))
    line = re.compile(rf"[ \t]*(?:{alts})[ \t]*(?P<colon>[:：]?)[ \t]*(?P<rest>.*)", re.IGNORECASE)
    return line, re.compile(rf"\n(?=[ \t]*(?:{alts}))", re.IGNORECASE)


def _label_source(label: str) -> str:
    """``label`` escaped, a Greek vowel matching with or without its accent ("ΕΤΙΚΕΤΕΣ" is "Ετικέτες")."""
    out = []
    for ch in label:
        plain = _GREEK_PLAIN.get(ch.lower(), ch.lower())
        marks = GREEK_ACCENTS.get(plain)
        out.append(f"[{plain}{marks}]" if marks else re.escape(ch))
    return "".join(out)


_GREEK_PLAIN = {accented: plain for plain, marks in GREEK_ACCENTS.items() for accented in marks}


@functools.cache
def _all_sections() -> tuple[str, ...]:
    """The section names of every shipped language (for text whose language is unknown)."""
    names: dict[str, None] = {}
    for lang in available_languages():
        names.update(dict.fromkeys(load_language(lang).strings("tags", "sections")))
    return tuple(names)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# what the lists of the language data and of the options come to, worked out once per list
# (a bounded number: one per language and set of options)


@functools.lru_cache(maxsize=256)
def _phrase_set(phrases: tuple[str, ...]) -> frozenset[str]:
    """The listed tag phrases, folded."""
    return frozenset(_fold(p) for p in phrases if p.strip())


@functools.lru_cache(maxsize=256)
def _label_set(labels: tuple[str, ...]) -> tuple[str, ...]:
    """The labels of tag lines, stripped, sorted, once each."""
    return tuple(sorted({lab.strip() for lab in labels if lab.strip()}))


@functools.lru_cache(maxsize=256)
def _section_heads(names: tuple[str, ...]) -> tuple[str, ...]:
    """Section names as they open a glued tag: capitalised, white space folded, with a space after."""
    return tuple(p.strip()[0].upper() + " ".join(p.split())[1:] + " " for p in names if p.strip())


@dataclass(frozen=True)
class StripKeywordTags(Cleaner):
    """Remove SEO keyword tags: glued tags, trailing tag lists, "Tags:" lines, hashtag tails.

    ``phrases``: tag phrases of your own (``("Politik Rusia",)``), removed case-insensitively when
    they end a paragraph after a full stop or stand in the tag list at the end; they add to the
    ``[tags] phrases`` of the language data. ``labels``: extra labels of tag lines (``("Topik",)``).
    ``sections``: extra section names that open a glued tag (``("Olahraga",)``).
    ``detect``: also remove tags that no list names, from their shape and the evidence of the
    article (default True; turn it off to remove only listed phrases, labelled lines and hashtags).
    The defaults remove what the dev corpus and trafilatura's pages show to be tags and nothing
    that is story text there.
    """

    name: ClassVar[str] = "strip_keyword_tags"

    phrases: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    detect: bool = True

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        if not text or text.isspace():  # (text.strip() would copy all of a long text)
            return []
        lines = LazyLines(text)
        phrases = _phrase_set((*ctx.data.strings("tags", "phrases"), *self.phrases))
        labels = _label_set((*ctx.data.strings("tags", "labels"), *self.labels))
        out: list[Edit] = []
        drop: set[int] = set()  # indexes of lines removed whole

        self._label_lines(text, lines, labels, drop)
        tails: dict[int, int] = {}  # line index -> column where a removed tail starts
        # only a line that holds a hashtag can end with two: one search finds them
        hashtags = [m.start() for m in _HASHTAG.finditer(text)] if "#" in text else []
        for index, line_text in lines.holding(hashtags):
            if index in drop:
                continue
            at = _hashtag_tail(line_text)
            if at == 0:
                drop.add(index)
            elif at > 0:
                tails[index] = at
        self._trailing_list(lines, phrases, drop)
        # section names as written (capitalised, as they open a tag); when the language is unknown,
        # those of every language, so that the verdict does not hang on the detector's guess
        known = ctx.data.strings("tags", "sections") if ctx.data.known else _all_sections()
        sections = _section_heads((*known, *self.sections))
        self._glued(text, lines, phrases, sections, drop, tails)

        for index, at in tails.items():
            out.append(
                remove_tail(text, lines[index], at, self.name, "tag: " + lines[index].text[at:].strip())
            )
        if drop:
            out.extend(_blocks(text, lines, drop, self.name))
        return out

    # --- tag lines -------------------------------------------------------------------------------

    def _label_lines(self, text: str, lines: LazyLines, labels: tuple[str, ...], drop: set[int]) -> None:
        patterns = _label_pattern(labels)
        if patterns is None:
            return
        pattern, head = patterns
        # the first line, and the lines that start with a label after their break
        starts = [0, *(m.start() + 1 for m in head.finditer(text))]
        tag_tail: tuple[int, list[int]] | None = None
        for index, line_text in lines.holding(starts):
            if len(line_text) > _MAX_TAG_LINE + 40 or line_text.isspace() or not line_text:
                continue
            m = pattern.fullmatch(line_text)
            if m is None:
                continue
            rest = m.group("rest").strip()
            if rest and m.group("colon") and _tag_items(rest):
                drop.add(index)
            elif not rest:
                # a bare label: junk when what follows it, to the end, is tags (or nothing, after a colon)
                tag_tail = tag_tail or _tag_tail(lines)
                after = _tags_after(tag_tail, index)
                if after > 0 or (after == 0 and m.group("colon")):
                    drop.update(range(index, len(lines)))
                    return

    # --- trailing tag lists ----------------------------------------------------------------------

    def _trailing_list(self, lines: LazyLines, phrases: frozenset[str], drop: set[int]) -> None:
        run: list[int] = []
        for index, line_text in lines.backward(len(lines)):
            s = line_text.strip()
            if not s or index in drop:
                continue
            listed = bool(phrases) and _fold(s) in phrases  # folding a long line costs
            shaped = self.detect and len(s) <= _MAX_TAG_CHARS and s == s.lower() and s != s.upper()
            if listed or (shaped and _LIST_TAG.fullmatch(s) is not None):
                run.append(index)
                continue
            break
        if not run:
            return
        # what comes before the run must be the end of a story line, not a header or a list intro
        before = next((s for i, s in _stripped(lines.backward(run[-1])) if s and i not in drop), "")
        if not before.endswith(_STORY_END):
            return
        listed_all = all(_fold(lines[i].stripped) in phrases for i in run)
        if len(run) >= _MIN_LIST_TAGS or listed_all:
            drop.update(run)

    # --- glued tags ------------------------------------------------------------------------------

    def _glued(
        self,
        text: str,
        lines: LazyLines,
        phrases: frozenset[str],
        sections: tuple[str, ...],
        drop: set[int],
        tails: dict[int, int],
    ) -> None:
        if not phrases and not self.detect:
            return
        candidates: dict[int, tuple[int, str]] = {}
        longest = max((p.count(" ") + 1 for p in phrases), default=0)
        # a listed phrase may end any line; a tail found from its shape, only a line that ends with
        # a word (or white space: the last character before it is not looked at)
        looked_at = (
            ((i, lines[i].text) for i in range(len(lines)))
            if phrases
            else lines.holding([*(m.start() for m in _WORD_AT_END.finditer(text)), len(text)])
        )
        for index, line_text in looked_at:
            if index in drop or index in tails or line_text.isspace() or not line_text:
                continue
            listed = _listed_tail(line_text, phrases, longest)
            if listed >= 0:
                tails[index] = listed  # a listed phrase: no more evidence needed
                continue
            found = _glued_candidate(lines, index, line_text) if self.detect else None
            if found is None:
                continue
            at, tail, words_before = found
            if len(tail.split()) >= 2 and " ".join(tail.split()).startswith(sections):
                tails[index] = at  # opens with a section name: "Politik Rusia", "Ekonomi Jakarta"
            elif words_before >= _MIN_WORDS_BEFORE_TAIL:
                candidates[index] = (at, tail)
        if not candidates:
            return
        words = {i: {w.casefold() for w in tail.split()} for i, (_at, tail) in candidates.items()}
        counts = _story_words(lines, candidates)
        # in how many candidate tails each word occurs
        spread: Counter[str] = Counter(w for ws in words.values() for w in ws if len(w) >= _MIN_SHARED_LEN)
        for i, (at, tail) in candidates.items():
            shared = any(spread[w] >= 2 for w in words[i])
            if shared or _title_tag(tail, counts):
                tails[i] = at


def _tag_tail(lines: LazyLines) -> tuple[int, list[int]]:
    """The last non-blank line that does not read as tags (-1: none), and the non-blank lines after
    it (all tags, last first): what the fate of every bare label hangs on, read from the end once."""
    tagged: list[int] = []
    for index, s in _stripped(lines.backward(len(lines))):
        if not s:
            continue
        if not _tag_items(s):
            return index, tagged
        tagged.append(index)
    return -1, tagged


def _stripped(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Each (index, line text) with the text stripped of the white space around it."""
    return ((index, line_text.strip()) for index, line_text in lines)


def _tags_after(tag_tail: tuple[int, list[int]], index: int) -> int:
    """The number of non-blank lines after line ``index`` when all of them read as tags, else -1."""
    last_prose, tagged = tag_tail
    if last_prose > index:
        return -1
    return sum(1 for k in tagged if k > index)


def _listed_tail(text: str, phrases: frozenset[str], longest: int) -> int:
    """Where a listed phrase glued after the end of a sentence starts in ``text``, or -1."""
    if not phrases:
        return -1
    window = text.rstrip()[-_TAIL_WINDOW:]
    base = len(text.rstrip()) - len(window)
    starts = [m.start() for m in _TOKEN.finditer(window)][-longest - 1 :]
    for k in range(1, len(starts)):  # the phrase is the words from starts[k] to the end
        if _fold(window[starts[k] :]) in phrases:
            head = window[: starts[k]].rstrip().rstrip(_CLOSERS)
            if head.endswith(_SENTENCE_MARKS):
                return base + starts[k]
    return -1


def _story_words(lines: LazyLines, candidates: dict[int, tuple[int, str]]) -> Counter[str]:
    """How often each word occurs in the article outside the candidate tails (``{line index:
    (column, tail)}``), in the first _MAX_COUNTED_CHARS characters of each line.

    Counted in the whole text, a piece at a time, less the words of the tails (a tail follows a
    space: no word straddles its start): the same count as line by line when no line is longer
    than that, which is tested first.
    """
    text = lines.text
    counts: Counter[str] = Counter()
    if has_line_longer(text, _MAX_COUNTED_CHARS):
        for index, line in enumerate(text.split("\n")):
            body = line[: candidates[index][0]] if index in candidates else line
            counts.update(_WORDS.findall(body[:_MAX_COUNTED_CHARS]))
        return counts
    pos = 0
    while pos < len(text):
        # each piece ends at a line break, which no word holds
        end = text.find("\n", pos + _COUNT_PIECE)
        end = len(text) if end < 0 else end
        counts.update(_WORDS.findall(text, pos, end))
        pos = end + 1
    for index, (at, _tail) in candidates.items():
        counts.subtract(_WORDS.findall(lines[index].text, at))
    return counts


def _glued_candidate(lines: LazyLines, index: int, line_text: str) -> tuple[int, str, int] | None:
    """``(column, tail, words before it)`` when line ``index`` (``line_text``) ends with a sentence
    and then a short unpunctuated phrase."""
    text = line_text.rstrip()
    stop = text.rfind(".")
    # a match's full stop is the line's last one (a tail holds none), and what follows it must read
    # as the tail: when it does not, _GLUED_TAIL cannot match either
    if stop < 0 or _AFTER_STOP.fullmatch(text, stop + 1) is None:
        return None
    if _LIST_ITEM.match(text):
        return None
    # ... and the word before that full stop has at most _PREV_CHARS: no match starts earlier
    m = _GLUED_TAIL.search(text, max(0, len(text) - _TAIL_WINDOW, stop - _PREV_CHARS))
    if m is None:
        return None
    prev, tail = m.group("prev"), m.group("tail")
    if not tail[0].isupper() or not prev[-1].isalpha() or any(len(w) < 2 for w in tail.split()):
        return None  # a tag is made of words: "Politik A" is an initial, not a tag
    # the paragraph must end here: the next line does not continue it or start a list it introduces
    nxt = lines[index + 1].stripped if index + 1 < len(lines) else ""
    if nxt and (nxt[0].islower() or nxt[0] in ",.;:)]}" or _LIST_ITEM.match(nxt)):
        return None
    return m.start("tail"), tail, len(text[: m.start("tail")].split())


def _title_tag(tail: str, counts: Counter[str]) -> bool:
    """A lone tail of 2-4 title-case words, one of which the story uses at least _MIN_RECURRENCE times."""
    words = tail.split()
    if not 2 <= len(words) <= 4:
        return False
    if not all(w[0].isupper() and not w.isupper() for w in words):
        return False
    return any(len(w) >= _MIN_SHARED_LEN and counts[w] >= _MIN_RECURRENCE for w in words)


def _hashtag_tail(text: str) -> int:
    """Where a run of 2+ hashtags ending the line starts (0: the whole line), or -1."""
    if "#" not in text:
        return -1
    parts = text.rsplit(None, 40)
    count = 0
    k = len(parts)
    while k > 0 and _HASHTAGS.fullmatch(parts[k - 1]):
        count += len(_HASHTAG.findall(parts[k - 1]))
        k -= 1
    if count < 2:
        return -1
    if k == 0:
        return 0
    # the hashtags follow the end of a sentence, an emoji or a separator, not a word of a sentence
    head = text.rstrip()
    for part in reversed(parts[k:]):
        head = head[: len(head) - len(part)].rstrip()
    if head[-1].isalnum():
        return -1
    return len(head)


def _tag_items(rest: str) -> bool:
    """True when ``rest`` reads as a list of tags: short items, no sentence inside."""
    if not rest or len(rest) > _MAX_TAG_LINE:
        return False
    items = [item.strip() for item in _TAG_SEP.split(rest) if item.strip()]
    if not items:
        return False
    for item in items:
        if len(item.split()) > _MAX_TAG_WORDS or re.search(r"[.!?。！？](?:\s|$)", item):
            return False
    return True


def _blocks(text: str, lines: LazyLines, drop: set[int], rule: str) -> Iterable[Edit]:
    """One edit per run of dropped lines (blank lines inside or after a run go with it)."""
    n = len(lines)
    done = 0  # the lines before this one are in a run already
    for k in sorted(drop):
        if k < done:
            continue
        first = k
        last = k
        j = k + 1
        while j < n and (j in drop or lines[j].blank):
            if j in drop:
                last = j
            j += 1
        if j == n:
            last = n - 1  # the run reaches the end: blank lines after it and before it go too
            while first > 0 and lines[first - 1].blank:
                first -= 1
        note = "tags: " + " / ".join(
            lines[i].stripped for i in range(first, last + 1) if i in drop and not lines[i].blank
        )
        yield remove_lines(text, lines[first], lines[last], rule, note[:200])
        done = j


strip_keyword_tags = StripKeywordTags()
