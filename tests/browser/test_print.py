"""Printing one page from Chromium (print media, as the browser's print dialog does): content only,
link addresses, the calculator's result instead of its form, at most three A4 pages."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from .helpers import open_calculator

pytestmark = pytest.mark.browser


def _words(text: str) -> str:
    return " ".join(text.split())


def test_method_page_with_calculator_prints_content_and_result(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/riskanalys/", "risk")
    result = calc.locator(".handbok-calc__result").inner_text()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                   ".md-footer__inner", ".md-content__button"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} syns på utskriften"
    assert not calc.locator("input").first.is_visible(), "formulärets fält skrivs ut trots att resultatet finns"

    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = _words(" ".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) <= 3, f"{len(reader.pages)} sidor"
    assert "Riskanalys" in text and "Så här gör du" in text
    compact = re.sub(r"\s", "", text)
    for url in ("https://intranat.exempelkommun.se/kvalitet/riskanalys/mall",  # "Mall för riskanalys ..."
                "https://intranat.exempelkommun.se/ekonomi/intern-kontroll"):
        assert f"({url})" in compact, url
    lines = [_words(line) for line in result.splitlines() if len(line.strip()) > 12]
    assert lines and all(re.sub(r"\s", "", line) in compact for line in lines[:5]), lines[:5]
    assert "version 6.0" in text and "KS 2026/0142" in text
    assert not re.search(r"undefined|NaN|Räknaren behöver JavaScript", text)
