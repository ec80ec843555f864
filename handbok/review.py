"""`handbok granskning`: which entries are overdue or soon due for review, grouped per owner.

A report, not a check: it always succeeds, so it can run on a schedule and be sent to the owners.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from handbok.errors import plural
from handbok.handbook import Handbook
from handbok.model import KINDS

KIND_WORDS = {"modeller": "modell", "metoder": "metod", "roller": "roll", "kontakter": "kontakt"}
CSV_COLUMNS = ["ägare", "status", "nästa_granskning", "dagar", "typ", "id", "namn", "senast_granskad", "fil"]


@dataclass(frozen=True, order=True)
class Due:
    """One entry whose review is overdue (days < 0) or due within the window."""

    owner: str
    next_review: dt.date
    kind: str
    entry_id: str
    name: str
    last_reviewed: dt.date
    source: str
    days: int
    """Days from today to the next review; negative when overdue."""

    @property
    def status(self) -> str:
        return "försenad" if self.days < 0 else "snart"


def due(handbook: Handbook, today: dt.date, days: int, folder: str = "handbook") -> list[Due]:
    """Entries due for review before `today + days`, sorted by owner, then date; `folder` prefixes paths."""
    found = []
    for kind in KINDS:
        for entry_id, entry in handbook.entries(kind).items():
            next_review = handbook.next_review(entry)
            left = (next_review - today).days
            if left <= days:
                found.append(Due(entry.owner, next_review, kind, entry_id, entry.name, entry.last_reviewed,
                                 f"{folder}/{handbook.sources.get((kind, entry_id), '')}", left))
    return sorted(found)


def owner_name(handbook: Handbook, owner: str) -> str:
    role = handbook.roles.get(owner)
    return f"{role.name} ({owner})" if role else owner


def as_text(handbook: Handbook, items: list[Due], today: dt.date, days: int) -> str:
    """Plain text, one block per owner."""
    if not items:
        return f"Inget behöver granskas inom {plural(days, 'dag', 'dagar')} (räknat från {today})."
    overdue = sum(1 for item in items if item.days < 0)
    lines = [f"Granskning {today}: {overdue} försenade, {len(items) - overdue} inom {plural(days, 'dag', 'dagar')}."]
    for owner in dict.fromkeys(item.owner for item in items):
        lines += ["", f"Ägare: {owner_name(handbook, owner)}"]
        for item in (i for i in items if i.owner == owner):
            when = _when(item.days)
            lines.append(f"  {item.status:<9} {item.next_review} ({when})  {KIND_WORDS[item.kind]:<8} "
                         f"{item.name}  [{item.source}]")
    return "\n".join(lines)


def _when(days: int) -> str:
    if days == 0:
        return "i dag"
    return f"{plural(-days, 'dag', 'dagar')} sedan" if days < 0 else f"om {plural(days, 'dag', 'dagar')}"


def as_csv(items: list[Due]) -> str:
    """CSV with a header row, for a spreadsheet or a mail merge."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow([item.owner, item.status, item.next_review, item.days, KIND_WORDS[item.kind],
                         item.entry_id, item.name, item.last_reviewed, item.source])
    return out.getvalue()
