"""The corpus report as one self-contained HTML page: inline CSS, no script, no network, no fonts.

Every piece of article text goes through :func:`show` (escaped; characters a page cannot hold or a
reader cannot see are written as ``U+XXXX`` marks), so an article holding ``<script>``, ``&``,
quotes, control characters or lone surrogates renders as text and the page always encodes as UTF-8.

The tables carry ids (``summary``, ``failed``, ``rules``, ``shares``, ``languages``) and each rule's
section ``rule-<name>`` with tables of class ``top-removed`` and ``top-replaced``, so that a
program (or a test) can read the numbers back from the page.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newstext.defaults import DEFAULT_CLEANERS
from newstext.edits import Edit
from newstext.report import ArticleView, Frequent, Report, RuleStats

__all__ = ["Segment", "highlight", "render", "segments", "show"]

SHOWN_CHARS = 20_000  # characters of one article shown; the rest is counted, not shown

_ORDER = [c.name for c in DEFAULT_CLEANERS]

_CSS = """
:root { color-scheme: light; --fg: #1d1d1f; --muted: #6b6b70; --line: #d9d9de; --bg: #fafafa; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 76rem; padding: 1.5rem 2rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); }
h3 { margin: 1.5rem 0 .5rem; font-size: 1.05rem; }
.wide { overflow-x: auto; }
p.lead, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; background: #fff; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f0f3; font-weight: 600; }
td.n, th.n, tr.total th { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
.tables { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
#rules { font-size: .92em; }
tr.zero td { color: var(--muted); }
tr.total td, tr.total th { font-weight: 600; background: #f0f0f3; }
td.t { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; white-space: pre-wrap;
  word-break: break-word; max-width: 52rem; }
.rule { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
.sw { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .4em;
  vertical-align: -.1em; border: 1px solid rgba(0, 0, 0, .25); }
.bar { display: inline-block; height: .8em; background: #8a8af0; vertical-align: middle; }
.cp { font-size: .75em; border: 1px solid currentColor; border-radius: 3px; padding: 0 .15em; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: .5rem 0 1rem; }
article { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0;
  padding: .6rem 1rem; }
article header { color: var(--muted); font-size: .9em; margin-bottom: .4rem; }
article header b { color: var(--fg); }
.text { white-space: pre-wrap; word-break: break-word; font-family: Georgia, "Times New Roman", serif; }
del { text-decoration: line-through 2px; text-decoration-color: var(--c, #c00); background: var(--b, #fee); }
ins { text-decoration: none; background: var(--i, #dfd); outline: 1px solid var(--c, #080); }
.ws { color: var(--c); font-family: ui-monospace, Menlo, Consolas, monospace; }
.more { color: var(--muted); font-style: italic; }
body:not(:has(#show-ws:checked)) del.wsonly { display: none; }
body:not(:has(#show-ws:checked)) ins.wsonly { outline: none; background: none; }
body:not(:has(#show-ws:checked)) ins.wsonly .ws { display: none; }
nav a { margin-right: 1rem; }
"""


def show(text: str, *, reveal: bool = False, layout: bool = True) -> str:
    """``text`` as HTML: escaped, with characters a page cannot hold shown as ``U+XXXX`` marks.

    With ``reveal`` (text that was removed or put in), invisible characters are marked too, and a
    span of nothing but white space shows its breaks, spaces and tabs as ``↵``, ``·`` and ``→``,
    each followed by the white space itself unless ``layout`` is False (white space that was
    removed does not break the line it is shown in).

    >>> show('<b>"A" & B</b>')
    '&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;'
    >>> show("a\\x00b\\ud800")
    'a<span class="cp">U+0000</span>b<span class="cp">U+D800</span>'
    """
    white = reveal and text != "" and text.strip() == ""
    out: list[str] = []
    plain: list[str] = []
    for ch in text:
        mark = _mark(ch, reveal=reveal, white=white, layout=layout)
        if mark is None:
            plain.append(ch)
            continue
        if plain:
            out.append(html.escape("".join(plain)))
            plain = []
        out.append(mark)
    if plain:
        out.append(html.escape("".join(plain)))
    return "".join(out)


def _mark(ch: str, *, reveal: bool, white: bool, layout: bool) -> str | None:
    """The HTML for a character that cannot stand as itself, or None when it can."""
    if white and ch in _WHITE:
        return f'<span class="ws">{_WHITE[ch]}</span>' + (ch if layout else "")
    if ch in "\n\t":
        return None
    category = unicodedata.category(ch)
    hidden = category in ("Cc", "Cs", "Cn", "Co") or (0xFDD0 <= ord(ch) <= 0xFDEF)
    if reveal:
        hidden = hidden or category in ("Cf", "Zl", "Zp") or (category == "Zs" and ch != " ")
    if not hidden:
        return None
    return f'<span class="cp">U+{ord(ch):04X}</span>'


def _slug(rule: str) -> str:
    """A rule name as a CSS class or id (newstext's own names already are)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", rule)


_WHITE = {"\n": "↵", " ": "·", "\t": "→"}


def _hue(rule: str) -> int:
    """A hue per rule, the same in every report (the golden angle spreads neighbours apart)."""
    index = _ORDER.index(rule) if rule in _ORDER else len(_ORDER) + sum(map(ord, rule)) % 97
    return round(index * 137.508) % 360


def _rule_css(rules: Iterable[str]) -> str:
    lines = []
    for rule in rules:
        h = _hue(rule)
        lines.append(
            f".r-{_slug(rule)} {{ --c: hsl({h} 70% 35%); --b: hsl({h} 85% 90%); --i: hsl({h} 75% 82%); }}"
            f" .sw.r-{_slug(rule)} {{ background: hsl({h} 75% 60%); }}"
        )
    return "\n".join(lines)


def _n(value: int) -> str:
    return f'<td class="n">{value:,}</td>'


def _pct(share: float) -> str:
    return f'<td class="n">{share:.1%}</td>'


def _rule_name(rule: str) -> str:
    return f'<span class="rule"><span class="sw r-{_slug(rule)}"></span>{html.escape(rule)}</span>'


def _table(table_id: str, head: Sequence[str], rows: Iterable[str], *, cls: str = "") -> str:
    heads = "".join(f'<th class="n">{h[1:]}</th>' if h.startswith("#") else f"<th>{h}</th>" for h in head)
    attrs = f' id="{table_id}"' if table_id else ""
    attrs += f' class="{cls}"' if cls else ""
    return f"<table{attrs}><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _summary(r: Report) -> str:
    rows = [
        ("articles_in", "Articles in (records read)", f"{r.articles:,}"),
        ("failed", "Records that failed (not cleaned)", f"{r.failed:,}"),
        ("cleaned", "Articles cleaned", f"{r.cleaned:,}"),
        ("changed", "Articles changed", f"{r.changed:,}"),
        ("emptied", "Articles emptied (no text left)", f"{r.emptied:,}"),
        ("articles_out", "Articles out (with text)", f"{r.articles_out:,}"),
        ("chars_in", "Characters in", f"{r.chars_in:,}"),
        ("chars_out", "Characters out", f"{r.chars_out:,}"),
        ("chars_removed", "Characters removed", f"{r.chars_in - r.chars_out:,}"),
        ("share_removed", "Share removed", f"{r.share_removed:.1%}"),
    ]
    if r.blank_lines:
        rows.append(("blank_lines", "Blank lines (not records)", f"{r.blank_lines:,}"))
    body = "".join(
        f'<tr data-key="{key}"><th>{label}</th><td class="n">{value}</td></tr>' for key, label, value in rows
    )
    return f'<table id="summary"><tbody>{body}</tbody></table>'


def _failed(r: Report) -> str:
    if not r.failed:
        return '<p id="failed-none">Every record was cleaned: none failed.</p>'
    rows = [
        f'<tr data-reason="{html.escape(k)}"><td>{html.escape(k)}</td>{_n(n)}</tr>'
        for k, n in r.failed_by_reason
    ]
    out = _table("failed", ["Reason", "#Records"], rows)
    listed = "".join(
        f"<tr><td>{show(f.where)}</td><td>{html.escape(f.reason)}</td><td>{show(f.message)}</td></tr>"
        for f in r.failures
    )
    more = r.failed - len(r.failures)
    note = f'<p class="muted">…and {more:,} more, counted above.</p>' if more > 0 else ""
    return out + _table("failures", ["Where", "Reason", "Message"], [listed]) + note


def _rules(r: Report) -> str:
    rows = []
    for s in r.rules:
        cls = ' class="zero"' if not s.edits else ""
        link = f'<a href="#rule-{_slug(s.rule)}">{_rule_name(s.rule)}</a>' if s.edits else _rule_name(s.rule)
        rows.append(
            f'<tr data-rule="{html.escape(s.rule, quote=True)}"{cls}><td>{link}</td>'
            f"{_n(s.edits)}{_n(s.articles)}{_n(s.removals)}{_n(s.chars_removed)}"
            f"{_n(s.replacements)}{_n(s.chars_replaced)}{_n(s.net_removed)}{_pct(_of(s.net_removed, r))}</tr>"
        )
    net = sum(s.net_removed for s in r.rules)
    rows.append(
        f'<tr data-rule="" class="total"><th>all rules</th>{_n(sum(s.edits for s in r.rules))}'
        f"{_n(r.changed)}{_n(sum(s.removals for s in r.rules))}{_n(sum(s.chars_removed for s in r.rules))}"
        f"{_n(sum(s.replacements for s in r.rules))}{_n(sum(s.chars_replaced for s in r.rules))}"
        f"{_n(net)}{_pct(_of(net, r))}</tr>"
    )
    head = [
        "Rule",
        "#Edits",
        "#Articles",
        "#Removals",
        "#Chars removed",
        "#Replacements",
        "#Chars replaced",
        "#Net chars removed",
        "#Share of input",
    ]
    return f'<div class="wide">{_table("rules", head, rows)}</div>'


def _of(chars: int, r: Report) -> float:
    return chars / r.chars_in if r.chars_in else 0.0


def _shares(r: Report) -> str:
    widest = max((n for _, n in r.shares), default=0) or 1
    rows = [
        f'<tr data-bucket="{html.escape(label)}"><td>{html.escape(label)}</td>{_n(n)}'
        f'<td><span class="bar" style="width:{12 * n / widest:.2f}rem"></span></td></tr>'
        for label, n in r.shares
    ]
    return _table("shares", ["Share of the article removed", "#Articles", ""], rows)


def _languages(r: Report) -> str:
    rows = [f"<tr><td>{html.escape(tag)}</td>{_n(n)}</tr>" for tag, n in r.languages]
    return _table("languages", ["Language", "#Articles"], rows)


def _count(f: Frequent) -> str:
    if f.error:
        title = f"counted after rarer lines were forgotten: seen {f.count:,} to {f.count + f.error:,} times"
        return f'<td class="n" title="{title}">≥{f.count:,}</td>'
    return _n(f.count)


SINGLES_SHOWN = 5  # lines listed for a rule whose removed lines all differ


def _rule_section(s: RuleStats, top: int) -> str:
    parts = [
        f'<section id="rule-{_slug(s.rule)}" data-rule="{html.escape(s.rule, quote=True)}" '
        f'class="rule-section"><h3>{_rule_name(s.rule)}</h3>',
        f'<p class="muted">{s.edits:,} edits in {s.articles:,} articles: {s.removals:,} removals '
        f"({s.chars_removed:,} characters), {s.replacements:,} replacements.</p>",
        '<div class="tables">',
    ]
    if s.top_removed:
        shown = s.top_removed
        if all(f.count <= 1 for f in shown):
            shown = shown[:SINGLES_SHOWN]
            intro = (
                f"No line was removed twice: the {s.lines_removed:,} lines differ (headlines, names); "
                f"the notes say what they had in common. {len(shown)} of them:"
            )
        else:
            intro = f"The {len(shown)} most frequent of the {s.lines_removed:,} lines removed (up to {top}):"
        rows = [f"<tr>{_count(f)}<td class='t'>{show(f.text, reveal=True)}</td></tr>" for f in shown]
        parts.append(f"<div><p>{intro}</p>")
        parts.append(_table("", ["#Count", "Removed line or phrase"], rows, cls="top-removed"))
        parts.append("</div>")
    if s.top_replaced:
        rows = [
            f"<tr>{_count(f)}<td class='t'>{show(f.text, reveal=True)}</td>"
            f"<td class='t'>{show(after, reveal=True)}</td></tr>"
            for f, after in s.top_replaced
        ]
        parts.append(f"<div><p>The {len(rows)} most frequent replacements:</p>")
        parts.append(_table("", ["#Count", "Before", "After"], rows, cls="top-replaced"))
        parts.append("</div>")
    if s.top_notes:
        rows = [f"<tr>{_count(f)}<td class='t'>{show(f.text, reveal=True)}</td></tr>" for f in s.top_notes]
        parts.append(f"<div><p>What the rule said of its edits (the {len(rows)} most frequent notes):</p>")
        parts.append(_table("", ["#Count", "Note"], rows, cls="top-notes"))
        parts.append("</div>")
    parts.append("</div></section>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an article as the page shows it: ``kind`` "keep", "del" (removed) or "ins" (put in).

    The "keep" and "del" segments, in order, spell the input; the "keep" and "ins" ones the output.
    """

    kind: str
    text: str
    rule: str = ""
    note: str = ""


def segments(view: ArticleView) -> list[Segment]:
    """The article cut into kept, removed and inserted pieces, each removal coloured by its rule.

    Edits whose spans in the input overlap (a rule that edited text an earlier rule had already
    changed) form one cluster: each character of it is shown removed by the first rule that
    touched it, then the text the cluster became is shown once, as put in by the last rule that
    wrote any. How long that text is comes from the staged edits (each rule's change of length),
    so keep + ins spell the output exactly.
    """
    result = view.result
    edits = result.edits
    staged = view.staged if len(view.staged) == len(edits) else edits
    text, out = result.original, result.text
    parts: list[Segment] = []
    pos = opos = 0
    for cluster in _clusters(edits):
        start = min(edits[i].start for i in cluster)
        end = max(edits[i].end for i in cluster)
        if start > pos:
            parts.append(Segment("keep", text[pos:start]))
            opos += start - pos
        for a, b, owner in _owners(edits, cluster):
            parts.append(Segment("del", text[a:b], edits[owner].rule, edits[owner].note))
        length = (end - start) - sum(len(staged[i].before) - len(staged[i].after) for i in cluster)
        piece = out[opos : opos + max(length, 0)]
        opos += len(piece)
        if piece:
            writers = [i for i in cluster if edits[i].after] or cluster
            last = edits[max(writers)]
            parts.append(Segment("ins", piece, last.rule, last.note))
        pos = end
    if pos < len(text):
        parts.append(Segment("keep", text[pos:]))
    return parts


def _clusters(edits: Sequence[Edit]) -> list[list[int]]:
    """The indexes of the edits, grouped where their spans in the input overlap, in input order."""
    clusters: list[list[int]] = []
    end = -1
    for i in sorted(range(len(edits)), key=lambda i: (edits[i].start, -edits[i].end, i)):
        e = edits[i]
        if clusters and e.start < end:
            clusters[-1].append(i)
            end = max(end, e.end)
        else:
            clusters.append([i])
            end = e.end
    return clusters


def _owners(edits: Sequence[Edit], cluster: list[int]) -> list[tuple[int, int, int]]:
    """The cluster's span cut where edits start or end, each piece with the first edit covering it."""
    cuts = sorted({p for i in cluster for p in (edits[i].start, edits[i].end)})
    runs: list[tuple[int, int, int]] = []
    for a, b in itertools.pairwise(cuts):
        covering = [i for i in cluster if edits[i].start <= a and b <= edits[i].end]
        if not covering:  # pragma: no cover - the spans of a cluster overlap, so none is left out
            continue
        owner = min(covering)
        if runs and runs[-1][2] == owner and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b, owner)
        else:
            runs.append((a, b, owner))
    return runs


def _attrs(seg: Segment) -> str:
    title = html.escape(f"{seg.rule}: {seg.note}" if seg.note else seg.rule, quote=True)
    white = " wsonly" if not seg.text.strip() else ""
    return f'class="r-{_slug(seg.rule)}{white}" title="{title}"'


def highlight(view: ArticleView, *, limit: int = SHOWN_CHARS) -> str:
    """The article's input with removed spans struck through and replacements shown, by rule.

    About ``limit`` characters of the input are shown; the rest is counted.
    """
    parts: list[str] = []
    shown = 0
    for seg in segments(view):
        if shown >= limit:
            break
        if seg.kind == "keep":
            piece = seg.text[: limit - shown]
            parts.append(show(piece))
            shown += len(piece)
        elif seg.kind == "del":
            parts.append(f"<del {_attrs(seg)}>{show(seg.text, reveal=True, layout=False)}</del>")
            shown += len(seg.text)
        else:
            parts.append(f"<ins {_attrs(seg)}>{show(seg.text, reveal=True)}</ins>")
    rest = len(view.result.original) - shown
    if rest > 0:
        parts.append(f'<span class="more">[…{rest:,} more characters not shown]</span>')
    return "".join(parts)


def _article(view: ArticleView, kind: str) -> str:
    result = view.result
    rules = "".join(f" {_rule_name(rule)}" for rule in result.rules)
    return (
        f'<article class="{kind}" data-where="{html.escape(view.where, quote=True)}">'
        f"<header><b>{show(view.where)}</b> · language {html.escape(result.lang)} · "
        f"{view.chars_in:,} → {view.chars_out:,} characters ({view.share_removed:.1%} removed) · "
        f"{len(result.edits):,} edits{rules}</header>"
        f'<div class="text">{highlight(view)}</div></article>'
    )


def _legend(rules: Iterable[str]) -> str:
    items = "".join(f"<span>{_rule_name(rule)}</span>" for rule in rules)
    return (
        f'<div class="legend" id="legend">{items}</div>'
        '<p><label><input type="checkbox" id="show-ws"> show edits of white space alone '
        "(line breaks and spaces removed or replaced)</label></p>"
        '<p class="muted">Removed text is <del>struck through</del>, text put in its place is '
        "<ins>boxed</ins>, both in the colour of the rule that did it (hover for the rule and its "
        "note); where several rules edited the same text, each character is shown removed by the "
        "first, and the text it became once. ↵ and · mark removed line breaks and spaces; U+XXXX "
        "marks an invisible character.</p>"
    )


def render(report: Report) -> str:
    """The whole page."""
    r = report
    active = [s for s in r.rules if s.edits]
    title = f"newstext report: {r.source}" if r.source else "newstext report"
    settings = "".join(f"<tr><th>{html.escape(k)}</th><td>{show(v)}</td></tr>" for k, v in r.settings)
    pipeline = ", ".join(html.escape(name) for name in r.pipeline)
    shown_rules = sorted({rule for v in (*r.samples, *r.most_removed) for rule in v.result.rules}, key=_hue)
    body = [
        f"<header><h1>{show(title)}</h1>",
        f'<p class="lead">newstext {html.escape(r.version)}: what cleaning removed and changed, '
        "counted over the whole input, with a sample to read.</p>",
        '<nav><a href="#overview">Overview</a><a href="#rules-h">Rules</a><a href="#lines">Removed lines</a>'
        '<a href="#sample">Sample</a><a href="#most">Most removed</a></nav></header>',
        '<h2 id="overview">Overview</h2>',
        _summary(r),
        f'<table id="settings"><tbody>{settings}'
        f"<tr><th>pipeline</th><td>{pipeline}</td></tr></tbody></table>",
        "<h3>Records that could not be cleaned</h3>",
        _failed(r),
        "<h3>How much each article lost</h3>",
        _shares(r),
        "<h3>Languages</h3>",
        _languages(r),
        '<h2 id="rules-h">Edits per rule</h2>',
        '<p class="muted">Every rule of the pipeline, in the order it runs. Removals delete text; '
        "replacements rewrite it (quotes, dates, repaired characters). Each rule is counted on the "
        "text as it saw it, after the rules before it, so the net characters removed add up to the "
        "corpus's characters in less its characters out.</p>",
        _rules(r),
        '<h2 id="lines">Most frequent removed lines, per rule</h2>',
        '<p class="muted">Each removed span is counted line by line, white space collapsed. A count '
        "marked ≥ is a lower bound: the line was first counted after rarer lines had to be forgotten "
        "to keep memory bounded (hover for the range).</p>",
        "".join(_rule_section(s, r.top_size) for s in active)
        or "<p>No rule removed or changed anything.</p>",
        '<h2 id="sample">Sample of articles</h2>',
        f'<p class="muted">{len(r.samples):,} articles drawn at random from the {r.cleaned:,} cleaned '
        f"(at most {r.sample_size:,}), in input order.</p>",
        _legend(shown_rules),
        "".join(_article(v, "sample") for v in r.samples),
        '<h2 id="most">Articles that lost the most</h2>',
        '<p class="muted">The articles with the largest share of their text removed: where a rule '
        "that takes too much shows first.</p>",
        "".join(_article(v, "most-removed") for v in r.most_removed) or "<p>No article lost any text.</p>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{show(title)}</title><style>{_CSS}{_rule_css(_rule_order(r))}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _rule_order(r: Report) -> list[str]:
    names = dict.fromkeys(r.pipeline)
    for v in (*r.samples, *r.most_removed):
        names.update(dict.fromkeys(v.result.rules))
    return list(names)
