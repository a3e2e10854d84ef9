"""mkdocs hook: pages that are generated from the code at build time, so they cannot drift.

``<!-- cli-help -->`` in a page becomes the ``--help`` text of the command and of each subcommand.
"""

from __future__ import annotations

from typing import Any


def _cli_help() -> str:
    from newstext.cli import build_parser

    parser = build_parser()
    parts = ["```text", parser.format_help().rstrip(), "```"]
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():  # type: ignore[union-attr]
        parts += [f"\n## newstext {name}\n", "```text", p.format_help().rstrip(), "```"]
    return "\n".join(parts)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the generated parts of a page."""
    if "<!-- cli-help -->" in markdown:
        markdown = markdown.replace("<!-- cli-help -->", _cli_help())
    return markdown
