"""The loading message follows the real download: a progress bar and a share while the runtime
arrives, and a slow-load notice from the measured speed, on a network slowed through the
browser's DevTools protocol (the same throttling bench/browser.py uses)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import LOAD_TIMEOUT_MS

pytestmark = pytest.mark.browser

RISK = "metoder/riskanalys/"


def throttle(page: Page, megabit_per_s: float, latency_ms: float = 20) -> None:
    """Slow every request of the page and its worker, as a slow intranet would."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    rate = megabit_per_s * 1e6 / 8
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency_ms, "downloadThroughput": rate, "uploadThroughput": rate})


def test_progress_bar_and_share_while_the_runtime_downloads(page: Page, base_url: str) -> None:
    throttle(page, 40)
    page.goto(base_url + RISK)
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    bar = calc.get_by_role("progressbar", name="Räknaren hämtas")
    expect(bar).to_be_visible()
    status = calc.locator(".handbok-calc__status")
    expect(status).to_have_text(re.compile(r"^Laddar räknaren … [1-9]0 % av \d+,\d MB hämtat\.$"))
    shown, total = page.evaluate("""() => [document.querySelector('.handbok-calc[data-calc="risk"] progress').max,
                                           window.handbokCalc.total]""")
    assert shown == total and 5e6 < total < 30e6
    page.wait_for_function("window.handbokCalc.status === 'ready'", timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate("window.handbokCalc.loaded") >= total
    expect(bar).to_have_count(0)
    expect(status).to_be_hidden()


def test_a_slow_network_gets_a_notice_with_the_remaining_time(page: Page, base_url: str) -> None:
    throttle(page, 2)
    # the notice comes while the worker downloads, which at 2 Mbit/s can hold the page's load event back
    page.goto(base_url + RISK, wait_until="domcontentloaded")
    status = page.locator('.handbok-calc[data-calc="risk"] .handbok-calc__status')
    expect(status).to_have_text(
        re.compile(r"^Räknaren laddas långsamt över nätverket: \d+,\d MB av \d+,\d MB hämtat, "
                   r"ungefär \d+0 sekunder kvar\.$"),
        timeout=20_000)
