"""Owner and review date of the hand-written chapters in docs/, from their front matter.

A chapter names its owner role and last review as `ägare:` and `senast_granskad:`; one without them belongs to
the handbook's owner and was reviewed with the handbook, so every page shows who answers for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok.content import scan
from handbok.content.errors import ContentError, suggest
from handbok.content.handbook import Handbook
from handbok.content.loader import load_text
from handbok.content.model import Reviewed


def handbook_review(handbook: Handbook) -> Reviewed:
    """The handbook's own owner and review date, for aggregate pages and chapters without front matter."""
    return Reviewed(ägare=handbook.meta.owner, senast_granskad=handbook.meta.last_reviewed)


def read(docs_dir: Path, handbook: Handbook, today: dt.date) -> tuple[dict[str, Reviewed], list[ContentError]]:
    """Chapter path relative to docs (`styrning/styrmodell.md`) -> its owner and review date; and the errors."""
    reviews: dict[str, Reviewed] = {}
    errors: list[ContentError] = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        shown = f"{docs_dir.name}/{relative}"
        match = scan.FRONT_MATTER.match(path.read_bytes().decode("utf-8-sig", errors="replace"))
        document = load_text(shown, match.group(1))[0] if match else None
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        owner = data.get("ägare", handbook.meta.owner)
        reviewed = data.get("senast_granskad", handbook.meta.last_reviewed)
        problems = _problems(owner, reviewed, handbook, today)
        errors += [ContentError(shown, document.value_at((key,))[0] + 1, document.value_at((key,))[1], message)
                   for key, message in problems if document is not None]
        if not problems:
            reviews[relative] = Reviewed(ägare=owner, senast_granskad=reviewed)
    return reviews, errors


def title(path: Path) -> str:
    """A chapter's title as readers see it: its first `# ` heading (after any front matter), else the file name."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    match = scan.FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
    return heading or path.stem


def _problems(owner: object, reviewed: object, handbook: Handbook, today: dt.date) -> list[tuple[str, str]]:
    problems = []
    if not isinstance(owner, str) or owner not in handbook.roles:
        hint = (suggest(str(owner), set(handbook.roles))
                or " Skriv id för en roll, filnamnet i handbook/roller/ utan .yml.")
        problems.append(("ägare", f"`ägare` är `{owner}`, men det finns ingen sådan roll.{hint}"))
    if not isinstance(reviewed, dt.date):
        problems.append(("senast_granskad", f"`senast_granskad` är `{reviewed}`, som inte är ett datum. "
                                            "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01, utan citattecken."))
    elif reviewed > today:
        problems.append(("senast_granskad", f"`senast_granskad` är {reviewed}, som ligger i framtiden. Skriv "
                                            "dagen då sidan faktiskt granskades."))
    return problems
