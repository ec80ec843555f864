"""risk: value = p × c, levels from the matrix, ranking, heat map, errors."""

import itertools

import pytest

from calculators import run
from calculators.matrices import BUILT_IN


def _risk(name: str, p: object, c: object, **extra: object) -> dict:
    return {"name": name, "probability": p, "consequence": c, **extra}


@pytest.mark.parametrize(
    ("value", "level"),
    [(1, "low"), (2, "low"), (3, "low"), (4, "medium"), (6, "medium"), (8, "high"), (9, "high"), (12, "very_high"),
     (16, "very_high")],
)
def test_default_matrix_levels_by_value(value: int, level: str) -> None:
    """Every cell of the default 4×4 with this value carries the issue's level."""
    cells = [(p, c) for p, c in itertools.product(range(1, 5), repeat=2) if p * c == value]
    result = run("risk", {"risks": [_risk(f"{p}x{c}", p, c) for p, c in cells]})
    assert {r["level"] for r in result["risks"]} == {level}
    assert {r["value"] for r in result["risks"]} == {value}


def test_default_matrix_labels() -> None:
    labels = {lv["id"]: lv["label"] for lv in BUILT_IN["4x4"]["levels"]}
    assert labels == {"low": "Låg", "medium": "Medel", "high": "Hög", "very_high": "Mycket hög"}


def test_heat_map_counts_before_and_after_treatment() -> None:
    risks = [_risk("A", 3, 3, residual_probability=1, residual_consequence=2), _risk("B", 3, 3), _risk("C", 1, 2)]
    cells = run("risk", {"risks": risks})["matrix"]["cells"]
    assert cells[2][2]["count"] == 2
    assert cells[0][1]["count"] == 1
    assert cells[0][1]["residual_count"] == 1
    assert sum(cell["count"] for row in cells for cell in row) == 3
    assert sum(cell["residual_count"] for row in cells for cell in row) == 1
    assert cells[2][3]["value"] == 12


def test_residual_placement() -> None:
    result = run("risk", {"risks": [_risk("A", 4, 4, residual_probability="2", residual_consequence=2)]})
    assert result["risks"][0]["residual"] == {"value": 4, "level": "medium", "level_label": "Medel",
                                              "color": "#ffd966", "text_color": "#000000", "cell": [2, 2]}


def test_ranking_by_value_then_consequence_then_order() -> None:
    risks = [_risk("a", 1, 4), _risk("b", 4, 1), _risk("c", 2, 2), _risk("d", 1, 4), _risk("e", 4, 4)]
    assert run("risk", {"risks": risks})["ranking"] == [4, 0, 3, 2, 1]


def test_matrix_definition_passed_in_is_used() -> None:
    result = run("risk", {"matrix": BUILT_IN["5x5"], "risks": [_risk("A", 5, 4)]})
    assert result["risks"][0]["level"] == "very_high"
    assert result["matrix"]["size"] == 5


@pytest.mark.parametrize(
    ("risks", "field", "message"),
    [
        ([_risk("A", 0, 1)], "risks[0].probability", "Rad 1: Sannolikhet måste vara ett heltal mellan 1 och 4."),
        ([_risk("A", 1, 5)], "risks[0].consequence", "Rad 1: Konsekvens måste vara ett heltal mellan 1 och 4."),
        ([_risk("A", 1, "tre")], "risks[0].consequence",
         'Rad 1: Konsekvens måste vara ett heltal mellan 1 och 4 (du skrev "tre").'),
        ([_risk("A", None, 1)], "risks[0].probability", "Rad 1: Sannolikhet saknas. Skriv ett heltal mellan 1 och 4."),
        ([_risk("A", 1, 1, residual_probability=1)], "risks[0].residual_consequence",
         "Rad 1: Ange både sannolikhet och konsekvens efter åtgärd, eller lämna båda tomma."),
        ([_risk("A", 1, 1, residual_consequence=1)], "risks[0].residual_probability",
         "Rad 1: Ange både sannolikhet och konsekvens efter åtgärd, eller lämna båda tomma."),
        ([_risk("A", 1, 1, residual_probability=9, residual_consequence=1)], "risks[0].residual_probability",
         "Rad 1: Sannolikhet efter åtgärd måste vara ett heltal mellan 1 och 4."),
        ([_risk("A", 1, 1)] * 101, "risks", "Risker måste vara en lista med 1–100 rader."),
    ],
)
def test_validation_errors(risks: list, field: str, message: str) -> None:
    assert run("risk", {"risks": risks}) == {"ok": False, "errors": [{"field": field, "message": message}]}


def test_unknown_matrix_message_lists_built_ins() -> None:
    result = run("risk", {"matrix": 4, "risks": [_risk("A", 1, 1)]})
    assert result["errors"] == [{"field": "matrix", "message": 'Riskmatris måste vara en av de inbyggda matriserna '
                                                               '("4x4", "5x5") eller en egen matrisdefinition.'}]


def test_bounds_follow_a_five_by_five_matrix() -> None:
    assert run("risk", {"matrix": "5x5", "risks": [_risk("A", 5, 5)]})["risks"][0]["value"] == 25
