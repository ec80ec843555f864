"""The 404 page in Swedish, the search dialog's name, and keyboard-reachable table scroll regions."""

from __future__ import annotations

import time

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
    deadline = time.monotonic() + 5  # the browser may scroll smoothly: the offset grows over a few frames
    while regions.first.evaluate("el => el.scrollLeft") <= before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert regions.first.evaluate("el => el.scrollLeft") > before


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["404.html", "oversikt/"])
def test_axe_all_rules(page: Page, base_url: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    assert axe_all_rules(page) == []


LIVE = "[aria-live], [role=status], [role=alert], [role=log], [role=marquee], [role=timer], output"


def test_the_calculator_announces_its_headline_not_the_whole_result(page: Page, base_url: str) -> None:
    """A screen reader hears the short summary after each change; the tables stay for the reader to read."""
    page.goto(base_url + "metoder/riskanalys/")
    calc = page.locator('.handbok-calc[data-calc="risk"]').first
    calc.get_by_role("button", name="Fyll i exempel").click()
    headline = calc.locator(".handbok-calc__headline")
    expect(headline).to_be_visible(timeout=60_000)
    live = calc.locator(LIVE)
    # the only live regions: the loading status and the announcement; the result is in neither
    assert live.evaluate_all("nodes => nodes.map(n => n.className)") == [
        "handbok-calc__status", "handbok-calc__announce handbok-calc__hidden"]
    result = calc.locator(".handbok-calc__result")
    assert result.evaluate(f"node => node.closest({LIVE!r}) === null")
    announced = calc.locator(".handbok-calc__announce")
    expect(announced).to_have_text(headline.inner_text())
    assert len(announced.inner_text()) < 200 < len(result.inner_text())

    before = headline.inner_text()
    calc.get_by_role("button", name="Ta bort rad 1").click()  # a change the headline's counts follow
    expect(headline).not_to_have_text(before)
    expect(announced).to_have_text(headline.inner_text())
