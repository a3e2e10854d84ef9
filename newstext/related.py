"""``drop_related_links``: "Read more: <headline>" lines, "Baca Juga" blocks and video promos.

A related-link label ("Baca juga", "Read more", "Lesen Sie auch", "Czytaj też" ... from
``related_labels`` of the language files) at the start of a line takes with it:

- the headline on the same line, after a separator ("Baca juga: Harga Turun Lagi") or, with no
  separator, when the rest has a headline's shape (title case, no full stop);
- when the label stands alone ("Baca Juga", "RELATED:", "Auch interessant:"), the headline lines
  that follow it: the first line when it has a headline's shape, then further lines while they
  are title-cased headlines (at most ``max_headlines``), one blank line allowed between them.

A promo label ("Video:", "Simak juga video" from ``promo_labels``) followed by a headline removes
its line, and so does a teaser set between arrows (">> Lokal muss schließen <<"). A label that runs
on as prose ("Read more widely, and you will find ...") is not a label: the line stays. See
docs/rules/drop_related_links.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkdata import junk_data
from newstext.junkpatterns import TEASER_LINE, is_headline, is_title_case
from newstext.lines import Line, line_start_matches, lines_of_matches, remove_lines, tidy_removals
from newstext.pipeline import Cleaner

__all__ = ["DropRelatedLinks", "drop_related_links"]

_SEPARATORS = ":：»>|–—-"
# the bracket that closes each bracket a label may stand in
_CLOSERS = {"[": "]", "(": ")", "【": "】", "（": "）"}
# a headline under a bare label has at least this many words (a shorter line is a subheading)
_MIN_HEADLINE_WORDS = 4
_CASED = regex.compile(r"\p{Lu}|\p{Ll}")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"”’)]?\s+\p{Lu}")
# "Label: value" with a short label and a short value: a credit or a caption, not a headline
# ("Foto: dpa"); a headline may have that shape with a longer value ("Richtig frühstücken: Die
# besten Tipps für einen flachen Bauch")
_LABEL_VALUE = regex.compile(r"^[\p{L}][\p{L} ]{0,24}[:：][^\S\n]*+(?!(?:\S+[^\S\n]+){3}\S)\S")


#: the kind given to a teaser line (">> ... <<") among the related scanner's kinds
_TEASER = -1


@dataclass(frozen=True)
class DropRelatedLinks(Cleaner):
    """Remove related-link labels with their headlines, and video or gallery promo lines.

    ``extra_labels`` / ``extra_promo_labels``: labels of your own (any language; they apply
    whatever the article's language). ``max_headlines`` (default 8) caps how many headline lines
    one bare label may take: a "Baca Juga" list rarely holds more, and a cap keeps a misread label
    from eating the story.
    """

    name: ClassVar[str] = "drop_related_links"

    extra_labels: tuple[str, ...] = ()
    extra_promo_labels: tuple[str, ...] = ()
    max_headlines: int = 8

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        jd = junk_data(ctx.data, related_labels=self.extra_labels, promo_labels=self.extra_promo_labels)
        found = sorted(jd.related.scan(text, ctx), key=lambda im: im[1].start())
        teasers = list(line_start_matches(TEASER_LINE, text)) if _may_hold_teaser(text) else []
        if not found and not teasers:
            return ()
        lines, hits = lines_of_matches([*found, *((_TEASER, m) for m in teasers)], text)
        # the lines that hold a label: where the headlines under a bare label end
        labelled = {i for kind, _, i in hits if kind != _TEASER}
        out: list[Edit] = []
        for kind, m, i in hits:
            if kind == _TEASER:
                note = f"teaser: {m['v'].strip()[:80]}"
                out.append(remove_lines(text, lines[i], lines[i], self.name, note))
                continue
            label = m["label"].strip()
            if kind == 0:
                what = _classify(label, m["after"], opener=text[m.start() : m.start("label")].rstrip()[-1:])
                if what == "keep":
                    continue
                last = self._block_end(lines, i, labelled) if what == "bare" else lines[i]
                out.append(remove_lines(text, lines[i], last, self.name, f"label: {label}"))
                continue
            after = m["after"]
            if not _promo_separated(label, after):
                continue
            rest = after.strip().lstrip(_SEPARATORS).strip()
            if rest and is_headline(rest.rstrip("])"), max_chars=200):
                out.append(remove_lines(text, lines[i], lines[i], self.name, f"promo: {label}"))
        return tidy_removals(text, out)

    def _block_end(self, lines: Sequence[Line], i: int, labelled: set[int]) -> Line:
        """The last line of the headline block that follows a bare label on line ``i`` (the
        lines that hold a label: ``labelled``)."""
        last = lines[i]
        blanks = 0
        taken = 0
        for j in range(i + 1, min(len(lines), i + 2 + 2 * self.max_headlines)):
            ln = lines[j]
            if taken >= self.max_headlines:
                break
            if ln.blank:
                blanks += 1
                if blanks > 1:
                    break
                continue
            s = ln.stripped
            if j in labelled:
                break  # the next label: its own edit
            ok = _headline_line(s)
            if ok and taken and not is_title_case(s, ratio=0.6):
                # a headline in sentence case only when the block runs to the end of the text
                ok = _headlines_to_the_end(lines, j, self.max_headlines - taken)
            if not ok:
                break
            blanks = 0
            taken += 1
            last = ln
        return last


def _may_hold_teaser(text: str) -> bool:
    """True when ``text`` holds the arrows a teaser line opens with (">>" or "»»"); the search for
    one character comes first, as it is many times faster than the search for two."""
    return (">" in text and ">>" in text) or ("»" in text and "»»" in text)


def _headline_line(s: str) -> bool:
    """True for a line (stripped) that may be a linked headline under a bare label."""
    return (
        is_headline(s, max_chars=200, max_words=30)
        and not _LABEL_VALUE.match(s)
        and (len(s.split()) >= _MIN_HEADLINE_WORDS or not _CASED.search(s))
    )


def _headlines_to_the_end(lines: Sequence[Line], j: int, room: int) -> bool:
    """True when every line from ``j`` to the end of the text is a headline (at most ``room``)."""
    seen = 0
    for k in range(j, len(lines)):  # stops after ``room`` lines: linear however long the text
        ln = lines[k]
        if ln.blank:
            continue
        seen += 1
        if seen > room or not _headline_line(ln.stripped):
            return False
    return True


def _classify(label: str, after: str, *, opener: str = "") -> str:
    """What a matched label line is: "inline" (label and headline), "bare" (label alone, headlines
    follow), "line" (a label with a few words, alone) or "keep" (prose).

    ``opener`` is the bracket the label stands in, if any: its closing bracket then separates the
    label from the headline like a colon ("【相关阅读】headline", "[Baca juga] headline").
    """
    close = _CLOSERS.get(opener)
    if close and after.lstrip(" \t").startswith(close):
        rest = after.lstrip(" \t")[1:].strip()
        if rest and not is_headline(rest, max_chars=200):
            return "keep"  # "(Read more) and you will find ...": prose after a bracket
        after = ":" + rest
    a = after.strip()
    if a.endswith(("]", ")", "】")):
        a = a[:-1].rstrip()
    if not a.strip(_SEPARATORS + ".…?!？！ "):
        return "bare"
    if label.rstrip()[-1:] in _SEPARATORS:  # the label holds its colon: "Baca juga:"
        a = ":" + a
    if a[0] in _SEPARATORS:
        rest = a.lstrip(_SEPARATORS).strip()
        if not rest:
            return "bare"
        if len(rest) > 300 or len(_SENTENCE_BREAK.findall(rest)) > 1 or rest[-1] in ",;":
            return "keep"
        return "inline"
    if not after[:1].isspace():
        return "keep"  # "Read moreover": not the label
    words = a.split()
    if a.endswith((":", "：")) and len(words) <= 6:
        return "bare"  # "Lesen Sie auch die folgenden Beiträge:"
    if len(words) <= 4 and a[-1] not in ".!?;," and not is_headline(a):
        return "line"  # "Mehr zum Thema auf UEPO.de": the line alone
    if label.isupper() and is_headline(a):
        return "inline"  # "READ MORE Actress-Director Arrives at ISS"
    if is_headline(a, max_chars=200) and is_title_case(a, ratio=0.6):
        return "inline"
    return "keep"


#: The cleaner with its defaults, as it runs in the default pipeline.
drop_related_links = DropRelatedLinks()


def _promo_separated(label: str, after: str) -> bool:
    """True when a promo label is set off from its headline: "Video: X", "VIDEO - X".

    With only a space between them the label must be longer than one word or written in capitals
    ("Simak juga Video Trump ...", "ZOBACZ WIDEO Bartosz ..."): "Video & Further Resources" and
    "Video-Serie" are words of a heading, not a label.
    """
    if not after:
        return False
    head = after.lstrip(" \t")
    if head[:1] in ":：|»>–—":
        return True
    if head[:2] == "- " and after[:1].isspace():
        return True
    if not after[:1].isspace():
        return False
    return len(label.split()) > 1 or label.isupper()
