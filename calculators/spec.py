"""Input declarations (SPEC) and the one validator that reads inputs against them.

A calculator declares its fields once; the browser form is generated from the same
declaration and `validate` enforces it, so labels, ranges and defaults live in one place.
Calculators then only add their cross-field checks and the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import matrices
from .numbers import format_number, parse_number

TYPES = ("integer", "number", "text", "boolean", "choice", "list", "matrix", "group", "array", "date")
"""list: rows of item_fields; group: one object of item_fields; array: values of the one item
field (a fixed-length array is a form field per value, labelled by row_labels)."""

Bound = float | int | str | None
"""A range bound: a number, or the name of a top-level field whose value is the bound
(for a matrix field: its size). The form can then follow e.g. the chosen scale."""


@dataclass(frozen=True)
class Field:
    """One input: what the form shows (label, help, unit) and what `validate` accepts."""

    name: str
    label: str
    type: str
    help: str = ""
    required: bool = True
    default: Any = None
    minimum: Bound = None
    maximum: Bound = None
    exclusive_minimum: float | None = None
    max_length: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    item_fields: tuple[Field, ...] = ()
    min_items: int | None = None
    max_items: int | None = None
    unit: str = ""
    row_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Spec:
    """A calculator's declaration: Swedish title, summary and formula, fields, example."""

    name: str
    title: str
    summary: str
    formula: str
    fields: tuple[Field, ...]
    example: dict


Errors = list[dict[str, str]]


def error(field: str, message: str) -> dict[str, str]:
    """Build one error entry in the shape the contract fixes."""
    return {"field": field, "message": message}


def validate(spec: Spec, inputs: object) -> tuple[dict[str, Any], Errors]:
    """Parse `inputs` against `spec`: returns (values, errors); values are usable only
    when errors is empty. Fields are read in declaration order, so a bound that names an
    earlier field (scale_max, matrix) is known when later fields are checked."""
    if not isinstance(inputs, dict):
        return {}, [error("inputs", "Indata måste vara ett objekt med fält och värden.")]
    values: dict[str, Any] = {}
    errors: Errors = []
    for field in spec.fields:
        values[field.name] = _parse(field, inputs.get(field.name), field.name, "", values, errors)
    return values, errors


def _is_blank(raw: object) -> bool:
    """Absent, null and empty text all mean 'not filled in' in a form."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _parse(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Parse one value; append an error and return None when it is unusable."""
    if _is_blank(raw):
        if field.required:
            errors.append(error(path, f"{row}{field.label} saknas. Skriv {describe(field, context)}."))
            return None
        if field.default is None:
            return None
        raw = field.default  # defaults go through the parser so they take the parsed form
    return _PARSERS[field.type](field, raw, path, row, context, errors)


