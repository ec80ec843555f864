"""Risk matrices as data, and the checks a matrix must pass before it is used.

A handbook can define its own matrices in YAML; the page passes the definition in and
`validate` applies the consistency rules from Cox (2008), "What's wrong with risk
matrices?": every cell has a level, levels never decrease along a row or a column,
neighbouring cells differ by at most one level, and there are at least three levels.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

MIN_SIZE, MAX_SIZE = 3, 10
MIN_LEVELS, MAX_LEVELS = 3, 10
MAX_LABEL = 80
BLACK, WHITE = "#000000", "#ffffff"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")

_LEVELS = (
    {"id": "low", "label": "Låg", "color": "#a3d9a5"},
    {"id": "medium", "label": "Medel", "color": "#ffd966"},
    {"id": "high", "label": "Hög", "color": "#f39c4a"},
    {"id": "very_high", "label": "Mycket hög", "color": "#c0392b"},
)


def luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_color(color: str) -> str:
    """Black or white, whichever reads better on `color`; the better one always reaches
    at least 4.58:1, so any background colour meets WCAG AA with it."""
    return BLACK if contrast(color, BLACK) >= contrast(color, WHITE) else WHITE


def _by_value(size: int, upper: tuple[int, ...]) -> list[list[str]]:
    """Grid where cell (p, c) gets the first level whose upper value bound ≥ p × c."""
    def level(value: int) -> str:
        return next(_LEVELS[i]["id"] for i, bound in enumerate(upper) if value <= bound)

    return [[level(p * c) for c in range(1, size + 1)] for p in range(1, size + 1)]


def _short_text(value: object) -> bool:
    """A non-empty label short enough for a table header."""
    return isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_LABEL


def normalise(definition: dict) -> dict[str, Any]:
    """The clean form of a valid definition: only known keys, size, text colours added."""
    levels = [
        {"id": lv["id"], "label": lv["label"], "color": lv["color"].lower(), "text_color": text_color(lv["color"])}
        for lv in definition["levels"]
    ]
    return {
        "id": definition["id"] if _short_text(definition.get("id")) else "egen",
        "label": definition["label"] if _short_text(definition.get("label")) else "Egen matris",
        "size": len(definition["probability_labels"]),
        "probability_labels": list(definition["probability_labels"]),
        "consequence_labels": list(definition["consequence_labels"]),
        "levels": levels,
        "cells": [list(row) for row in definition["cells"]],
    }


BUILT_IN: dict[str, dict[str, Any]] = {
    "4x4": normalise({
        "id": "4x4",
        "label": "4 × 4 (standard)",
        "probability_labels": ["Osannolik", "Mindre sannolik", "Sannolik", "Mycket sannolik"],
        "consequence_labels": ["Lindrig", "Måttlig", "Allvarlig", "Mycket allvarlig"],
        "levels": _LEVELS,
        "cells": _by_value(4, (3, 6, 9, 16)),
    }),
    "5x5": normalise({
        "id": "5x5",
        "label": "5 × 5",
        "probability_labels": ["Mycket osannolik", "Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"],
        "consequence_labels": ["Obetydlig", "Lindrig", "Måttlig", "Allvarlig", "Mycket allvarlig"],
        "levels": _LEVELS,
        "cells": _by_value(5, (4, 9, 16, 25)),
    }),
}
DEFAULT = "4x4"


def validate(definition: dict, path: str = "matrix") -> list[dict[str, str]]:
    """All problems with a matrix definition, as contract errors; empty when usable."""
    errors = _check_axes(definition, path) + _check_levels(definition, path)
    if errors:
        return errors
    errors = _check_cells(definition, path)
    return errors or _check_consistency(definition, path)


def _error(field: str, message: str) -> dict[str, str]:
    return {"field": field, "message": message}


def _labels_ok(labels: object, size: int | None = None) -> TypeGuard[list[str]]:
    """A list of short non-empty texts, of the given length when one is required."""
    return (
        isinstance(labels, list)
        and MIN_SIZE <= len(labels) <= MAX_SIZE
        and (size is None or len(labels) == size)
        and all(isinstance(t, str) and t.strip() and len(t) <= MAX_LABEL for t in labels)
    )


def _check_axes(definition: dict, path: str) -> list[dict[str, str]]:
    """Axis labels: 3..10 per axis and equally many on both (the matrix is square)."""
    probability = definition.get("probability_labels")
    if not _labels_ok(probability):
        return [_error(f"{path}.probability_labels",
                       f"Sannolikhetsaxeln måste ha {MIN_SIZE}–{MAX_SIZE} etiketter (korta texter), en per steg.")]
    if not _labels_ok(definition.get("consequence_labels"), len(probability)):
        return [_error(f"{path}.consequence_labels",
                       f"Konsekvensaxeln måste ha {len(probability)} etiketter (korta texter), lika många som "
                       "sannolikhetsaxeln, eftersom matrisen är kvadratisk.")]
    return []


def _check_levels(definition: dict, path: str) -> list[dict[str, str]]:
    """Levels: 3..10 objects, lowest first, each with a unique id, a label and a colour."""
    levels = definition.get("levels")
    if not isinstance(levels, list) or not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        return [_error(f"{path}.levels", f"Matrisen måste ha {MIN_LEVELS}–{MAX_LEVELS} nivåer, ordnade från "
                       "lägst till högst, var och en med id, label och color.")]
    errors, seen = [], set()
    for index, level in enumerate(levels):
        field, row = f"{path}.levels[{index}]", f"Nivå {index + 1}: "
        if not isinstance(level, dict) or not _short_text(level.get("id")) or level.get("id") in seen:
            errors.append(_error(f"{field}.id", f"{row}id måste vara en kort text som ingen annan nivå har."))
            continue
        seen.add(level["id"])
        if not _short_text(level.get("label")):
            errors.append(_error(f"{field}.label", f"{row}label måste vara en kort text, till exempel \"Hög\"."))
        if not isinstance(level.get("color"), str) or not _HEX.fullmatch(level["color"]):
            errors.append(_error(f"{field}.color", f"{row}color måste vara en hexfärg, till exempel \"#c0392b\"."))
    return errors


def _check_cells(definition: dict, path: str) -> list[dict[str, str]]:
    """Grid shape size × size, and every cell names a defined level."""
    size, cells = len(definition["probability_labels"]), definition.get("cells")
    if not isinstance(cells, list) or len(cells) != size or not all(
        isinstance(row, list) and len(row) == size for row in cells
    ):
        return [_error(f"{path}.cells", f"cells måste ha {size} rader (en per sannolikhet) med {size} celler "
                       "var (en per konsekvens).")]
    ids = [level["id"] for level in definition["levels"]]
    return [
        _error(f"{path}.cells[{p}][{c}]", f"Cellen {_cell(p, c)} saknar giltig nivå. Skriv ett av: {', '.join(ids)}.")
        for p, row in enumerate(cells)
        for c, value in enumerate(row)
        if not isinstance(value, str) or value not in ids
    ]


def _cell(p: int, c: int) -> str:
    """A cell named the way readers see it (1-based)."""
    return f"(sannolikhet {p + 1}, konsekvens {c + 1})"


def _check_consistency(definition: dict, path: str) -> list[dict[str, str]]:
    """Cox's rules against each cell's lower neighbours in both directions."""
    rank = {level["id"]: index for index, level in enumerate(definition["levels"])}
    grid = [[rank[value] for value in row] for row in definition["cells"]]
    errors = []
    for p, row in enumerate(grid):
        for c, value in enumerate(row):
            for q, d in ((p, c - 1), (p - 1, c)):
                if q >= 0 and d >= 0:
                    message = _compare(value, grid[q][d], p, c, q, d)
                    if message:
                        errors.append(_error(f"{path}.cells[{p}][{c}]", message))
    return errors


def _compare(value: int, lower: int, p: int, c: int, q: int, d: int) -> str | None:
    """Message when a cell is below its lower neighbour or more than one level above it."""
    axis = "konsekvensen" if q == p else "sannolikheten"
    if value < lower:
        return (f"Cellen {_cell(p, c)} har lägre nivå än grannen {_cell(q, d)}. Nivån får inte minska när "
                f"{axis} ökar; ge cellen minst samma nivå som grannen.")
    if value - lower > 1:
        return (f"Cellen {_cell(p, c)} ligger {value - lower} nivåer över grannen {_cell(q, d)}. Grannceller får "
                "skilja högst en nivå; lägg in en mellannivå eller jämna ut stegen.")
    return None
