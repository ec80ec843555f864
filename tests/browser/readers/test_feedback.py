"""Every page offers feedback by e-mail to its owner's contact, with the page's title and full address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# (page, title, owner role's first contact with e-mail): method pages, a hand-written chapter, an aggregate page
PAGES = [
    ("metoder/processkartlaggning/", "Processkartläggning", "processtod@exempelkommun.se"),
    ("styrning/styrmodell/", "Styrmodell", "kvalitet@exempelkommun.se"),
    ("metoder/rosa-analys/", "ROSA-analys", "rosa@exempelkommun.se"),
    ("oversikt/", "Översikt modeller, metoder och verktyg", "kvalitet@exempelkommun.se"),
]
TOPICS = {"Ja": "Sidan hjälpte", "Nej": "Sidan hjälpte inte",
          "Föreslå en ändring / Rapportera fel": "Ändring eller fel"}


@pytest.mark.parametrize(("path", "title", "address"), PAGES)
def test_feedback_links_reach_the_owner(page: Page, base_url: str, path: str, title: str, address: str) -> None:
    page.goto(base_url + path)
    feedback = page.locator("article .handbok-feedback")
    expect(feedback).to_contain_text("Var sidan till hjälp?")
    for name, topic in TOPICS.items():
        link = feedback.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("href", f"mailto:{address}?" + link.get_attribute("href").split("?")[1])
        query = parse_qs(urlsplit(link.get_attribute("href")).query)
        assert query["subject"] == [f"{topic}: {title}"]
        assert query["body"] == [f"Sida: {title}\nAdress: {base_url + path}\n\n"]

