"""Property-based tests: run() never raises, output is always JSON-safe, invariants hold."""

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import run

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20) | st.sampled_from(["4,5", "40 000", "1\u00a0000", "", " ", "nan", "-0", "3", "ja"])
)
JSON_LIKE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
FIELD_NAMES = st.sampled_from(sorted({
    f.name for spec in calculators.SPECS.values() for field in spec.fields for f in (field, *field.item_fields)
}))
ROW = st.dictionaries(FIELD_NAMES, SCALARS | st.lists(SCALARS, max_size=4), max_size=6)
SHAPED = st.dictionaries(FIELD_NAMES, JSON_LIKE | st.lists(ROW, max_size=6), max_size=5)
"""Inputs that use the real field names, so values reach the parsers rather than being ignored. Values in rows
are scalars or flat lists (the same parsers see nested values as top-level fields): with nested values in every
row, generating an example took half a second, and the test minutes."""


def _assert_contract(result: object) -> None:
    assert isinstance(result, dict)
    json.dumps(result, allow_nan=False)
    if result["ok"] is False:
        assert result["errors"], result
        assert all(set(e) == {"field", "message"} and e["message"] for e in result["errors"])
    else:
        assert result["ok"] is True


@settings(max_examples=300)
@given(name=st.sampled_from(calculators.NAMES) | st.text(max_size=12) | JSON_LIKE, inputs=JSON_LIKE)
def test_arbitrary_input_never_raises(name: object, inputs: object) -> None:
    _assert_contract(run(name, inputs))


@settings(max_examples=300)
@given(name=st.sampled_from(calculators.NAMES), inputs=SHAPED)
def test_shaped_input_never_raises(name: str, inputs: dict) -> None:
    _assert_contract(run(name, inputs))


@given(rows=st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=1, max_size=20))
def test_risk_value_is_probability_times_consequence(rows: list) -> None:
    risks = [{"name": f"R{i}", "probability": p, "consequence": c} for i, (p, c) in enumerate(rows)]
    result = run("risk", {"risks": risks})
    assert [r["value"] for r in result["risks"]] == [p * c for p, c in rows]
    assert sorted(result["ranking"]) == list(range(len(rows)))
    values = [result["risks"][i]["value"] for i in result["ranking"]]
    assert values == sorted(values, reverse=True)
    assert sum(cell["count"] for row in result["matrix"]["cells"] for cell in row) == len(rows)


GRADE = st.floats(1, 5, allow_nan=False)


@settings(deadline=None)  # timing belongs in bench/, and this machine is shared
@given(data=st.data(), count=st.integers(2, 30), by_rank=st.booleans())
def test_quality_map_weights_sum_to_one(data: st.DataObject, count: int, by_rank: bool) -> None:
    key, values = ("rank", st.integers(1, count)) if by_rank else ("weight", st.floats(0.001, 1000))
    factors = [{"name": f"F{i}", key: data.draw(values), "grade": data.draw(GRADE), "target": data.draw(GRADE)}
               for i in range(count)]
    result = run("quality_map", {"factors": factors})
    assert math.isclose(sum(result["weights"]), 1, abs_tol=count * 0.00005)
    assert 0 <= result["index"] <= 100
    assert math.isclose(result["gap"], result["weighted_target"] - result["weighted_grade"], abs_tol=2e-4)


ANSWER = st.integers(1, 7) | st.integers(10, 70).map(lambda tenths: tenths / 10)


@given(rows=st.lists(st.tuples(ANSWER, ANSWER), min_size=1, max_size=50))
def test_k_above_one_exactly_when_gap_positive_on_equal_weights(rows: list) -> None:
    result = run("quality_gap", {"scale_max": 7, "items": [{"experience": o, "expectation": f} for o, f in rows]})
    assert (result["k"] > 1) == (result["gap"] > 0)
    assert (result["k"] < 1) == (result["gap"] < 0)
    assert result["n"] == len(rows)


@given(goal=st.text(min_size=1, max_size=300), accepted=st.sampled_from([True, False, None]))
def test_smart_score_counts_met_criteria(goal: str, accepted: object) -> None:
    result = run("smart", {"goal": goal, "accepted": accepted})
    if result["ok"]:
        assert result["score"] == sum(c["met"] is True for c in result["criteria"].values())
        assert result["criteria"]["accepted"]["met"] is accepted


LEVEL_IDS = st.sampled_from(["a", "b", "c", "d", None, 3])
MATRIX = st.fixed_dictionaries({
    "probability_labels": st.lists(st.text(max_size=3), max_size=4),
    "consequence_labels": st.lists(st.text(max_size=3), max_size=4),
    "levels": st.lists(st.fixed_dictionaries({"id": LEVEL_IDS, "label": st.text(max_size=3),
                                              "color": st.sampled_from(["#000000", "#A3D9A5", "red"])}), max_size=5),
    "cells": st.lists(st.lists(LEVEL_IDS, max_size=4), max_size=4),
})
"""Matrix definitions close enough to valid that every check gets exercised."""


@settings(max_examples=300)
@given(matrix=MATRIX | JSON_LIKE)
def test_any_matrix_definition_gives_a_result_or_errors(matrix: object) -> None:
    result = run("risk", {"matrix": matrix, "risks": [{"name": "R", "probability": 1, "consequence": 1}]})
    _assert_contract(result)
    if not result["ok"]:
        assert all(e["field"] == "matrix" or e["field"].startswith("matrix.") for e in result["errors"])
