"""Blank rows are skipped with a notice; errors still point at the reader's own rows."""

from calculators import run


def test_blank_rows_are_skipped_with_a_notice() -> None:
    result = run("risk", {"risks": [{"name": "A", "probability": 2, "consequence": 3}, {"name": " "},
                                    {"name": None, "probability": ""}]})
    assert result["ok"]
    assert len(result["risks"]) == 1
    assert result["notices"] == ["Raderna 2, 3 i risker är tomma och räknas inte."]
    assert result["view"]["notices"] == result["notices"]


def test_errors_after_a_blank_row_name_the_reader_s_row() -> None:
    result = run("risk", {"risks": [{}, {"name": "B", "probability": 9, "consequence": 1}]})
    assert result["errors"] == [{"field": "risks[1].probability",
                                 "message": "Rad 2: Sannolikhet måste vara ett heltal mellan 1 och 4."}]
    cross = run("risk", {"risks": [{}, {"name": "B", "probability": 1, "consequence": 1, "residual_probability": 1}]})
    assert cross["errors"][0]["field"] == "risks[1].residual_consequence"
    assert cross["errors"][0]["message"].startswith("Rad 2: ")


def test_only_blank_rows_is_still_an_error() -> None:
    assert not run("risk", {"risks": [{}, {"name": ""}]})["ok"]
