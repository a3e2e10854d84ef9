"""The newstext command: plain text, JSON Lines, order with --jobs, error policies, safe output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newstext
from newstext.batch import Block, CleanOptions, clean_blocks, read_blocks
from newstext.cli import main, parse_args
from newstext.files import DecodeError
from newstext.jsonl import process_line

ARTICLE = "Harga minyak naik lagi.\n\nLeave a Reply\n\nYour email address will not be published.\n"


def run(*argv: str) -> int:
    return main(list(argv))


def as_file(text: str) -> str:
    """What the command writes for a cleaned article: the text, ending in one line break."""
    return text if text.endswith("\n") else text + "\n"


def test_parse_args_defaults() -> None:
    args = parse_args(["clean", "in.txt"])
    assert (args.input, args.output, args.field, args.jobs, args.on_error) == (
        "in.txt",
        "-",
        "text",
        1,
        "keep",
    )
    assert args.quotes == "ascii"
    assert args.dates == "iso"


def test_clean_plain_text_file(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run("clean", str(src), "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8") == as_file(newstext.clean(ARTICLE))


def test_never_overwrites_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        run("clean", str(src), "-o", str(src))
    assert info.value.code == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == ARTICLE


def test_jsonl_cleans_only_the_field_and_keeps_every_other_byte(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        '{"id": 1, "body": "Harga naik.\\n\\nLeave a Reply", "score": 1e5, "tags": ["a",  "b"]}',
        '{"body":"Halo \\u201cdunia\\u201d.","meta":{"x":1.50}}',
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--field", "body", "-o", str(out)) == 0
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) == 2
    first, second = json.loads(got[0]), json.loads(got[1])
    assert first["body"] == newstext.clean("Harga naik.\n\nLeave a Reply")
    assert got[0].endswith(', "score": 1e5, "tags": ["a",  "b"]}')
    assert second["body"] == newstext.clean("Halo “dunia”.")
    assert got[1].endswith(',"meta":{"x":1.50}}')


@pytest.mark.parametrize(("policy", "kept"), [("keep", 4), ("skip", 2)])
def test_failed_records_are_counted_never_silently_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, kept: int
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a."}\nnot json\n{"text": 3}\n{"text": "b."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--on-error", policy, "-o", str(out)) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == kept
    err = capsys.readouterr().err
    assert "in.jsonl:2" in err
    assert "in.jsonl:3" in err
    assert f"4 records in, {kept} out" in err


def test_stop_policy_leaves_no_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a."}\n{"nope": 1}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--on-error", "stop", "-o", str(out)) == 1
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]


def test_jobs_keep_input_order(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    records = [{"n": i, "text": f"Berita nomor {i}.  Leave a Reply" * (1 + i % 7)} for i in range(700)]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("clean", str(src), "-o", str(out1)) == 0
    assert run("clean", str(src), "--jobs", "2", "-o", str(out2)) == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert [json.loads(line)["n"] for line in out2.read_text(encoding="utf-8").splitlines()] == list(
        range(700)
    )


def test_input_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    src = tmp_path / "latin1.txt"
    text = "Le président a déclaré que la réforme était nécessaire pour l'économie française."
    src.write_bytes(text.encode("cp1252"))
    out = tmp_path / "out.txt"
    assert run("clean", str(src), "--lang", "fr", "-o", str(out)) == 0
    assert "président" in out.read_text(encoding="utf-8")


def test_undecodable_jsonl_line_names_line_and_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    # UTF-8 for the first megabyte, so the file is read as UTF-8; then a line that is not
    good = b'{"text": "ok"}\n'
    count = (1 << 20) // len(good) + 10
    src.write_bytes(good * count + b'{"text": "\xff\xfe broken"}\n')
    assert run("clean", str(src), "-o", str(tmp_path / "o.jsonl")) == 3
    err = capsys.readouterr().err
    assert f"line {count + 1}" in err
    assert "offset" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_explain_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert run("explain", str(src), "--format", "json") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    for row in rows:
        assert ARTICLE[row["start"] : row["end"]] == row["before"]
        assert set(row) == {"rule", "start", "end", "before", "after", "note"}


def test_explain_colour_and_plain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert run("explain", str(src), "--format", "color") == 0
    coloured = capsys.readouterr().out
    assert "\x1b[" in coloured
    assert run("explain", str(src), "--format", "plain") == 0
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain
    assert "edits" in plain


def test_version_and_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newstext", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert done.stdout.strip() == f"newstext {newstext.__version__}"


def test_stdin_to_stdout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newstext", "clean", "-"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == as_file(newstext.clean(ARTICLE))


# --- JSON Lines in blocks of bytes (what --jobs sends the workers) ----------------------------------

BLOCK_LINES = [
    '{"id": 1, "text": "Harga minyak naik lagi.\\n\\nLeave a Reply"}',
    "",
    "   ",
    "not json",
    '{"id": 2, "text": "Kata \\u201cdia\\u201d di Jakarta."}',
    '{"id": 3, "text": null}',
    '{"id": 4, "text": "Déjà vu à Paris, écrit-il.\\r\\nFin."}',
]


def expected_lines(lines: list[str], policy: str) -> list[str]:
    """What the command writes for ``lines``, line by line (the reference: one record at a time)."""
    out = []
    for line in lines:
        outcome = process_line(line, "text", newstext.clean)
        if outcome.message and policy == "skip":
            continue
        out.append(outcome.line)
    return out


@pytest.mark.parametrize("size", [1, 10, 100, 1 << 18])
@pytest.mark.parametrize("policy", ["keep", "skip"])
@pytest.mark.parametrize("ending", ["\n", "\r\n", "no final break"])
def test_blocks_of_any_size_give_what_one_line_at_a_time_gives(size: int, policy: str, ending: str) -> None:
    lines = BLOCK_LINES * 3
    data = ("\ufeff" + (ending if ending != "no final break" else "\n").join(lines)).encode("utf-8")
    if ending != "no final break":
        data += ending.encode("utf-8")
    blocks = list(read_blocks(io.BytesIO(data), "in.jsonl", size=size))
    assert [b.number for b in blocks] == sorted({b.number for b in blocks})
    outcomes = list(clean_blocks(blocks, "text", CleanOptions(), name="in.jsonl", policy=policy))
    got = b"".join(o.data for o in outcomes).decode("utf-8").split("\n")[:-1]
    assert got == expected_lines(lines, policy)
    assert sum(o.lines for o in outcomes) == len(lines)
    failures = [number for o in outcomes for number, _ in o.failures]
    assert failures == [n for n, line in enumerate(lines, 1) if process_line(line, "text", str).message]


def test_a_block_stops_at_its_first_failed_record_under_stop() -> None:
    data = "".join(line + "\n" for line in BLOCK_LINES).encode("utf-8")
    (outcome,) = clean_blocks(
        read_blocks(io.BytesIO(data), "x"), "text", CleanOptions(), name="x", policy="stop"
    )
    assert outcome.stopped == 4
    assert outcome.lines == 4
    assert outcome.data.decode("utf-8").split("\n")[:-1] == expected_lines(BLOCK_LINES[:3], "keep")


def test_a_line_a_worker_cannot_decode_is_named_by_number_and_offset() -> None:
    block = Block(b'{"text": "ok"}\n{"text": "\xff"}\n', number=7, offset=1000)
    with pytest.raises(DecodeError, match=r"in\.jsonl: line 8: .* at offset 1025"):
        list(clean_blocks([block], "text", CleanOptions(), name="in.jsonl"))


def test_jobs_keep_order_and_report_failures_across_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [json.dumps({"n": i, "text": f"Berita nomor {i}. " + "Kata dia. " * 40}) for i in range(800)]
    lines = [line if i % 97 else "broken" for i, line in enumerate(records)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")  # more than one block
    assert src.stat().st_size > 1 << 18
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("clean", str(src), "--on-error", "skip", "-o", str(out1)) == 0
    err1 = capsys.readouterr().err
    assert run("clean", str(src), "--on-error", "skip", "--jobs", "2", "-o", str(out2)) == 0
    err2 = capsys.readouterr().err
    assert out1.read_bytes() == out2.read_bytes()
    assert [json.loads(line)["n"] for line in out2.read_text(encoding="utf-8").splitlines()] == [
        i for i in range(800) if i % 97
    ]
    assert err1 == err2
    assert "in.jsonl:98:" in err2
    assert "800 records in, 791 out: 791 cleaned; 9 skipped (9 bad json)" in err2


def test_jobs_stop_at_the_first_failed_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [json.dumps({"n": i, "text": f"Berita nomor {i}. " + "Kata dia. " * 40}) for i in range(800)]
    records[500] = '{"text": 3}'
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert run("clean", str(src), "--on-error", "stop", "--jobs", "2", "-o", str(tmp_path / "o.jsonl")) == 1
    err = capsys.readouterr().err
    assert "in.jsonl:501:" in err
    assert "stopped at line 501" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_jsonl_stdin_to_stdout_with_crlf_and_bom() -> None:
    lines = ['{"id": 1, "text": "Harga  naik.\\n\\nLeave a Reply"}', "", '{"id": 2, "text": "“Ya.”"}']
    done = subprocess.run(
        [sys.executable, "-m", "newstext", "clean", "-", "--jobs", "2"],
        input=("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"),
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert done.stdout.decode("utf-8") == "".join(line + "\n" for line in expected_lines(lines, "keep"))
