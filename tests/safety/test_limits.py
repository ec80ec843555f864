"""Bounded work on any input: a YAML alias bomb or a huge file is refused fast, in Swedish, with little memory."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

from handbok.content.loader import MAX_CHARACTERS, load_text

ROOT = Path(__file__).resolve().parent.parent.parent

BILLION_LAUGHS = "\n".join([
    'namn: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]',
    *(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]"
      for prev, name in zip("abcdefgh", "bcdefghi", strict=True)),
    "syfte: *i",
]) + "\n"
MEMORY_LIMIT = 1 << 30
"""Address space for the check process: far below what the expanded bomb needs (9**9 strings, tens of GB)."""


def test_bomb_is_small():
    assert len(BILLION_LAUGHS.encode()) < 500


def test_anchor_and_alias_are_refused_with_position():
    document, [error] = load_text("handbook/metoder/x.yml", "namn: &n Test\nsyfte: *n\n")
    assert document is None
    assert (error.line, error.column) == (1, 7)
    assert "`&n` är ett ankare" in error.message and "citattecken" in error.message
    document, [error] = load_text("handbook/metoder/x.yml", "namn: Test\nsyfte: *n\n")
    assert (error.line, error.message.split(":")[0]) == (2, "YAML-fel")
    assert "`*n` hänvisar" in error.message


def test_quoted_ampersand_and_asterisk_are_text():
    document, errors = load_text("handbook/metoder/x.yml", 'namn: "&Co"\nsyfte: "*viktigt*"\n')
    assert errors == [] and document.data == {"namn": "&Co", "syfte": "*viktigt*"}


def test_oversized_file_is_refused():
    document, [error] = load_text("handbook/metoder/x.yml", "namn: " + "x" * MAX_CHARACTERS + "\n")
    assert document is None and "filen är för stor" in error.message


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_billion_laughs_fails_fast_within_memory_limit(tmp_path: Path):
    content = tmp_path / "handbook"
    shutil.copytree(ROOT / "handbook", content)
    (content / "metoder" / "skratt.yml").write_text(BILLION_LAUGHS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handbok.cli", "check", "--content", str(content),
                             "--docs", str(tmp_path / "docs")], capture_output=True, text=True, timeout=60,
                            preexec_fn=_limited, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "handbook/metoder/skratt.yml:1:7: YAML-fel: `&a` är ett ankare" in result.stdout
