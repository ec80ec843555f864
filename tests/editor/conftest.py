"""Fixtures for the editor-workflow tests: a writable copy of the shipped content, and the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbok import cli

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of handbook/ and schemas/ (and an empty docs/) laid out like the repository."""
    shutil.copytree(ROOT / "handbook", tmp_path / "handbook")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest.fixture
def run(capsys):
    """Run `handbok <args>`; returns (exit code, stdout, stderr)."""

    def run_cli(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run_cli
