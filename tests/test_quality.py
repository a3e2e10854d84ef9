"""The project's own gates, run by the test command: ruff, mypy --strict, the strict docs build.

They run as tests so that README's one test command is the whole of CI, and so a developer sees
them fail in the same place as everything else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return which


def check(*argv: str) -> None:
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"


def test_ruff_lint() -> None:
    check(tool("ruff"), "check", ".")


def test_ruff_format() -> None:
    check(tool("ruff"), "format", "--check", ".")


def test_mypy_strict() -> None:
    # no incremental cache: a stale one once hid real errors here
    check(tool("mypy"), "--no-incremental")


def test_docs_build_strict(tmp_path: Path) -> None:
    check(tool("mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site"))


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in readme, f"README.md must give CI's test command: {command}"
