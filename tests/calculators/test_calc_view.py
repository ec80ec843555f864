"""The result descriptions (`view`) that the browser renders: Swedish numbers, every calculator."""

from __future__ import annotations

import pytest

import calculators
from calculators.view import bar, fixed, num, percent

BLOCK_TYPES = {"text", "formula", "subhead", "table", "ranking", "bars", "heatmap", "checklist"}


@pytest.mark.parametrize(("value", "shown"), [
    (4.25, "4,25"), (4, "4"), (-0.25, "\u22120,25"), (0.125, "0,13"), (-0.001, "0"), (2.5, "2,5"),
    (12345.6, "12\u00a0345,6"),
    (1234, "1234"),
])
def test_num_writes_swedish_numbers_as_intl_sv_se(value: float, shown: str) -> None:
    assert num(value) == shown


def test_fixed_keeps_decimals_and_percent_has_a_space() -> None:
    assert fixed(1, 2) == "1,00"
    assert fixed(0.9412) == "0,94"
    assert percent(33.333) == "33,3\u00a0%"


def test_bar_share_is_clamped_to_the_track() -> None:
    assert bar("a", "x", 130)["share"] == 100.0
    assert bar("a", "x", -5, marker=50)["share"] == 0.0


@pytest.mark.parametrize("name", calculators.NAMES)
def test_every_calculator_declares_a_view_for_its_example(name: str) -> None:
    result = calculators.run(name, calculators.SPECS[name].example)
    view = result["view"]
    assert view["headline"]
    assert {block["type"] for block in view["blocks"]} <= BLOCK_TYPES
    assert "." not in "".join(c for b in view["blocks"] if b["type"] == "table" for r in b["rows"] for c in r[1:]
                              if isinstance(c, str) and c[:1].isdigit())


def test_quality_gap_view_shows_the_formula_with_the_means() -> None:
    result = calculators.run("quality_gap", calculators.SPECS["quality_gap"].example)
    formula = next(b["text"] for b in result["view"]["blocks"] if b["type"] == "formula")
    assert formula == "K = O / F = 4 / 4,25 = 0,94; O − F = 4 − 4,25 = \u22120,25"
    assert result["view"]["verdict"] == "below"
