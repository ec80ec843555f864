"""Quality calculators (standard library only; runs in CPython and Pyodide).

`run(name, inputs)` is the single entry point used by the browser worker and the tests;
it validates against the calculator's SPEC first, so the arithmetic only sees clean values.
"""

from __future__ import annotations

import dataclasses
import json
from types import ModuleType
from typing import Any

from . import complaint_deadline, hme, nps, pick, project_criteria, quality_gap, quality_map, risk, siq, smart
from .matrices import BUILT_IN
from .rows import drop_blank_rows, renumber_errors, with_notices
from .spec import Spec, error, validate

_MODULES: dict[str, ModuleType] = {module.SPEC.name: module for module in (
    quality_gap, risk, smart, quality_map, nps, hme, pick, siq, project_criteria, complaint_deadline)}
NAMES: tuple[str, ...] = tuple(_MODULES)
SPECS: dict[str, Spec] = {name: module.SPEC for name, module in _MODULES.items()}

__all__ = ["NAMES", "SPECS", "run", "spec"]


def spec(name: object) -> dict[str, Any] | None:
    """JSON-safe form of a calculator's SPEC (for the form generator), None if unknown.
    A calculator with a matrix field also gets the built-in matrices to offer."""
    if not isinstance(name, str) or name not in SPECS:
        return None
    data = json.loads(json.dumps(dataclasses.asdict(SPECS[name])))
    if any(field.type == "matrix" for field in SPECS[name].fields):
        data["matrices"] = json.loads(json.dumps(BUILT_IN))
    return data


def run(name: object, inputs: object) -> dict[str, Any]:
    """Validate `inputs` for calculator `name` and compute: `{"ok": true, ...}` or
    `{"ok": false, "errors": [...]}`. Never raises on any input. Blank list rows are skipped
    with a notice (calculators.rows)."""
    if not isinstance(name, str) or name not in _MODULES:
        names = ", ".join(NAMES)
        return _failure([error("name", f"Det finns ingen räknare med det namnet. Välj en av: {names}.")])
    module = _MODULES[name]
    inputs, kept, notices = drop_blank_rows(module.SPEC, inputs)
    values, errors = validate(module.SPEC, inputs)
    result = _failure(errors) if errors else module.compute(values)
    if not result["ok"]:
        return _failure(renumber_errors(result["errors"], kept))
    return with_notices(result, notices)


def _failure(errors: list[dict[str, str]]) -> dict[str, Any]:
    return {"ok": False, "errors": errors}
