"""Deadlines in working days for a complaint, as in the complaint policy (5 and 10 working days).

The day the complaint arrives is day 0; each deadline is the N-th working day after it. Working
days skip weekends, public holidays and the three eves (calculators.holidays).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .holidays import holiday_name, is_working_day
from .spec import Field, Spec
from .view import formula, table, text, view

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

SPEC = Spec(
    name="complaint_deadline",
    title="Svarsfrister för klagomål",
    summary="Räkna ut vilket datum ett klagomål ska vara omhändertaget och avslutat, i arbetsdagar.",
    formula="Frist = den N:te arbetsdagen efter mottagningsdagen (dag 0); helger och helgdagar räknas inte",
    fields=(
        Field("received", "Mottaget", "date", help="Dagen klagomålet kom in. Den dagen räknas som dag 0."),
        Field("working_days", "Arbetsdagar", "array", required=False, default=(5, 10), min_items=1, max_items=5,
              help="En eller flera frister i arbetsdagar, till exempel 5 och 10 som i klagomålspolicyn.",
              item_fields=(Field("days", "Antal arbetsdagar", "integer", minimum=1, maximum=250,
                                 help="Fristen i arbetsdagar."),)),
    ),
    example={"received": "2026-12-22", "working_days": [5, 10]},
)


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """The due date per deadline, and the holidays on weekdays that the count skipped."""
    received, wanted = values["received"], list(values["working_days"])
    days = _working_days_after(received, max(wanted))
    last = days[-1]
    skipped = [day for day in _dates(received + timedelta(days=1), last)
               if day.weekday() < 5 and holiday_name(day) is not None]
    result = {
        "ok": True,
        "due": [days[n - 1].isoformat() for n in wanted],
        "holidays": [{"date": day.isoformat(), "name": holiday_name(day)} for day in skipped],
    }
    return {**result, "view": _view(received, wanted, result)}


def _working_days_after(start: date, count: int) -> list[date]:
    """The first `count` working days after `start`."""
    found: list[date] = []
    day = start
    while len(found) < count:
        day += timedelta(days=1)
        if is_working_day(day):
            found.append(day)
    return found


def _dates(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _long(day: date | str) -> str:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"


def _view(received: date, wanted: list[int], r: dict[str, Any]) -> dict[str, Any]:
    rows = [[f"{n} arbetsdagar", _long(due)] for n, due in zip(wanted, r["due"], strict=True)]
    skipped = ", ".join(f"{h['name']} ({h['date']})" for h in r["holidays"])
    return view(
        "; ".join(f"{n} arbetsdagar: {due}" for n, due in zip(wanted, r["due"], strict=True)),
        [
            formula(f"Mottaget {_long(received)} = dag 0; fristen är den N:te arbetsdagen efter"),
            table("Frister", ["Frist", "Datum"], rows),
            text(f"Helgdagar på vardagar som inte räknades: {skipped}." if skipped
                 else "Inga helgdagar på vardagar under perioden."),
        ],
    )
