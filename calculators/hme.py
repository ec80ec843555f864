"""SKR:s index för hållbart medarbetarengagemang (HME): nine questions, three sub-indices.

Each question is answered on 1–5; an answer's score is (svar − 1) × 25, so 1 gives 0 and 5 gives
100. A question's score is the mean over its answers; sub-indices and the total are means of the
question scores that have answers.
"""

from __future__ import annotations

from typing import Any

from .numbers import rounded
from .spec import Field, Spec, error
from .view import bar, bars, formula, num, table, view

QUESTIONS = tuple(f"Fråga {n} ({area})" for n, area in zip(range(1, 10), ["motivation"] * 3 + ["ledarskap"] * 3
                                                                  + ["styrning"] * 3, strict=True))
"""Labels in SKR's order; the question texts are the survey's own, so the page names only the area."""
SUBINDICES = (("motivation", "Motivation", range(0, 3)), ("leadership", "Ledarskap", range(3, 6)),
              ("governance", "Styrning", range(6, 9)))

SPEC = Spec(
    name="hme",
    title="HME-index (hållbart medarbetarengagemang)",
    summary="Räkna ut HME-index för motivation, ledarskap och styrning från antalet svar per svarsalternativ.",
    formula="Frågans värde = medelvärdet av (svar − 1) × 25; delindex och totalindex = medelvärden av frågornas värden",
    fields=(
        Field("questions", "Frågor", "list", min_items=9, max_items=9,
              row_labels=QUESTIONS,
              help="De nio frågorna i SKR:s ordning. Fyll i hur många som valde varje svarsalternativ 1–5.",
              item_fields=(
                  Field("counts", "Antal svar per alternativ", "array", min_items=5, max_items=5,
                        row_labels=("Alternativ 1", "Alternativ 2", "Alternativ 3", "Alternativ 4", "Alternativ 5"),
                        help="Antal som svarade 1 (instämmer inte alls) till 5 (instämmer helt). Tomt räknas som 0.",
                        item_fields=(Field("count", "Antal", "integer", required=False, default=0, minimum=0,
                                           maximum=10**6, help="Antal svar."),)),
              )),
    ),
    example={"questions": [
        {"counts": [0, 1, 3, 4, 2]}, {"counts": [1, 1, 2, 4, 2]}, {"counts": [0, 0, 2, 4, 4]},
        {"counts": [0, 2, 3, 3, 2]}, {"counts": [0, 1, 2, 5, 2]}, {"counts": [1, 2, 3, 3, 1]},
        {"counts": [0, 0, 2, 5, 3]}, {"counts": [0, 1, 1, 4, 4]}, {"counts": [1, 2, 4, 2, 1]},
    ]},
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Scores per question, per sub-index and in total; questions without answers are left out."""
    questions = [_question(row["counts"]) for row in values["questions"]]
    scores = [q["score"] for q in questions if q["score"] is not None]
    if not scores:
        return {"ok": False, "errors": [error("questions", "Ingen fråga har några svar. Fyll i antal svar för "
                                                           "minst en fråga.")]}
    result = {"ok": True, "questions": questions, "total": rounded(_mean(scores))}
    for key, _, indices in SUBINDICES:
        part = [questions[i]["score"] for i in indices if questions[i]["score"] is not None]
        result[key] = rounded(_mean(part)) if part else None
    return {**result, "view": _view(result)}


def _question(counts: list[int]) -> dict[str, Any]:
    n = sum(counts)
    score = sum(c * (option * 25) for option, c in enumerate(counts)) / n if n else None
    return {"score": None if score is None else rounded(score), "n": n}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _shown(value: float | None) -> str:
    return "–" if value is None else num(value, 1)


def _view(r: dict[str, Any]) -> dict[str, Any]:
    parts = [(label, r[key]) for key, label, _ in SUBINDICES]
    rows = [[text, str(q["n"]), _shown(q["score"])] for text, q in zip(QUESTIONS, r["questions"], strict=True)]
    described = "; ".join(f"{label}: {_shown(value)}" for label, value in parts)
    return view(
        f"HME totalt {_shown(r['total'])} av 100 (motivation {_shown(r['motivation'])}, ledarskap "
        f"{_shown(r['leadership'])}, styrning {_shown(r['governance'])})",
        [
            formula("Frågans värde = Σ antal × (svar − 1) × 25 / antal svar; totalindex = medelvärdet av "
                    f"frågornas värden = {_shown(r['total'])}"),
            bars("Delindex (0–100)", f"Stapeldiagram, HME-delindex: {described}",
                 [bar(label, _shown(value), value or 0) for label, value in parts]),
            table("Värde per fråga", ["Fråga", "Antal svar", "Värde (0–100)"], rows),
        ],
    )
