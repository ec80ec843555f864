"""Precompressed `.gz` and `.br` copies next to the site's large assets.

An intranet server often compresses nothing on its own; with these files beside the originals,
nginx (`gzip_static`, `brotli_static`), Apache (rewrite to the file) and IIS (a rewrite rule) send
the smaller copy to a browser that accepts it, without spending CPU per request
(docs/om/publicera.md). Brotli quality 9: on the WebAssembly it is within a few per cent of quality
11 at a fraction of the time, and the build stays quick. Both copies are cached by the original's
hash in `.cache/`, so an unchanged Pyodide is compressed once per machine.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "compressed"
SUFFIXES = {".js", ".mjs", ".css", ".wasm", ".zip", ".json", ".svg", ".xml", ".txt"}
"""Text and WebAssembly; not .whl or .snapshot.gz (already compressed) nor images and fonts."""
MIN_BYTES = 10_000
"""Smaller files gain little, and the server may still compress them on the fly."""
BROTLI_QUALITY = 9


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),  # no timestamp: same bytes each build
    ".br": lambda data: brotli.compress(data, quality=BROTLI_QUALITY, lgwin=24),
}


def large_assets(site_dir: Path) -> list[Path]:
    """The files under `site_dir/assets` worth a precompressed copy."""
    return sorted(p for p in (site_dir / "assets").rglob("*")
                  if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_BYTES)


def precompress(site_dir: Path) -> list[Path]:
    """Write `<file>.gz` and `<file>.br` next to every large asset; returns the copies written.
    A copy that would not be smaller is left out, so the server sends the original."""
    written = []
    for path in large_assets(site_dir):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, compress in COMPRESSORS.items():
            target = path.with_name(path.name + suffix)
            packed = _cached(digest + suffix, data, compress)
            if len(packed) < len(data):
                target.write_bytes(packed)
                written.append(target)
            else:
                target.unlink(missing_ok=True)
    return written


def _cached(key: str, data: bytes, compress: Callable[[bytes], bytes]) -> bytes:
    cached = CACHE / key
    if cached.is_file():
        return cached.read_bytes()
    packed = compress(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{key}.{os.getpid()}.tmp")
    partial.write_bytes(packed)
    partial.replace(cached)  # whole or not at all, also when two builds run at once
    return packed
