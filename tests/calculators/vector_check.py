"""Run the shared calculator test vectors; standard library only.

The same file runs in CPython (tests/calculators/test_vectors.py) and inside Pyodide
(the browser issue's runner), so both prove the very same expectations.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import calculators

TOLERANCE = 1e-9


def check_vectors(path: str | Path) -> list[str]:
    """Every mismatch between the vectors in `path` and `calculators.run`, as text."""
    vectors = json.loads(Path(path).read_text(encoding="utf-8"))
    problems: list[str] = []
    for index, vector in enumerate(vectors):
        result = calculators.run(vector["name"], vector["inputs"])
        label = f"vector {index} ({vector['name']}: {vector['description']})"
        try:
            json.dumps(result, allow_nan=False)
        except (TypeError, ValueError) as exc:
            problems.append(f"{label}: result is not JSON-safe: {exc}")
        problems.extend(f"{label}: {problem}" for problem in compare(vector["expected"], result))
    return problems


def compare(expected: object, actual: object, where: str = "result") -> list[str]:
    """Differences where `actual` does not match `expected`. Dicts match on the expected
    keys only (partial results); lists must match in length and order; numbers within
    TOLERANCE; everything else exactly."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        return [p for key, value in expected.items() for p in _compare_key(value, actual, key, where)]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {expected!r}, got {actual!r}"]
        return [p for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for p in compare(e, a, f"{where}[{i}]")]
    if _is_number(expected) and _is_number(actual):
        return [] if math.isclose(expected, actual, rel_tol=0, abs_tol=TOLERANCE) else [
            f"{where}: expected {expected!r}, got {actual!r}"]
    if expected != actual or isinstance(expected, bool) != isinstance(actual, bool):
        return [f"{where}: expected {expected!r}, got {actual!r}"]
    return []


def _compare_key(expected: object, actual: dict, key: str, where: str) -> list[str]:
    if key not in actual:
        return [f"{where}.{key}: missing"]
    return compare(expected, actual[key], f"{where}.{key}")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
