"""Reliability: bad input to the API, idempotence on real pages, and the command line on real files.

What is promised here is written down in docs/guarantees.md; each promise there names its test.
"""

from __future__ import annotations

import codecs
import functools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newstext
from newstext import Result
from newstext.cli import main
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
PAGES_FILE = SHARED / "data" / "trafilatura-eval" / "items.jsonl"
needs_pages = pytest.mark.skipif(not PAGES_FILE.exists(), reason="../shared/data/trafilatura-eval is absent")

STORY = (
    "Pemerintah kota mengumumkan rencana baru untuk pasar sungai pada tahun ini, kata wali kota.\n\n"
    "Baca juga: Harga Minyak Naik Lagi\n\n"
    "Rencana itu akan dibahas bersama warga pada bulan depan.\n"
)


def check_result(text: str, result: Result) -> None:
    """explain() agrees with clean() and every edit points into the input."""
    assert result.text == newstext.clean(text, result.lang if result.lang != "und" else None)
    for e in (*result.edits, *(e for h in result.held_back for e in h.edits)):
        assert text[e.start : e.end] == e.before


# --- bad input to the API -------------------------------------------------------------------------


@pytest.mark.parametrize("function", [newstext.clean, newstext.explain])
@pytest.mark.parametrize(
    ("bad", "advice"),
    [
        (b"Harga naik.", "decode"),
        (bytearray(b"Harga naik."), "decode"),
        (memoryview(b"Harga naik."), "decode"),
        (None, "None"),
        (42, "int"),
        (["Harga naik."], "list"),
        (Path("article.txt"), "read_text"),
    ],
)
def test_non_str_raises_type_error_saying_what_to_pass(function: Any, bad: object, advice: str) -> None:
    with pytest.raises(TypeError, match=advice) as info:
        function(bad)
    assert "str" in str(info.value)


def test_an_unknown_language_is_refused_with_advice() -> None:
    with pytest.raises(ValueError, match="BCP 47"):
        newstext.clean("Harga naik.", "xx")
    with pytest.raises(ValueError, match="lang"):
        newstext.clean("Harga naik.", "")


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t\r\n", "\u00a0\u3000\u2028\u2029", "\ufeff"])
def test_empty_and_whitespace_only_text_comes_out_empty(text: str) -> None:
    assert newstext.clean(text) == ""
    assert newstext.clean(text, "id") == ""
    result = newstext.explain(text)
    assert result.text == ""
    assert result.held_back == ()
    check_result(text, result)


@pytest.mark.parametrize("lang", [None, "id", "en"])
def test_lone_surrogates_are_handled_and_the_output_encodes(lang: str | None) -> None:
    text = "Harga naik \ud800 lagi pada hari ini.\n\nBaca juga: Harga Turun \udfff\n\udbff"
    out = newstext.clean(text, lang)
    assert "Harga naik" in out
    out.encode("utf-8")  # no lone surrogate is left to break a UTF-8 writer
    check_result(text, newstext.explain(text, lang))


@pytest.mark.parametrize("lang", [None, "id"])
def test_nul_and_control_bytes_are_removed_not_fatal(lang: str | None) -> None:
    text = "Harga\x00 naik\x01 lagi.\x00\n\x00Rencana itu dibahas\x7f besok.\x1b[0m\n" * 3
    out = newstext.clean(text, lang)
    assert "\x00" not in out
    assert "Rencana itu dibahas besok." in out
    check_result(text, newstext.explain(text, lang))


SCRIPTS = {
    # no language file of newstext knows these scripts
    "geez": "ኢትዮጵያ ታላቅ ሀገር ናት። የአዲስ አበባ ከተማ አስተዳደር ዛሬ አስታወቀ።",
    "cherokee": "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏍᎦᏯ ᎤᏛᏅ ᎦᏚᎲ. ᎣᏍᏓ ᏑᎾᎴᎢ.",
    "tibetan": "བོད་ཀྱི་སྐད་ཡིག་ནི་བོད་མིའི་སྐད་ཡིག་ཡིན། ལྷ་སའི་གྲོང་ཁྱེར།",
    "ogham": "᚛ᚌᚔᚋᚔ ᚉᚑᚂᚂᚔ᚜",
    "cuneiform": "𒀀𒀁𒀂 𒀃𒀄",
}


@pytest.mark.parametrize("lang", [None, "en", "am", "chr", "bo"])
@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_scripts_no_language_file_knows_come_through_whole(script: str, lang: str | None) -> None:
    story = SCRIPTS[script]
    text = f"{story}\n\n{story}\n\nADVERTISEMENT\n"
    out = newstext.clean(text, lang)
    assert out.count(story) == 2
    assert "ADVERTISEMENT" not in out
    check_result(text, newstext.explain(text, lang))


