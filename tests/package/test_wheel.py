"""Our wheel in a fresh virtual environment outside the checkout: `handbok init`, `handbok check` and a build there.

Slow but part of `make test` (marked `build`). The snapshot is turned off in the new handbook's mkdocs.yml: it is
the slow part, and test_init.py covers its cache and the missing-Node path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv") or str(Path.home() / ".local/bin/uv")  # `make test` puts ~/.local/bin on PATH

pytestmark = pytest.mark.build


def run(command: list, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=900, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new handbook made by the installed wheel, built into its site/."""
    work = tmp_path_factory.mktemp("paket")
    assert not work.resolve().is_relative_to(ROOT)
    run([UV, "build", "--wheel", "--out-dir", work / "dist"], ROOT)
    requirements = work / "requirements.txt"  # the locked versions, so the cache usually has them all
    run([UV, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes", "-q", "-o", requirements], ROOT)
    run([UV, "venv", "-q", work / "venv", "--python", sys.executable], work)
    install = [UV, "pip", "install", "-q", "--python", work / "venv/bin/python", "-r", requirements,
               *(work / "dist").glob("*.whl")]
    offline = subprocess.run([str(part) for part in [*install, "--offline"]], cwd=work, capture_output=True,
                             check=False)
    if offline.returncode != 0:  # the cache lacks an index page: fetch what is missing
        run(install, work)
    env = {"PATH": f"{work / 'venv/bin'}:/usr/bin:/bin", "HOME": str(work), "NO_MKDOCS_2_WARNING": "1"}
    bin_dir = work / "venv" / "bin"
    located = run([bin_dir / "python", "-c", "import handbok; print(handbok.__file__)"], work, env).stdout
    assert Path(located.strip()).is_relative_to(work / "venv")
    run([bin_dir / "handbok", "init", "ny", "--organisation", "Åby kommun", "--domän", "aby.se"], work, env)
    folder = work / "ny"
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("snapshot: true", "snapshot: false"), encoding="utf-8")
    assert "Inga fel" in run([bin_dir / "handbok", "check"], folder, env).stdout
    run([bin_dir / "handbok", "schema", "--check"], folder, env)
    run([bin_dir / "mkdocs", "build", "--strict"], folder, env)
    run([bin_dir / "handbok", "links", "site"], folder, env)
    return folder


def test_every_kind_has_a_page(project: Path) -> None:
    for page in ("", "oversikt/", "modeller/forbattringsarbete/", "metoder/riskanalys/",
                 "roller/kvalitetssamordnare/", "kontakter/", "om/tillganglighet/"):
        assert (project / "site" / page / "index.html").is_file(), page
    assert "Åby kommun" in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_the_method_has_a_calculator_and_pyodide_is_shipped(project: Path) -> None:
    assert 'data-calc="risk"' in (project / "site/metoder/riskanalys/index.html").read_text(encoding="utf-8")
    runtime = next((project / "site/assets/pyodide").iterdir())
    names = {path.name for path in runtime.iterdir()}
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"} <= names
    assert any(name.startswith("calculators-") and name.endswith(".whl") for name in names)


def test_the_theme_templates_come_from_the_package(project: Path) -> None:
    page = (project / "site/index.html").read_text(encoding="utf-8")
    assert "assets/handbok/theme/storage.js" in page  # overrides/partials/javascripts/base.html
    assert "Tillgänglighetsredogörelse" in page  # overrides/partials/copyright.html


def test_nothing_refers_to_the_checkout(project: Path) -> None:
    for path in (project / "site").rglob("*"):
        if path.suffix in {".html", ".js", ".css", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert str(ROOT) not in text and "exempelkommun" not in text.lower(), path
