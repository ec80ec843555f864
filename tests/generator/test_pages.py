"""Page rendering from the fixture handbook: sections, links both ways, review dates, calculator markers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbok.content.handbook import add_months
from handbok.site.pages import render_pages, table_cell, tel_uri
from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "handbook"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    handbook, errors = check(FIXTURE)
    assert errors == []
    return render_pages(handbook, today=dt.date(2026, 6, 1))


def test_one_page_per_entry_and_the_aggregate_pages(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "oversikt.md", "kontakter.md", "modeller/index.md", "metoder/index.md", "roller/index.md",
        "modeller/processledning.md", "metoder/swot.md", "metoder/riskanalys.md", "metoder/processkartlaggning.md",
        "roller/samordnare.md", "roller/chef.md", "roller/namnd.md", "om/nytt.md", "om/tillganglighet.md",
        "metodkort/swot.md", "metodkort/riskanalys.md", "metodkort/processkartlaggning.md",
    }


def test_method_page_sections_in_order(pages: dict[str, str]) -> None:
    headings = [line for line in pages["metoder/swot.md"].splitlines() if line.startswith("#")]
    assert headings == ["# SWOT-analys", "## Syfte", "## När använder du metoden?", "## Så här gör du", "## Tips",
                        "## Stödresurser", "## Relaterade metoder", "## Modeller som använder metoden", "## Länkar"]


def test_steps_are_numbered_with_their_text(pages: dict[str, str]) -> None:
    page = pages["metoder/swot.md"]
    assert "1. **Samla gruppen**\n\n    Bjud in medarbetare.\n\n    Välj en lokal." in page
    assert "2. **Fyll i fälten**" in page


def test_contact_cards_and_roles(pages: dict[str, str]) -> None:
    page = pages["metoder/swot.md"]
    assert "**[Kvalitetsenheten](../kontakter.md#kvalitetsenheten)**" in page
    assert "E-post: [kvalitet@testkommun.se](mailto:kvalitet@testkommun.se)" in page
    assert "Telefon: [010-123 40 00](tel:+46101234000)" in page
    assert "Roller: [Kvalitetssamordnare](../roller/samordnare.md), [Chef](../roller/chef.md)" in page


def test_related_methods_link_both_ways(pages: dict[str, str]) -> None:
    assert "- [Riskanalys](riskanalys.md)" in pages["metoder/swot.md"]
    assert "- [SWOT-analys](swot.md)" in pages["metoder/riskanalys.md"]
    assert "- [Processledning](../modeller/processledning.md)" in pages["metoder/processkartlaggning.md"]


def test_review_footer_and_overdue_warning(pages: dict[str, str]) -> None:
    swot, risk = pages["metoder/swot.md"], pages["metoder/riskanalys.md"]
    assert ("Ägare: [Kvalitetssamordnare](../roller/samordnare.md) · Senast granskad: 2026-02-01 · "
            "Nästa granskning: 2027-02-01") in swot
    assert "Sidan behöver granskas" not in swot
    assert risk.index('!!! warning "Sidan behöver granskas"') < risk.index("## Syfte")
    assert "Nästa granskning: 2020-07-01" in risk


def test_calculator_placeholder(pages: dict[str, str]) -> None:
    assert "\n[[räknare: risk]]\n" in pages["metoder/riskanalys.md"]
    assert "[[räknare:" not in pages["metoder/swot.md"]


def test_overview_tables(pages: dict[str, str]) -> None:
    page = pages["oversikt.md"]
    assert ("| [Processledning](modeller/processledning.md) | Leda arbetet som flöden över gränser. | "
            "[Processkartläggning](metoder/processkartlaggning.md) |") in page
    assert ("| [Riskanalys](metoder/riskanalys.md) | Bedöma vad som kan gå fel och hur allvarligt det är. | "
            "Planering, Uppföljning med analys |") in page


def test_role_page_and_index(pages: dict[str, str]) -> None:
    role = pages["roller/samordnare.md"]
    assert "Del av: Stöd" in role
    assert "## Rapporterar till\n\n- [Chef](chef.md)" in role
    assert "- [SWOT-analys](../metoder/swot.md)" in role
    chef = pages["roller/chef.md"]
    assert "## Rapporterar till rollen\n\n- [Kvalitetssamordnare](samordnare.md)" in chef
    index = pages["roller/index.md"]
    assert index.index("## Politisk organisation") < index.index("- [Nämnd](namnd.md)") < index.index("## Ledning")


def test_contact_directory_lists_who_refers(pages: dict[str, str]) -> None:
    page = pages["kontakter.md"]
    section = page[page.index("## Kvalitetsenheten { #kvalitetsenheten }"):]
    assert "- [Processledning](modeller/processledning.md)" in section
    assert "- [Kvalitetssamordnare](roller/samordnare.md)" in section


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 11, 15), 2, dt.date(2027, 1, 15)),
    (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
])
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_table_cell_and_tel() -> None:
    assert table_cell("a | b\nc") == "a \\| b c"
    assert tel_uri("010-123 45 67") == "+46101234567"
    assert tel_uri("+46 10 123 45 67") == "+46101234567"
