"""The 404 page in Swedish, the search dialog's name, and keyboard-reachable table scroll regions."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .axe import WIDTHS, axe_all_rules

pytestmark = pytest.mark.browser


def test_404_is_swedish_with_search_and_start_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    expect(page.locator("h1")).to_have_text("Sidan finns inte")
    expect(page.locator("body")).not_to_contain_text("Not found")
    page.get_by_role("link", name="Gå till startsidan").click()
    expect(page).to_have_url(base_url)
    page.goto(base_url + "404.html")
    search = page.get_by_role("button", name="Sök i handboken")
    search.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Sök")).to_be_focused()


def test_search_dialog_has_a_name(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.get_by_role("dialog", name="Sök i handboken", include_hidden=True)).to_have_count(1)


def test_wide_tables_scroll_by_keyboard_on_a_phone(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "oversikt/")
    regions = page.locator(".md-typeset__scrollwrap")
    expect(regions.first).to_have_attribute("tabindex", "0")
    assert regions.count() == page.locator(".md-typeset table").count()
    regions.first.focus()
    before = regions.first.evaluate("el => el.scrollLeft")
    page.keyboard.press("ArrowRight")
    assert regions.first.evaluate("el => el.scrollWidth > el.clientWidth")
    assert regions.first.evaluate("el => el.scrollLeft") > before


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["404.html", "oversikt/"])
def test_axe_all_rules(page: Page, base_url: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    assert axe_all_rules(page) == []
