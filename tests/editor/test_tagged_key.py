"""A `!` before a key (a YAML tag) is reported on its own line, not below the value's lines where the parser
stumbles (found by fuzzing: `- !brist: >-` landed three lines too low)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(("original", "key"), [("    - brist: >-", "brist"), ('  - version: "6.0"', "version")])
def test_a_tag_before_a_key_is_reported_where_it_is_written(repo: Path, run, original: str, key: str):
    path = repo / "handbook" / "handbook.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(original)) + 1
    lines[number - 1] = lines[number - 1].replace(f"{key}:", f"!{key}:", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    before = path.read_bytes()
    code, out, _ = run("check", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    assert code == 1
    column = lines[number - 1].index("!") + 1
    assert f"handbook.yml:{number}:{column}: YAML-fel i `{key}`: fältnamnet börjar med `!`" in out, out
    assert f"Ta bort `!` och skriv `{key}:`." in out
    assert path.read_bytes() == before