def _complain(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> None:
    """Record 'must be …' for a value of the wrong kind or out of range."""
    shown = f' (du skrev "{raw}")' if isinstance(raw, str) and len(raw) <= 30 else ""
    errors.append(error(path, f"{row}{field.label} måste vara {describe(field, context)}{shown}."))


def _bound(bound: Bound, context: dict) -> float | int | None:
    """Resolve a bound that may name another field; None when that field is unusable."""
    if not isinstance(bound, str):
        return bound
    value = context.get(bound)
    if isinstance(value, dict):
        return value.get("size")
    return value


def _parse_number(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Numbers and integers: Swedish formats, finite, within the declared range."""
    value = parse_number(raw)
    low, high = _bound(field.minimum, context), _bound(field.maximum, context)
    bad = (
        value is None
        or (field.type == "integer" and not float(value).is_integer())
        or (low is not None and value < low)
        or (high is not None and value > high)
        or (field.exclusive_minimum is not None and value <= field.exclusive_minimum)
    )
    if value is None or bad:
        _complain(field, raw, path, row, context, errors)
        return None
    return int(value) if field.type == "integer" else float(value)


def _parse_text(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Text: a string (numbers are accepted and shown as typed), trimmed, not too long."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and parse_number(raw) is not None:
        raw = format_number(raw)
    if not isinstance(raw, str) or (field.max_length is not None and len(raw.strip()) > field.max_length):
        _complain(field, raw, path, row, context, errors)
        return None
    return raw.strip()


_TRUE = {"true", "ja", "yes", "1"}
_FALSE = {"false", "nej", "no", "0"}


def _parse_boolean(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Tri-state answer: true, false or (blank) not answered; form strings are accepted."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    _complain(field, raw, path, row, context, errors)
    return None


def _parse_choice(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """One of the declared values."""
    if isinstance(raw, str) and raw in {value for value, _ in field.choices}:
        return raw
    _complain(field, raw, path, row, context, errors)
    return None


def _parse_list(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Rows of item fields. The length is checked first so a huge list costs nothing."""
    too_few = field.min_items is not None and isinstance(raw, list) and len(raw) < field.min_items
    too_many = field.max_items is not None and isinstance(raw, list) and len(raw) > field.max_items
    if not isinstance(raw, list) or too_few or too_many:
        _complain(field, None, path, row, context, errors)
        return None
    rows = []
    for index, item in enumerate(raw):
        rows.append(_parse_row(field, item, f"{path}[{index}]", f"Rad {index + 1}: ", context, errors))
    return rows


def _parse_row(field: Field, item: object, path: str, row: str, context: dict, errors: Errors) -> dict | None:
    """One row of a list: an object whose keys are the item fields."""
    if not isinstance(item, dict):
        errors.append(error(path, f"{row}Raden måste vara ett objekt med fälten {_field_names(field)}."))
        return None
    return {
        sub.name: _parse(sub, item.get(sub.name), f"{path}.{sub.name}", row, context, errors)
        for sub in field.item_fields
    }


def _parse_matrix(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """A built-in matrix id, or a whole definition checked by `matrices.validate`."""
    if isinstance(raw, str) and raw in matrices.BUILT_IN:
        return matrices.BUILT_IN[raw]
    if isinstance(raw, dict):
        found = matrices.validate(raw, path)
        errors.extend(found)
        return None if found else matrices.normalise(raw)
    _complain(field, raw, path, row, context, errors)
    return None


def _parse_group(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """An object of named values (nps counts); all of them blank is the same as absent."""
    if not isinstance(raw, dict):
        _complain(field, None, path, row, context, errors)
        return None
    if all(_is_blank(raw.get(sub.name)) for sub in field.item_fields):
        return _parse(field, None, path, row, context, errors) if field.required else None
    return {sub.name: _parse(sub, raw.get(sub.name), f"{path}.{sub.name}", row, context, errors)
            for sub in field.item_fields}


_SEPARATORS = re.compile(r"[\s;,]+")


def _parse_array(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """Values of one kind: a list, or for whole numbers also a text such as "9 10 7" or "9, 10".
    A blank value takes the item's default, or is skipped when it has none and is optional."""
    item = field.item_fields[0]
    if isinstance(raw, tuple):  # a default declared in a SPEC
        raw = list(raw)
    if isinstance(raw, str) and item.type == "integer":
        raw = [part for part in _SEPARATORS.split(raw.strip()) if part]
    length_ok = isinstance(raw, list) and (field.min_items is None or len(raw) >= field.min_items) and (
        field.max_items is None or len(raw) <= field.max_items)
    if not isinstance(raw, list) or not length_ok:
        _complain(field, None, path, row, context, errors)
        return None
    values = []
    for index, value in enumerate(raw):
        if _is_blank(value) and not item.required and item.default is None:
            continue
        values.append(_parse(item, value, f"{path}[{index}]", f"{row}{_item_name(field, index)}: ", context, errors))
    return values


def _item_name(field: Field, index: int) -> str:
    """How a message names one value: its row label, or "Värde 3"."""
    return field.row_labels[index] if index < len(field.row_labels) else f"Värde {index + 1}"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(field: Field, raw: object, path: str, row: str, context: dict, errors: Errors) -> Any:
    """A calendar date written as ÅÅÅÅ-MM-DD (what a date field in the browser sends)."""
    try:
        if isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()):
            return date.fromisoformat(raw.strip())
    except ValueError:
        pass
    _complain(field, raw, path, row, context, errors)
    return None


_PARSERS: dict[str, Callable[..., Any]] = {
    "integer": _parse_number,
    "number": _parse_number,
    "text": _parse_text,
    "boolean": _parse_boolean,
    "choice": _parse_choice,
    "list": _parse_list,
    "matrix": _parse_matrix,
    "group": _parse_group,
    "array": _parse_array,
    "date": _parse_date,
}


def _field_names(field: Field) -> str:
    """The item field labels, for messages about a malformed row."""
    return ", ".join(sub.label for sub in field.item_fields)


def describe(field: Field, context: dict | None = None) -> str:
    """Swedish phrase for what a field accepts ('ett heltal mellan 2 och 10'); used in
    error messages and, with `range_text`, in the docs tables."""
    context = context or {}
    if field.type in ("integer", "number"):
        noun = "ett heltal" if field.type == "integer" else "ett tal"
        return f"{noun}{_range_phrase(field, context)}"
    if field.type == "text":
        return f"en text på högst {field.max_length} tecken" if field.max_length else "en text"
    if field.type == "boolean":
        return "ja eller nej (eller lämna tomt om det inte är bedömt)"
    if field.type == "choice":
        return "ett av värdena " + ", ".join(f'"{value}"' for value, _ in field.choices)
    if field.type == "list":
        return f"en lista med {field.min_items}–{field.max_items} rader"
    if field.type == "array":
        count = (f"exakt {field.min_items}" if field.min_items == field.max_items
                 else f"{field.min_items}–{field.max_items}")
        return f"{count} värden, vart och ett {describe(field.item_fields[0], context)}"
    if field.type == "group":
        return "uppgifterna " + _field_names(field)
    if field.type == "date":
        return "ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2027-03-15"
    ids = ", ".join(f'"{key}"' for key in matrices.BUILT_IN)
    return f"en av de inbyggda matriserna ({ids}) eller en egen matrisdefinition"


def _range_phrase(field: Field, context: dict) -> str:
    """' mellan 1 och 5', ' större än 0', or '' for an unbounded number."""
    low, high = _bound(field.minimum, context), _bound(field.maximum, context)
    parts = []
    if low is not None and high is not None:
        parts.append(f" mellan {_show(low)} och {_show(high)}")
    elif low is not None:
        parts.append(f" som är minst {_show(low)}")
    if field.exclusive_minimum is not None:
        parts.append(f" större än {_show(field.exclusive_minimum)}")
        if high is not None:
            parts.append(f" och högst {_show(high)}")
    return "".join(parts)


def _show(value: float | int | str) -> str:
    """A bound for a message: numbers in Swedish form, a field reference by name."""
    return value if isinstance(value, str) else format_number(value)
