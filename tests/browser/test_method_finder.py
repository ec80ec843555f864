"""The method finder on the methods index: without JavaScript every method grouped by phase and by need; with
JavaScript checkboxes bring up a list of the methods that fit and narrow and widen it, the count is
announced politely, the keyboard works, axe finds nothing serious, and the strict CSP of the deployment guide
reports no violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.sitecheck import ROOT
from handbok.content.check import check
from handbok.content.model import NEED_NAMES, PHASE_NAMES
from handbok.site.pages import slug

from .conftest import LOAD_TIMEOUT_MS
from .readers.axe import WIDTHS, axe_all_rules
from .server import serve
from .test_deploy import RECORD_VIOLATIONS, nginx_headers

pytestmark = pytest.mark.browser

HANDBOOK = check(ROOT / "handbook")[0]
ALL = {method.name for method in HANDBOOK.methods.values()}


def _with(phases: tuple[str, ...] = (), needs: tuple[str, ...] = ()) -> set[str]:
    """Names of the methods the finder should show: any of the phases and any of the needs."""
    return {m.name for m in HANDBOOK.methods.values()
            if (not phases or set(phases) & set(m.phases)) and (not needs or set(needs) & set(m.needs))}


def _shown(page: Page) -> set[str]:
    return set(page.locator(".handbok-metodval__lista > li:visible a").all_inner_texts())


def _status(page: Page, shown: set[str] | None) -> None:
    """The announced count; `None` when nothing is chosen and the grouped lists below are the answer."""
    text = (f"Inget val gjort. Alla {len(ALL)} metoder står i listorna nedan." if shown is None
            else f"{len(shown)} av {len(ALL)} metoder passar.")
    expect(page.locator("form.handbok-metodval").get_by_role("status")).to_have_text(text)


def test_without_javascript_every_method_is_listed_under_its_phases(browser: Browser, base_url: str) -> None:
    context = browser.new_context(locale="sv-SE", java_script_enabled=False, service_workers="block")
    page = context.new_page()
    page.goto(base_url + "metoder/")
    for phase, name in PHASE_NAMES.items():
        heading = page.locator(f"h3#fas-{slug(phase)}")
        expect(heading).to_contain_text(name)
        listed = set(heading.locator("xpath=following-sibling::ul[1]/li/strong/a").all_inner_texts())
        assert listed == _with(phases=(phase,)), name
    for need, name in NEED_NAMES.items():
        if _with(needs=(need,)):
            heading = page.locator(f"h3#behov-{slug(need)}")
            expect(heading).to_contain_text(f"Jag vill {name}")
            listed = set(heading.locator("xpath=following-sibling::ul[1]/li/a").all_inner_texts())
            assert listed == _with(needs=(need,)), name
    expect(page.locator(".handbok-metodval")).to_have_count(0)
    context.close()


def test_filters_narrow_and_widen_and_announce_the_count(page: Page, base_url: str) -> None:
    page.goto(base_url + "metoder/")
    finder = page.locator("form.handbok-metodval")
    expect(finder.get_by_role("group", name="Fas")).to_be_visible()
    expect(finder.get_by_role("group", name="Jag vill …")).to_be_visible()
    expect(page.locator(".handbok-metodval__antal")).to_have_attribute("aria-live", "polite")
    expect(page.locator(".handbok-metodval__lista")).to_be_hidden()
    _status(page, None)
    expect(page.locator("#metodval-faser")).to_be_visible()

    finder.get_by_role("checkbox", name="Planering").check()
    assert _shown(page) == _with(phases=("planering",)) != ALL
    _status(page, _with(phases=("planering",)))
    finder.get_by_role("checkbox", name="Genomförande").check()
    widened = _with(phases=("planering", "genomförande"))
    assert _shown(page) == widened and len(widened) > len(_with(phases=("planering",)))
    _status(page, widened)
    finder.get_by_role("checkbox", name="hitta orsaker till ett problem").check()
    narrowed = _with(phases=("planering", "genomförande"), needs=("hitta_orsaker",))
    assert _shown(page) == narrowed and 0 < len(narrowed) < len(widened)
    _status(page, narrowed)
    for name in ("Planering", "Genomförande", "hitta orsaker till ett problem"):
        finder.get_by_role("checkbox", name=name).uncheck()
    expect(page.locator(".handbok-metodval__lista")).to_be_hidden()
    _status(page, None)


def test_finder_works_by_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "metoder/")
    first = page.locator("form.handbok-metodval").get_by_role("checkbox").first
    page.locator("form.handbok-metodval h2").click()
    for _ in range(10):
        page.keyboard.press("Tab")
        if first.evaluate("box => box === document.activeElement"):
            break
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    assert _shown(page) == _with(phases=("planering",))
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert _shown(page) == _with(phases=("planering", "genomförande"))


@pytest.mark.parametrize("width", WIDTHS)
def test_finder_has_no_serious_axe_violations(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "metoder/")
    page.locator("form.handbok-metodval").get_by_role("checkbox", name="Uppföljning med analys").check()
    assert axe_all_rules(page) == []


@pytest.fixture
def strict(browser: Browser, built_site: Path) -> Iterator[tuple[Page, str]]:
    with serve(built_site, prefix="/handbok", headers=nginx_headers()) as url:
        context = browser.new_context(locale="sv-SE", service_workers="block")
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(LOAD_TIMEOUT_MS)
        yield page, url
        context.close()


def test_finder_under_strict_csp_after_instant_navigation(strict: tuple[Page, str]) -> None:
    page, url = strict
    page.goto(url + "oversikt/")
    page.evaluate("window.__sammaSida = true")
    page.locator("a[href$='/metoder/']:visible").first.click()
    expect(page).to_have_url(re.compile(re.escape(url) + "metoder/$"))
    page.locator("form.handbok-metodval").get_by_role("checkbox", name="sätta mål").check()
    assert _shown(page) == _with(needs=("sätta_mål",))
    assert page.evaluate("window.__sammaSida === true"), "sidbytet laddade om hela sidan"
    assert page.evaluate("window.__violations") == []
