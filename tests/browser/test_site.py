"""Site-wide behaviour of the calculators: origin-only requests, no Pyodide where there is no
calculator, any base path, one worker across instant navigation, and accessibility (axe-core)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from handbok.browser import embed

from .conftest import Traffic
from .helpers import axe_violations, expected, open_calculator
from .server import serve

pytestmark = pytest.mark.browser

CALCULATOR_PAGES = {
    "metoder/upplevd-kvalitet/": ["quality_gap"],
    "metoder/enkater/": ["quality_gap"],
    "metoder/riskanalys/": ["risk"],
    "metoder/smarta-mal/": ["smart"],
    "metoder/kvalitetskarta/": ["quality_map"],
    "chefens-ansvar/planering/": ["smart"],
    "raknare/upplevd-kvalitet/": ["quality_gap"],
    "raknare/risk/": ["risk"],
    "raknare/smarta/": ["smart"],
    "raknare/kvalitetskarta/": ["quality_map"],
}
PAGES_WITHOUT = ["", "metoder/dmaic/", "kontakter/", "oversikt/"]


@pytest.mark.parametrize("path", list(CALCULATOR_PAGES))
def test_every_calculator_page_computes_without_leaving_the_origin(
        page: Page, base_url: str, traffic: Traffic, path: str) -> None:
    for name in CALCULATOR_PAGES[path]:
        calc = open_calculator(page, base_url + path, name)
        expect(calc.locator(".handbok-calc__nojs")).to_have_count(0)
        expect(calc.locator(".handbok-calc__errors")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert traffic.outside == []
    # started from the build's memory snapshot; the wheel is only the fallback
    assert page.evaluate("window.handbokCalc.via") == "snapshot"
    assert any("/assets/pyodide/" in url and url.endswith(".snapshot.gz") for url in traffic.urls)
    assert not any(url.endswith(".whl") for url in traffic.urls)


def test_without_the_snapshot_the_wheel_takes_over(page: Page, base_url: str, traffic: Traffic) -> None:
    page.route("**/*.snapshot.gz", lambda route: route.fulfill(status=404, body="saknas"))
    calc = open_calculator(page, base_url + "metoder/riskanalys/", "risk")
    expect(calc.locator(".handbok-calc__result")).to_contain_text("Riskvärde")
    assert page.evaluate("window.handbokCalc.via") == "wheel"
    assert any(url.endswith(".whl") for url in traffic.urls)


@pytest.fixture(scope="module")
def url_without_snapshot(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site as the plugin leaves it with `snapshot: false`: its assets written again without one."""
    site = tmp_path_factory.mktemp("utan-snapshot") / "site"
    shutil.copytree(built_site, site)
    embed.write_assets(site, snapshot=False)
    with serve(site) as url:
        yield url


def test_built_without_snapshot_the_worker_goes_straight_to_the_wheel(
    page: Page, url_without_snapshot: str, traffic: Traffic
) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    calc = open_calculator(page, url_without_snapshot + "metoder/riskanalys/", "risk")
    expect(calc.locator(".handbok-calc__result")).to_contain_text("Riskvärde")
    assert page.evaluate("window.handbokCalc.via") == "wheel"
    assert not any("snapshot" in url for url in traffic.urls)
    assert not any("ögonblicksbild" in text for text in warnings)


@pytest.mark.parametrize("path", PAGES_WITHOUT)
def test_page_without_calculator_loads_no_pyodide(page: Page, base_url: str, traffic: Traffic, path: str) -> None:
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator(".handbok-calc").count() == 0
    assert [url for url in traffic.urls if "pyodide" in url or "worker.js" in url] == []
    assert page.evaluate("window.handbokCalc.workers") == 0
    assert traffic.outside == []


def test_works_under_a_base_path(page: Page, prefixed_url: str, traffic: Traffic) -> None:
    assert prefixed_url.endswith("/handbok/")
    page.goto(prefixed_url + "metoder/smarta-mal/")
    status = page.locator(".handbok-calc__status")
    expect(status).to_have_text("Laddar räknaren …")
    page.get_by_role("button", name="Fyll i exempel").click()
    expect(page.locator(".handbok-calc__result")).to_contain_text("av 6 kriterier", timeout=60_000)
    expect(status).to_be_hidden()
    paths = [urlsplit(url).path for url in traffic.urls]
    assert paths and all(path.startswith("/handbok/") for path in paths), paths
    assert traffic.outside == []


