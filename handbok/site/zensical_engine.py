"""Zensical adapter: runs `zensical build` on the configuration `handbok build` wrote.

Zensical (pinned in pyproject.toml) reads mkdocs.yml but runs no MkDocs plugins, so it gets the build folder
with every page already generated, and the post-steps run on what it writes (handbok/site/build.py).
It needs its site folder inside the folder of its configuration: the build's `site/` next to it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from handbok.site.steps import BuildError


def run(config_file: Path) -> None:
    """Build the site of `config_file` into `site/` beside it, in strict mode."""
    if importlib.util.find_spec("zensical") is None:
        raise BuildError("Zensical är inte installerat. Kör make setup (uv sync) och bygg sedan igen.")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", str(config_file)],
                            cwd=config_file.parent, check=False)
    if result.returncode != 0:
        raise BuildError("Zensical kunde inte bygga webbplatsen; orsaken står ovan.")
