"""PICK chart: sort ideas by effort and payoff into four quadrants.

The midpoint of the scale splits each axis; a value exactly on the midpoint counts as hard
(effort) or low (payoff), so an idea has to clearly pay off to land among the ones to do.
"""

from __future__ import annotations

from typing import Any

from .spec import Field, Spec
from .view import formula, num, ranking, subhead, table, view

QUADRANTS = {
    "implement": "Genomför",
    "possible": "Möjlig",
    "challenge": "Utmaning",
    "kill": "Avstå",
}
"""In the order the result lists them: easy and high payoff first, hard and low last."""
ADVICE = {
    "implement": "liten insats, stor nytta: gör dem först",
    "possible": "liten insats, liten nytta: gör dem när det finns tid",
    "challenge": "stor insats, stor nytta: planera dem som egna satsningar",
    "kill": "stor insats, liten nytta: lägg dem åt sidan",
}

SPEC = Spec(
    name="pick",
    title="PICK-diagram",
    summary="Sortera idéer efter hur stor insats de kräver och hur stor nytta de ger, och se vilka ni bör göra först.",
    formula=("Mitt = (1 + skalans högsta värde) / 2; lätt när insatsen är under mitten, "
             "stor nytta när nyttan är över mitten"),
    fields=(
        Field("scale_max", "Skalans högsta värde", "integer", required=False, default=10, minimum=4, maximum=10,
              help="Insats och nytta bedöms från 1 till detta värde. Standard är 10."),
        Field("ideas", "Idéer", "list", min_items=1, max_items=50,
              help="En idé per rad med bedömd insats och nytta.",
              item_fields=(
                  Field("name", "Idé", "text", max_length=200, help="Idén, kort beskriven."),
                  Field("effort", "Insats", "number", minimum=1, maximum="scale_max",
                        help="Hur mycket tid, pengar och kraft idén kräver, 1 = mycket lite."),
                  Field("payoff", "Nytta", "number", minimum=1, maximum="scale_max",
                        help="Hur stor nytta idén ger dem ni finns till för, 1 = mycket liten."),
              )),
    ),
    example={
        "scale_max": 10,
        "ideas": [
            {"name": "Svara på e-post inom en dag", "effort": 3, "payoff": 8},
            {"name": "Nytt verksamhetssystem", "effort": 9, "payoff": 9},
            {"name": "Ny logotyp för enheten", "effort": 6, "payoff": 2},
            {"name": "Skylt vid entrén", "effort": 2, "payoff": 4},
            {"name": "Drop-in-tid för frågor", "effort": 4, "payoff": 7},
        ],
    },
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Quadrant per idea; order by quadrant, then payoff high to low, effort low to high."""
    middle = (1 + values["scale_max"]) / 2
    rows = values["ideas"]
    quadrants = [_quadrant(row, middle) for row in rows]
    rank = {key: n for n, key in enumerate(QUADRANTS)}
    order = sorted(range(len(rows)), key=lambda i: (rank[quadrants[i]], -rows[i]["payoff"], rows[i]["effort"], i))
    result = {
        "ok": True,
        "middle": middle,
        "ideas": [{"name": row["name"], "quadrant": q, "label": QUADRANTS[q]}
                  for row, q in zip(rows, quadrants, strict=True)],
        "order": order,
    }
    return {**result, "view": _view(result, rows)}


def _quadrant(row: dict[str, Any], middle: float) -> str:
    easy, high = row["effort"] < middle, row["payoff"] > middle
    if easy:
        return "implement" if high else "possible"
    return "challenge" if high else "kill"


def _view(r: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    ideas = r["ideas"]
    count = sum(idea["quadrant"] == "implement" for idea in ideas)
    blocks = [formula(f"Mitt = (1 + skalans högsta värde) / 2 = {num(r['middle'])}; lätt när insatsen är under "
                      f"{num(r['middle'])}, stor nytta när nyttan är över {num(r['middle'])}"),
              table("Idéer i prioritetsordning", ["Idé", "Insats", "Nytta", "Ruta"],
                    [[ideas[i]["name"], num(rows[i]["effort"]), num(rows[i]["payoff"]), ideas[i]["label"]]
                     for i in r["order"]])]
    for key, label in QUADRANTS.items():
        names = [ideas[i]["name"] for i in r["order"] if ideas[i]["quadrant"] == key]
        if names:
            blocks += [subhead(f"{label}: {ADVICE[key]}"), ranking(names)]
    return view(f"{count} av {len(ideas)} {'idé' if len(ideas) == 1 else 'idéer'} hamnar i Genomför.", blocks)
