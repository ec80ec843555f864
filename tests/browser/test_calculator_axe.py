"""axe-core (WCAG 2.1 AA) on every calculator of every page that has one, with its example result
shown, at 1280 and 360 px wide, in the light and the dark palette. The rest of these pages is
the theme's and the content's, checked whole by test_site.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from .conftest import AXE, LOAD_TIMEOUT_MS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^\[\[räknare:\s*(\w+)\s*\]\]$", re.MULTILINE)


def calculator_pages() -> list[str]:
    """Site paths of every method page whose YAML names a calculator and every chapter with a marker."""
    pages = [f"metoder/{path.stem}/" for path in sorted((ROOT / "handbook" / "metoder").glob("*.yml"))
             if (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("räknare")]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if MARKER.search(path.read_text(encoding="utf-8")):
            pages.append(path.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/")
    return pages


def calculator_violations(page: Page) -> list[dict]:
    """Serious and critical WCAG 2.0/2.1 A and AA violations inside the page's calculators."""
    if not page.evaluate("Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run({include: [[".handbok-calc"]]},
        {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})""")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def _show_examples(page: Page) -> None:
    """Fill every calculator on the page with its example and wait for all results."""
    for calc in page.locator(".handbok-calc").all():
        calc.get_by_role("button", name="Fyll i exempel").click()
    for calc in page.locator(".handbok-calc").all():
        expect(calc.locator(".handbok-calc__headline")).to_be_visible(timeout=LOAD_TIMEOUT_MS)


def test_every_calculator_is_on_a_checked_page() -> None:
    pages = calculator_pages()
    assert "metoder/swot/" in pages and "bilagor/projektmodellen/" in pages and "raknare/klagomal/" in pages
    assert len(pages) >= 20


@pytest.mark.parametrize("path", calculator_pages())
def test_axe_on_calculator_page_wide_narrow_light_dark(browser: Browser, base_url: str, path: str) -> None:
    found = {}
    for scheme in ("light", "dark"):  # a fresh context each: the theme remembers the first palette it used
        context = browser.new_context(locale="sv-SE", service_workers="block", color_scheme=scheme,
                                      viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(base_url + path)
        _show_examples(page)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        for width in (1280, 360):
            page.set_viewport_size({"width": width, "height": 900})
            found[(scheme, width)] = calculator_violations(page)
            if width == 360:
                found[(scheme, "scroll")] = page.evaluate("document.documentElement.scrollWidth") > 360
        context.close()
    assert {key: value for key, value in found.items() if value} == {}
