"""The trimmed standard library (handbok/browser/stdlib.py) holds what the calculators import.

Two guards: every standard-library module a calculator names in an import statement (anywhere in
the file, also inside a function no vector reaches) is in the trimmed zip, read from the source
with `ast`; and a fresh measurement in Pyodide finds no imported file the list lacks.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path

import pytest

import calculators
from handbok.browser.embed import PYODIDE_SRC
from handbok.browser.stdlib import STDLIB, build_stdlib, kept_files, measure, module_file
from handbok.browser.wheel import build_wheel

pytestmark = pytest.mark.pyodide

PACKAGE = Path(calculators.__file__).parent


def imported_modules(source: str) -> set[str]:
    """Absolute module names a source file imports (`from x.y import z` gives x.y and x.y.z)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def missing_from(trimmed: set[str], full: set[str], modules: set[str]) -> list[str]:
    """Standard-library modules among `modules` whose file the full zip has and `trimmed` lacks,
    with every parent package (importing `a.b` runs `a/__init__.py` first)."""
    stdlib = {m for m in modules if m.split(".")[0] in sys.stdlib_module_names}
    wanted = {".".join(m.split(".")[: i + 1]) for m in stdlib for i in range(m.count(".") + 1)}
    files = {m: module_file(m, full) for m in wanted}
    return sorted(m for m, f in files.items() if f is not None and f not in trimmed)


@pytest.fixture(scope="module")
def zips(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    trimmed = build_stdlib(PYODIDE_SRC, tmp_path_factory.mktemp("stdlib") / STDLIB)
    with zipfile.ZipFile(trimmed) as small, zipfile.ZipFile(PYODIDE_SRC / STDLIB) as full:
        return set(small.namelist()), set(full.namelist())


def test_every_calculator_import_is_in_the_trimmed_library(zips: tuple[set[str], set[str]]) -> None:
    trimmed, full = zips
    imports = set().union(*(imported_modules(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")))
    assert {"json", "re", "datetime"} <= imports  # the reading works on the real sources
    assert missing_from(trimmed, full, imports) == [], (
        "Räknarna importerar moduler som det bantade standardbiblioteket saknar: "
        "kör uv run python -m handbok.browser.stdlib (se docs/om/beslut.md)")


def test_the_guard_catches_a_module_left_out(zips: tuple[set[str], set[str]]) -> None:
    trimmed, full = zips
    assert missing_from(trimmed, full, imported_modules("def f():\n    import statistics\n")) == ["statistics"]
    assert missing_from(trimmed, full, imported_modules("from email.mime import text\n")) == [
        "email", "email.mime", "email.mime.text"]
    assert missing_from(trimmed, full, imported_modules("import math, calculators.risk\n")) == []


def test_the_trimmed_library_is_much_smaller(zips: tuple[set[str], set[str]]) -> None:
    trimmed, full = zips
    assert len(trimmed) < len(full) / 2
    assert "json/__init__.py" in trimmed and "unittest/__init__.py" not in trimmed


def test_a_fresh_measurement_finds_nothing_the_list_lacks(tmp_path: Path) -> None:
    measured = measure(PYODIDE_SRC, build_wheel(tmp_path))
    assert "json/__init__.py" in measured and "calculators/__init__.py" not in measured
    assert sorted(set(measured) - set(kept_files())) == [], "kör uv run python -m handbok.browser.stdlib"
