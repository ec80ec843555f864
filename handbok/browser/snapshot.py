"""A memory snapshot of Pyodide with the calculators imported, made at build time under Node.

The reader's worker starts from it instead of starting Python: in Chromium here about 0.5 s
instead of 1.9 s for a bare `loadPyodide` (bench/browser.py). Pyodide's snapshot options are
private, so the worker falls back to a normal start with the wheel if the snapshot fails.
It is made from the trimmed standard library the site ships (handbok/browser/stdlib.py) with all of
it imported, so the worker needs no library beside it, and packed (assets/snapshot_packing.mjs): without
the bytes the reader has in the WebAssembly file already, nor long runs of zeros. Making one
takes a few seconds, so it is cached per Pyodide version, standard library, maker scripts and wheel in
the user's cache folder (never in the package or the handbook). Without Node.js the site ships the
wheel alone (`node`, NO_NODE).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import platformdirs

CACHE = Path(platformdirs.user_cache_dir("handbok")) / "snapshots"
SCRIPT = Path(__file__).with_name("snapshot.mjs")
MAKERS = (SCRIPT, Path(__file__).with_name("assets") / "snapshot_packing.mjs")
"""The scripts that make the snapshot: a change to either makes a new one."""
NO_NODE = ("Node.js saknas, så räknarnas ögonblicksbild byggs inte: räknarna fungerar men startar ungefär en "
           "sekund långsammare. Installera Node.js 18 eller senare och bygg igen för snabbare start.")


def node() -> str | None:
    """The Node.js the snapshot is made with, or None when it is not installed."""
    return shutil.which("node")


def snapshot_name(wheel_name: str) -> str:
    """`calculators-0.1.0+3f2a…-py3-none-any.whl` -> `calculators-0.1.0+3f2a….snapshot.gz`."""
    return wheel_name.split("-py3-")[0] + ".snapshot.gz"


def cached_path(version: str, wheel: Path, stdlib: Path, cache_dir: Path) -> Path:
    """Where the snapshot of these inputs is kept: a new standard library or maker script is a new folder."""
    inputs = hashlib.sha256(b"".join(path.read_bytes() for path in (stdlib, *MAKERS))).hexdigest()[:12]
    return cache_dir / version / inputs / snapshot_name(wheel.name)


def build_snapshot(pyodide_dir: Path, version: str, wheel: Path, stdlib: Path, out_dir: Path,
                   cache_dir: Path | None = None) -> Path:
    """Write the snapshot for `wheel` on the standard library `stdlib` into `out_dir` (from `cache_dir`,
    default CACHE, when it is there)."""
    cached = cached_path(version, wheel, stdlib, cache_dir or CACHE)
    if not cached.is_file():
        _make(pyodide_dir, wheel, stdlib, cached)
    target = out_dir / cached.name
    shutil.copyfile(cached, target)
    return target


def _make(pyodide_dir: Path, wheel: Path, stdlib: Path, cached: Path) -> None:
    runner = node()
    if runner is None:
        raise RuntimeError(NO_NODE)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    result = subprocess.run([runner, str(SCRIPT), str(pyodide_dir), str(wheel), str(stdlib), str(partial)],
                            capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"Räknarnas ögonblicksbild kunde inte byggas (node {SCRIPT.name}):\n{result.stderr[-2000:]}")
    partial.replace(cached)  # whole or not at all, also when two builds run at once
