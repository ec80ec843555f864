"""The "Nytt i handboken" page: the latest changes across all entries, and the handbook's version history."""

from __future__ import annotations

from dataclasses import dataclass

from handbok.content.handbook import Handbook, Ref
from handbok.content.kinds import KINDS
from handbok.content.model import Change

PAGE = "om/nytt.md"
LATEST = 50
"""How many changes the page lists; older ones stay in each entry's own change log."""


@dataclass(frozen=True)
class Entry:
    ref: Ref
    change: Change


def latest(handbook: Handbook, limit: int = LATEST) -> list[Entry]:
    """Changes from every entry's change log, newest first (major before minor on the same day)."""
    found = [Entry((kind, entry_id), change)
             for kind in KINDS
             for entry_id, entry in handbook.entries(kind).items()
             for change in entry.changelog]
    return sorted(found, key=_newest_first)[:limit]


def _newest_first(item: Entry) -> tuple[int, bool, str, str]:
    return (-item.change.date.toordinal(), item.change.kind != "större", item.ref[0], item.ref[1])
