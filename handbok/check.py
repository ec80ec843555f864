"""Validate the whole content folder: every file, then every cross-reference. Collects all errors."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from handbok import chapters, scan, schema
from handbok.errors import ContentError, pydantic_message, suggest
from handbok.handbook import Handbook
from handbok.loader import Document, load_file
from handbok.model import ID_PATTERN, KINDS, HandbookMeta

META_FILE = "handbook.yml"
SUFFIXES = (".yml", ".yaml")
KIND_WORDS = {"modeller": "modell", "metoder": "metod", "roller": "roll", "kontakter": "kontakt"}


def check(content_dir: Path, docs_dir: Path | None = None) -> tuple[Handbook | None, list[ContentError]]:
    """Load and validate `content_dir` (and scan `docs_dir` for unsafe markup); the handbook if there are no
    errors, and all errors sorted by place."""
    checker = _Checker(content_dir)
    handbook = checker.run()
    if content_dir.is_dir():
        checker.errors += scan.content_errors(content_dir, docs_dir) + schema.header_errors(content_dir)
    if handbook is not None and docs_dir is not None and docs_dir.is_dir():
        checker.errors += chapters.read(docs_dir, handbook, dt.date.today())[1]
    errors = sorted(set(checker.errors))
    return (handbook if not errors else None), errors


def calculator_names() -> tuple[str, ...]:
    """Names of the calculators a method may embed; imported lazily so the core stays light."""
    import calculators

    return tuple(calculators.NAMES)


class _Checker:
    def __init__(self, content_dir: Path) -> None:
        self.root = content_dir
        self.errors: list[ContentError] = []
        self.docs: dict[tuple[str, str], Document] = {}
        self.ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
        """Every id that has a file, valid or not: a broken file is reported once, not at each reference."""

    def shown(self, path: Path) -> str:
        return f"{self.root.name}/{path.relative_to(self.root).as_posix()}"

    def run(self) -> Handbook | None:
        if not self.root.is_dir():
            self.errors.append(ContentError(self.root.name, 1, 1, "mappen med innehåll finns inte. Kontrollera "
                                                                  "sökvägen till mappen `handbook`."))
            return None
        meta = self._load_meta()
        handbook = Handbook(meta=meta or HandbookMeta.model_construct())
        self._load_entries(handbook)
        self._check_references()
        return handbook if meta is not None else None

    def _load_meta(self) -> HandbookMeta | None:
        path = self.root / META_FILE
        if not path.exists():
            self.errors.append(ContentError(self.shown(path), 1, 1, "filen saknas. Skapa `handbook.yml` med "
                                                                    "organisation, titel, version och beslut."))
            return None
        doc = self._read(path)
        meta = self._validate(doc, HandbookMeta) if doc else None
        if doc is not None:
            self.docs["handbook", ""] = doc  # its `ägare` is a reference like an entry's
        if meta is not None and meta.risk_matrices:
            self._check_matrices(doc, meta.risk_matrices)
        return meta

    def _check_matrices(self, doc: Document, matrices: dict) -> None:
        """A handbook's own risk matrix is checked by the calculator's rules here, not first in a reader's browser."""
        from calculators.matrices import validate

        for key, definition in matrices.items():
            if not isinstance(definition, dict):
                self.errors.append(doc.error(("riskmatriser", key), f"`riskmatriser.{key}` ska vara en matris med "
                                             "fälten probability_labels, consequence_labels, levels och cells."))
                continue
            for problem in validate(definition, f"riskmatriser.{key}"):
                loc = tuple(int(part) if part.isdigit() else part
                            for part in re.findall(r"[^.\[\]]+", problem["field"]))
                self.errors.append(doc.error(loc, f"`{problem['field']}`: {problem['message']}"))

    def _load_entries(self, handbook: Handbook) -> None:
        seen: dict[tuple[str, str], str] = {}
        for path in sorted(p for p in self.root.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
            relative = path.relative_to(self.root)
            if relative.as_posix() == META_FILE:
                continue
            kind = relative.parts[0] if len(relative.parts) == 2 else None
            if kind not in KINDS:
                self.errors.append(ContentError(self.shown(path), 1, 1, "filen ligger på fel ställe. Flytta den "
                                                "till någon av mapparna " + ", ".join(f"`{k}/`" for k in KINDS) + "."))
                continue
            entry_id = path.stem
            if not ID_PATTERN.match(entry_id):
                self.errors.append(ContentError(self.shown(path), 1, 1, f"filnamnet `{path.name}` går inte att "
                                                "använda som id. Byt namn till små bokstäver a–z, siffror och "
                                                "bindestreck, t.ex. `ny-metod.yml`."))
                continue
            if (kind, entry_id) in seen:
                self.errors.append(ContentError(self.shown(path), 1, 1, f"id `{entry_id}` finns redan i "
                                                f"{seen[kind, entry_id]}. Ta bort eller byt namn på en av filerna."))
                continue
            seen[kind, entry_id] = self.shown(path)
            self.ids[kind].add(entry_id)
            doc = self._read(path)
            if doc is None:
                continue
            self.docs[kind, entry_id] = doc
            entry = self._validate(doc, KINDS[kind])
            if entry is not None:
                handbook.entries(kind)[entry_id] = entry
                handbook.sources[kind, entry_id] = relative.as_posix()

    def _read(self, path: Path) -> Document | None:
        doc, errors = load_file(path, self.shown(path))
        self.errors.extend(errors)
        if doc is not None and not isinstance(doc.data, dict):
            self.errors.append(doc.error((), "filen ska bestå av fält på formen `fält: värde`, ett per rad."))
            return None
        return doc

    def _validate(self, doc: Document, model: type[BaseModel]):
        try:
            return model.model_validate(doc.data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = tuple(error["loc"])
                at_key = error["type"] == "extra_forbidden"
                where = loc[:-1] if error["type"] == "missing" else loc
                self.errors.append(doc.error(where, pydantic_message(error, model), at_key=at_key))
            return None

    def _check_references(self) -> None:
        """Check references in every readable file, also those with other errors, so all show at once."""
        try:
            calculators = set(calculator_names())
        except Exception:  # a broken calculators package must not hide the content errors
            calculators = None
            self.errors.append(ContentError(self.root.name, 1, 1, "räknarna (paketet `calculators`) går inte att "
                                            "läsa in, så fältet `räknare` kan inte kontrolleras."))
        for doc in self.docs.values():
            for alias, target, loc, name in _references(doc.data):
                if target == "räknare":
                    if calculators is not None and name not in calculators:
                        self.errors.append(doc.error(loc, f"`{alias}` nämner räknaren `{name}`, som inte finns."
                                                     f"{suggest(name, calculators)} Skriv ett av: "
                                                     f"{', '.join(sorted(calculators))}."))
                elif name not in self.ids[target]:
                    word = KIND_WORDS[target]
                    hint = suggest(name, self.ids[target]) or f" Skriv id för en {word} i `{target}/` eller skapa filen."
                    self.errors.append(doc.error(loc, f"`{alias}` hänvisar till `{name}`, men det finns ingen "
                                                 f"{word} {self.root.name}/{target}/{name}.yml.{hint}"))


REFERENCES = {"ägare": "roller", "roller": "roller", "rapporterar_till": "roller", "kontakter": "kontakter",
              "relaterade_metoder": "metoder", "huvudmetod": "metoder", "räknare": "räknare"}
"""Field alias -> the content folder (or the calculators) its ids name."""


def _references(data: dict):
    """(alias, target, loc, id) for every well-formed reference in raw YAML data; the rest are type errors."""
    for alias, target in REFERENCES.items():
        value = data.get(alias)
        if isinstance(value, str):
            yield alias, target, (alias,), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield alias, target, (alias, index), item
