"""`handbok check`: the editor's command. Exit code, summary line, no traceback, never writes a file."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures"


def run_check(content: Path, docs: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbok.cli", "check", "--content", str(content),
                           "--docs", str(docs)], capture_output=True, text=True, timeout=120)


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE / "handbook", tmp_path / "handbook"))


def test_valid_content_exits_zero(content: Path) -> None:
    result = run_check(content, FIXTURE / "docs")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Inga fel i 10 filer.\n", "")


def test_errors_exit_one_with_one_line_each_and_a_summary(content: Path) -> None:
    (content / "metoder" / "swot.yml").write_text("namn: [\n", encoding="utf-8")
    (content / "roller" / "chef.yml").write_text("namn: Chef\n", encoding="utf-8")
    before = digests(content)
    result = run_check(content, FIXTURE / "docs")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0].startswith("handbook/metoder/swot.yml:1:7: YAML-fel i `namn`: ")
    assert all(line.startswith("handbook/roller/chef.yml:1:1: fältet `") for line in lines[1:-1])
    assert lines[-1] == f"{len(lines) - 1} fel i 2 filer."
    assert "Traceback" not in result.stdout + result.stderr
    assert digests(content) == before


def test_missing_content_folder(tmp_path: Path) -> None:
    result = run_check(tmp_path / "handbook", tmp_path / "docs")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == ("handbook:1:1: mappen med innehåll finns inte. Kontrollera sökvägen "
                                             "till mappen `handbook`.")


@pytest.mark.parametrize("argv,message", [
    (["bogus"], "handbok: KOMMANDO: `bogus` finns inte. Välj ett av: 'check', "),
    (["check", "--format", "xml"], "handbok check: --format: `xml` finns inte. Välj ett av: 'text', "),
    ([], "handbok: det här saknas: KOMMANDO."),
])
def test_usage_mistakes_are_explained_in_swedish(argv: list[str], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "handbok.cli", *argv], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("användning: handbok") and message in result.stderr, result.stderr


def test_help_is_in_swedish() -> None:
    result = subprocess.run([sys.executable, "-m", "handbok.cli", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "användning: handbok" in result.stdout and "visa den här hjälpen och avsluta" in result.stdout
    assert "usage" not in result.stdout and "show this help" not in result.stdout
