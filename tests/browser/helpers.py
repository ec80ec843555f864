"""Small helpers for the calculator browser tests."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from playwright.sync_api import Locator, Page, expect

import calculators

from .conftest import AXE, LOAD_TIMEOUT_MS


def sv2(value: float) -> str:
    """A number with exactly two decimals as Intl sv-SE shows it: the exact binary value rounded
    half away from zero, decimal comma, real minus sign."""
    text = str(Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP))
    return text.replace(".", ",").replace("-", "\u2212")


def sv(value: float) -> str:
    """A number as the page shows it: like `sv2`, without trailing zeros."""
    return sv2(value).rstrip("0").rstrip(",")


def open_calculator(page: Page, url: str, name: str, example: bool = True) -> Locator:
    """Open a page and return its calculator once the first result is shown: with the example
    filled in ("Fyll i exempel"), or for an empty form its prompt to fill it in."""
    page.goto(url)
    calc = page.locator(f'.handbok-calc[data-calc="{name}"]').first
    if example:
        calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__result")).not_to_be_empty(timeout=LOAD_TIMEOUT_MS)
    return calc


def row(calc: Locator, index: int) -> Locator:
    """Row `index` (0-based) of the calculator's repeating rows."""
    return calc.locator(".handbok-calc__rows > [data-row]").nth(index)


def keep_rows(calc: Locator, count: int) -> None:
    """Remove rows from the end with their 'Ta bort rad' buttons until `count` are left."""
    rows = calc.locator(".handbok-calc__rows > [data-row]")
    while rows.count() > count:
        last = rows.count()
        calc.get_by_role("button", name=f"Ta bort rad {last}").click()
        expect(rows).to_have_count(last - 1)


def fill(field: Locator, text: str) -> None:
    """Replace a field's text by typing, as a person does."""
    field.click()
    field.press("Control+a")
    field.press("Backspace")
    if text:
        field.press_sequentially(text)


def expected(name: str, inputs: dict) -> dict:
    """What CPython's calculators.run gives for the same inputs (the worker must agree)."""
    result = calculators.run(name, inputs)
    assert result["ok"], result
    return result


def axe_violations(page: Page) -> list[dict]:
    """Serious and critical WCAG 2.0/2.1 A and AA violations found by axe-core."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
