"""quality_gap: K = O/F with hand-derived numbers, verdicts and every validation error."""

import pytest

from calculators import run


def _run(items: list, **extra: object) -> dict:
    return run("quality_gap", {"items": items, **extra})


def test_worked_example_with_weights_and_skips() -> None:
    # O = (2*4 + 1*2) / 3 = 10/3, F = (2*5 + 1*3) / 3 = 13/3, K = 10/13 = 0.769230..., gap = -1
    result = _run([
        {"label": "A", "experience": 4, "expectation": 5, "weight": 2},
        {"label": "B", "experience": None, "expectation": 5},
        {"label": "C", "experience": 2, "expectation": 3},
    ])
    assert result["k"] == 0.7692
    assert result["gap"] == -1.0
    assert (result["n"], result["skipped"]) == (2, 1)
    assert result["experience_mean"] == 3.3333
    assert [item["index"] for item in result["items"]] == [0, 2]
    assert result["largest_gap"] == 0
    assert result["message"].startswith("Upplevelsen ligger under förväntan (K = 0,77)")


@pytest.mark.parametrize(
    ("experience", "expectation", "verdict", "shown"),
    [(4, 5, "below", "0,80"), (4.98, 5, "meets", "1,00"), (5.02, 5, "meets", "1,00"), (3, 2, "exceeds", "1,50")],
)
def test_verdict_uses_k_rounded_to_two_decimals(experience: float, expectation: float, verdict: str,
                                                 shown: str) -> None:
    result = _run([{"experience": experience, "expectation": expectation}], scale_max=6)
    assert result["verdict"] == verdict
    assert f"K = {shown}" in result["message"]


def test_largest_gap_is_most_negative_and_first_on_ties() -> None:
    items = [{"experience": 3, "expectation": 4}, {"experience": 2, "expectation": 4},
             {"experience": 1, "expectation": 3}]
    assert _run(items)["largest_gap"] == 1


def test_same_ratio_different_gap_shows_why_gap_is_shown() -> None:
    # K depends on where the scale starts: 1/2 and 5/10 give the same K but different gaps.
    small = _run([{"experience": 1, "expectation": 2}], scale_max=10)
    large = _run([{"experience": 5, "expectation": 10}], scale_max=10)
    assert small["k"] == large["k"] == 0.5
    assert (small["gap"], large["gap"]) == (-1.0, -5.0)


@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"items": [{"experience": 0, "expectation": 3}]}, "items[0].experience",
         "Rad 1: Upplevelse (O) måste vara ett tal mellan 1 och 5."),
        ({"scale_max": 3, "items": [{"experience": 2, "expectation": "3,5"}]}, "items[0].expectation",
         'Rad 1: Förväntan (F) måste vara ett tal mellan 1 och 3 (du skrev "3,5").'),
        ({"scale_max": 1, "items": [{"experience": 1, "expectation": 1}]}, "scale_max",
         "Skalans högsta värde måste vara ett heltal mellan 2 och 10."),
        ({"scale_max": "4,5", "items": [{"experience": 1, "expectation": 1}]}, "scale_max",
         'Skalans högsta värde måste vara ett heltal mellan 2 och 10 (du skrev "4,5").'),
        ({"items": [{"experience": 1, "expectation": 1, "weight": -1}]}, "items[0].weight",
         "Rad 1: Vikt måste vara ett tal större än 0 och högst 1000."),
        ({"items": [{"experience": 1, "expectation": 1, "label": 5 * "lång text " * 10}]}, "items[0].label",
         "Rad 1: Påstående måste vara en text på högst 200 tecken."),
        ({"items": "inte en lista"}, "items", "Påståenden måste vara en lista med 1–200 rader."),
        ({"items": []}, "items", "Påståenden måste vara en lista med 1–200 rader."),
        ({"items": [{"experience": None, "expectation": 2}]}, "items",
         "Inget påstående har både upplevelse och förväntan ifyllda. Fyll i båda för minst ett påstående."),
        ({"items": [None]}, "items[0]",
         "Rad 1: Raden måste vara ett objekt med fälten Påstående, Upplevelse (O), Förväntan (F), Vikt."),
    ],
)
def test_validation_errors(inputs: dict, field: str, message: str) -> None:
    assert run("quality_gap", inputs) == {"ok": False, "errors": [{"field": field, "message": message}]}


def test_all_errors_are_reported_at_once() -> None:
    result = _run([{"experience": 9, "expectation": 1}, {"experience": 1, "expectation": "x"}])
    assert [e["field"] for e in result["errors"]] == ["items[0].experience", "items[1].expectation"]


def test_two_hundred_items_are_allowed_and_201_are_not() -> None:
    row = {"experience": 3, "expectation": 4}
    assert _run([row] * 200)["n"] == 200
    assert _run([row] * 201)["ok"] is False
