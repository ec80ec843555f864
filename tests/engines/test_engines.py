"""`handbok build` with both engines on the shipped handbook: the same pages, titles and blocks.

One MkDocs build here and the session's one Zensical build (tests/conftest.py). Each page is reduced to what
a reader relies on: its title, its heading, the calculators in it, its owner block, its overdue notice and
where "Redigera sidan" leads.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.sitecheck import ROOT, handbok_build
from handbok.cli import main
from handbok.site import search

pytestmark = pytest.mark.build

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
CALCULATOR = re.compile(r'<div class="handbok-calc" [^>]*data-calc="([^"]+)"')
EDIT = re.compile(r'<a href="([^"]*)"[^>]*rel="edit"')


@dataclass(frozen=True)
class Seen:
    title: str
    heading: str
    calculators: tuple[str, ...]
    owner: bool
    overdue: bool
    edit: str | None


def _text(fragment: str) -> str:
    """The text a reader sees (the engines escape differently: `/` or `&#x2f;`)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def seen(site: Path) -> dict[str, Seen]:
    """Every page of a built site (relative path -> what a reader sees of it), assets and 404 left out."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        if path.startswith("assets/") or path == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        heading = HEADING.search(text)
        edit = EDIT.search(text)
        found[path] = Seen(_text(TITLE.search(text).group(1)), _text(heading.group(1)) if heading else "",
                           tuple(CALCULATOR.findall(text)), "handbok-granskning" in text,
                           "Sidan behöver granskas" in text, html.unescape(edit.group(1)) if edit else None)
    return found


def _digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.as_posix().encode() + p.read_bytes() for p in files)).hexdigest()


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """`handbok build` with MkDocs, with a digest of docs/ before and after."""
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    before = _digest(ROOT / "docs")
    result = handbok_build("mkdocs", site)
    if result.returncode != 0:
        pytest.fail(f"handbok build misslyckades:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site, before, _digest(ROOT / "docs")


def test_both_engines_build_the_same_pages_with_the_same_blocks(mkdocs_site, zensical_site: Path) -> None:
    mkdocs, zensical = seen(mkdocs_site[0]), seen(zensical_site)
    assert sorted(mkdocs) == sorted(zensical)
    assert {path: page for path, page in zensical.items() if page != mkdocs[path]} == {}, "sidor som skiljer sig"
    # the comparison is about real content: calculators, owner blocks, overdue notices and YAML edit links
    assert len(mkdocs) > 90
    assert mkdocs["metoder/riskanalys/index.html"].calculators == ("risk",)
    assert sum(bool(page.calculators) for page in mkdocs.values()) >= 10
    assert sum(page.owner for page in mkdocs.values()) > 60
    assert any(page.overdue for page in mkdocs.values())
    assert mkdocs["metoder/swot/index.html"].edit.endswith("/-/edit/main/handbook/metoder/swot.yml")
    assert mkdocs["om/beslut/index.html"].edit.endswith("/-/edit/main/docs/om/beslut.md")
    assert mkdocs["oversikt/index.html"].edit is None
    assert mkdocs["metoder/swot/index.html"].title.startswith("SWOT-analys - ")


def test_the_build_leaves_the_editors_docs_alone(mkdocs_site) -> None:
    _, before, after = mkdocs_site
    assert before == after


def test_both_engines_get_the_runtime_and_the_page_list(mkdocs_site, zensical_site: Path) -> None:
    for site in (mkdocs_site[0], zensical_site):
        runtime = next((site / "assets" / "pyodide").iterdir())
        files = {p.name for p in runtime.iterdir()}
        copies = {name for name in files if name.endswith(".br") or (name.endswith(".gz") and name[:-3] in files)}
        suffixes = sorted(Path(name).suffix for name in files - copies)
        assert suffixes == [".gz", ".mjs", ".mjs", ".wasm", ".whl", ".zip", ".zip"]
        assert "<loc>metoder/swot/</loc>" in (site / "assets" / "handbok" / "sidor.xml").read_text(encoding="utf-8")
        bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
        assert 'new URL("assets/handbok/sidor.xml",e)' in bundle
        assert not (site / "sitemap.xml").exists()
        assert 'const BUILD = "' in (site / "sw.js").read_text(encoding="utf-8")  # at the root: scope is the site
        assert (site / "pagefind" / "pagefind.js").is_file()
        assert not [name for name in search.UNUSED if (site / "pagefind" / name).exists()]
        assert 'src="../../assets/handbok/offline.js"' in (site / "metoder/swot/index.html").read_text(encoding="utf-8")


def test_a_site_folder_that_would_replace_the_sources_is_refused(capsys) -> None:
    assert main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(ROOT / "docs")]) == 1
    assert "ersätta handbokens källfiler" in capsys.readouterr().err
    assert (ROOT / "docs" / "index.md").is_file()
