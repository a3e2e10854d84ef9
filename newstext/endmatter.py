"""``drop_end_matter``: the headers of what follows a story, contact blocks and author bios.

After the story many sites print end matter: "Weitere Informationen:", "Originalpublikation",
"Further information" (``end_matter_headers`` of the language files), a contact block, "Kontakt:",
"Pressekontakt", "Media contact" (``contact_headers``) with the names, addresses, phone numbers
and e-mail addresses that follow it, and an author's bio under "Über den Autor" or "About the
author" (``bio_headers``): the header with the few lines after it when they end the text.

``drop_trailing_bio``, a rule of its own that runs after the other junk rules, removes a last line
that is an author's bio by itself ("Jane Doe is a freelance writer based in Leeds.",
``bio_patterns``).

An end-matter header goes alone: what follows it (a citation, a list of links, a paragraph) may
be what a reader came for. A contact header takes the contact lines after it: short lines that do
not read as a sentence (a name, a job title, an organisation, a street) and lines that hold a
phone number, an e-mail address or a web address; the block ends at the last line that holds one
of those, unless it runs to the end of the text. A header with nothing contact-like after it goes
alone. See docs/rules/drop_end_matter.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkdata import TIMEOUT, Entry, junk_data
from newstext.junkpatterns import CONTACT_SIGNAL, URL_LINE
from newstext.lines import Line, lines_of_matches, remove_lines, tidy_removals
from newstext.pipeline import Cleaner

__all__ = ["DropEndMatter", "DropTrailingBio", "drop_end_matter", "drop_trailing_bio"]

_DIGITS = regex.compile(r"\d")
# a line that reads as a sentence: it ends with a full stop after a word longer than an
# abbreviation ("e. V.", "Dr.", "Inc." may end a contact line)
_SENTENCE_END = regex.compile(r"\p{L}{4,}[.!?][\"”’)]?$")
_MAX_CONTACT_WORDS = 10
_MAX_CONTACT_CHARS = 100
_MAX_BIO_CHARS = 800


@dataclass(frozen=True)
class DropEndMatter(Cleaner):
    """Remove end-matter headers, contact headers with their contact block, and author bios.

    ``extra_headers`` / ``extra_contact_headers`` / ``extra_bio_headers``: headers of your own
    (any language). ``max_bio_lines`` (default 3): a bio header takes the lines after it only
    when there are no more than this many and they end the text; else it goes alone.
    ``max_contact_lines`` (default 12) caps the lines one contact header may take: a press
    contact lists two or three people at most, and a cap keeps a misread header from eating a
    story.
    """

    name: ClassVar[str] = "drop_end_matter"

    extra_headers: tuple[str, ...] = ()
    extra_contact_headers: tuple[str, ...] = ()
    extra_bio_headers: tuple[str, ...] = ()
    max_contact_lines: int = 12
    max_bio_lines: int = 3

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        jd = junk_data(
            ctx.data,
            end_matter_headers=self.extra_headers,
            contact_headers=self.extra_contact_headers,
            bio_headers=self.extra_bio_headers,
        )
        found = list(jd.end_matter.scan(text, ctx))
        if not found:
            return ()
        lines, hits = lines_of_matches(found, text)
        out: list[Edit] = []
        for kind, m, i in hits:
            label = m["label"].strip()
            if kind == 0:
                out.append(remove_lines(text, lines[i], lines[i], self.name, f"header: {label}"))
                continue
            if kind == 2:
                last = self._bio_end(lines, i)
                note = f"bio: {label}" if last is lines[i] else f"bio: {label} ..."
                out.append(remove_lines(text, lines[i], last, self.name, note))
                continue
            last = self._contact_end(lines, i)
            note = f"contact: {label}" if last is lines[i] else f"contact: {label} ..."
            out.append(remove_lines(text, lines[i], last, self.name, note))
        return tidy_removals(text, out)

    def _bio_end(self, lines: Sequence[Line], i: int) -> Line:
        """The last line of the text when at most ``max_bio_lines`` lines follow the bio header on
        line ``i`` (the bio ends the text), else the header itself."""
        rest = []
        for j in range(i + 1, len(lines)):  # stops past ``max_bio_lines`` lines: linear however long
            ln = lines[j]
            if not ln.blank:
                rest.append(ln)
                if len(rest) > self.max_bio_lines:
                    return lines[i]
        if 0 < len(rest) <= self.max_bio_lines and all(len(ln.stripped) <= _MAX_BIO_CHARS for ln in rest):
            return rest[-1]
        return lines[i]

    def _contact_end(self, lines: Sequence[Line], i: int) -> Line:
        """The last line of the contact block under the header on line ``i`` (itself if none)."""
        last = lines[i]
        taken = 0
        blanks = 0
        for j in range(i + 1, len(lines)):
            ln = lines[j]
            if ln.blank:
                blanks += 1
                if blanks > 1:
                    break
                continue
            if taken >= self.max_contact_lines:
                return last
            s = ln.stripped
            signal = bool(CONTACT_SIGNAL.search(s)) or bool(URL_LINE.match(s))
            if not signal and not _contact_line(s):
                return last
            if blanks and not signal:
                return last  # after a blank line only a phone, mail or web line goes on
            blanks = 0
            taken += 1
            if signal:
                last = ln
        else:
            # the block runs to the end of the text: its short lines after the last address go too
            if taken and last is not lines[i]:
                return next(ln for ln in reversed(lines) if not ln.blank)
        return last


def _contact_line(s: str) -> bool:
    """True for a short line of a contact block: a name, a title, an organisation, a street."""
    if len(s) > _MAX_CONTACT_CHARS or len(s.split()) > _MAX_CONTACT_WORDS:
        return False
    if s[-1] in ",;:" or _SENTENCE_END.search(s):
        return False
    return not (s[:1].islower() and not _DIGITS.match(s))


@dataclass(frozen=True)
class DropTrailingBio(Cleaner):
    """Remove an author's bio that ends the text: "Jane Doe is a freelance writer based in Leeds."

    A line goes when a pattern of ``bio_patterns`` (language files) or ``extra_patterns`` matches
    it whole and only blank lines follow it; up to ``max_lines`` (default 2) such lines in a row,
    so that a second clean() finds none left. It runs after the other junk rules, which may
    remove what stood after the bio.
    """

    name: ClassVar[str] = "drop_trailing_bio"

    extra_patterns: tuple[str, ...] = ()
    max_lines: int = 2

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        patterns = junk_data(ctx.data, bio_patterns=self.extra_patterns).bio_lines
        if not patterns:
            return ()
        out: list[Edit] = []
        end = len(text.rstrip())
        for _ in range(self.max_lines):
            start = text.rfind("\n", 0, end) + 1
            if start >= end or not any(_matches(e, text, start, end) for e in patterns):
                break
            line = Line(-1, start, end, text[start:end])
            out.append(remove_lines(text, line, line, self.name, f"bio: {line.stripped[:80]}"))
            end = len(text[:start].rstrip())
        return tidy_removals(text, out)


def _matches(entry: Entry, text: str, start: int, end: int) -> bool:
    try:
        return entry.pattern.match(text, start, end, timeout=TIMEOUT) is not None
    except TimeoutError:
        return False


#: The cleaners with their defaults, as they run in the default pipeline.
drop_end_matter = DropEndMatter()
drop_trailing_bio = DropTrailingBio()