def test_a_single_line_of_10_mb() -> None:
    sentence = "Pemerintah kota mengumumkan rencana baru untuk pasar sungai pada tahun ini. "
    text = sentence * (10_000_000 // len(sentence))
    start = time.monotonic()
    out = newstext.clean(text)
    assert out == text.strip()
    assert time.monotonic() - start < 60


def test_a_single_10_mb_line_without_spaces() -> None:
    text = "x" * 10_000_000
    assert newstext.clean(text, "en") == text


@pytest.mark.slow
def test_a_100_mb_string() -> None:
    """About 40 s here: 100 MB of story with junk and dates among it."""
    block = "".join(
        f"Paragraf {i}: pemerintah kota mengumumkan rencana baru untuk pasar sungai, kata dia.\n"
        for i in range(500)
    )
    block += "Baca juga: Harga Minyak Naik Lagi\nJumat (10/8/2021), utusan Rusia menjawab.\n"
    text = block * (100_000_000 // len(block) + 1)
    out = newstext.clean(text, "id")
    assert isinstance(out, str)
    assert "Baca juga" not in out
    assert out.count("Paragraf 499:") == text.count("Paragraf 499:")
    assert "2021-10-08" in out or "2021-08-10" in out


# --- idempotence on real pages ------------------------------------------------------------------


@functools.cache
def cleaned_pages() -> list[tuple[str, Result, str]]:
    """Every page of trafilatura's evaluation set: (id, explain with its language, clean of that)."""
    out = []
    with PAGES_FILE.open(encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            result = newstext.explain(item["text"], item["lang"])
            out.append((item["id"], result, newstext.clean(result.text, item["lang"])))
    return out


@needs_pages
def test_the_guard_blocks_nothing_on_real_pages() -> None:
    held = {
        page: [h.rule for h in result.held_back] for page, result, _ in cleaned_pages() if result.held_back
    }
    assert held == {}


@needs_pages
def test_clean_is_idempotent_on_real_pages() -> None:
    failing = sorted(page for page, result, twice in cleaned_pages() if twice != result.text)
    assert failing == []
    assert len(cleaned_pages()) == 990


# --- the command line on real files -----------------------------------------------------------------


def run(*argv: str) -> int:
    return main(list(argv))


def records(n: int) -> list[dict[str, Any]]:
    return [{"id": i, "text": f"Berita nomor {i}. {STORY}", "score": i / 3} for i in range(n)]


def jsonl(recs: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"])
def test_plain_text_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le président a déclaré que la réforme était nécessaire pour l'économie française, "
        "selon un communiqué publié à Paris.\n\nLeave a Reply\n"
    )
    src = tmp_path / "article.txt"
    src.write_bytes(text.encode(encoding))
    out = tmp_path / "out.txt"
    assert run("clean", str(src), "--lang", "fr", "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8") == newstext.clean(text, "fr") + "\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("shift_jis", "東京都は本日、新しい防災計画を発表した。計画は来月から実施される予定である。"),
        ("gb18030", "北京市政府今天宣布了新的交通计划，该计划将于下个月开始实施。"),
        ("cp1251", "Правительство города объявило сегодня о новом плане развития транспорта."),
    ],
)
def test_plain_text_in_national_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    src = tmp_path / "article.txt"
    src.write_bytes(text.encode(encoding))
    out = tmp_path / "out.txt"
    assert run("clean", str(src), "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8") == newstext.clean(text) + "\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1252"])
def test_json_lines_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    recs = [
        {"id": i, "text": f"Le président a déclaré {i} fois que la réforme était nécessaire."}
        for i in range(5)
    ]
    data = jsonl(recs)
    boms = {
        "utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"),
        "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be"),
    }
    bom, codec = boms.get(encoding, (b"", encoding))
    src = tmp_path / "in.jsonl"
    src.write_bytes(bom + data.replace("\n", "\r\n").encode(codec))
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--lang", "fr", "-o", str(out)) == 0
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == list(range(5))
    assert [r["text"] for r in got] == [newstext.clean(str(r["text"]), "fr") for r in recs]


def test_undecodable_input_names_the_file_and_the_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "noise.txt"
    src.write_bytes(random.Random(7).randbytes(4000))
    out = tmp_path / "out.txt"
    assert run("clean", str(src), "-o", str(out)) == 3
    err = capsys.readouterr().err
    assert str(src) in err
    assert "offset" in err
    assert not out.exists()


