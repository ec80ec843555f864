"""Swedish number input: what parses, what does not, and how numbers are shown."""

import pytest

from calculators.numbers import format_number, parse_number, rounded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,5", 4.5),
        ("4.5", 4.5),
        ("40 000", 40000),
        ("40\u00a0000", 40000),
        ("1\u202f234,5", 1234.5),
        ("1 234 567", 1234567),
        (" 7 ", 7),
        ("-2,25", -2.25),
        ("\u22123", -3),
        (",5", 0.5),
        ("+3", 3),
        (3, 3),
        (2.5, 2.5),
    ],
)
def test_parses_swedish_and_plain_numbers(text: object, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "value",
    ["", "abc", "4,5,6", "4 5", "40 00", "1 0000", "1e5", "inf", "nan", "4,", "--3", "12 %", True, False, None,
     float("nan"), float("inf"), -float("inf"), [], {}, 10**400, "9" * 41],
)
def test_rejects_what_is_not_a_finite_number(value: object) -> None:
    assert parse_number(value) is None


def test_integer_strings_stay_integers() -> None:
    assert isinstance(parse_number("40 000"), int)
    assert isinstance(parse_number("4,0"), float)


@pytest.mark.parametrize(("value", "text"), [(4.5, "4,5"), (5.0, "5"), (5, "5"), (0.25, "0,25"), (-1.5, "-1,5")])
def test_format_uses_decimal_comma(value: float, text: str) -> None:
    assert format_number(value) == text


def test_rounded_never_gives_negative_zero() -> None:
    assert str(rounded(-0.00001)) == "0.0"
    assert rounded(0.123456) == 0.1235
