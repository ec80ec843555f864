"""The calculators' shared test vectors, run inside real Pyodide under Node.

The wheel, the trimmed standard library and the memory snapshot (with its empty library) are the ones the
site ships (handbok.browser.wheel, handbok.browser.stdlib, handbok.browser.snapshot), so this proves both of
the browser's start paths on the trimmed runtime: the vectors pass there, and every result
equals CPython's `calculators.run` exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import calculators
from handbok.browser.embed import PYODIDE_SRC, pyodide_version
from handbok.browser.snapshot import build_snapshot
from handbok.browser.stdlib import EMPTY_STDLIB, STDLIB, build_empty_stdlib, build_stdlib
from handbok.browser.wheel import build_wheel

pytestmark = pytest.mark.pyodide

HERE = Path(__file__).parent
VECTORS_DIR = HERE.parent / "calculators"
VECTORS = VECTORS_DIR / "vectors.json"


@pytest.fixture(scope="module", params=["wheel", "snapshot"])
def pyodide_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Output of run_vectors.mjs: problems and results per vector, computed in Pyodide."""
    assert shutil.which("node"), "Node.js behövs för Pyodide-testerna (kör make setup)."
    assert (PYODIDE_SRC / "pyodide.mjs").is_file(), "npm-paketet pyodide saknas (kör make setup)."
    folder = tmp_path_factory.mktemp("runtime")
    wheel = build_wheel(folder)
    stdlib = build_stdlib(PYODIDE_SRC, folder / STDLIB)
    snapshot = request.param == "snapshot"
    start = [str(build_snapshot(PYODIDE_SRC, pyodide_version(), wheel, stdlib, folder))] if snapshot else []
    library = build_empty_stdlib(folder / EMPTY_STDLIB) if snapshot else stdlib
    completed = subprocess.run(
        ["node", str(HERE / "run_vectors.mjs"), str(PYODIDE_SRC), str(library), str(wheel),
         str(VECTORS_DIR / "vector_check.py"), str(VECTORS), *start],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)


def test_runs_in_pyodide_not_cpython(pyodide_run: dict) -> None:
    assert pyodide_run["platform"] == "emscripten"


def test_vectors_pass_in_pyodide(pyodide_run: dict) -> None:
    assert pyodide_run["problems"] == []


def test_pyodide_results_equal_cpython(pyodide_run: dict) -> None:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert len(vectors) > 0
    assert len(pyodide_run["results"]) == len(vectors)
    for vector, in_pyodide in zip(vectors, pyodide_run["results"], strict=True):
        in_cpython = json.loads(json.dumps(calculators.run(vector["name"], vector["inputs"]), allow_nan=False))
        assert in_pyodide == in_cpython, vector["description"]