def test_a_little_noise_is_not_read_as_utf16(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve bytes of noise have no encoding; charset-normalizer still names one (UTF-16 here,
    giving Han and Hangul side by side, which no text mixes): refused, not cleaned as text."""
    noise = "\u7406\u6676\ucfb0\ub4eb\u8902\uc442".encode("utf-16-be")
    with pytest.raises(UnicodeDecodeError):
        noise.decode("utf-8")
    src = tmp_path / "noise.txt"
    src.write_bytes(noise)
    assert run("clean", str(src), "-o", str(tmp_path / "out.txt")) == 3
    assert "noise.txt" in capsys.readouterr().err
    assert not (tmp_path / "out.txt").exists()


def test_truncated_utf16_json_lines_name_the_file_and_the_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(records(3)).encode("utf-16") + b"\x00\xd8A\x00")  # a lone high surrogate
    assert run("clean", str(src), "-o", str(tmp_path / "out.jsonl")) == 3
    err = capsys.readouterr().err
    assert "in.jsonl" in err
    assert "offset" in err
    assert not (tmp_path / "out.jsonl").exists()


BAD_LINES = [
    "not json at all",
    '{"text": "unterminated',
    '["text", "a list, not an object"]',
    '{"title": "no text field"}',
    '{"text": null}',
    '{"text": 3}',
    '{"text": ["a", "b"]}',
    '{"text": {"nested": "object"}}',
    '{"text": "ok"} trailing',
]


@pytest.mark.parametrize(("policy", "written"), [("keep", 2 + len(BAD_LINES)), ("skip", 2)])
def test_every_bad_record_is_reported_by_line_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, written: int
) -> None:
    good = jsonl(records(2)).splitlines()
    lines = [good[0], *BAD_LINES, good[1]]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--on-error", policy, "-o", str(out)) == 0
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) == written
    if policy == "keep":
        assert got[1:-1] == BAD_LINES  # kept byte for byte, in place
    err = capsys.readouterr().err
    for number in range(2, 2 + len(BAD_LINES)):
        assert f"in.jsonl:{number}:" in err
    total = len(lines)
    assert f"{total} records in, {written} out" in err
    assert f"{len(BAD_LINES)} {'kept unchanged' if policy == 'keep' else 'skipped'}" in err


def test_stop_policy_names_the_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(records(3)) + '{"text": null}\n' + jsonl(records(2)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "--on-error", "stop", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "in.jsonl:4:" in err
    assert "stopped at line 4" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_many_bad_records_are_all_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("nope\n" * 100 + jsonl(records(50)) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("clean", str(src), "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert "150 records in, 150 out: 50 cleaned; 100 kept unchanged (100 bad json)" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 152  # blank lines pass through


@needs_pages
def test_records_out_equal_records_in_on_a_real_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert run("clean", str(PAGES_FILE), "--jobs", "2", "-o", str(out)) == 0  # read in place
    ids = [json.loads(line)["id"] for line in PAGES_FILE.read_text(encoding="utf-8").splitlines()]
    got = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in got] == ids
    assert f"{len(ids)} records in, {len(ids)} out: {len(ids)} cleaned" in capsys.readouterr().err


def test_output_appears_only_when_complete_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(records(300)), encoding="utf-8")
    out = tmp_path / "sub" / "out.jsonl"
    out.parent.mkdir()
    out.write_text("the previous output\n", encoding="utf-8")
    assert run("clean", str(src), "-o", str(out)) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 300
    assert [p.name for p in out.parent.iterdir()] == ["out.jsonl"]


def test_a_failed_run_keeps_the_previous_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(records(3)) + "broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    assert run("clean", str(src), "--on-error", "stop", "-o", str(out)) == 1
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


@pytest.mark.parametrize("how", ["same", "spelled-differently", "symlink", "hardlink"])
def test_the_input_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    src = tmp_path / "in.jsonl"
    data = jsonl(records(3))
    src.write_text(data, encoding="utf-8")
    target = {
        "same": src,
        "spelled-differently": tmp_path / "." / ".." / tmp_path.name / "in.jsonl",
        "symlink": tmp_path / "link.jsonl",
        "hardlink": tmp_path / "hard.jsonl",
    }[how]
    if how == "symlink":
        target.symlink_to(src)
    elif how == "hardlink":
        os.link(src, target)
    with pytest.raises(SystemExit) as info:
        run("clean", str(src), "-o", str(target))
    assert info.value.code == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == data


def test_a_missing_input_is_exit_3_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.jsonl"
    assert run("clean", str(missing), "-o", str(tmp_path / "out.jsonl")) == 3
    assert "missing.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(records(1)), encoding="utf-8")
    for argv in (["--jobs", "0"], ["--on-error", "ignore"], ["--off", "no_such_rule"]):
        with pytest.raises(SystemExit) as info:
            run("clean", str(src), *argv)
        assert info.value.code == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupted_run_leaves_no_output_and_exits_130(tmp_path: Path, jobs: str) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text(jsonl(records(40_000)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newstext", "clean", str(src), "-o", str(out), "--jobs", jobs],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    while (
        not list(tmp_path.glob(".out.jsonl.*.part")) and proc.poll() is None and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    time.sleep(0.5)  # well into the records
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


def test_exit_codes_are_documented() -> None:
    import newstext.cli as cli

    helptext = cli.build_parser().format_help()
    guarantees = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
    for code in (cli.EXIT_OK, cli.EXIT_STOPPED, cli.EXIT_USAGE, cli.EXIT_INPUT, cli.EXIT_INTERRUPTED):
        assert str(code) in (cli.__doc__ or "")
        assert f"{code} " in helptext
        assert f"| {code} |" in guarantees
