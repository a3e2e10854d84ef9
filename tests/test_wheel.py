"""The built package: sdist and wheel carry every data file, and the wheel works in a fresh venv.

This builds the distributions the way a release does, checks them with twine, installs the wheel
into a new virtual environment (its dependencies from the package index) and cleans an article
there, so a data file missing from the package cannot slip through.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "newstext" / "data").rglob("*.toml"))

SCRIPT = """
import json, sys
import newstext
text = open(sys.argv[1], encoding="utf-8").read()
result = newstext.explain(text)
print(json.dumps({
    "version": newstext.__version__,
    "file": newstext.__file__,
    "text": newstext.clean(text),
    "rules": sorted({e.rule for e in result.edits}),
    "languages": [newstext.load_language(t).known for t in newstext.available_languages()],
    "dates": [m.iso for m in newstext.find_dates("Jumat (10/8/2021)")],
}))
"""


def run(*argv: str | Path, cwd: Path = ROOT) -> str:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, argv))}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out)
    return out


def test_distributions_carry_the_data_and_pass_twine(dists: Path) -> None:
    wheel = next(dists.glob("*.whl"))
    sdist = next(dists.glob("*.tar.gz"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    assert set(DATA_FILES) <= names
    assert "newstext/py.typed" in names
    with tarfile.open(sdist) as t:
        members = {m.name.split("/", 1)[1] for m in t.getmembers() if "/" in m.name}
    assert set(DATA_FILES) <= members
    assert {"README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml"} <= members
    run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)


def test_wheel_cleans_an_article_in_a_fresh_venv(dists: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", next(dists.glob("*.whl")))
    seed = CORPUS / "id-seed-taliban" / "raw.txt"
    article = seed if seed.exists() else ROOT / "examples" / "article.txt"
    got = json.loads(run(python, "-c", SCRIPT, article, cwd=tmp_path))
    assert str(venv) in got["file"], "the test must import the installed wheel, not the source tree"
    text = article.read_text(encoding="utf-8")
    assert got["text"] == __import__("newstext").clean(text)
    assert {"drop_boilerplate", "drop_related_links", "strip_keyword_tags", "normalize_dates"} <= set(
        got["rules"]
    )
    assert all(got["languages"])
    assert got["dates"] == ["2021-10-08"]
    assert run(venv / "bin" / "newstext", "--version").strip() == f"newstext {got['version']}"
