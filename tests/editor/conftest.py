"""Fixtures for the editor-workflow tests: a writable copy of the shipped content, and the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbok import cli

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of handbook/, schemas/ and docs/ laid out like the repository (content links into the chapters)."""
    for name in ("handbook", "schemas", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def run(capsys):
    """Run `handbok <args>`; returns (exit code, stdout, stderr)."""

    def run_cli(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run_cli
