"""Build a site in a child process, as the README's build command does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a child process, as the README's build command runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
                           str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def handbok_build(engine: str, site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """`handbok build --engine ENGINE` in a child process, as the README's command runs it."""
    return subprocess.run([sys.executable, "-m", "handbok.cli", "build", "--engine", engine, "--config", str(config),
                           "--site-dir", str(site_dir)], cwd=ROOT, capture_output=True, text=True, timeout=900)
