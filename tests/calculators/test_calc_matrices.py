"""Risk matrix data and the Cox (2008) consistency checks."""

import copy

import pytest

from calculators.matrices import BUILT_IN, contrast, text_color, validate


def _three_by_three(cells: list) -> dict:
    return {
        "probability_labels": ["L", "M", "H"],
        "consequence_labels": ["L", "M", "H"],
        "levels": [{"id": "a", "label": "A", "color": "#a3d9a5"}, {"id": "b", "label": "B", "color": "#ffd966"},
                   {"id": "c", "label": "C", "color": "#c0392b"}],
        "cells": cells,
    }


@pytest.mark.parametrize("key", sorted(BUILT_IN))
def test_built_in_matrices_pass_their_own_checks(key: str) -> None:
    assert validate(BUILT_IN[key]) == []


@pytest.mark.parametrize("key", sorted(BUILT_IN))
def test_built_in_colours_meet_wcag_aa_with_their_text_colour(key: str) -> None:
    for level in BUILT_IN[key]["levels"]:
        assert contrast(level["color"], level["text_color"]) >= 4.5, level


@pytest.mark.parametrize("color", ["#777777", "#808080", "#ff0000", "#0000ff", "#00ff00", "#767676", "#595959"])
def test_chosen_text_colour_always_reaches_aa(color: str) -> None:
    assert contrast(color, text_color(color)) >= 4.5


def test_contrast_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_five_by_five_levels() -> None:
    cells = BUILT_IN["5x5"]["cells"]
    assert (cells[0][0], cells[0][3], cells[0][4], cells[2][2], cells[3][3], cells[4][4]) == (
        "low", "low", "medium", "medium", "high", "very_high")


def test_decrease_down_a_column_names_the_cell() -> None:
    errors = validate(_three_by_three([["a", "a", "b"], ["a", "b", "c"], ["a", "b", "b"]]))
    assert [e["field"] for e in errors] == ["matrix.cells[2][2]"]
    assert errors[0]["message"].startswith(
        "Cellen (sannolikhet 3, konsekvens 3) har lägre nivå än grannen (sannolikhet 2, konsekvens 3). "
        "Nivån får inte minska när sannolikheten ökar")


def test_jump_of_two_levels_is_an_error() -> None:
    errors = validate(_three_by_three([["a", "b", "b"], ["c", "c", "c"], ["c", "c", "c"]]))
    assert [e["field"] for e in errors] == ["matrix.cells[1][0]"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda m: m.update(probability_labels=["1", "2"]), "matrix.probability_labels"),
        (lambda m: m.update(probability_labels=["1"] * 11), "matrix.probability_labels"),
        (lambda m: m.update(consequence_labels="LMH"), "matrix.consequence_labels"),
        (lambda m: m.update(levels=m["levels"][:2]), "matrix.levels"),
        (lambda m: m["levels"][1].update(id="a"), "matrix.levels[1].id"),
        (lambda m: m["levels"][2].update(label=""), "matrix.levels[2].label"),
        (lambda m: m["levels"][0].update(color="red"), "matrix.levels[0].color"),
        (lambda m: m.update(cells=[["a", "a", "b"]]), "matrix.cells"),
        (lambda m: m["cells"][0].__setitem__(0, 1), "matrix.cells[0][0]"),
    ],
)
def test_structural_errors(change: object, field: str) -> None:
    matrix = copy.deepcopy(_three_by_three([["a", "a", "b"], ["a", "b", "c"], ["b", "c", "c"]]))
    assert validate(matrix) == []
    change(matrix)
    assert [e["field"] for e in validate(matrix)] == [field]


def test_not_a_dict_definition_is_reported() -> None:
    from calculators import run
    result = run("risk", {"matrix": {"cells": []}, "risks": [{"name": "A", "probability": 1, "consequence": 1}]})
    assert result["errors"][0]["field"] == "matrix.probability_labels"
