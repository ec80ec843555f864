"""Shared fixtures: the site built from the shipped content, once per test run (across xdist workers too)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from generator.sitecheck import ROOT, handbok_build, mkdocs_build

settings.register_profile("handbok", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("handbok")
"""No time limits per example or on generating data: timing belongs in bench/, and the machines that run the
tests are shared."""


def _built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
                build: Callable[[Path], subprocess.CompletedProcess[str]], what: str) -> Path:
    """The site `build` writes into the run's folder `name`. Under pytest-xdist the first worker that needs it
    builds it and the others wait for it: one build per run, and never two builds of the same engine at once
    (they would share the project's build folder)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    site, done = shared / name, shared / f"{name}.built"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            result = build(site)
            if result.returncode != 0:
                pytest.fail(f"{what} misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
            done.touch()
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The shipped handbook built with `mkdocs build --strict` into a temporary folder, once per run."""
    return _built_once(tmp_path_factory, worker_id, "site", lambda site: mkdocs_build(ROOT / "mkdocs.yml", site),
                       "mkdocs build --strict")


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The shipped handbook built with `handbok build --engine zensical`, once per run."""
    return _built_once(tmp_path_factory, worker_id, "site-zensical", lambda site: handbok_build("zensical", site),
                       "handbok build --engine zensical")
