"""The printable method card ("Skriv ut metodkort") of every method, printed by Chromium to A4: one or two
pages holding the method's essentials, reached from the method page without JavaScript."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from generator.sitecheck import ROOT
from handbok.content.check import check
from handbok.content.model import PHASE_NAMES

from .conftest import LOAD_TIMEOUT_MS, Traffic

pytestmark = pytest.mark.browser

HANDBOOK = check(ROOT / "handbook")[0]


@pytest.fixture(scope="module")
def nojs_page(browser: Browser) -> Iterator[Page]:
    """One tab without JavaScript for every card; no request may leave 127.0.0.1."""
    traffic = Traffic()
    context = browser.new_context(locale="sv-SE", java_script_enabled=False, service_workers="block")
    context.route("**/*", traffic.route)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    yield page
    context.close()
    assert traffic.outside == [], traffic.outside


def _compact(text: str) -> str:
    """Text without whitespace or line-break hyphens, so wrapped lines in the PDF compare with the source."""
    return re.sub(r"\s|\u00ad", "", text)


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", markdown)


@pytest.mark.parametrize("method_id", sorted(HANDBOOK.methods))
def test_method_card_prints_essentials_on_one_or_two_pages(nojs_page: Page, base_url: str, method_id: str) -> None:
    method = HANDBOOK.methods[method_id]
    nojs_page.goto(f"{base_url}metoder/{method_id}/")
    with nojs_page.expect_navigation(url=f"{base_url}metodkort/{method_id}/", wait_until="load"):
        nojs_page.get_by_role("link", name="Skriv ut metodkort").click()

    reader = PdfReader(io.BytesIO(nojs_page.pdf(format="A4")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert 1 <= len(reader.pages) <= 2, f"{method.name}: {len(reader.pages)} sidor"
    compact = _compact(text)
    owner = HANDBOOK.roles[method.owner].name
    essentials = [f"Metodkort:{method.name}", "Syfte", _plain(method.purpose), "När använder du metoden?",
                  "Såhärgördu", *(_plain(step.heading) for step in method.steps),
                  *(HANDBOOK.contacts[c].name for c in method.contacts),
                  *(PHASE_NAMES[phase] for phase in method.phases),
                  f"Ägare:{owner}", f"Senastgranskad:{method.last_reviewed}", f"version{HANDBOOK.meta.version}"]
    missing = [item for item in essentials if _compact(item) not in compact]
    assert not missing, f"{method.name}: saknas på kortet: {missing} i {text[:300]!r}"
    if method.contacts or method.roles:
        assert "Stöd" in text
    for absent in ("Var sidan till hjälp", "Ändringslogg", "Skriv ut kortet", "Fyll i exempel",
                   "Räknaren behöver JavaScript"):
        assert absent not in text, f"{method.name}: {absent!r} skrivs ut"
