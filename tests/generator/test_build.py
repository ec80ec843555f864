"""The MkDocs plugin on the fixture handbook: pages, navigation, edit links, footer; bad content fails the build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbok.site.ci import check_links
from handbok.site.validate import check

from .sitecheck import ROOT, mkdocs_build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_project(target: Path) -> Path:
    """A copy of the fixture project whose theme overrides point at the repository's `overrides/`."""
    shutil.copytree(FIXTURES / "handbook", target / "handbook")
    shutil.copytree(FIXTURES / "docs", target / "docs")
    config = (FIXTURES / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: ../../overrides", f"custom_dir: {ROOT / 'overrides'}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    result = mkdocs_build(fixture_project(project), project / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_a_page(site: Path) -> None:
    for page in ("modeller/processledning", "metoder/swot", "metoder/riskanalys", "metoder/processkartlaggning",
                 "roller/samordnare", "roller/chef", "roller/namnd", "oversikt", "kontakter"):
        assert (site / page / "index.html").is_file(), page


def _nav(page: str) -> str:
    return page[page.index("md-nav--primary"):page.index("md-sidebar--secondary")]


def test_navigation_holds_the_index_pages_and_they_list_every_entry(site: Path) -> None:
    """Entries stay out of the navigation (it would grow with every entry); their index page lists them all."""
    nav = _nav(html(site, "metoder/swot"))
    assert "Metoder och verktyg" in nav and "Roller" in nav
    assert "SWOT-analys" not in nav and 'href="../../roller/namnd/"' not in nav
    assert 'href="swot/"' in html(site, "metoder") and 'href="processkartlaggning/"' in html(site, "metoder")
    assert 'href="namnd/"' in html(site, "roller")


def test_navigation_is_the_same_size_on_every_entry_page(site: Path) -> None:
    sizes = {len(_nav(html(site, page))) for page in ("metoder/swot", "metoder/riskanalys", "roller/chef")}
    assert max(sizes) - min(sizes) < 200, sizes  # only the active marks differ


def test_edit_link_points_to_the_yaml_source(site: Path) -> None:
    assert ('href="https://git.testkommun.se/kvalitet/handbok/-/edit/main/handbook/metoder/swot.yml"'
            in html(site, "metoder/swot"))
    assert 'rel="edit"' not in html(site, "oversikt")
    assert 'href="https://git.testkommun.se/kvalitet/handbok/-/edit/main/docs/index.md"' in html(site, "")


def test_footer_shows_organisation_and_version(site: Path) -> None:
    footer = " ".join(html(site, "metoder/swot").split())
    assert "Testkommun · Kvalitetshandbok version 1.0 · Beslutad 2026-01-15 (KS 2026/0001)" in footer


def test_overdue_page_shows_a_warning(site: Path) -> None:
    assert '<p class="admonition-title">Sidan behöver granskas</p>' in html(site, "metoder/riskanalys")


def test_calculator_form_replaces_the_placeholder(site: Path) -> None:
    page = html(site, "metoder/riskanalys")
    assert 'data-calc="risk"' in page
    assert "[[räknare" not in page


def test_no_broken_internal_links(site: Path) -> None:
    assert check_links(site) == []
    assert 'id="kvalitetsenheten"' in html(site, "kontakter")


def test_bad_content_fails_the_build_with_the_check_messages(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    (tmp_path / "handbook" / "roller" / "chef.yml").write_text("namn: Chef\ndel_av: ledning\nsyftet: x\n",
                                                                 encoding="utf-8")
    _, expected = check(tmp_path / "handbook")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert all(str(error) in output for error in expected)
    assert f"{len(expected)} fel i 1 fil." in output  # Swedish singular, as `handbok check` says it
    assert "Traceback" not in output
