"""Quality map weighting (kvalitetskarta): which quality factors to improve first.

Columns as in the seed lecture: kvalitetsfaktor, kännetecken, vikt (rang), betyg 1–5 and
målvärde 1–5. Ranks become weights by points (n + 1 − rang), so a focus group can simply
order the factors; explicit weights are accepted instead.
"""

from __future__ import annotations

from typing import Any

from .numbers import rounded
from .spec import Field, Spec, error
from .view import bar, bars, formula, num, table, text, view

SPEC = Spec(
    name="quality_map",
    title="Kvalitetskarta",
    summary="Vikta kvalitetsfaktorerna, jämför betyg med målvärde och se vilka faktorer som bör förbättras först.",
    formula="B = Σ vikt × betyg, M = Σ vikt × målvärde, gap = M − B, index = (B − 1) / 4 × 100",
    fields=(
        Field("factors", "Kvalitetsfaktorer", "list", min_items=2, max_items=30,
              help="En kvalitetsfaktor per rad. Ange rang för alla faktorer eller vikt för alla.",
              item_fields=(
                  Field("name", "Kvalitetsfaktor", "text", max_length=200,
                        help="Det som kunderna bedömer kvaliteten efter, till exempel \"Tillgänglighet\"."),
                  Field("characteristic", "Kännetecken", "text", required=False, default="", max_length=500,
                        help="Hur faktorn märks eller mäts, till exempel \"Svar i telefon inom 2 minuter\"."),
                  Field("rank", "Rang", "integer", required=False, minimum=1, maximum=30,
                        help="1 = viktigast. Lika rang är tillåtet. Högst lika med antalet faktorer."),
                  Field("weight", "Vikt", "number", required=False, exclusive_minimum=0, maximum=1000,
                        help="Används i stället för rang. Vikterna räknas om så att de summerar till 1."),
                  Field("grade", "Betyg", "number", minimum=1, maximum=5, help="Dagens nivå, 1–5. Decimaler går bra."),
                  Field("target", "Målvärde", "number", minimum=1, maximum=5, help="Den nivå ni vill nå, 1–5."),
              )),
    ),
    example={
        "factors": [
            {"name": "Tillgänglighet", "characteristic": "Svar i telefon inom 2 minuter", "rank": 1,
             "grade": 3, "target": 4},
            {"name": "Bemötande", "characteristic": "Vänligt och respektfullt", "rank": 2, "grade": 3, "target": 5},
            {"name": "Information", "characteristic": "Begriplig och korrekt", "rank": 3, "grade": 3, "target": 4},
            {"name": "Lokaler", "characteristic": "Lätta att hitta och ta sig till", "rank": 4, "grade": 4,
             "target": 4},
        ],
    },
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Weights from ranks or weights, weighted grade and target, priorities."""
    rows = values["factors"]
    errors = _mode_errors(rows)
    if errors:
        return {"ok": False, "errors": errors}
    weights = _weights(rows)
    grade = sum(w * row["grade"] for w, row in zip(weights, rows, strict=True))
    target = sum(w * row["target"] for w, row in zip(weights, rows, strict=True))
    factors = [_factor(w, row) for w, row in zip(weights, rows, strict=True)]
    result = {
        "ok": True,
        "mode": "rank" if rows[0]["rank"] is not None else "weight",
        "weights": [rounded(w) for w in weights],
        "weighted_grade": rounded(grade),
        "weighted_target": rounded(target),
        "gap": rounded(target - grade),
        "index": rounded((grade - 1) / 4 * 100),
        "factors": factors,
        "priority_order": sorted(range(len(rows)), key=lambda i: (-factors[i]["priority"], -factors[i]["weight"], i)),
    }
    return {**result, "view": _view(result)}


def _mode_errors(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Ranks on every row, or weights on every row; ranks no higher than the row count."""
    count = len(rows)
    errors = []
    for i, row in enumerate(rows):
        has_rank, has_weight = row["rank"] is not None, row["weight"] is not None
        if has_rank and has_weight:
            errors.append(error(f"factors[{i}].weight", f"Rad {i + 1}: Ange antingen rang eller vikt, inte båda."))
        elif not has_rank and not has_weight:
            errors.append(error(f"factors[{i}].rank", f"Rad {i + 1}: Ange rang (1 = viktigast) eller vikt."))
        elif has_rank and row["rank"] > count:
            errors.append(error(f"factors[{i}].rank", f"Rad {i + 1}: Rang måste vara ett heltal mellan 1 och {count} "
                                                      "(antalet faktorer)."))
    if not errors and len({row["rank"] is None for row in rows}) > 1:
        errors.append(error("factors", "Ange rang för alla faktorer eller vikt för alla, inte en blandning."))
    return errors


def _weights(rows: list[dict[str, Any]]) -> list[float]:
    """Normalised weights: points n + 1 − rang from ranks, else the given weights."""
    if rows[0]["rank"] is not None:
        raw = [len(rows) + 1 - row["rank"] for row in rows]
    else:
        raw = [row["weight"] for row in rows]
    total = sum(raw)
    return [value / total for value in raw]


def _factor(weight: float, row: dict[str, Any]) -> dict[str, Any]:
    """Per factor: its weight, how far below target it is, and that gap weighted."""
    gap = row["target"] - row["grade"]
    return {
        "name": row["name"],
        "characteristic": row["characteristic"],
        "weight": rounded(weight),
        "grade": rounded(row["grade"]),
        "target": rounded(row["target"]),
        "gap": rounded(gap),
        "priority": rounded(weight * gap),
    }


def _view(r: dict[str, Any]) -> dict[str, Any]:
    """Index headline, the formula with the weighted sums, the factor table and the gap bars."""
    b, m, gap, index = num(r["weighted_grade"]), num(r["weighted_target"]), num(r["gap"]), num(r["index"])
    basis = ("Vikterna kommer från rangen (poäng n + 1 − rang)." if r["mode"] == "rank"
             else "Vikterna är de angivna, omräknade så att de summerar till 1.")
    rows = [[f["name"], num(f["weight"]), num(f["grade"]), num(f["target"]), num(f["gap"]), num(f["priority"])]
            for f in r["factors"]]
    order = [r["factors"][i] for i in r["priority_order"]]
    described = "; ".join(f"{n}. {f['name']}: gap {num(f['gap'])}, prioritet {num(f['priority'])}"
                          for n, f in enumerate(order, 1))
    return view(
        f"Viktat index {index} av 100, viktat betyg {b}, viktat målvärde {m}, gap {gap}",
        [
            formula(f"B = Σ vikt × betyg = {b}; M = Σ vikt × målvärde = {m}; gap = M − B = {gap}; "
                    f"index = (B − 1) / 4 × 100 = {index}"),
            text(basis),
            table("Vikt, betyg och gap per kvalitetsfaktor",
                  ["Kvalitetsfaktor", "Vikt", "Betyg", "Målvärde", "Gap", "Prioritet (vikt × gap)"], rows),
            bars("Gap per faktor i prioritetsordning",
                 f"Stapeldiagram, gap mellan målvärde och betyg i prioritetsordning: {described}",
                 [bar(f["name"], num(f["gap"]), f["gap"] / 4 * 100) for f in order]),
        ],
    )
