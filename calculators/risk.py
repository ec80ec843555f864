"""Risk value = sannolikhet × konsekvens, placed in a risk matrix.

Supports step 3 (värdering) of the handbook's risk analysis: each risk gets a value and
a level from the matrix, optionally also after treatment (step 4), and the matrix comes
back with counts per cell so the page can draw a heat map.
"""

from __future__ import annotations

from typing import Any

from .matrices import BUILT_IN, DEFAULT
from .spec import Field, Spec, error
from .view import Cell, badge, formula, heatmap, ranking, subhead, table, view

SPEC = Spec(
    name="risk",
    title="Riskvärde och riskmatris",
    summary=("Värdera risker efter sannolikhet och konsekvens och se var de hamnar i riskmatrisen, "
             "före och efter åtgärd."),
    formula="Riskvärde = sannolikhet × konsekvens",
    fields=(
        Field("matrix", "Riskmatris", "matrix", required=False, default=DEFAULT,
              choices=tuple((key, matrix["label"]) for key, matrix in BUILT_IN.items()),
              help=("Vilken matris riskerna värderas i. Skalorna för sannolikhet och konsekvens följer "
                    "matrisens storlek.")),
        Field("risks", "Risker", "list", min_items=1, max_items=100,
              help="En risk per rad. Fyll i sannolikhet och konsekvens efter åtgärd bara för risker som ska behandlas.",
              item_fields=(
                  Field("name", "Risk", "text", max_length=200, help="Den oönskade händelsen, kort beskriven."),
                  Field("probability", "Sannolikhet", "integer", minimum=1, maximum="matrix",
                        help="Hur sannolikt det är att händelsen inträffar, 1 = lägst."),
                  Field("consequence", "Konsekvens", "integer", minimum=1, maximum="matrix",
                        help="Hur allvarliga följderna blir om den inträffar, 1 = lindrigast."),
                  Field("residual_probability", "Sannolikhet efter åtgärd", "integer", required=False, minimum=1,
                        maximum="matrix", help="Bedömd sannolikhet när åtgärderna är genomförda. Valfritt."),
                  Field("residual_consequence", "Konsekvens efter åtgärd", "integer", required=False, minimum=1,
                        maximum="matrix", help="Bedömd konsekvens när åtgärderna är genomförda. Valfritt."),
              )),
    ),
    example={
        "matrix": "4x4",
        "risks": [
            {"name": "Nyckelperson slutar", "probability": 2, "consequence": 4,
             "residual_probability": 1, "residual_consequence": 4},
            {"name": "Verksamhetssystemet ligger nere", "probability": 3, "consequence": 3,
             "residual_probability": 2, "residual_consequence": 3},
            {"name": "Upphandlingen blir försenad", "probability": 3, "consequence": 2},
            {"name": "Fel uppgifter på webben", "probability": 4, "consequence": 1},
            {"name": "Brand i lokalen", "probability": 1, "consequence": 4},
        ],
    },
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Value, level and cell per risk; ranking; the matrix with counts per cell."""
    matrix, rows = values["matrix"], values["risks"]
    errors = [e for i, row in enumerate(rows) for e in _residual_errors(i, row)]
    if errors:
        return {"ok": False, "errors": errors}
    risks = [_risk(matrix, row) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: (-risks[i]["value"], -rows[i]["consequence"], i))
    result = {
        "ok": True,
        "risks": risks,
        "ranking": order,
        "level_counts": {level["id"]: sum(r["level"] == level["id"] for r in risks) for level in matrix["levels"]},
        "matrix": _heat_map(matrix, rows),
    }
    return {**result, "view": _view(result)}


def _residual_errors(index: int, row: dict[str, Any]) -> list[dict[str, str]]:
    """Residual values come in pairs: a single one cannot be placed in the matrix."""
    has_p, has_c = row["residual_probability"] is not None, row["residual_consequence"] is not None
    if has_p == has_c:
        return []
    missing = "residual_consequence" if has_p else "residual_probability"
    return [error(f"risks[{index}].{missing}", f"Rad {index + 1}: Ange både sannolikhet och konsekvens efter "
                                               "åtgärd, eller lämna båda tomma.")]


def _place(matrix: dict[str, Any], probability: int, consequence: int) -> dict[str, Any]:
    """Value and level of one cell, with the colours the heat map uses."""
    level_id = matrix["cells"][probability - 1][consequence - 1]
    level = next(lv for lv in matrix["levels"] if lv["id"] == level_id)
    return {
        "value": probability * consequence,
        "level": level_id,
        "level_label": level["label"],
        "color": level["color"],
        "text_color": level["text_color"],
    }


def _risk(matrix: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """One risk as the page lists it, before and (if given) after treatment."""
    residual = None
    if row["residual_probability"] is not None:
        residual = _place(matrix, row["residual_probability"], row["residual_consequence"])
        residual["cell"] = [row["residual_probability"], row["residual_consequence"]]
    return {
        "name": row["name"],
        **_place(matrix, row["probability"], row["consequence"]),
        "cell": [row["probability"], row["consequence"]],
        "residual": residual,
    }


def _heat_map(matrix: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The matrix with, per cell, how many risks sit there before and after treatment."""
    size = matrix["size"]
    before = [(row["probability"], row["consequence"]) for row in rows]
    after = [(row["residual_probability"], row["residual_consequence"]) for row in rows]
    cells = [
        [
            {
                **_place(matrix, p, c),
                "count": before.count((p, c)),
                "residual_count": after.count((p, c)),
            }
            for c in range(1, size + 1)
        ]
        for p in range(1, size + 1)
    ]
    return {
        "id": matrix["id"],
        "label": matrix["label"],
        "size": size,
        "probability_labels": matrix["probability_labels"],
        "consequence_labels": matrix["consequence_labels"],
        "levels": matrix["levels"],
        "cells": cells,
    }


def _label(index: int, risk: dict[str, Any]) -> str:
    return f"R{index + 1} {risk['name']}"


def _view(r: dict[str, Any]) -> dict[str, Any]:
    """Headline with the highest risk, the value table, the heat map and the ranking."""
    risks, top = r["risks"], r["ranking"][0]
    rows: list[list[Cell]] = []
    for i, risk in enumerate(risks):
        after = risk["residual"]
        rows.append([
            _label(i, risk),
            f"{risk['value']} = {risk['cell'][0]} × {risk['cell'][1]}",
            badge(risk["level_label"], risk["color"], risk["text_color"]),
            f"{after['value']} ({after['level_label']})" if after else "–",
        ])
    count = len(risks)
    return view(
        f"{count} {'risk' if count == 1 else 'risker'} värderade. Högst: {_label(top, risks[top])}, "
        f"riskvärde {risks[top]['value']} ({risks[top]['level_label'].lower()}).",
        [
            formula("Riskvärde = sannolikhet × konsekvens"),
            table("Riskvärde och nivå per risk", ["Risk", "Riskvärde", "Nivå", "Efter åtgärd"], rows),
            _heat_view(r),
            subhead("Risker i prioritetsordning"),
            ranking([f"{_label(i, risks[i])}: riskvärde {risks[i]['value']}, {risks[i]['level_label'].lower()}"
                     for i in r["ranking"]]),
        ],
    )


def _heat_view(r: dict[str, Any]) -> dict[str, Any]:
    """The matrix, highest probability on top; each risk's R-label in its cell, ′ after treatment."""
    m = r["matrix"]
    marks: dict[tuple[int, int], list[str]] = {}
    placed = []
    for i, risk in enumerate(r["risks"]):
        marks.setdefault(tuple(risk["cell"]), []).append(f"R{i + 1}")
        where = f"R{i + 1} i sannolikhet {risk['cell'][0]}, konsekvens {risk['cell'][1]}"
        if risk["residual"]:
            cell = risk["residual"]["cell"]
            marks.setdefault(tuple(cell), []).append(f"R{i + 1}′")
            where += f" (efter åtgärd {cell[0]}, {cell[1]})"
        placed.append(where)
    rows = [
        {"label": f"{p} {m['probability_labels'][p - 1]}",
         "cells": [{"text": cell["level_label"], "marks": ", ".join(marks.get((p, c), [])),
                    "color": cell["color"], "text_color": cell["text_color"]}
                   for c, cell in enumerate(m["cells"][p - 1], 1)]}
        for p in range(m["size"], 0, -1)
    ]
    columns = [f"{c} {label}" for c, label in enumerate(m["consequence_labels"], 1)]
    caption = (f"Riskmatris {m['label']}: sannolikhet uppåt, konsekvens åt höger. "
               f"{'; '.join(placed)}. ′ = efter åtgärd.")
    return heatmap(caption, "", columns, rows)
