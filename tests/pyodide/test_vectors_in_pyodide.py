"""The calculators' shared test vectors, run inside real Pyodide under Node.

The wheel is the one the site ships (handbok.wheel), so this proves the browser's code path:
the vectors pass there, and every result equals CPython's `calculators.run` exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import calculators
from handbok.embed import PYODIDE_SRC
from handbok.wheel import build_wheel

pytestmark = pytest.mark.pyodide

HERE = Path(__file__).parent
VECTORS_DIR = HERE.parent / "calculators"
VECTORS = VECTORS_DIR / "vectors.json"


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Output of run_vectors.mjs: problems and results per vector, computed in Pyodide."""
    assert shutil.which("node"), "Node.js behövs för Pyodide-testerna (kör make setup)."
    assert (PYODIDE_SRC / "pyodide.mjs").is_file(), "npm-paketet pyodide saknas (kör make setup)."
    wheel = build_wheel(tmp_path_factory.mktemp("wheel"))
    completed = subprocess.run(
        ["node", str(HERE / "run_vectors.mjs"), str(PYODIDE_SRC), str(wheel),
         str(VECTORS_DIR / "vector_check.py"), str(VECTORS)],
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
    for vector, in_pyodide in zip(vectors, pyodide_run["results"]):
        in_cpython = json.loads(json.dumps(calculators.run(vector["name"], vector["inputs"]), allow_nan=False))
        assert in_pyodide == in_cpython, vector["description"]
