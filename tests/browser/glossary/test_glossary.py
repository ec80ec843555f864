"""Words a reader may not know: every term of `handbook/ordlista.yml` is explained on the pages that use it
(`<abbr title>`), and the glossary page lists them all."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from handbok.site.pages import abbreviations
from handbok.site.validate import check

from ..readers.axe import WIDTHS, axe_all_rules

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[3]
HANDBOOK = check(ROOT / "handbook", ROOT / "docs")[0]
TITLES = abbreviations(HANDBOOK.glossary)
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _ReaderText(HTMLParser):
    """The text a reader meets in prose: code, hidden search words and calculator forms (inserted after
    Markdown, in the calculators' own words) left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        names = dict(attrs)
        if self.skip or tag in ("code", "pre") or "hidden" in names or "handbok-calc" in (names.get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag not in VOID:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def article(path: Path) -> str:
    found = ARTICLE.search(path.read_text(encoding="utf-8"))
    return found.group(0) if found else ""


def uses(html_text: str, term: str) -> bool:
    reader = _ReaderText()
    reader.feed(html_text)
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w])", " ".join(reader.parts)) is not None


def test_the_glossary_holds_the_handbooks_abbreviations() -> None:
    assert {"ÖSB", "KKiK", "R9", "SKR", "HME", "NKI", "ROSA", "DMAIC", "SWOT", "PICK"} <= set(TITLES)


@pytest.mark.parametrize("term", sorted(TITLES))
def test_every_page_using_a_term_explains_it(built_site: Path, term: str) -> None:
    explained = f'<abbr title="{html.escape(TITLES[term])}">{html.escape(term, quote=False)}</abbr>'
    pages = [p for p in sorted(built_site.rglob("index.html")) if uses(article(p), term)]
    assert any(p.parent.name == "ordlista" for p in pages)
    unexplained = [str(p.relative_to(built_site)) for p in pages if explained not in article(p)]
    assert unexplained == []


def test_glossary_page_and_a_term_on_a_content_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "ordlista/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ordlista")
    expect(page.locator("article dt")).to_have_count(len(TITLES))
    expect(page.locator("article dd").first).to_contain_text("Define, Measure, Analyze, Improve, Control")
    page.goto(base_url + "kvalitet/jamforelser/")
    abbr = page.locator("article abbr", has_text="KKiK").first
    expect(abbr).to_have_attribute("title", TITLES["KKiK"])
    assert "Kommunens kvalitet i korthet" in TITLES["KKiK"]


@pytest.mark.parametrize("width", WIDTHS)
def test_glossary_axe_all_rules(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "ordlista/")
    assert axe_all_rules(page) == []
