"""The validated handbook as one object, with the reverse links the pages need computed once."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from handbok.content.kinds import KINDS, Ref
from handbok.content.model import Contact, Guide, HandbookMeta, Method, Model, Reviewed, Role, Term

Entry = Model | Method | Role | Contact
"""An entry of any kind: all have an owner, a review date and a name."""


@dataclass
class Handbook:
    meta: HandbookMeta
    models: dict[str, Model] = field(default_factory=dict)
    methods: dict[str, Method] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    sources: dict[Ref, str] = field(default_factory=dict)
    """(kind, id) -> source path relative to the content folder, e.g. `metoder/swot.yml`."""
    glossary: list[Term] = field(default_factory=list)
    """The terms of `ordlista.yml`, explained on the glossary page and where the pages use them."""

    def entries(self, kind: str) -> dict[str, Entry]:
        return getattr(self, KINDS[kind].attribute)

    def guides(self) -> list[tuple[Ref, Guide]]:
        """Every model and method with its reference."""
        models: list[tuple[Ref, Guide]] = [(("modeller", i), model) for i, model in self.models.items()]
        return models + [(("metoder", i), method) for i, method in self.methods.items()]

    def name(self, ref: Ref) -> str:
        return self.entries(ref[0])[ref[1]].name

    @cached_property
    def backlinks(self) -> dict[Ref, list[Ref]]:
        """Target -> entries that refer to it (roles, contacts, related methods, main method, reports-to)."""
        links: dict[Ref, set[Ref]] = defaultdict(set)
        for source, guide in self.guides():
            targets = [("roller", r) for r in guide.roles] + [("kontakter", c) for c in guide.contacts]
            targets += [("metoder", m) for m in guide.related_methods]
            if isinstance(guide, Model) and guide.main_method:
                targets.append(("metoder", guide.main_method))
            for target in targets:
                links[target].add(source)
        for role_id, role in self.roles.items():
            for target in [("kontakter", c) for c in role.contacts] + [("roller", r) for r in role.reports_to]:
                links[target].add(("roller", role_id))
        return {target: sorted(sources, key=self._sort_key) for target, sources in links.items()}

    @cached_property
    def owned(self) -> dict[str, list[Ref]]:
        """Role id -> entries the role owns."""
        owned: dict[str, list[Ref]] = defaultdict(list)
        for kind in ("modeller", "metoder", "roller", "kontakter"):
            for entry_id, entry in self.entries(kind).items():
                owned[entry.owner].append((kind, entry_id))
        return {role: sorted(refs, key=self._sort_key) for role, refs in owned.items()}

    def _sort_key(self, ref: Ref) -> tuple[str, str]:
        return ref[0], self.name(ref).casefold()

    def next_review(self, entry: Reviewed) -> dt.date:
        """Last review plus the entry's interval (or the handbook default), clamped to the month's end."""
        return add_months(entry.last_reviewed, entry.review_months or self.meta.review_months)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
