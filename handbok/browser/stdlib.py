"""Pyodide's standard library trimmed to the files the calculators and Pyodide's own start import.

Pyodide ships all of CPython's library (`python_stdlib.zip`, 559 files, 2.5 MB); a calculator page
needs about a quarter of it. Which files, is measured, not guessed: `python -m handbok.browser.stdlib`
runs every shared vector and every SPEC example in Pyodide under Node with the whole library
(`imports.mjs`) and writes the files Python imported from the zip into `stdlib_files.txt`. The
build ships only those. The memory snapshot is made from the same trimmed zip and imports every module
in it, so a worker that starts from the snapshot mounts an empty zip instead (EMPTY_STDLIB); the wheel
path mounts the trimmed one. tests/pyodide/test_stdlib.py fails when a calculator imports a module the
list lacks; docs/om/beslut.md says what a new calculator must do then.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).with_name("stdlib_files.txt")
SCRIPT = Path(__file__).with_name("imports.mjs")
VECTORS = ROOT / "tests" / "calculators" / "vectors.json"
STDLIB = "python_stdlib.zip"
EMPTY_STDLIB = "python_stdlib.empty.zip"
"""What the worker mounts as the library when it starts from the snapshot: the snapshot has every module of
the trimmed library imported already (snapshot.mjs), so the 0.78 MB zip would never be read."""
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
HEADER = ("# Files of Pyodide's python_stdlib.zip that the calculators and Pyodide's start import.\n"
          "# Written by `uv run python -m handbok.browser.stdlib` (measured); do not edit by hand.\n")


def kept_files(listing: Path = FILES) -> list[str]:
    """The measured list: paths inside the zip, one a line."""
    lines = listing.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def module_file(module: str, names: set[str]) -> str | None:
    """The zip path of a top-level or dotted module (`json` -> `json/__init__.py`), or None when
    the zip has no such module (a built-in of Pyodide's WebAssembly, or not shipped at all)."""
    base = module.replace(".", "/")
    return next((name for name in (f"{base}.py", f"{base}/__init__.py") if name in names), None)


def trimmed_stdlib(pyodide_dir: Path, listing: Path = FILES) -> bytes:
    """The trimmed library as zip bytes: the listed files and their packages' folder entries, with
    fixed dates. Deflated, as Pyodide's own: stored entries would compress a little better with
    brotli (0.63 MB against 0.79 MB) but cost 3.0 MB on a server that compresses nothing."""
    keep = kept_files(listing)
    with zipfile.ZipFile(pyodide_dir / STDLIB) as full:
        names = set(full.namelist())
        missing = [name for name in keep if name not in names]
        if missing:
            raise RuntimeError(f"{listing.name} nämner filer som Pyodide inte har: {missing[:5]}. "
                               "Mät igen: uv run python -m handbok.browser.stdlib")
        folders = {name[: i + 1] for name in keep for i, c in enumerate(name) if c == "/"}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as trimmed:
            for name in sorted(folders | set(keep)):
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
                info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo of its own is stored otherwise
                trimmed.writestr(info, b"" if name.endswith("/") else full.read(name))
    return buffer.getvalue()


def build_stdlib(pyodide_dir: Path, out: Path, listing: Path = FILES) -> Path:
    """Write the trimmed library to `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(trimmed_stdlib(pyodide_dir, listing))
    return out


def build_empty_stdlib(out: Path) -> Path:
    """Write the library of the snapshot path: a valid zip with nothing in it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    zipfile.ZipFile(out, "w").close()
    return out


def measure(pyodide_dir: Path, wheel: Path, vectors: Path = VECTORS) -> list[str]:
    """The zip files Python imports while every vector runs in Pyodide under Node (whole library)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js behövs för att mäta standardbiblioteket. Kör make setup.")
    result = subprocess.run([node, str(SCRIPT), str(pyodide_dir), str(wheel), str(vectors)],
                            capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Mätningen misslyckades (node {SCRIPT.name}):\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> None:
    """Measure and rewrite stdlib_files.txt (with --check: only say whether it is current)."""
    from .embed import PYODIDE_SRC
    from .wheel import build_wheel

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--check", action="store_true", help="ändra inget, avsluta med fel om listan är inaktuell")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = measure(PYODIDE_SRC, build_wheel(Path(tmp)))
    text = HEADER + "".join(f"{name}\n" for name in files)
    if args.check:
        if FILES.read_text(encoding="utf-8") != text:
            sys.exit(f"{FILES.name} är inaktuell: kör uv run python -m handbok.browser.stdlib")
        return
    FILES.write_text(text, encoding="utf-8")
    print(f"{len(files)} filer i {FILES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
