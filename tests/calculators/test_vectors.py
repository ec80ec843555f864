"""The shared vectors (also run inside Pyodide by the browser issue) pass in CPython."""

import json
from pathlib import Path

from vector_check import check_vectors, compare

import calculators

VECTORS = Path(__file__).with_name("vectors.json")


def test_shared_vectors_match() -> None:
    assert check_vectors(VECTORS) == []


def test_vectors_cover_every_calculator_with_successes_and_errors() -> None:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert len(vectors) >= 40
    for name in calculators.NAMES:
        outcomes = {v["expected"]["ok"] for v in vectors if v["name"] == name}
        assert outcomes == {True, False}, name


def test_compare_reports_differences() -> None:
    """The checker itself must be able to fail, or the vectors prove nothing."""
    assert compare({"k": 1.0}, {"k": 1.0 + 1e-12}) == []
    assert compare({"k": 1.0}, {"k": 1.001}) != []
    assert compare({"k": 1}, {}) == ["result.k: missing"]
    assert compare([1, 2], [1]) != []
    assert compare({"met": None}, {"met": False}) != []
    assert compare({"ok": True}, {"ok": 1}) != []
    assert compare({"a": [{"b": "x"}]}, {"a": [{"b": "y", "c": 1}]}) != []
