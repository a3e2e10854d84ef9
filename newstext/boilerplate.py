"""``drop_boilerplate``: the lines a site adds around every story.

Ad and scroll markers ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"), comment forms ("Leave a
Reply"), share, follow, subscribe, newsletter, app and channel promos (also when a scraper broke
one over several lines), cookie notices, "Loading...", ad-script leftovers and tables of contents
("Daftar Isi" with its entries). The phrases come from the ``[junk]`` tables of the language files
(``boilerplate_lines``, ``boilerplate_patterns``, ``toc_headers``); see docs/rules/drop_boilerplate.md.

Only whole lines are removed, and the tail of a line only where a pattern says so (a lower-cased
embed residue such as " gambas video cnn" at the end of an article). A line that is nothing but a
URL or punctuation goes too when it stands right next to a removed promo (the link of "Follow us
on WhatsApp:").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from newstext.context import Context
from newstext.edits import Edit
from newstext.junkdata import junk_data
from newstext.junkpatterns import PIPE_LINE, PUNCT_LINE, SCRIPT_LINE, URL_LINE, is_stamp_line
from newstext.lines import Line, line_start_matches, remove_lines, remove_match, tidy_removals
from newstext.pipeline import Cleaner

__all__ = ["DropBoilerplate", "drop_boilerplate"]

_MAX_TOC_ENTRIES = 40
# a line SCRIPT_LINE may match starts (after blanks) with one of these, as plain text (kept in step
# with it, tests/test_line_heads.py): one search finds the lines worth trying (the stdlib's white
# space takes in all the regex module's, and U+001C to U+001F)
_SCRIPT_START = re.compile(
    r"\n[^\S\n]{0,40}(?:\(adsbygoogle|googletag\.|window\.|dataLayer\.push\(|gtag\(|fbq\("
    r"|_gaq\.push\(|__tcfapi\(|document\.write\(|var[^\S\n]|jQuery\(document\)\.ready\("
    r"|\$\(document\)\.ready\()"
)


@dataclass(frozen=True)
class DropBoilerplate(Cleaner):
    """Remove boilerplate lines: ads, promos, comment forms, cookie notices, tables of contents.

    ``extra_lines``: whole lines of your own to remove (matched like ``boilerplate_lines``).
    ``extra_patterns``: regular expressions of your own (like ``boilerplate_patterns``).
    ``extra_toc_headers``: headers of a table of contents. All default to none: the language
    files already hold the common phrases, and a user's site-specific lines belong in options.
    """

    name: ClassVar[str] = "drop_boilerplate"

    extra_lines: tuple[str, ...] = ()
    extra_patterns: tuple[str, ...] = ()
    extra_toc_headers: tuple[str, ...] = ()

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        jd = junk_data(
            ctx.data,
            boilerplate_lines=self.extra_lines,
            boilerplate_patterns=self.extra_patterns,
            toc_headers=self.extra_toc_headers,
        )
        out: list[Edit] = []
        for kind, m in jd.boilerplate.scan(text, ctx):
            if kind == 0:
                note = f"line: {m['label'].strip()}"
            elif kind == 1:
                out.append(_toc_edit(text, m.start(), self.name))
                continue
            else:
                note = "pattern"
            if m.end() > m.start():
                out.append(remove_match(text, m.start(), m.end(), self.name, note))
        for m in line_start_matches(SCRIPT_LINE, text, head=_SCRIPT_START):  # SCRIPT_LINE.finditer(text)
            out.append(remove_match(text, m.start(), m.end(), self.name, "script"))
        if "|" in text and " | " in text:  # (the search for one character is the faster)
            for m in line_start_matches(PIPE_LINE, text):  # PIPE_LINE.finditer(text)
                if is_stamp_line(m.group()):
                    out.append(remove_match(text, m.start(), m.end(), self.name, "stamp"))
        if out:
            out.extend(_glue(text, out, self.name))
        return tidy_removals(text, out)


def _toc_edit(text: str, start: int, rule: str) -> Edit:
    """The header of a table of contents with the entries that follow it.

    An entry is a short line that comes back later in the text (the subheading it points to), or
    a short numbered or bulleted line.
    """
    head_start = text.rfind("\n", 0, start) + 1
    head_end = text.find("\n", start)
    head_end = len(text) if head_end < 0 else head_end
    header = Line(-1, head_start, head_end, text[head_start:head_end])
    last = header
    pos = head_end + 1
    seen = 0
    while pos < len(text) and seen < 3 * _MAX_TOC_ENTRIES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        ln = Line(-1, pos, end, text[pos:end])
        pos = end + 1
        seen += 1
        if ln.blank:
            continue
        key = _entry_key(ln.text)
        numbered = ln.stripped[:1].isdigit() or ln.stripped[:1] in "-•*·▪"
        if len(ln.stripped) > 120 or not key or key[-1] in ".,;:":
            break
        # an entry comes back later as the subheading it points to
        if not numbered and text.find(ln.stripped, end) < 0:
            break
        last = ln
    return remove_lines(text, header, last, rule, "table of contents")


def _entry_key(line: str) -> str:
    s = line.strip().lstrip("-•*·▪ \t")
    j = 0
    while j < len(s) and (s[j].isdigit() or s[j] in ".)"):
        j += 1
    return s[j:].strip().casefold()


def _glue(text: str, removed: list[Edit], rule: str) -> list[Edit]:
    """URL-only and punctuation-only lines right before or after a removed line (a promo's link)."""
    out: list[Edit] = []
    gone = sorted((e.start, e.end) for e in removed)
    seen: set[int] = set()
    todo = list(gone)
    for _ in range(3):  # a chain: promo, URL line, "." line
        more: list[tuple[int, int]] = []
        for start, end in todo:
            for ln in _neighbours(text, start, end):
                if ln.start in seen or not (URL_LINE.match(ln.text) or PUNCT_LINE.match(ln.text)):
                    continue
                seen.add(ln.start)
                e = remove_lines(text, ln, ln, rule, "promo link")
                out.append(e)
                more.append((e.start, e.end))
        if not more:
            break
        todo = more
    return out


def _neighbours(text: str, start: int, end: int) -> list[Line]:
    """The line before ``start`` and the line at ``end`` (the edges of a removed span)."""
    out: list[Line] = []
    if start > 0:
        prev_end = start - 1 if text[start - 1] == "\n" else start
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if prev_end > prev_start:
            out.append(Line(-1, prev_start, prev_end, text[prev_start:prev_end]))
    if end < len(text):
        next_start = end + 1 if text[end] == "\n" else end
        next_end = text.find("\n", next_start)
        next_end = len(text) if next_end < 0 else next_end
        if next_end > next_start:
            out.append(Line(-1, next_start, next_end, text[next_start:next_end]))
    return out


#: The cleaner with its defaults, as it runs in the default pipeline.
drop_boilerplate = DropBoilerplate()
