"""SIQ self-assessment: where the unit stands on SIQ's thirteen values, and where the gap to
the target is largest. The names follow the handbook's appendix (docs/bilagor/siq-varderingar.md)."""

from __future__ import annotations

from typing import Any

from .numbers import rounded
from .spec import Field, Spec, error
from .view import bar, bars, formula, num, ranking, subhead, table, view

VALUES = (
    "Kundorientering", "Engagerat ledarskap", "Allas delaktighet", "Kompetensutveckling", "Långsiktighet",
    "Samhällsansvar", "Processorientering", "Förebyggande åtgärder", "Ständiga förbättringar", "Lära av andra",
    "Snabb reaktionsförmåga", "Faktabaserade beslut", "Samverkan",
)
TOP = 3

SPEC = Spec(
    name="siq",
    title="SIQ-pusslet: skattning",
    summary="Skatta var verksamheten står inom SIQ:s tretton värderingar och se var glappet till målet är störst.",
    formula="Glapp = mål − nuläge; prioritera de upp till tre största positiva glappen",
    fields=(
        Field("values", "Värderingar", "list", min_items=13, max_items=13, row_labels=VALUES,
              help="Skatta nuläget 1–5 för varje värdering. Lämna tomt om ni inte har bedömt den.",
              item_fields=(
                  Field("current", "Nuläge", "integer", required=False, minimum=1, maximum=5,
                        help="1 = vi har knappt börjat, 5 = värderingen präglar hela verksamheten."),
                  Field("target", "Mål", "integer", required=False, default=5, minimum=1, maximum=5,
                        help="Den nivå ni vill nå. Standard är 5."),
              )),
    ),
    example={"values": [
        {"current": 3, "target": 4}, {"current": 4}, {"current": 2, "target": 4}, {"current": 3},
        {"current": 3, "target": 4}, {"current": 4, "target": 4}, {"current": 2, "target": 3}, {"current": 3},
        {"current": 4}, {"current": 2, "target": 3}, {"current": 3, "target": 4}, {"current": 2}, {"current": 4},
    ]},
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Gap per value, mean of the current levels, and the up to three largest positive gaps."""
    rows = values["values"]
    currents = [row["current"] for row in rows if row["current"] is not None]
    if not currents:
        return {"ok": False, "errors": [error("values", "Ingen värdering är skattad. Fyll i nuläget för minst en.")]}
    gaps = [None if row["current"] is None else row["target"] - row["current"] for row in rows]
    scored = [(i, gap) for i, gap in enumerate(gaps) if gap is not None and gap > 0]
    positive = [i for i, _ in sorted(scored, key=lambda pair: (-pair[1], pair[0]))]
    result = {"ok": True, "values": [{"gap": gap} for gap in gaps],
              "mean_current": rounded(sum(currents) / len(currents)), "priorities": positive[:TOP]}
    return {**result, "view": _view(result, rows)}


def _view(r: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    top = [f"{VALUES[i]}: glapp {r['values'][i]['gap']}" for i in r["priorities"]]
    rated = [(name, row) for name, row in zip(VALUES, rows, strict=True) if row["current"] is not None]
    described = "; ".join(f"{name}: nuläge {row['current']}, mål {row['target']}" for name, row in rated)
    blocks = [
        formula(f"Glapp = mål − nuläge; medelvärde för nuläget = {num(r['mean_current'])}"),
        bars("Nuläge och mål (streck) per värdering, skala 1–5",
             f"Stapeldiagram, nuläge och mål per värdering: {described}",
             [bar(name, f"{row['current']} av {row['target']}", row["current"] / 5 * 100, row["target"] / 5 * 100)
              for name, row in rated]),
        table("Nuläge, mål och glapp per värdering", ["Värdering", "Nuläge", "Mål", "Glapp"],
              [[name, _shown(row["current"]), str(row["target"]), _shown(value["gap"])]
               for name, row, value in zip(VALUES, rows, r["values"], strict=True)]),
    ]
    if top:
        blocks[1:1] = [subhead("Utveckla först"), ranking(top)]
    headline = (f"Störst glapp: {', '.join(VALUES[i] for i in r['priorities'])}." if top
                else "Inget glapp: nuläget når målet för alla skattade värderingar.")
    return view(headline, blocks)


def _shown(value: int | None) -> str:
    return "–" if value is None else str(value)
