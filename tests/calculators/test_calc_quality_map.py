"""quality_map: weights from ranks or weights, weighted grade, priorities, errors."""

import pytest

from calculators import run


def _factor(name: str, grade: float, target: float, **extra: object) -> dict:
    return {"name": name, "grade": grade, "target": target, **extra}


def test_worked_example_with_five_ranks() -> None:
    # points 5,4,3,2,1 (sum 15); B = (5*2 + 4*3 + 3*4 + 2*5 + 1*3)/15 = 47/15 = 3.1333
    # M = (5*4 + 4*4 + 3*4 + 2*5 + 1*5)/15 = 63/15 = 4.2; index = (47/15 - 1)/4*100 = 53.333...
    grades, targets = [2, 3, 4, 5, 3], [4, 4, 4, 5, 5]
    factors = [_factor(f"F{i}", g, t, rank=i + 1) for i, (g, t) in enumerate(zip(grades, targets, strict=True))]
    result = run("quality_map", {"factors": factors})
    assert result["weights"] == [0.3333, 0.2667, 0.2, 0.1333, 0.0667]
    assert (result["weighted_grade"], result["weighted_target"]) == (3.1333, 4.2)
    assert result["gap"] == 1.0667
    assert result["index"] == 53.3333
    # priorities: 5/15*2 = .6667, 4/15*1 = .2667, 0, 0, 1/15*2 = .1333
    assert [f["priority"] for f in result["factors"]] == [0.6667, 0.2667, 0.0, 0.0, 0.1333]
    assert result["priority_order"] == [0, 1, 4, 2, 3]


def test_index_spans_0_to_100() -> None:
    low = run("quality_map", {"factors": [_factor("A", 1, 5, rank=1), _factor("B", 1, 5, rank=2)]})
    high = run("quality_map", {"factors": [_factor("A", 5, 5, weight=1), _factor("B", 5, 5, weight=3)]})
    assert (low["index"], high["index"]) == (0.0, 100.0)


def test_characteristic_is_optional_and_passed_through() -> None:
    result = run("quality_map", {"factors": [_factor("A", 3, 4, rank=1, characteristic="Svar inom 2 dagar"),
                                             _factor("B", 3, 4, rank=2)]})
    assert [f["characteristic"] for f in result["factors"]] == ["Svar inom 2 dagar", ""]


@pytest.mark.parametrize(
    ("factors", "field", "message"),
    [
        ([_factor("A", 3, 4, rank=0), _factor("B", 3, 4, rank=1)], "factors[0].rank",
         "Rad 1: Rang måste vara ett heltal mellan 1 och 30."),
        ([_factor("A", 3, 4, rank=1), _factor("B", 3, 4, rank=3)], "factors[1].rank",
         "Rad 2: Rang måste vara ett heltal mellan 1 och 2 (antalet faktorer)."),
        ([_factor("A", 3, 4, weight=0), _factor("B", 3, 4, weight=1)], "factors[0].weight",
         "Rad 1: Vikt måste vara ett tal större än 0 och högst 1000."),
        ([_factor("A", 3, 4, rank=1, weight=1), _factor("B", 3, 4, rank=2)], "factors[0].weight",
         "Rad 1: Ange antingen rang eller vikt, inte båda."),
        ([_factor("A", 3, 4), _factor("B", 3, 4, rank=1)], "factors[0].rank",
         "Rad 1: Ange rang (1 = viktigast) eller vikt."),
        ([_factor("A", 3, 4, rank=1), _factor("B", 3, 4, weight=2)], "factors",
         "Ange rang för alla faktorer eller vikt för alla, inte en blandning."),
        ([_factor("A", 0.5, 4, rank=1), _factor("B", 3, 4, rank=2)], "factors[0].grade",
         "Rad 1: Betyg måste vara ett tal mellan 1 och 5."),
        ([_factor("A", 3, "5,5", rank=1), _factor("B", 3, 4, rank=2)], "factors[0].target",
         'Rad 1: Målvärde måste vara ett tal mellan 1 och 5 (du skrev "5,5").'),
        ([_factor("", 3, 4, rank=1), _factor("B", 3, 4, rank=2)], "factors[0].name",
         "Rad 1: Kvalitetsfaktor saknas. Skriv en text på högst 200 tecken."),
        ([_factor("A", 3, 4, rank=1)] * 31, "factors", "Kvalitetsfaktorer måste vara en lista med 2–30 rader."),
    ],
)
def test_validation_errors(factors: list, field: str, message: str) -> None:
    assert run("quality_map", {"factors": factors}) == {"ok": False, "errors": [{"field": field, "message": message}]}
