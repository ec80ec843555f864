"""Net Promoter Score: the share who would recommend minus the share who would not.

On the question "Hur troligt är det att du skulle rekommendera …?" (0–10), 9–10 are promoters,
7–8 passives and 0–6 detractors. The answers can be given one by one or as three counts.
"""

from __future__ import annotations

from typing import Any

from .numbers import rounded
from .spec import Field, Spec, error
from .view import bar, bars, formula, num, percent, table, view

SPEC = Spec(
    name="nps",
    title="Rekommendationsindex (NPS)",
    summary="Räkna ut hur stor andel som skulle rekommendera tjänsten, minus andelen som inte skulle göra det.",
    formula="NPS = andel rekommenderare (9–10) − andel kritiker (0–6), i procentenheter",
    fields=(
        Field("scores", "Svar, ett per person", "array", required=False, min_items=1, max_items=10000,
              help="Varje persons svar 0–10, åtskilda med mellanslag eller komma. Tomma svar räknas inte. "
                   "Fyll i detta eller antalen nedan.",
              item_fields=(Field("score", "Svar", "integer", required=False, minimum=0, maximum=10,
                                 help="Ett svar på skalan 0–10."),)),
        Field("counts", "Eller antal per grupp", "group", required=False,
              help="Om ni redan har räknat grupperna: antal svar 9–10, 7–8 och 0–6.",
              item_fields=(
                  Field("promoters", "Rekommenderare (9–10)", "integer", minimum=0, maximum=10**9,
                        help="Antal som svarade 9 eller 10."),
                  Field("passives", "Passiva (7–8)", "integer", minimum=0, maximum=10**9,
                        help="Antal som svarade 7 eller 8."),
                  Field("detractors", "Kritiker (0–6)", "integer", minimum=0, maximum=10**9,
                        help="Antal som svarade 0–6."),
              )),
    ),
    example={"scores": [10, 9, 9, 8, 7, 7, 6, 10, 3, 9]},
)

GROUPS = (("promoters", "Rekommenderare (9–10)"), ("passives", "Passiva (7–8)"), ("detractors", "Kritiker (0–6)"))


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Counts per group (from the answers or as given), shares in percent and the index."""
    scores, counts = values["scores"], values["counts"]
    if (scores is None) == (counts is None):
        message = ("Fyll i antingen svaren eller antalen per grupp, inte båda." if scores is not None
                   else "Fyll i svaren (0–10) eller antalen per grupp.")
        return {"ok": False, "errors": [error("scores", message)]}
    if counts is None:
        counts = {"promoters": sum(s >= 9 for s in scores), "passives": sum(7 <= s <= 8 for s in scores),
                  "detractors": sum(s <= 6 for s in scores)}
    n = sum(counts.values())
    if n == 0:
        return {"ok": False, "errors": [error("scores", "Det finns inga svar att räkna på. Fyll i minst ett svar.")]}
    shares = {key: counts[key] / n * 100 for key, _ in GROUPS}
    result = {"ok": True, "n": n, **counts, **{f"{key}_pct": rounded(shares[key]) for key, _ in GROUPS},
              "nps": rounded(shares["promoters"] - shares["detractors"])}
    return {**result, "view": _view(result)}


def _view(r: dict[str, Any]) -> dict[str, Any]:
    rows = [[label, str(r[key]), percent(r[f"{key}_pct"])] for key, label in GROUPS]
    described = "; ".join(f"{label}: {percent(r[f'{key}_pct'])}" for key, label in GROUPS)
    return view(
        f"NPS = {num(r['nps'], 1)} (av {r['n']} svar)",
        [
            formula(f"NPS = {num(r['promoters_pct'], 1)} − {num(r['detractors_pct'], 1)} = {num(r['nps'], 1)}"),
            table("Svar per grupp", ["Grupp", "Antal", "Andel"], rows),
            bars("Andel per grupp", f"Stapeldiagram, andel svar per grupp: {described}",
                 [bar(label, percent(r[f"{key}_pct"]), r[f"{key}_pct"]) for key, label in GROUPS]),
        ],
    )
