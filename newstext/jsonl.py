"""JSON Lines records: clean one field of every record and leave every other byte of the line alone.

A record's line is not re-serialised: the value of the field is located in the line and only that
span is replaced, so numbers, key order, escapes and every other field come out exactly as they went
in. A line that is not a JSON object, or whose field is missing or not a string, is a *failed*
record: it is kept unchanged, skipped or stops the run, as the caller's policy says, and it is
always counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from json.decoder import scanstring  # type: ignore[attr-defined]

__all__ = ["FieldSpan", "LineOutcome", "Status", "find_field", "process_line", "process_line_with_source"]

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


class Status(Enum):
    """What became of one input line."""

    CLEANED = "cleaned"
    BLANK = "blank"  # an empty line: not a record, passed through
    BAD_JSON = "bad_json"  # not a JSON object
    NO_FIELD = "no_field"  # the field is missing
    NOT_STRING = "not_string"  # the field is not a string


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where a field's value stands in a JSON line, and the value decoded."""

    start: int
    end: int
    value: object


@dataclass(frozen=True, slots=True)
class LineOutcome:
    """The result of one line: its status, the line to write (None: the record is to be skipped
    under the *skip* policy), and a message for a failed record."""

    status: Status
    line: str
    message: str = ""


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def find_field(line: str, field: str) -> FieldSpan | None:
    """Locate the top-level ``field`` of the JSON object on ``line`` (the last one, as JSON reads it).

    Returns None when the object has no such field. Raises ValueError when the line is not one
    JSON object.
    """
    i = _skip_ws(line, 0)
    if i >= len(line) or line[i] != "{":
        raise ValueError("the line does not start with {")
    i = _skip_ws(line, i + 1)
    found: FieldSpan | None = None
    if i < len(line) and line[i] == "}":
        i += 1
    else:
        while True:
            if i >= len(line) or line[i] != '"':
                raise ValueError(f"expected a key at column {i + 1}")
            key, i = scanstring(line, i + 1)
            i = _skip_ws(line, i)
            if i >= len(line) or line[i] != ":":
                raise ValueError(f"expected ':' at column {i + 1}")
            i = _skip_ws(line, i + 1)
            try:
                value, end = _DECODER.raw_decode(line, i)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{exc.msg} at column {exc.pos + 1}") from None
            if key == field:
                found = FieldSpan(i, end, value)
            i = _skip_ws(line, end)
            if i < len(line) and line[i] == ",":
                i = _skip_ws(line, i + 1)
                continue
            if i < len(line) and line[i] == "}":
                i += 1
                break
            raise ValueError(f"expected ',' or '}}' at column {i + 1}")
    if _skip_ws(line, i) != len(line):
        raise ValueError(f"extra data at column {i + 1}")
    return found


def process_line(line: str, field: str, clean: Callable[[str], str]) -> LineOutcome:
    """Clean ``field`` in one JSON line (without its line break)."""
    if not line.strip():
        return LineOutcome(Status.BLANK, line)
    try:
        span = find_field(line, field)
    except ValueError as exc:
        return LineOutcome(Status.BAD_JSON, line, f"not a JSON object ({exc})")
    if span is None:
        return LineOutcome(Status.NO_FIELD, line, f"no field {field!r}")
    if not isinstance(span.value, str):
        kind = "null" if span.value is None else type(span.value).__name__
        return LineOutcome(Status.NOT_STRING, line, f"field {field!r} is {kind}, not a string")
    cleaned = json.dumps(clean(span.value), ensure_ascii=False)
    return LineOutcome(Status.CLEANED, line[: span.start] + cleaned + line[span.end :])


def process_line_with_source(
    line: str, field: str, source_field: str, clean: Callable[[str, str | None], str]
) -> LineOutcome:
    """Like :func:`process_line`, passing ``clean`` the record's ``source_field`` as well (None when
    the record has no such field or it is not a string)."""
    source = None
    if line.strip():
        try:
            span = find_field(line, source_field)
        except ValueError:
            span = None  # process_line reports the line
        if span is not None and isinstance(span.value, str):
            source = span.value
    return process_line(line, field, lambda text: clean(text, source))
