"""The SPEC declarations and the generic validator: shape, JSON form, messages."""

import json

import pytest

import calculators
from calculators.spec import TYPES, Field, Spec, describe, validate


def _all_fields(spec: Spec) -> list[Field]:
    return [f for field in spec.fields for f in (field, *field.item_fields)]


def test_names_and_order() -> None:
    assert calculators.NAMES == ("quality_gap", "risk", "smart", "quality_map", "nps", "hme", "pick", "siq",
                                 "project_criteria", "complaint_deadline")
    assert set(calculators.SPECS) == set(calculators.NAMES)


@pytest.mark.parametrize("name", calculators.NAMES)
def test_spec_is_json_safe_and_complete(name: str) -> None:
    data = calculators.spec(name)
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert data["name"] == name
    assert {"title", "summary", "formula", "fields", "example"} <= set(data)
    for field in _all_fields(calculators.SPECS[name]):
        assert field.type in TYPES, field.name
        assert field.label and field.help, field.name


@pytest.mark.parametrize("name", calculators.NAMES)
def test_every_example_is_valid(name: str) -> None:
    assert calculators.run(name, calculators.SPECS[name].example)["ok"] is True


def test_spec_of_unknown_name_is_none() -> None:
    assert calculators.spec("nope") is None
    assert calculators.spec(["risk"]) is None


def test_risk_spec_offers_built_in_matrices() -> None:
    data = calculators.spec("risk")
    matrix_field = data["fields"][0]
    assert matrix_field["type"] == "matrix"
    assert [value for value, _ in matrix_field["choices"]] == ["4x4", "5x5"]
    assert set(data["matrices"]) == {"4x4", "5x5"}


def test_spec_dict_shape_of_a_nested_field() -> None:
    items = calculators.spec("quality_gap")["fields"][1]
    expectation = items["item_fields"][2]
    assert expectation["name"] == "expectation"
    assert expectation["minimum"] == 1
    assert expectation["maximum"] == "scale_max"
    assert expectation["required"] is False


def test_defaults_are_parsed_like_input() -> None:
    values, errors = validate(calculators.SPECS["quality_gap"], {"items": [{"experience": 1, "expectation": 1}]})
    assert errors == []
    assert values["scale_max"] == 5
    assert values["items"][0]["weight"] == 1.0


def test_bound_follows_the_named_field() -> None:
    spec = calculators.SPECS["quality_gap"]
    _, errors = validate(spec, {"scale_max": 7, "items": [{"experience": 7, "expectation": 6}]})
    assert errors == []
    _, errors = validate(spec, {"scale_max": 3, "items": [{"experience": 4, "expectation": 2}]})
    assert errors[0]["field"] == "items[0].experience"
    assert "mellan 1 och 3" in errors[0]["message"]


@pytest.mark.parametrize(
    ("field", "phrase"),
    [
        (Field("a", "A", "integer", minimum=2, maximum=10), "ett heltal mellan 2 och 10"),
        (Field("a", "A", "number", minimum=1, maximum=5), "ett tal mellan 1 och 5"),
        (Field("a", "A", "number", exclusive_minimum=0, maximum=1000), "ett tal större än 0 och högst 1000"),
        (Field("a", "A", "number", minimum=0.5), "ett tal som är minst 0,5"),
        (Field("a", "A", "text", max_length=20), "en text på högst 20 tecken"),
        (Field("a", "A", "list", min_items=1, max_items=3), "en lista med 1–3 rader"),
        (Field("a", "A", "choice", choices=(("x", "X"), ("y", "Y"))), 'ett av värdena "x", "y"'),
    ],
)
def test_describe_in_swedish(field: Field, phrase: str) -> None:
    assert describe(field) == phrase


def test_choice_field_validates() -> None:
    spec = Spec("t", "T", "", "", (Field("c", "Val", "choice", choices=(("x", "X"),)),), {})
    assert validate(spec, {"c": "x"}) == ({"c": "x"}, [])
    assert validate(spec, {"c": "z"})[1][0]["message"] == 'Val måste vara ett av värdena "x" (du skrev "z").'


def test_text_accepts_numbers_and_rejects_other_types() -> None:
    spec = Spec("t", "T", "", "", (Field("t", "Text", "text", max_length=5),), {})
    assert validate(spec, {"t": 12.5}) == ({"t": "12,5"}, [])
    assert validate(spec, {"t": ["x"]})[1][0]["field"] == "t"
    assert validate(spec, {"t": "sex tecken"})[1][0]["message"] == (
        'Text måste vara en text på högst 5 tecken (du skrev "sex tecken").')


def test_long_input_is_not_echoed() -> None:
    _, errors = validate(calculators.SPECS["smart"], {"goal": "x" * 2001})
    assert errors == [{"field": "goal", "message": "Mål måste vara en text på högst 2000 tecken."}]


def test_goal_of_exactly_2000_characters_is_accepted() -> None:
    assert calculators.run("smart", {"goal": "ord " * 500})["ok"] is True


def test_huge_list_is_rejected_without_walking_it() -> None:
    result = calculators.run("quality_gap", {"items": [{"experience": "x"}] * 100_000})
    assert result == {"ok": False, "errors": [
        {"field": "items", "message": "Påståenden måste vara en lista med 1–200 rader."}]}


def test_boolean_tri_state() -> None:
    spec = calculators.SPECS["smart"]
    for raw, value in [(True, True), (False, False), (None, None), ("", None), ("Ja", True), ("false", False)]:
        values, errors = validate(spec, {"goal": "Ett mål", "accepted": raw})
        assert (values["accepted"], errors) == (value, []), raw
    assert validate(spec, {"goal": "Ett mål", "accepted": 1})[1][0]["field"] == "accepted"
