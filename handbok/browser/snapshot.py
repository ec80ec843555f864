"""A memory snapshot of Pyodide with the calculators imported, made at build time under Node.

The reader's worker starts from it instead of starting Python: in Chromium here about 0.5 s
instead of 1.9 s for a bare `loadPyodide` (bench/browser.py). Pyodide's snapshot options are
private, so the worker falls back to a normal start with the wheel if the snapshot fails.
Making one takes a few seconds, so it is cached per Pyodide version and wheel in `.cache/`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "snapshots"
SCRIPT = Path(__file__).with_name("snapshot.mjs")


def snapshot_name(wheel_name: str) -> str:
    """`calculators-0.1.0+3f2a…-py3-none-any.whl` -> `calculators-0.1.0+3f2a….snapshot.gz`."""
    return wheel_name.split("-py3-")[0] + ".snapshot.gz"


def build_snapshot(pyodide_dir: Path, version: str, wheel: Path, out_dir: Path) -> Path:
    """Write the snapshot for `wheel` into `out_dir` (from the cache when it is there)."""
    cached = CACHE / version / snapshot_name(wheel.name)
    if not cached.is_file():
        _make(pyodide_dir, wheel, cached)
    target = out_dir / cached.name
    shutil.copyfile(cached, target)
    return target


def _make(pyodide_dir: Path, wheel: Path, cached: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js behövs för att bygga räknarnas ögonblicksbild. Kör make setup och bygg igen.")
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    result = subprocess.run([node, str(SCRIPT), str(pyodide_dir), str(wheel), str(partial)],
                            capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"Räknarnas ögonblicksbild kunde inte byggas (node {SCRIPT.name}):\n{result.stderr[-2000:]}")
    partial.replace(cached)  # whole or not at all, also when two builds run at once
