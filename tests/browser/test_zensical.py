"""The Zensical-built site in Chromium, under the deployment guide's strict headers: the calculator walk
(every calculator page computes from the snapshot), instant navigation that keeps the runtime, search,
the saved palette, no CSP violation and no request outside the origin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Traffic
from .helpers import expected, open_calculator, sv
from .server import serve
from .test_deploy import RECORD_VIOLATIONS, navigate_to_a_calculator, nginx_headers, palette_survives_a_reload
from .test_site import CALCULATOR_PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site, prefix="/handbok", headers=nginx_headers()) as url:
        yield url


@pytest.fixture
def strict(page: Page) -> Page:
    page.add_init_script(RECORD_VIOLATIONS)
    return page


@pytest.mark.parametrize("path", list(CALCULATOR_PAGES))
def test_every_calculator_page_computes(strict: Page, zensical_url: str, traffic: Traffic, path: str) -> None:
    for name in CALCULATOR_PAGES[path]:
        calc = open_calculator(strict, zensical_url + path, name)
        expect(calc.locator(".handbok-calc__nojs")).to_have_count(0)
        expect(calc.locator(".handbok-calc__errors")).to_have_count(0)
    strict.wait_for_load_state("networkidle")
    assert strict.evaluate("window.handbokCalc.via") == "snapshot"
    assert strict.evaluate("window.__violations") == []
    assert traffic.outside == []


def test_risk_result_matches_cpython(strict: Page, zensical_url: str) -> None:
    calc = open_calculator(strict, zensical_url + "metoder/riskanalys/", "risk")
    inputs = {"matrix": calc.get_by_role("combobox", name="Riskmatris").input_value(), "risks": [
        {key: row.get_by_label(label, exact=True).input_value() for key, label in
         (("name", "Risk"), ("probability", "Sannolikhet"), ("consequence", "Konsekvens"))}
        for row in calc.locator(".handbok-calc__rows > [data-row]").all()]}
    first = expected("risk", inputs)["risks"][0]
    expect(calc.locator(".handbok-calc__result")).to_contain_text(
        f"{sv(first['value'])} = {inputs['risks'][0]['probability']} × {inputs['risks'][0]['consequence']}")


def test_instant_navigation_search_and_palette(strict: Page, zensical_url: str) -> None:
    page = strict
    page.goto(zensical_url)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    page.get_by_role("button", name="Sök").click()  # Zensical's own search dialog (in a shadow root)
    page.keyboard.type("riskanalys")
    expect(page.locator("a[href*='metoder/riskanalys/']:not(article a)").first).to_be_visible()
    page.keyboard.press("Escape")
    palette_survives_a_reload(page)

    navigate_to_a_calculator(page, zensical_url)
    assert page.evaluate("window.__violations") == []
