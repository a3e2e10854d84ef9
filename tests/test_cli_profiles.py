"""The command line with site profiles: ``newstext learn`` and ``clean``/``explain --profile``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newstext
from newstext import Profile
from newstext.cli import main, parse_args

FOOTER = "Ikuti KabarKita di kanal Lentera"
TAGS = ("Ekonomi Rusia", "Politik Rusia")


def corpus_lines() -> list[str]:
    """Twelve records of two sites; one site ends every story with a tag and a footer of its own."""
    lines = []
    for i in range(12):
        site = "kabarkita" if i % 2 == 0 else "lantern"
        story = f"Harga barang nomor {i} naik lagi pekan ini.\nPedagang di pasar {i} mengeluh sepi."
        if site == "kabarkita":
            story = f"{story} {TAGS[i // 2 % 2]}\n{FOOTER}"
        lines.append(json.dumps({"id": i, "site": site, "text": story}, ensure_ascii=False))
    lines.append('{"id": 99, "site": "lantern", "text": null}')
    return lines


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def profile_file(tmp_path: Path, corpus: Path) -> Path:
    out = tmp_path / "profile.json"
    assert main(["learn", str(corpus), "--source-field", "site", "--min-articles", "3", "-o", str(out)]) == 0
    return out


def test_parse_args_profile_options_default_to_none() -> None:
    args = parse_args(["clean", "in.jsonl"])
    assert (args.profile, args.source, args.source_field) == (None, None, None)
    args = parse_args(["learn", "a.jsonl", "-o", "p.json"])
    assert (args.inputs, args.field, args.source_field, args.min_articles, args.min_share, args.finalize) == (
        ["a.jsonl"],
        "text",
        None,
        5,
        0.05,
        False,
    )


def test_learn_writes_a_versioned_profile_and_says_what_it_learned(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "profile.json"
    assert main(["learn", str(corpus), "--source-field", "site", "--min-articles", "3", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"], doc["min_articles"]) == ("newstext-profile", 1, 3)
    assert doc["sources"]["kabarkita"]["lines"][FOOTER] == 6
    profile = Profile.from_json(out.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in corpus_lines()]
    assert profile == Profile.learn(
        ((r["site"], r["text"]) for r in records if isinstance(r["text"], str)), min_articles=3
    )
    err = capsys.readouterr().err
    assert "from 12 articles of 2 sources" in err
    assert "1 records skipped" in err


def test_learn_finalize_keeps_only_the_junk(tmp_path: Path, corpus: Path, profile_file: Path) -> None:
    out = tmp_path / "final.json"
    argv = [
        "learn",
        str(corpus),
        "--source-field",
        "site",
        "--min-articles",
        "3",
        "--finalize",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    final = Profile.from_json(out.read_text(encoding="utf-8"))
    full = Profile.from_json(profile_file.read_text(encoding="utf-8"))
    assert final.finalized
    assert final == full.finalize()


def test_clean_jsonl_with_a_profile_and_a_source_field(
    tmp_path: Path, corpus: Path, profile_file: Path
) -> None:
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(corpus), "--profile", str(profile_file), "--source-field", "site", "-o", str(out)]
    assert main(argv) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [*range(12), 99]
    for row, line in zip(rows[:12], corpus_lines(), strict=False):
        original = json.loads(line)["text"]
        assert FOOTER not in row["text"]
        assert not any(tag in row["text"] for tag in TAGS)
        story = original.split(" " + TAGS[0])[0].split(" " + TAGS[1])[0]
        assert row["text"] == newstext.clean(story)
    # the same with two worker processes: same bytes
    out2 = tmp_path / "out2.jsonl"
    argv2 = [
        "clean",
        str(corpus),
        "--profile",
        str(profile_file),
        "--source-field",
        "site",
        "-j",
        "2",
        "-o",
        str(out2),
    ]
    assert main(argv2) == 0
    assert out2.read_bytes() == out.read_bytes()


def test_clean_without_the_source_leaves_site_junk(tmp_path: Path, corpus: Path, profile_file: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(corpus), "--profile", str(profile_file), "-o", str(out)]) == 0
    assert FOOTER in out.read_text(encoding="utf-8")


def test_clean_a_text_file_with_profile_and_source(tmp_path: Path, profile_file: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(f"Harga minyak turun tajam.\nStok aman. Politik Rusia\n{FOOTER}\n", encoding="utf-8")
    out = tmp_path / "a.out"
    argv = ["clean", str(src), "--profile", str(profile_file), "--source", "kabarkita", "-o", str(out)]
    assert main(argv) == 0
    assert out.read_text(encoding="utf-8") == newstext.clean("Harga minyak turun tajam.\nStok aman.") + "\n"


def test_explain_json_names_the_learned_rule(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(f"Harga minyak turun tajam.\n{FOOTER}", encoding="utf-8")
    argv = ["explain", str(src), "--profile", str(profile_file), "--source", "kabarkita", "--format", "json"]
    assert main(argv) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    learned = [r for r in rows if r["rule"] == "drop_learned_junk"]
    assert len(learned) == 1
    assert FOOTER in learned[0]["before"]


def test_a_file_that_is_not_a_profile_is_refused(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    assert main(["clean", str(corpus), "--profile", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "not a newstext profile" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_learn_refuses_bad_thresholds(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["learn", str(corpus), "--min-share", "0", "-o", str(tmp_path / "p.json")])
    assert info.value.code == 2
    assert "more than 0" in capsys.readouterr().err
