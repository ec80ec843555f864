"""`handbok init`: a new organisation's handbook from the starter in handbok/site/starter/.

The starter is package data, so it works from an installed wheel as well as from a checkout. Files ending in
`.j2` are rendered with the organisation, the intranet domain, today's date and this package's version; a
leading `_` in a top-level name becomes `.` (`_github/` -> `.github/`), so the package holds no hidden files.
The JSON Schemas come from the model, like `handbok schema`. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from handbok.browser.wheel import DISTRIBUTION
from handbok.content import safety, schema

STARTER = resources.files("handbok.site") / "starter"
DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")  # as `interna_domäner` in handbook.yml


class InitError(Exception):
    """A Swedish reason why nothing was written."""


def create(target: Path, organisation: str, domain: str, today: dt.date) -> list[Path]:
    """Write the starter into `target` (created if missing) and return the written files, in order."""
    files = planned(organisation, domain, today)
    existing = [name for name in files if (target / name).exists()]
    if existing:
        raise InitError(f"{target} har redan {', '.join(existing[:5])}{' med flera' if len(existing) > 5 else ''}. "
                        "Inget skrevs. Välj en ny eller tom mapp.")
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [target / name for name in files]


def planned(organisation: str, domain: str, today: dt.date) -> dict[str, str]:
    """Relative path -> text of every file `create` writes."""
    organisation = " ".join(organisation.split())
    if not organisation:
        raise InitError("organisationens namn är tomt. Skriv det med --organisation, "
                        "t.ex. --organisation \"Åby kommun\".")
    if not DOMAIN.match(domain):
        raise InitError(f"`{domain}` är ingen domän. Skriv intranätets domän med små bokstäver, t.ex. --domän "
                        "aby.se.")
    values = {"organisation": organisation, "domain": domain, "today": today,
              "version": metadata.version(DISTRIBUTION), "markdown_extensions": safety.MARKDOWN_EXTENSIONS}
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a quoted YAML scalar
    files = {}
    for relative, source in _walk(STARTER, ""):
        text = source.read_text(encoding="utf-8")
        if relative.endswith(".j2"):
            relative, text = relative.removesuffix(".j2"), env.from_string(text).render(values)
        files[relative] = text
    for stem, document in schema.build_all().items():
        files[schema.schema_path(Path(), stem).as_posix()] = schema.render(document)
    return files


def _walk(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """Every file below `folder` as (path in the new handbook, file), sorted."""
    found = []
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        name = "." + item.name[1:] if not prefix and item.name.startswith("_") else item.name
        found += _walk(item, f"{prefix}{name}/") if item.is_dir() else [(prefix + name, item)]
    return found
