"""Precompressed copies next to the large assets (handbok/browser/compress.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from handbok.browser import compress


def test_large_assets_get_identical_gzip_and_brotli_copies(tmp_path: Path) -> None:
    assets = tmp_path / "assets" / "pyodide"
    assets.mkdir(parents=True)
    big = assets / "pyodide.asm.mjs"
    big.write_text("const svar = 42;\n" * 2000)
    (assets / "liten.js").write_text("x")
    (assets / "calculators.whl").write_bytes(b"PK" * 20_000)
    (tmp_path / "index.html").write_text("<p>sida</p>" * 2000)
    written = compress.precompress(tmp_path)
    assert sorted(p.name for p in written) == ["pyodide.asm.mjs.br", "pyodide.asm.mjs.gz"]
    assert gzip.decompress(big.with_name(big.name + ".gz").read_bytes()) == big.read_bytes()
    assert brotli.decompress(big.with_name(big.name + ".br").read_bytes()) == big.read_bytes()


def test_a_changed_file_gets_new_copies_and_the_same_file_the_same_bytes(tmp_path: Path) -> None:
    big = tmp_path / "assets" / "a.js"
    big.parent.mkdir()
    big.write_text("let a = 1;\n" * 3000)
    compress.precompress(tmp_path)
    first = big.with_name("a.js.gz").read_bytes()
    compress.precompress(tmp_path)
    assert big.with_name("a.js.gz").read_bytes() == first
    big.write_text("let b = 2;\n" * 3000)
    compress.precompress(tmp_path)
    assert gzip.decompress(big.with_name("a.js.gz").read_bytes()) == big.read_bytes()
