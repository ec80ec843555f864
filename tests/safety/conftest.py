"""A site built with every payload in place and the check's safety part bypassed, in-process.

The bypass is a test fixture (the plugin's check runs without `handbok.content.scan.content_errors`), never a switch in
production code: the build must hold on its own second layer (sanitiser, escaping templates, file filters).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from handbok.content import scan

from .corpus import Placed, _dump, copy_project, place_all


def build_unchecked(work: Path, site: Path) -> None:
    """`mkdocs build` of `work/mkdocs.yml` into `site`, in this process, with the safety check skipped."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from handbok.site import mkdocs_plugin as plugin

    real_check = plugin.check

    def check_without_safety(content_dir: Path, docs_dir: Path):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(scan, "content_errors", lambda *args, **kwargs: [])
            return real_check(content_dir, docs_dir)

    config = load_config(str(work / "mkdocs.yml"), site_dir=str(site))
    config.plugins["handbok"].config.snapshot = False  # calculators are not what this site tests
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "check", check_without_safety)  # the editor guide's examples still check
        build(config)


@pytest.fixture(scope="session")
def unchecked_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Placed]]:
    """The shipped handbook plus every payload, and an overdue SWOT page, built with the check bypassed."""
    work = tmp_path_factory.mktemp("unchecked")
    copy_project(work)
    swot = work / "handbook" / "metoder" / "swot.yml"
    _dump(swot, "metod", {**yaml.safe_load(swot.read_text(encoding="utf-8")),
                          "senast_granskad": dt.date(2019, 1, 1)})
    placed = place_all(work, browser=True)
    build_unchecked(work, work / "site")
    return work / "site", placed
