"""Build a pure-Python wheel of the `calculators` package for Pyodide.

The wheel is written by hand with `wheel.wheelfile.WheelFile` (which writes RECORD) instead of a
build backend, so the site build needs no network and no isolated build environment. Timestamps are
fixed, so the same sources always give the same bytes; a hash of the sources goes into the version's
local label, so a browser never keeps a stale wheel after the calculators change.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipInfo

from wheel.wheelfile import WheelFile

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "calculators"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def _project_version() -> str:
    """The project's version from pyproject.toml (the calculators have no version of their own)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def _sources(package_dir: Path) -> list[tuple[str, bytes]]:
    """Every .py file of the package as (archive name, bytes), sorted for a stable archive."""
    files = sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)
    base = package_dir.parent
    return [(p.relative_to(base).as_posix(), p.read_bytes()) for p in files]


def source_hash(package_dir: Path = PACKAGE_DIR) -> str:
    """A short hash of the package's sources (names and contents)."""
    digest = hashlib.sha256()
    for name, data in _sources(package_dir):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:12]


def wheel_name(package_dir: Path = PACKAGE_DIR) -> str:
    """The wheel's file name, e.g. `calculators-0.1.0+3f2a9c1b7d4e-py3-none-any.whl`."""
    return f"calculators-{_project_version()}+{source_hash(package_dir)}-py3-none-any.whl"


def _metadata(version: str) -> bytes:
    return (
        "Metadata-Version: 2.1\n"
        "Name: calculators\n"
        f"Version: {version}\n"
        "Summary: Kvalitetshandbokens räknare (pure Python, standard library only)\n"
        "Requires-Python: >=3.11\n"
    ).encode()


WHEEL_FILE = b"Wheel-Version: 1.0\nGenerator: handbok.browser.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def _info(name: str) -> ZipInfo:
    info = ZipInfo(name, date_time=FIXED_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = ZIP_DEFLATED
    return info


class _FixedDateWheel(WheelFile):
    """WheelFile dates the RECORD it writes on close with the clock; this one uses FIXED_DATE too."""

    def writestr(self, zinfo_or_arcname: str | ZipInfo, data: bytes | str, compress_type: int | None = None) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = _info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type)


def build_wheel(out_dir: Path, package_dir: Path = PACKAGE_DIR) -> Path:
    """Write the calculators wheel into `out_dir` and return its path."""
    name = wheel_name(package_dir)
    version = name.split("-")[1]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    with _FixedDateWheel(path, "w") as whl:
        for arcname, data in _sources(package_dir):
            whl.writestr(arcname, data)
        dist_info = f"calculators-{version}.dist-info"
        whl.writestr(f"{dist_info}/METADATA", _metadata(version))
        whl.writestr(f"{dist_info}/WHEEL", WHEEL_FILE)
    return path
