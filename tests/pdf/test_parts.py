"""The PDF's parts without a full build: the order, the file fetcher, the footer link, the command."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import weasyprint

from generator.sitecheck import ROOT
from handbok.site import pdf, printing


def test_order_chapters_then_entries_then_appendices_and_news(handbook) -> None:
    groups = [["index.md", "inledning/a.md"], ["kvalitet/index.md", "kvalitet/b.md"],
              ["oversikt.md", "modeller/index.md", "raknare/index.md", "raknare/risk.md"],
              ["bilagor/x.md"], ["om/redigera.md", "om/nytt.md"]]
    order = pdf.handbook_order(groups, handbook)
    sources = [section.src for section in order]
    assert [(s.src, s.level) for s in order[:4]] == [("index.md", 1), ("inledning/a.md", 2),
                                                       ("kvalitet/index.md", 1), ("kvalitet/b.md", 2)]
    kinds = ["oversikt.md", "modeller/index.md", "metoder/index.md", "raknare/index.md", "roller/index.md",
             "kontakter.md", None, "bilagor/x.md", "om/nytt.md"]
    assert [sources.index(src) for src in kinds] == sorted(sources.index(src) for src in kinds)
    assert "om/redigera.md" not in sources and sources[-1] == "om/nytt.md"
    methods = [src for src in sources if src and src.startswith("metoder/") and src != "metoder/index.md"]
    assert len(methods) == len(handbook.methods)
    names = [handbook.methods[Path(src).stem].name.casefold() for src in methods]
    assert names == sorted(names)


def test_page_url_and_anchor() -> None:
    assert pdf.page_url("index.md") == "" and pdf.anchor("index.md") == "s-start"
    assert pdf.page_url("kvalitet/index.md") == "kvalitet/"
    assert pdf.page_url("metoder/swot.md") == "metoder/swot/" and pdf.anchor("metoder/swot.md") == "s-metoder-swot"


def test_fetcher_serves_the_site_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "bild.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "hemlig.txt").write_text("nej", encoding="utf-8")
    fetcher = pdf.SiteFetcher(site)
    response = fetcher.fetch((site / "assets" / "bild.svg").as_uri())
    assert b"<svg" in response.read()
    response.close()
    for url in ("http://127.0.0.1:9/bild.png", "https://intranat.exempelkommun.se/x.png",
                (tmp_path / "hemlig.txt").as_uri(), (site / "saknas.png").as_uri()):
        with pytest.raises(pdf.OutsideSite, match="PDF:en får bara använda filer i"):
            fetcher.fetch(url)


def test_rendering_stops_at_a_reference_outside_the_site(tmp_path: Path) -> None:
    html = weasyprint.HTML(string='<p>Bild: <img src="http://127.0.0.1:9/x.png" alt="x"></p>',
                           base_url=tmp_path.as_uri() + "/", url_fetcher=pdf.SiteFetcher(tmp_path))
    with pytest.raises(pdf.OutsideSite):
        html.render()


def _footer(extra: dict) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    env.filters["url"] = lambda path: f"../../{path}"  # MkDocs' filter: the site path from this page
    config = SimpleNamespace(extra=extra, copyright=None)
    return env.get_template("partials/copyright.html").render(config=config, base_url="../..")


def test_footer_links_the_versioned_pdf_when_built_with_it(handbook) -> None:
    handbok = {"organisation": "Exempelkommun", "titel": "Kvalitetshandbok", "version": handbook.meta.version,
               "beslut": {"organ": "Kommunstyrelsen", "referens": "KS 1", "datum": "2026-01-01"}}
    footer = _footer({"pdf": True, "handbok": handbok})
    assert f'href="../../{pdf.PDF_DIR}/{pdf.pdf_name(handbook.meta.version)}"' in footer
    assert "Hela handboken som PDF" in footer
    assert "Hela handboken som PDF" not in _footer({"pdf": False, "handbok": handbok})


def test_command_without_a_built_site(tmp_path: Path, capsys) -> None:
    assert pdf.main([str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 1
    assert "Bygg webbplatsen först med `make build`" in capsys.readouterr().err


def test_outbound_links_marked_for_print() -> None:
    html = ('<p><a href="../swot/">SWOT</a> <a href="https://intranat.exempelkommun.se/x">Mall</a> '
            '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ</a></p>')
    marked = printing.mark_outbound_links(html)
    assert '<a href="../swot/">SWOT</a>' in marked
    assert '<a href="https://intranat.exempelkommun.se/x" class="handbok-ut">Mall</a>' in marked
    assert '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ</a>' in marked
