"""`handbok granskning`: which entries are overdue or soon due for review, grouped per owner.

A report, not a check: it always succeeds, so it can run on a schedule and be sent to the owners. Files with
errors are listed first and the rest of the report still comes, so one broken file does not hide every due date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from handbok.content import chapters
from handbok.content.errors import ContentError, plural
from handbok.content.handbook import Handbook
from handbok.content.kinds import KINDS
from handbok.content.model import Reviewed

CSV_COLUMNS = ["status", "ägare", "ägarens_namn", "ägarens_epost", "nästa_granskning", "dagar", "typ", "id", "namn",
               "senast_granskad", "fil", "fel"]


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


CHAPTER = "kapitel"
"""The kind of a hand-written chapter in docs/ (the entries' kinds are KINDS)."""


def due(handbook: Handbook, today: dt.date, days: int, folder: str = "handbook",
        docs: tuple[Path, Mapping[str, Reviewed]] | None = None) -> list[Due]:
    """Entries, and the chapters of `docs` (the folder and its reviews from chapters.read), due for review
    before `today + days`, sorted by owner, then date; `folder` and the docs folder's name prefix the paths."""
    found = []
    for kind in KINDS:
        for entry_id, entry in handbook.entries(kind).items():
            next_review = handbook.next_review(entry)
            left = (next_review - today).days
            if left <= days:
                found.append(Due(entry.owner, next_review, kind, entry_id, entry.name, entry.last_reviewed,
                                 f"{folder}/{handbook.sources.get((kind, entry_id), '')}", left))
    docs_dir, reviews = docs or (Path(), {})
    for path, reviewed in reviews.items():
        next_review = handbook.next_review(reviewed)
        left = (next_review - today).days
        if left <= days:
            found.append(Due(reviewed.owner, next_review, CHAPTER, path.removesuffix(".md"),
                             chapters.title(docs_dir / path), reviewed.last_reviewed, f"{docs_dir.name}/{path}",
                             left))
    return sorted(found)


def kind_word(kind: str) -> str:
    """The Swedish word for an item's kind: `metod`, `kapitel` …"""
    return CHAPTER if kind == CHAPTER else KINDS[kind].word


def owner_name(handbook: Handbook, owner: str) -> str:
    role = handbook.roles.get(owner)
    return f"{role.name} ({owner})" if role else owner


def owner_address(handbook: Handbook, owner: str) -> str:
    """The owner role's first contact address (`kontakter` with `epost`), or empty: roles name no person."""
    role = handbook.roles.get(owner)
    addresses = [handbook.contacts[c].email for c in (role.contacts if role else []) if c in handbook.contacts]
    return next((address for address in addresses if address), "")


def as_text(handbook: Handbook, items: list[Due], today: dt.date, days: int,
            errors: Sequence[ContentError] = ()) -> str:
    """Plain text: files with errors first (their entries are missing below), then one block per owner."""
    lines = []
    if errors:
        lines += [f"{len(errors)} fel i innehållet. Rätta dem först; sidor i filer med fel "
                  "saknas i rapporten:", *(f"  {error}" for error in errors), ""]
    if not items:
        return "\n".join(lines + [f"Inget behöver granskas inom {plural(days, 'dag', 'dagar')} "
                                   f"(räknat från {today})."])
    overdue = sum(1 for item in items if item.days < 0)
    lines.append(f"Granskning {today}: {overdue} försenade, {len(items) - overdue} inom "
                 f"{plural(days, 'dag', 'dagar')}.")
    for owner, owned in _by_owner(items).items():
        address = owner_address(handbook, owner)
        lines += ["", f"Ägare: {owner_name(handbook, owner)}" + (f", {address}" if address else "")]
        lines += [f"  {_line(item)}" for item in owned]
    return "\n".join(lines)


def _by_owner(items: list[Due]) -> dict[str, list[Due]]:
    grouped: dict[str, list[Due]] = {}
    for item in items:
        grouped.setdefault(item.owner, []).append(item)
    return grouped


def _line(item: Due) -> str:
    return (f"{item.status:<9} {item.next_review} ({_when(item.days)})  {kind_word(item.kind):<8} "
            f"{item.name}  [{item.source}]")


def _when(days: int) -> str:
    if days == 0:
        return "i dag"
    return f"{plural(-days, 'dag', 'dagar')} sedan" if days < 0 else f"om {plural(days, 'dag', 'dagar')}"


def as_csv(handbook: Handbook, items: list[Due], errors: Sequence[ContentError] = ()) -> bytes:
    """CSV for Swedish Excel: `;` between columns, UTF-8 with BOM (so å, ä and ö show), one row per entry.

    Files with errors come first with the status `fel`, so nobody believes a report that misses them."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for error in errors:
        writer.writerow(["fel", "", "", "", "", "", "", "", "", "", error.path, f"rad {error.line}: {error.message}"])
    for item in items:
        writer.writerow([item.status, item.owner, owner_name(handbook, item.owner).split(" (")[0],
                         owner_address(handbook, item.owner), item.next_review, item.days,
                         kind_word(item.kind), item.entry_id, item.name, item.last_reviewed, item.source, ""])
    return out.getvalue().encode("utf-8-sig")


def reminders(handbook: Handbook, items: list[Due], today: dt.date) -> dict[str, bytes]:
    """One draft e-mail (`.eml`) per owner listing their due entries; opened in a mail program, ready to send."""
    drafts = {}
    for owner, owned in _by_owner(items).items():
        message = EmailMessage()
        message["To"] = owner_address(handbook, owner)
        message["Subject"] = f"Dags att granska {plural(len(owned), 'sida', 'sidor')} i kvalitetshandboken"
        message["Date"] = format_datetime(dt.datetime.combine(today, dt.time(8), dt.UTC))
        message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send, not as a received mail
        name = owner_name(handbook, owner).split(" (")[0]
        body = [f"Hej {name},", "", "de här sidorna i kvalitetshandboken är ert ansvar och behöver granskas:", ""]
        body += [f"- {item.name} ({kind_word(item.kind)}): {_due_words(item)}. Fil: {item.source}"
                 for item in owned]
        body += ["", "Läs igenom sidan, ändra det som behövs och skriv dagens datum i `senast_granskad`.",
                 "Guiden för redaktörer finns i handboken under Om handboken > Så redigerar du handboken.", "",
                 "Hälsningar", "Kvalitetssamordnaren"]
        message.set_content("\n".join(body) + "\n")
        drafts[owner] = bytes(message)
    return drafts


def _due_words(item: Due) -> str:
    return (f"skulle ha granskats {item.next_review} ({_when(item.days)})" if item.days < 0
            else f"ska granskas senast {item.next_review} ({_when(item.days)})")
