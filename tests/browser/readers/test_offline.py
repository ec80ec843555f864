"""The service worker (handbok/site/offline.py): visited pages and the calculator open without network, a new
build replaces the old cache, and `offline: false` leaves no worker behind.

Each test serves its own copy of the built site under /handbok/ with the deployment page's headers (strict CSP),
in a browser context that allows service workers (the other browser tests block them). "Without network" is
both Playwright's offline mode and the server shut down, so nothing can come from it.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

from handbok.browser.stdlib import EMPTY_STDLIB
from handbok.site import offline

from ..conftest import LOAD_TIMEOUT_MS
from ..server import serve
from ..test_deploy import RECORD_VIOLATIONS, nginx_headers

pytestmark = pytest.mark.browser

CALCULATOR = "metoder/riskanalys/"
METHOD = "metoder/swot/"
UNVISITED = "metoder/dmaic/"
KEPT = """async (parts) => {
  const urls = [];
  for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
  return parts.every((part) => urls.some((url) => url.includes(part)));
}"""
RUNTIME = ["pyodide.asm.wasm", "pyodide.asm.mjs", EMPTY_STDLIB, ".snapshot.gz", "worker.js?v=",
           "snapshot_packing.mjs?v=", CALCULATOR]


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may rebuild parts of."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


@pytest.fixture(params=["mkdocs", "zensical"])
def engine_site(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of the site built by each engine: the post-steps write the worker for both."""
    built = request.getfixturevalue("built_site" if request.param == "mkdocs" else "zensical_site")
    return Path(shutil.copytree(built, tmp_path / "site"))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="sv-SE", service_workers="allow")
    context.add_init_script(RECORD_VIOLATIONS)
    outside: list[str] = []
    context.on("request", lambda r: None if urlsplit(r.url).hostname == "127.0.0.1" else outside.append(r.url))
    yield context
    context.close()
    assert outside == [], f"Förfrågningar utanför 127.0.0.1: {outside}"


def until(page: Page, expression: str, arg: object = None) -> None:
    """Wait until `expression` (awaited) is true. Polled from here: Playwright's own polling evaluates in the
    page, which the strict CSP forbids."""
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while not page.evaluate(expression, arg):
        assert time.monotonic() < deadline, f"väntade förgäves på {expression}"
        time.sleep(0.2)


def controlled(page: Page) -> None:
    """Wait until the site's service worker controls the page."""
    until(page, "navigator.serviceWorker.controller !== null")


def compute(page: Page) -> None:
    """Fill the risk calculator's example and wait for its heat map."""
    calc = page.locator('.handbok-calc[data-calc="risk"]').first
    calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__heatmap").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def test_visited_pages_and_the_calculator_open_without_network(engine_site: Path, context: BrowserContext) -> None:
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    with serve(engine_site, prefix="/handbok", headers=nginx_headers()) as base:
        # the first page, with its calculator's runtime, was loaded before the worker: kept when it takes over
        page.goto(base + CALCULATOR)
        compute(page)
        controlled(page)
        until(page, KEPT, [CALCULATOR, *RUNTIME])
        page.goto(base + METHOD)
        until(page, KEPT, [METHOD])
        assert page.evaluate("window.__violations") == []
    context.set_offline(True)  # and the server is gone

    page.goto(base + METHOD)
    expect(page.locator("h1")).to_contain_text("SWOT-analys")
    page.goto(base + CALCULATOR)
    compute(page)
    assert page.evaluate("window.handbokCalc.via") == "snapshot"
    with pytest.raises(Error):
        page.goto(base + UNVISITED)  # never visited, so not kept: the network is really cut


def test_a_calculator_started_before_the_worker_existed_is_kept(site: Path, context: BrowserContext) -> None:
    """The worker is kept from the calculator's start (sw.js blocked until the result is there); only the
    service worker's own copy of the runtime (embed.runtime_urls) can make it start offline."""
    page = context.new_page()
    with serve(site, headers=nginx_headers()) as base:
        context.route("**/sw.js", lambda route: route.abort())
        page.goto(base + CALCULATOR)
        compute(page)
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
        context.unroute("**/sw.js")
        page.add_script_tag(url=base + offline.REGISTRATION)  # the page's registration script, once more
        controlled(page)
        until(page, KEPT, [CALCULATOR, "assets/handbok/calculator.js", *RUNTIME])
    context.set_offline(True)
    page.goto(base + CALCULATOR)
    compute(page)


def test_a_new_build_replaces_the_old_cache(site: Path, context: BrowserContext) -> None:
    page = context.new_page()
    with serve(site, prefix="/handbok", headers=nginx_headers()) as base:
        page.goto(base + METHOD)
        controlled(page)
        until(page, KEPT, [METHOD])
        [old] = cache_names(page)
        stamp = re.search(r'const BUILD = "(\w+)";', (site / offline.SERVICE_WORKER).read_text(encoding="utf-8"))
        assert old == f"handbok|/handbok/|{stamp.group(1)}"  # (the shared site may have gained a PDF since)

        article = site / METHOD / "index.html"
        article.write_text(article.read_text(encoding="utf-8").replace("<h1", "<h1 data-ny-version", 1),
                           encoding="utf-8")
        offline.write(site, enabled=True)  # the build's last step, as after any new build
        assert offline.build_stamp(site) != stamp.group(1)
        page.reload()
        until(page, f"caches.keys().then((names) => names.length === 1 && names[0] !== {old!r})")
        until(page, KEPT, [METHOD])
    context.set_offline(True)
    page.goto(base + METHOD)
    expect(page.locator("h1[data-ny-version]")).to_have_count(1)


def test_turned_off_means_no_worker_and_an_old_one_is_removed(site: Path, context: BrowserContext) -> None:
    page = context.new_page()
    with serve(site, prefix="/handbok", headers=nginx_headers()) as base:
        page.goto(base + METHOD)
        controlled(page)
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 1

        offline.write(site, enabled=False)  # a build with `offline: false`
        assert not (site / offline.SERVICE_WORKER).exists()
        page.reload()
        until(page, "navigator.serviceWorker.getRegistrations().then((r) => r.length === 0)")
        until(page, "caches.keys().then((names) => names.length === 0)")

        fresh = context.browser.new_context(service_workers="allow")
        other = fresh.new_page()
        other.goto(base + METHOD)
        other.wait_for_load_state("networkidle")
        assert other.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
        assert other.evaluate("navigator.serviceWorker.controller") is None
        fresh.close()
