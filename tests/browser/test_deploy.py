"""The built site under the headers the deployment page recommends, on a random port, at / and /handbok/.

The headers are read from docs/om/publicera.md (the nginx example), so the page and the test cannot drift:
search returns results, the saved palette is restored, instant navigation keeps the page (and the
calculator runtime) alive, a calculator computes (its heat map sets colours from script), and the browser reports no
CSP violation at all, with `'unsafe-inline'` neither for scripts nor for styles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import LOAD_TIMEOUT_MS
from .server import serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "om" / "publicera.md"
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));"""


def nginx_headers() -> dict[str, str]:
    """The `add_header` lines of the guide's first nginx block."""
    block = re.search(r"```nginx[^\n]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL).group(1)
    return dict(re.findall(r'^add_header ([\w-]+) "(.*)" always;$', block, re.MULTILINE))


def test_every_server_example_has_the_same_policy():
    text = GUIDE.read_text(encoding="utf-8")
    policies = set(re.findall(r"Content-Security-Policy\"? (?:value=)?\"([^\"]+)\"", text))
    assert policies == {nginx_headers()["Content-Security-Policy"]}
    assert "'unsafe-inline'" not in policies.pop()


def test_build_without_address_has_no_sitemap_or_canonical(built_site: Path):
    assert not (built_site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (built_site / "index.html").read_text(encoding="utf-8")
    assert "<loc>metoder/swot/</loc>" in (built_site / "assets" / "handbok" / "sidor.xml").read_text(encoding="utf-8")


@pytest.fixture(params=["", "/handbok"], ids=["rot", "handbok"])
def deployed(request, built_site: Path) -> Iterator[str]:
    with serve(built_site, prefix=request.param, headers=nginx_headers()) as url:
        yield url


@pytest.fixture
def strict_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(locale="sv-SE", service_workers="block")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    yield page, console
    context.close()


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def test_strict_policy_search_palette_navigation_and_calculator(deployed: str, strict_page):
    page, console = strict_page
    assert not deployed.startswith("http://127.0.0.1:8000/")
    page.goto(deployed)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))

    page.keyboard.press("s")
    page.keyboard.type("riskanalys")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")

    page.locator("form[data-md-component=palette] label:visible").first.click()
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    assert _violations(page) == []

    page.goto(deployed + "metoder/")
    page.evaluate("window.__sammaSida = true")
    page.locator("article a[href$='riskanalys/']").first.click()
    expect(page).to_have_url(deployed + "metoder/riskanalys/")
    assert page.evaluate("window.__sammaSida === true"), "sidbytet laddade om hela sidan"
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__heatmap").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    assert _violations(page) == []
    assert [c for c in console if "Content Security Policy" in c or "Refused" in c] == []


def test_missing_page_gets_the_sites_404(deployed: str, strict_page):
    page, _ = strict_page
    response = page.goto(deployed + "finns-inte/")
    assert response.status == 404
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert _violations(page) == []
