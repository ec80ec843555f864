"""Every built page names its owner (a link to the role) and its review dates; an overdue page says so."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from handbok.site import theme

pytestmark = pytest.mark.browser
REVIEW = re.compile(r"Ägare: .+ · Senast granskad: \d{4}-\d{2}-\d{2} · Nästa granskning: \d{4}-\d{2}-\d{2}")


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, from the page list the build writes for instant navigation."""
    return [loc.text or "" for loc in ET.parse(site / theme.PAGE_LIST).getroot().iter("loc")]


def test_every_page_shows_owner_and_review_dates(browser: Browser, base_url: str, built_site: Path) -> None:
    """The line is in each page's HTML, so the walk reads pages as a browser without JavaScript shows them
    (about three times faster than with the theme's scripts and the calculators starting on every page)."""
    paths = site_pages(built_site)
    assert len(paths) > 80
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    missing = []
    for path in paths:
        page.goto(base_url + path, wait_until="domcontentloaded")
        review = page.locator("article p.handbok-granskning").last
        text = review.inner_text().strip() if review.count() else ""
        owner = review.get_by_role("link").first.evaluate("a => a.href") if REVIEW.fullmatch(text) else ""
        if "/roller/" not in owner:
            missing.append(path)
    context.close()
    assert missing == []


def test_an_overdue_chapter_says_so(page: Page, base_url: str) -> None:
    page.goto(base_url + "bilagor/projektmodellen/")
    warning = page.locator(".admonition.warning")
    expect(warning).to_contain_text("Sidan behöver granskas")
    expect(warning.get_by_role("link")).to_have_attribute("href", re.compile(r"roller/kvalitetsdirektor/$"))
