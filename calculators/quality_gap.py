"""Perceived quality K = O / F (upplevelse / förväntan) and the gap O − F.

From the Norwegian "Kvalitetskommune" material: quality is experienced when experience
matches expectation. The gap O − F is the gap model's gap 5. K is a ratio of ordinal
scores and depends on where the scale starts, so the gap is always returned beside it.
"""

from __future__ import annotations

from typing import Any

from .numbers import rounded
from .spec import Field, Spec, error
from .view import fixed, formula, num, table, text, view

SPEC = Spec(
    name="quality_gap",
    title="Upplevd kvalitet (K = O/F)",
    summary="Jämför hur en tjänst upplevs med vad man förväntade sig, per påstående och sammantaget.",
    formula="K = O / F, gap = O − F (O och F är viktade medelvärden av upplevelse och förväntan)",
    fields=(
        Field("scale_max", "Skalans högsta värde", "integer", required=False, default=5, minimum=2, maximum=10,
              help="Svaren ges på en skala från 1 till detta värde, till exempel 1–5."),
        Field("items", "Påståenden", "list", min_items=1, max_items=200,
              help="Ett påstående per rad med upplevelse och förväntan. Rader där något av dem saknas räknas inte.",
              item_fields=(
                  Field("label", "Påstående", "text", required=False, default="", max_length=200,
                        help="Vad som bedömts, till exempel \"Bemötandet\"."),
                  Field("experience", "Upplevelse (O)", "number", required=False, minimum=1, maximum="scale_max",
                        help="Hur tjänsten upplevdes, på skalan. Lämna tomt om svar saknas."),
                  Field("expectation", "Förväntan (F)", "number", required=False, minimum=1, maximum="scale_max",
                        help="Vad man förväntade sig, på samma skala. Lämna tomt om svar saknas."),
                  Field("weight", "Vikt", "number", required=False, default=1, exclusive_minimum=0, maximum=1000,
                        help="Hur mycket påståendet väger jämfört med de andra. Standard är 1."),
              )),
    ),
    example={
        "scale_max": 5,
        "items": [
            {"label": "Bemötandet", "experience": 4, "expectation": 5},
            {"label": "Svarstiden", "experience": 3, "expectation": 4},
            {"label": "Informationen", "experience": 4, "expectation": 4},
            {"label": "Tillgängligheten", "experience": 5, "expectation": 4},
        ],
    },
)

_MESSAGES = {
    "below": "Upplevelsen ligger under förväntan (K = {k}). Börja med påståendet som har störst negativt gap.",
    "meets": "Upplevelsen motsvarar förväntan (K = {k}). Håll nivån och följ upp igen.",
    "exceeds": "Upplevelsen överträffar förväntan (K = {k}). Kontrollera att nivån går att hålla över tid.",
}


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Weighted means over complete items; rows missing O or F are skipped and counted."""
    rows = values["items"]
    complete = [(i, row) for i, row in enumerate(rows)
                if row["experience"] is not None and row["expectation"] is not None]
    if not complete:
        return {"ok": False, "errors": [error("items", "Inget påstående har både upplevelse och förväntan ifyllda. "
                                                       "Fyll i båda för minst ett påstående.")]}
    total = sum(row["weight"] for _, row in complete)
    experience = sum(row["weight"] * row["experience"] for _, row in complete) / total
    expectation = sum(row["weight"] * row["expectation"] for _, row in complete) / total
    k = experience / expectation
    verdict = _verdict(k)
    gaps = [(row["experience"] - row["expectation"], i) for i, row in complete]
    worst_gap, worst_index = min(gaps)
    result = {
        "ok": True,
        "k": rounded(k),
        "gap": rounded(experience - expectation),
        "experience_mean": rounded(experience),
        "expectation_mean": rounded(expectation),
        "n": len(complete),
        "skipped": len(rows) - len(complete),
        "scale_max": values["scale_max"],
        "verdict": verdict,
        "message": _MESSAGES[verdict].format(k=f"{round(k, 2):.2f}".replace(".", ",")),
        "items": [_item(i, row) for i, row in complete],
        "largest_gap": worst_index if worst_gap < 0 else None,
    }
    return {**result, "view": _view(result)}


_VERDICTS = {"below": "Under förväntan", "meets": "Motsvarar förväntan", "exceeds": "Över förväntan"}


def _view(r: dict[str, Any]) -> dict[str, Any]:
    """Headline with verdict, the formula with the reader's means, and K and O − F per item."""
    o, f = num(r["experience_mean"]), num(r["expectation_mean"])
    counted = f"Räknat på {r['n']} {'påstående' if r['n'] == 1 else 'påståenden'}"
    skipped = f" ({r['skipped']} utan både O och F räknades inte)" if r["skipped"] else ""
    return view(
        f"K = {fixed(r['k'])}, O − F = {num(r['gap'])}: {_VERDICTS[r['verdict']]}",
        [
            text(r["message"]),
            formula(f"K = O / F = {o} / {f} = {fixed(r['k'])}; O − F = {o} − {f} = {num(r['gap'])}"),
            text(counted + skipped + "."),
            table("K och O − F per påstående", ["Påstående", "K", "O − F"],
                  [[item["label"], fixed(item["k"]), num(item["gap"])] for item in r["items"]]),
        ],
        verdict=r["verdict"],
    )


def _verdict(k: float) -> str:
    """Compare K rounded to 2 decimals with 1.00, as the issue fixes it."""
    shown = round(k, 2)
    return "below" if shown < 1 else "meets" if shown == 1 else "exceeds"


def _item(index: int, row: dict[str, Any]) -> dict[str, Any]:
    """Per-item K and gap, so the reader sees where the difference comes from."""
    label = row["label"] or f"Påstående {index + 1}"
    return {
        "index": index,
        "label": label,
        "k": rounded(row["experience"] / row["expectation"]),
        "gap": rounded(row["experience"] - row["expectation"]),
    }
