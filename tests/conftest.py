"""Shared fixtures: the site built from the shipped content, once per test run (across xdist workers too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from generator.sitecheck import ROOT, handbok_build, mkdocs_build

settings.register_profile("handbok", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("handbok")
"""No time limits per example or on generating data: timing belongs in bench/, and the machines that run the
tests are shared."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The shipped handbook built with `mkdocs build --strict` into a temporary folder. Under pytest-xdist
    the first worker that needs it builds it and the others wait for it, so the site is built once."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    site, done = shared / "site", shared / "site.built"
    with FileLock(shared / "site.lock"):
        if not done.exists():
            result = mkdocs_build(ROOT / "mkdocs.yml", site)
            if result.returncode != 0:
                pytest.fail(f"mkdocs build --strict misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
            done.touch()
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook built with `handbok build --engine zensical`: one Zensical build per session."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = handbok_build("zensical", site)
    if result.returncode != 0:
        pytest.fail(f"handbok build --engine zensical misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site
