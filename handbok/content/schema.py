"""JSON Schemas for the editor's autocomplete and hover help, generated from the content model.

The pydantic models are the one source of truth: titles and descriptions come from their `Field(...)`s. On top,
closed lists become enums: phases (already literals) and calculator names, which change only with the code.
References to other entries get the id pattern, not an enum of today's ids: then a new contact added in a web
editor needs no regenerated schema, and `handbok schema --check` only fails when the model changed
(docs/om/beslut.md).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from handbok.content.errors import ContentError
from handbok.content.kinds import CALCULATORS, KINDS, REFERENCES, calculator_names
from handbok.content.model import ID_PATTERN, Glossary, HandbookMeta

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the newest draft the Red Hat YAML extension fully supports. Pydantic's output (`$defs` reached by
JSON pointer, `anyOf`, `enum`, `examples`) is valid draft 7."""
META_FILE = "handbook.yml"
META_SCHEMA = "handbok"
GLOSSARY_FILE = "ordlista.yml"
GLOSSARY_SCHEMA = "ordlista"
GLOSSARY_TITLE = ("Ordlista", "Ord och förkortningar som handboken använder, förklarade på vanlig svenska.")

META_TITLE = ("Handboken", "Uppgifter om hela handboken: organisation, version, beslut och versionshistorik.")
DEF_TITLES = {"Change": "Ändring", "Link": "Länk", "Step": "Steg", "Decision": "Beslut", "Version": "Version",
              "Accessibility": "Tillgänglighetsredogörelse", "Shortcoming": "Brist", "Term": "Term"}


def schema_path(root: Path, stem: str) -> Path:
    return root / "schemas" / f"{stem}.schema.json"


def header(stem: str, nested: bool = True) -> str:
    """First line of a content file: tells the Red Hat YAML extension which schema to use."""
    prefix = "../../" if nested else "../"
    return f"# yaml-language-server: $schema={prefix}schemas/{stem}.schema.json"


def build_all() -> dict[str, dict[str, Any]]:
    """Schema file stem -> schema, for every kind of content file."""
    calculators = sorted(calculator_names())
    schemas = {kind.word: build(kind.model, (kind.title, kind.description), calculators) for kind in KINDS.values()}
    schemas[META_SCHEMA] = build(HandbookMeta, META_TITLE, calculators)
    schemas[GLOSSARY_SCHEMA] = build(Glossary, GLOSSARY_TITLE, calculators)
    return schemas


def build(model: type[BaseModel], titles: tuple[str, str], calculators: list[str]) -> dict[str, Any]:
    """One model's schema with Swedish titles, Markdown hover text, calculator names as an enum and the id
    pattern on references."""
    raw = copy.deepcopy(model.model_json_schema(by_alias=True))
    title, description = titles
    schema = {"$schema": SCHEMA_DIALECT, **raw, "title": title, "description": description}
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = DEF_TITLES.get(name, definition.get("title", name))
        definition.pop("description", None)  # English class docstrings are not editor help
        _describe(definition)
    _describe(schema)
    for alias, target in REFERENCES.items():
        if alias in schema.get("properties", {}):
            rule = {"enum": calculators} if target == CALCULATORS else {"pattern": ID_PATTERN.pattern}
            _restrict(schema["properties"][alias], rule)
    return schema


def _describe(schema: dict[str, Any]) -> None:
    """VS Code shows `markdownDescription` on hover with `code` formatted; keep both for other tools."""
    for prop in schema.get("properties", {}).values():
        if "description" in prop:
            prop["markdownDescription"] = prop["description"]


def _restrict(prop: dict[str, Any], rule: dict[str, Any]) -> None:
    """Put the rule on the string part: the property itself, its list items, or the string of an `anyOf`."""
    target = prop.get("items", prop)
    for option in target.get("anyOf", []):
        if option.get("type") == "string":
            target = option
    target.update(rule)


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write(root: Path) -> list[Path]:
    """Write every schema; returns the files that changed."""
    changed = []
    for stem, schema in build_all().items():
        path = schema_path(root, stem)
        if not path.exists() or path.read_text(encoding="utf-8") != render(schema):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(schema), encoding="utf-8")
            changed.append(path)
    return changed


def stale(root: Path) -> list[Path]:
    """Committed schemas that differ from what the model gives."""
    return [schema_path(root, stem) for stem, schema in build_all().items()
            if not schema_path(root, stem).exists()
            or schema_path(root, stem).read_text(encoding="utf-8") != render(schema)]


def header_errors(content_dir: Path) -> list[ContentError]:
    """Every content file must start with its schema line, or the editor gets no help in VS Code.

    Only where the line has something to point at: a `schemas/` folder beside the content folder."""
    if not (content_dir.parent / "schemas").is_dir():
        return []
    errors = []
    expected = {content_dir / META_FILE: header(META_SCHEMA, nested=False),
                content_dir / GLOSSARY_FILE: header(GLOSSARY_SCHEMA, nested=False)}
    for kind in KINDS.values():
        expected.update({path: header(kind.word) for path in (content_dir / kind.folder).glob("*.yml")
                         if ID_PATTERN.match(path.stem)})  # other files get their own error from the check
    for path, line in sorted(expected.items()):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline().rstrip("\r\n")
        if first.strip() != line and path.stat().st_size > 0:  # an empty file gets its own error
            shown = f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}"
            errors.append(ContentError(shown, 1, 1, f"första raden ska vara `{line}`, så att VS Code kan föreslå "
                                                    "fält och visa hjälp. Lägg till raden överst i filen "
                                                    "(eller rätta den som står där)."))
    return errors