def test_one_worker_survives_instant_navigation(page: Page, base_url: str, traffic: Traffic) -> None:
    open_calculator(page, base_url + "metoder/riskanalys/", "risk")
    page.evaluate("window.__sameDocument = true")
    page.locator('a[href*="metoder/smarta-mal/"]:visible').first.click()
    page.wait_for_url(re.compile(r".*/metoder/smarta-mal/(#.*)?$"))
    calc = page.locator('.handbok-calc[data-calc="smart"]')
    calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__result")).to_contain_text("av 6 kriterier")
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page instead of instant navigation"
    assert page.evaluate("window.handbokCalc.workers") == 1
    assert len([url for url in traffic.urls if url.endswith("pyodide.asm.wasm")]) == 1
    goal = "Öka andelen digitala ansökningar till 80 % senast 2027."
    calc.get_by_role("textbox", name="Mål", exact=True).fill(goal)
    want = expected("smart", {"goal": goal, "accepted": "true",
                              "responsible": calc.get_by_role("textbox", name="Ansvarig").input_value()})
    expect(calc.locator(".handbok-calc__result")).to_contain_text(want["criteria"]["time_bound"]["hint"])


def test_load_failure_is_reported_in_swedish(page: Page, base_url: str) -> None:
    for missing in ("**/*.snapshot.gz", "**/*.whl"):  # neither start works
        page.route(missing, lambda route: route.fulfill(status=404, body="saknas"))
    page.goto(base_url + "metoder/riskanalys/")
    status = page.locator(".handbok-calc__status")
    expect(status).to_contain_text("Räknaren kunde inte startas")
    expect(page.locator(".handbok-calc__result")).to_be_empty()


@pytest.mark.parametrize("path", ["", "metoder/riskanalys/", "metoder/kvalitetskarta/", "metoder/smarta-mal/"])
def test_axe_finds_no_serious_violations(page: Page, base_url: str, path: str) -> None:
    if path:
        name = {"metoder/riskanalys/": "risk", "metoder/kvalitetskarta/": "quality_map",
                "metoder/smarta-mal/": "smart"}[path]
        open_calculator(page, base_url + path, name)
    else:
        page.goto(base_url)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path,name", [("metoder/riskanalys/", "risk"), ("metoder/upplevd-kvalitet/", "quality_gap")])
def test_axe_in_the_dark_palette(page: Page, base_url: str, path: str, name: str) -> None:
    page.emulate_media(color_scheme="dark")
    open_calculator(page, base_url + path, name)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert axe_violations(page) == []


@pytest.mark.parametrize("path,name", [("metoder/kvalitetskarta/", "quality_map"), ("metoder/riskanalys/", "risk")])
def test_on_a_phone_wide_results_scroll_by_keyboard_and_keep_their_text_size(
    page: Page, base_url: str, path: str, name: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    calc = open_calculator(page, base_url + path, name)
    tables = calc.locator(".handbok-calc__table")
    assert tables.count() > 0
    for table in tables.all():
        assert table.get_attribute("tabindex") == "0" and table.get_attribute("aria-label")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for label in calc.locator(".handbok-calc__bar-label, caption").all():  # not shrunk with the screen
        assert label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 12
    assert axe_violations(page) == []


def test_instant_navigation_to_a_calculator_starts_the_worker(page: Page, base_url: str, traffic: Traffic) -> None:
    page.goto(base_url + "metoder/dmaic/")
    page.evaluate("window.__sameDocument = true")
    assert page.evaluate("window.handbokCalc.workers") == 0
    page.locator('a[href*="metoder/riskanalys/"]:visible').first.click()
    page.wait_for_url(re.compile(r".*/metoder/riskanalys/(#.*)?$"))
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__result")).to_contain_text("Riskvärde", timeout=60_000)
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page instead of instant navigation"
    assert page.evaluate("window.handbokCalc.workers") == 1
    assert traffic.outside == []
