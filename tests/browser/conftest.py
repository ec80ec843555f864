"""Browser fixtures: the built site on 127.0.0.1, Debian's Chromium, and a guard that aborts and
counts every request leaving 127.0.0.1 (the site must never make one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from .server import CHROMIUM, CHROMIUM_ARGS, serve

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LOAD_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium saknas: kör make chromium (Debian-paketet chromium)."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def prefixed_url(built_site: Path) -> Iterator[str]:
    """The same site served under /handbok/, as on an intranet server with a base path."""
    with serve(built_site, prefix="/handbok") as url:
        yield url


class Traffic:
    """Every request a page made (workers included) and those that tried to leave 127.0.0.1."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.outside: list[str] = []

    def route(self, route: Route) -> None:
        url = route.request.url
        self.urls.append(url)
        if urlsplit(url).hostname != "127.0.0.1":
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A fresh tab whose every request goes through `traffic`; none may leave 127.0.0.1."""
    context = browser.new_context(locale="sv-SE", service_workers="block")
    context.route("**/*", traffic.route)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    yield page
    context.close()
    assert traffic.outside == [], f"Förfrågningar utanför 127.0.0.1: {traffic.outside}"
