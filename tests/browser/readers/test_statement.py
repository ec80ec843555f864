"""The accessibility statement holds every item Digg requires, filled from handbook.yml, linked from every footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from handbok.site.validate import check

from .axe import WIDTHS, axe_all_rules

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[3]
STATEMENT = "om/tillganglighet/"


@pytest.fixture(scope="module")
def meta():
    handbook, errors = check(ROOT / "handbook")
    assert errors == []
    return handbook.meta


def test_statement_holds_every_required_item(page: Page, base_url: str, meta) -> None:
    a11y = meta.accessibility
    page.goto(base_url + STATEMENT)
    text = page.locator("article")
    expect(page.locator("h1")).to_contain_text("Tillgänglighetsredogörelse")
    for item in (meta.organisation, a11y.service, a11y.status, a11y.method.split(":")[0],
                 a11y.assessed.isoformat(), a11y.updated.isoformat(), f"{a11y.response_days} arbetsdagar",
                 "2018:1937"):
        expect(text).to_contain_text(item)
    for shortcoming in a11y.shortcomings:
        expect(text).to_contain_text(" ".join(shortcoming.shortcoming.split()))
        expect(text).to_contain_text(f"Orsak: {shortcoming.reason}")
    report = text.get_by_role("link", name=meta.feedback_email)
    expect(report).to_have_attribute("href", f"mailto:{meta.feedback_email}?subject=Tillg%C3%A4nglighet")
    expect(text.get_by_role("link", name="anmäla bristande tillgänglighet till Digg")).to_have_attribute(
        "href", "https://www.digg.se/tdosanmalan")


@pytest.mark.parametrize("path", ["", "metoder/swot/", "styrning/styrmodell/", "404.html"])
def test_every_footer_links_the_statement(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    page.locator("footer").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page).to_have_url(re.compile(re.escape(base_url + STATEMENT) + "(#.*)?$"))


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_all_rules(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + STATEMENT)
    assert axe_all_rules(page) == []
