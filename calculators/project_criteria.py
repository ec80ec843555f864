"""Is it a project? The handbook's six project criteria (docs/bilagor/projektmodellen.md): only a
venture that meets all six is run as a project; otherwise as an assignment or ordinary work."""

from __future__ import annotations

from typing import Any

from .spec import Field, Spec
from .view import checklist, view

CRITERIA = (
    "Leder till ett mål som är bestämt i förväg",
    "Behöver samordnas i en tillfällig organisation",
    "Kräver flera olika resurser och kompetenser",
    "Har en egen, fast budget",
    "Är tidsbegränsad, med tydlig start och tydligt slut",
    "Leder till nytta och effekter för dem vi finns till för",
)

SPEC = Spec(
    name="project_criteria",
    title="Är det ett projekt?",
    summary=("Pröva en satsning mot projektmodellens sex kriterier och se om den ska drivas som projekt "
             "eller på annat sätt."),
    formula="Projekt = alla sex kriterierna är uppfyllda",
    fields=(
        Field("criteria", "Kriterier", "array", min_items=6, max_items=6, row_labels=CRITERIA,
              help="Svara ja eller nej för varje kriterium. Alla sex måste vara besvarade.",
              item_fields=(Field("answer", "Svar", "boolean", help="Uppfyller satsningen kriteriet?"),)),
    ),
    example={"criteria": [True, True, True, False, True, True]},
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Met and missing criteria, and what kind of work the venture is."""
    answers = values["criteria"]
    missing = [i for i, met in enumerate(answers) if not met]
    is_project = not missing
    result = {"ok": True, "is_project": is_project, "met": len(answers) - len(missing), "missing": missing,
              "advice": _advice(len(missing))}
    items = [(name, met, "Uppfyllt." if met else "Inte uppfyllt.", None)
             for name, met in zip(CRITERIA, answers, strict=True)]
    verdict = "Det är ett projekt." if is_project else "Det är inte ett projekt."
    return {**result, "view": view(f"{verdict} {result['met']} av 6 kriterier är uppfyllda.",
                                   [checklist(items), {"type": "text", "text": result["advice"]}],
                                   verdict="project" if is_project else "not_project")}


def _advice(missing: int) -> str:
    if missing == 0:
        return ("Driv satsningen som ett projekt enligt projektmodellen: börja med idé och förstudie, "
                "och utse beställare och projektledare.")
    if missing <= 2:
        return ("Driv arbetet som ett uppdrag med det förenklade stödet, eller se om satsningen kan ändras så "
                "att den uppfyller alla kriterier.")
    return "Driv arbetet i linjeverksamheten, till exempel som ständiga förbättringar."
