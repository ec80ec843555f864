"""Shared fixtures: the site built from the shipped content, once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from generator.sitecheck import ROOT, handbok_build, mkdocs_build

settings.register_profile("handbok", deadline=None)
settings.load_profile("handbok")
"""No per-example time limit: timing belongs in bench/, and the machines that run the tests are shared."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook built with `handbok build --engine zensical`: one Zensical build per session."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = handbok_build("zensical", site)
    if result.returncode != 0:
        pytest.fail(f"handbok build --engine zensical misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site
