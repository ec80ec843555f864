"""Blank rows in a form's lists: skipped with a notice, so adding a row never wipes a result.

The form sends every row, also the empty one the reader just added. Rows whose fields are all
blank are taken out before validation; errors from the remaining rows are then renumbered to
the rows the reader sees, so a message still lands beside its own field.
"""

from __future__ import annotations

import re
from typing import Any

from .spec import Spec

Kept = dict[str, list[int]]
"""Per list field: the original index of each row that was kept."""

_ROW_TEXT = re.compile(r"^Rad (\d+): ")


def drop_blank_rows(spec: Spec, inputs: object) -> tuple[object, Kept, list[str]]:
    """`inputs` without blank list rows, where the kept rows came from, and Swedish notices."""
    if not isinstance(inputs, dict):
        return inputs, {}, []
    cleaned, kept, notices = dict(inputs), {}, []
    for field in spec.fields:
        rows = inputs.get(field.name)
        if field.type != "list" or not isinstance(rows, list) or field.min_items == field.max_items:
            continue  # a fixed list (nine HME questions) keeps every row: each has its own meaning
        keep = [i for i, row in enumerate(rows) if not _blank(row, field.item_fields)]
        if len(keep) == len(rows) or not keep:
            continue
        cleaned[field.name] = [rows[i] for i in keep]
        kept[field.name] = keep
        skipped = [str(i + 1) for i in range(len(rows)) if i not in keep]
        notices.append(f"{'Rad' if len(skipped) == 1 else 'Raderna'} {', '.join(skipped)} i {field.label.lower()} "
                       f"{'är tom' if len(skipped) == 1 else 'är tomma'} och räknas inte.")
    return cleaned, kept, notices


def _blank(row: object, item_fields: tuple) -> bool:
    """A row with nothing filled in (absent, null or only spaces)."""
    if not isinstance(row, dict):
        return False
    return all(row.get(f.name) is None or (isinstance(row.get(f.name), str) and not row[f.name].strip())
               for f in item_fields)


def renumber_errors(errors: list[dict[str, str]], kept: Kept) -> list[dict[str, str]]:
    """Point each error at the row the reader sees: `risks[1]` and "Rad 2:" of the kept rows
    become the original row's index and number."""
    return [_renumber(error, kept) for error in errors]


def _renumber(error: dict[str, str], kept: Kept) -> dict[str, str]:
    for name, keep in kept.items():
        match = re.match(rf"^{re.escape(name)}\[(\d+)\]", error["field"])
        if not match:
            continue
        original = keep[int(match.group(1))]
        field = f"{name}[{original}]" + error["field"][match.end():]
        message = _ROW_TEXT.sub(f"Rad {original + 1}: ", error["message"])
        return {**error, "field": field, "message": message}
    return error


def with_notices(result: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """Add the notices to a result, and to the top of its view."""
    if not notices or not result.get("ok"):
        return result
    result = {**result, "notices": notices}
    if "view" in result:
        result["view"] = {**result["view"], "notices": notices}
    return result
