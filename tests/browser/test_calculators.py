"""The four calculators in the built site, driven in Chromium as a reader would use them.

Expected values come from CPython's calculators.run on the same inputs: the page must show
what the worker's Pyodide computed, and the two must agree.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

import calculators

from .helpers import expected, fill, keep_rows, open_calculator, row, sv, sv2

pytestmark = pytest.mark.browser


def test_quality_gap_per_item_and_overall(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/upplevd-kvalitet/", "quality_gap")
    keep_rows(calc, 2)
    fill(row(calc, 0).get_by_label("Upplevelse (O)"), "3,5")
    fill(row(calc, 0).get_by_label("Förväntan (F)"), "4,5")
    fill(row(calc, 1).get_by_label("Upplevelse (O)"), "4")
    fill(row(calc, 1).get_by_label("Förväntan (F)"), "4")
    calc.get_by_role("button", name="Lägg till rad").click()
    fill(row(calc, 2).get_by_label("Påstående"), "Väntetiden")
    fill(row(calc, 2).get_by_label("Upplevelse (O)"), "2")
    fill(row(calc, 2).get_by_label("Förväntan (F)"), "4")
    fill(row(calc, 2).get_by_label("Vikt"), "2")
    labels = [row(calc, i).get_by_label("Påstående").input_value() for i in range(2)]
    want = expected("quality_gap", {"scale_max": "5", "items": [
        {"label": labels[0], "experience": "3,5", "expectation": "4,5"},
        {"label": labels[1], "experience": "4", "expectation": "4"},
        {"label": "Väntetiden", "experience": "2", "expectation": "4", "weight": "2"},
    ]})
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text(f"K = {sv2(want['k'])}, O − F = {sv(want['gap'])}")
    expect(result).to_contain_text(want["message"])
    expect(result).to_contain_text(f"K = O / F = {sv(want['experience_mean'])} / {sv(want['expectation_mean'])}")
    item = result.get_by_role("row", name="Väntetiden")
    expect(item).to_contain_text(sv2(want["items"][2]["k"]))
    expect(item).to_contain_text(sv(want["items"][2]["gap"]))


def test_risk_values_heat_map_and_ranking(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/riskanalys/", "risk")
    calc.get_by_role("combobox", name="Riskmatris").select_option(label="5 × 5")
    keep_rows(calc, 1)
    first = row(calc, 0)
    fill(first.get_by_label("Risk", exact=True), "Strömavbrott")
    fill(first.get_by_label("Sannolikhet", exact=True), "4")
    fill(first.get_by_label("Konsekvens", exact=True), "5")
    for label in ("Sannolikhet efter åtgärd", "Konsekvens efter åtgärd"):
        fill(first.get_by_label(label), "2")
    calc.get_by_role("button", name="Lägg till rad").click()
    fill(row(calc, 1).get_by_label("Risk", exact=True), "Kompetensbrist")
    fill(row(calc, 1).get_by_label("Sannolikhet", exact=True), "5")
    fill(row(calc, 1).get_by_label("Konsekvens", exact=True), "2")
    want = expected("risk", {"matrix": "5x5", "risks": [
        {"name": "Strömavbrott", "probability": "4", "consequence": "5",
         "residual_probability": "2", "residual_consequence": "2"},
        {"name": "Kompetensbrist", "probability": "5", "consequence": "2"},
    ]})
    result = calc.locator(".handbok-calc__result")
    power = want["risks"][0]
    expect(result.get_by_role("row", name="R1 Strömavbrott")).to_contain_text(
        f"{power['value']} = 4 × 5")
    expect(result.get_by_role("row", name="R1 Strömavbrott")).to_contain_text(power["level_label"])
    heat = result.locator(".handbok-calc__heatmap table")
    expect(heat.locator("tbody tr")).to_have_count(5)
    # rows run from the highest probability down: probability 4 is the second row, consequence 5 the last cell
    expect(heat.locator("tbody tr").nth(1).locator("td").nth(4)).to_contain_text("R1")
    expect(heat.locator("tbody tr").nth(3).locator("td").nth(1)).to_contain_text("R1′")
    expect(heat.locator("caption")).to_contain_text("R1 i sannolikhet 4, konsekvens 5")
    ranked = [want["risks"][i]["name"] for i in want["ranking"]]
    expect(result.locator(".handbok-calc__ranking li")).to_have_count(2)
    expect(result.locator(".handbok-calc__ranking li").first).to_contain_text(ranked[0])


def test_smart_checklist(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/smarta-mal/", "smart")
    goal = "Väntetiden för bygglov ska minska från 10 till 6 veckor senast 31 december 2027."
    fill(calc.get_by_role("textbox", name="Mål", exact=True), goal)
    calc.get_by_role("group", name="Realistiskt").get_by_label("Nej").check()
    fill(calc.get_by_role("textbox", name="Ansvarig"), "")
    want = expected("smart", {"goal": goal, "accepted": "true", "realistic": "false", "responsible": ""})
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text(want["message"])
    checklist = result.locator(".handbok-calc__checklist li")
    expect(checklist).to_have_count(6)
    for index, key in enumerate(("specific", "measurable", "accepted", "realistic", "time_bound", "responsible")):
        expect(checklist.nth(index)).to_contain_text(want["criteria"][key]["hint"])
    expect(checklist.nth(3)).to_contain_text("Realistisk: inte uppfyllt")


def test_quality_map_weights_index_and_bars(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/kvalitetskarta/", "quality_map")
    keep_rows(calc, 3)
    values = [("Tillgänglighet", "1", "2,5", "4"), ("Bemötande", "2", "3", "5"), ("Information", "3", "4,5", "4")]
    for index, (name, rank, grade, target) in enumerate(values):
        line = row(calc, index)
        fill(line.get_by_label("Kvalitetsfaktor"), name)
        fill(line.get_by_label("Rang"), rank)
        fill(line.get_by_label("Vikt"), "")
        fill(line.get_by_label("Betyg"), grade)
        fill(line.get_by_label("Målvärde"), target)
    characteristics = [row(calc, i).get_by_label("Kännetecken").input_value() for i in range(3)]
    want = expected("quality_map", {"factors": [
        {"name": n, "characteristic": c, "rank": r, "grade": g, "target": t}
        for (n, r, g, t), c in zip(values, characteristics, strict=True)
    ]})
    result = calc.locator(".handbok-calc__result")
    expect(result).to_contain_text(f"Viktat index {sv(want['index'])} av 100")
    for factor in want["factors"]:
        expect(result.get_by_role("row", name=factor["name"])).to_contain_text(sv(factor["weight"]))
    chart = result.get_by_role("img")
    top = want["factors"][want["priority_order"][0]]
    expect(chart).to_have_attribute("aria-label", re.compile(re.escape(f"1. {top['name']}: gap {sv(top['gap'])}")))
    order = [want["factors"][i] for i in want["priority_order"]]
    expect(chart.locator(".handbok-calc__bar-label")).to_have_text([f["name"] for f in order])
    widths = chart.locator(".handbok-calc__bar").evaluate_all("bars => bars.map(b => parseFloat(b.style.width))")
    assert widths == [pytest.approx(max(0.0, min(1.0, f["gap"] / 4)) * 100, abs=0.05) for f in order]


def test_validation_error_beside_its_field(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/riskanalys/", "risk")
    field = row(calc, 0).get_by_label("Sannolikhet", exact=True)
    fill(field, "7")
    expect(field).to_have_attribute("aria-invalid", "true")
    message = next(e["message"] for e in calculators.run("risk", {"matrix": "4x4", "risks": [
        {"name": "x", "probability": "7", "consequence": "1"}]})["errors"] if e["field"] == "risks[0].probability")
    described = field.get_attribute("aria-describedby").split()
    beside = page.locator("#" + described[-1])
    expect(beside).to_have_text(message)
    # the message sits in the same field block as the input, and the summary links to the field
    expect(page.locator('[data-field="risks[0].probability"]')).to_contain_text(message)
    expect(calc.locator(".handbok-calc__errors")).to_contain_text(message)
    fill(field, "3")
    expect(beside).to_be_empty()
    expect(field).not_to_have_attribute("aria-invalid", "true")


def test_keyboard_only_adds_a_row_and_computes(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/upplevd-kvalitet/", "quality_gap")
    rows_before = calc.locator(".handbok-calc__rows > [data-row]").count()
    calc.get_by_role("button", name="Lägg till rad").focus()
    page.keyboard.press("Enter")
    new_row = row(calc, rows_before)
    expect(new_row.get_by_label("Påstående")).to_be_focused()
    page.keyboard.type("Tryckt med tangentbord")
    page.keyboard.press("Tab")
    expect(new_row.get_by_label("Upplevelse (O)")).to_be_focused()
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("5")
    result = calc.locator(".handbok-calc__result")
    expect(result.get_by_role("row", name="Tryckt med tangentbord")).to_contain_text("0,20")
    # removing it again by keyboard puts focus on the row above
    new_row.get_by_role("button", name=f"Ta bort rad {rows_before + 1}").focus()
    page.keyboard.press("Enter")
    expect(calc.locator(".handbok-calc__rows > [data-row]")).to_have_count(rows_before)
    expect(result.get_by_role("row", name="Tryckt med tangentbord")).to_have_count(0)
