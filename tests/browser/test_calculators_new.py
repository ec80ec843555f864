"""The six new calculators filled in as a person would, on the pages where the handbook embeds
them; expected values come from CPython's calculators.run on the same inputs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from calculators.view import num

from .helpers import expected, fill, open_calculator, row

pytestmark = pytest.mark.browser


def test_nps_from_typed_answers(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/enkater/", "nps", example=False)
    fill(calc.get_by_label("Svar, ett per person"), "10 9 8, 6 3 10")
    want = expected("nps", {"scores": "10 9 8, 6 3 10"})
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text(f"NPS = {num(want['nps'], 1)} (av {want['n']} svar)")
    expect(result.get_by_role("row", name="Kritiker (0–6)")).to_contain_text(str(want["detractors"]))


def test_hme_from_answer_counts(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "kvalitet/jamforelser/", "hme", example=False)
    first = calc.get_by_role("group", name="Fråga 1 (motivation)")
    fill(first.get_by_label("Alternativ 5"), "3")
    fill(first.get_by_label("Alternativ 3"), "1")
    want = expected("hme", {"questions": [{"counts": [0, 0, 1, 0, 3]}] + [{"counts": [0] * 5}] * 8})
    expect(calc.locator(".handbok-calc__result")).to_contain_text(f"HME totalt {num(want['total'], 1)} av 100")


def test_pick_sorts_ideas_into_quadrants(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/swot/", "pick", example=False)
    ideas = [("Snabb vinst", "2", "9"), ("Stort bygge", "9", "8")]
    for index, (name, effort, payoff) in enumerate(ideas):
        line = row(calc, index)
        fill(line.get_by_label("Idé"), name)
        fill(line.get_by_label("Insats"), effort)
        fill(line.get_by_label("Nytta"), payoff)
    want = expected("pick", {"ideas": [{"name": n, "effort": e, "payoff": p} for n, e, p in ideas]})
    result = calc.locator(".handbok-calc__result")
    expect(result.get_by_role("row", name="Snabb vinst")).to_contain_text(want["ideas"][0]["label"])
    expect(result.get_by_role("row", name="Stort bygge")).to_contain_text("Utmaning")


def test_siq_points_at_the_largest_gaps(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/siq-pusslet/", "siq", example=False)
    fill(calc.get_by_role("group", name="Kundorientering").get_by_label("Nuläge"), "2")
    fill(calc.get_by_role("group", name="Samverkan").get_by_label("Nuläge"), "4")
    expect(calc.locator(".handbok-calc__result")).to_contain_text("Störst glapp: Kundorientering, Samverkan.")
    assert calc.locator(".handbok-calc__bar-marker").count() == 2


def test_project_criteria_all_yes_is_a_project(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "bilagor/projektmodellen/", "project_criteria", example=False)
    groups = calc.locator(".handbok-calc__array fieldset")
    expect(groups).to_have_count(6)
    for index in range(6):
        groups.nth(index).get_by_label("Ja").check()
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text("Det är ett projekt. 6 av 6 kriterier är uppfyllda.")
    groups.nth(3).get_by_label("Nej").check()
    expect(result).to_contain_text("Det är inte ett projekt. 5 av 6")


def test_complaint_deadline_over_christmas(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/klagomalshantering/", "complaint_deadline", example=False)
    calc.get_by_label("Mottaget").fill("2026-12-22")
    want = expected("complaint_deadline", {"received": "2026-12-22"})
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text(f"5 arbetsdagar: {want['due'][0]}; 10 arbetsdagar: {want['due'][1]}")
    expect(result).to_contain_text("julafton (2026-12-24)")
