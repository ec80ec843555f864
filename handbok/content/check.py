"""Validate the whole content folder: every file, then every cross-reference. Collects all errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from handbok.content import changes, chapters, mdlinks, scan, schema
from handbok.content.errors import ContentError, allowed_fields, close_matches, field_name, pydantic_message, suggest
from handbok.content.handbook import Handbook
from handbok.content.kinds import CALCULATORS, KINDS, OVERVIEW, REFERENCES, calculator_names, page_path
from handbok.content.loader import Document, load_file
from handbok.content.model import ID_PATTERN, Glossary, HandbookMeta
from handbok.content.schema import GLOSSARY_FILE, META_FILE

Render = Callable[[Handbook, dt.date], dict[str, str]]
"""The site layer's page generator (site path -> Markdown), passed in so content never imports the site."""


def check(content_dir: Path, docs_dir: Path | None = None, today: dt.date | None = None,
          render: Render | None = None) -> tuple[Handbook | None, list[ContentError]]:
    """Load and validate `content_dir` (and scan `docs_dir` for unsafe markup and broken links); the handbook if
    there are no errors, and all errors sorted by place. `today` bounds review dates (default: the clock). With
    `render`, links to anchors in generated pages are judged against the pages it renders."""
    handbook, errors = readable(content_dir, docs_dir, today, render)
    return (handbook if not errors else None), errors


def readable(content_dir: Path, docs_dir: Path | None = None, today: dt.date | None = None,
             render: Render | None = None) -> tuple[Handbook | None, list[ContentError]]:
    """Like `check`, but the handbook holds the valid entries even when other files have errors, so a report
    need not stop at one broken file. None only when `handbook.yml` itself is unreadable."""
    checker = _Checker(content_dir, today or dt.date.today())
    handbook = checker.run()
    if content_dir.is_dir():
        checker.errors += scan.content_errors(content_dir, docs_dir) + schema.header_errors(content_dir)
        checker.errors += checker.link_errors(handbook, docs_dir, render)
    if handbook is not None and docs_dir is not None and docs_dir.is_dir():
        checker.errors += chapters.read(docs_dir, handbook, checker.today)[1]
    return handbook, sorted(set(checker.errors))


class _Checker:
    def __init__(self, content_dir: Path, today: dt.date) -> None:
        self.root = content_dir
        self.today = today
        self.meta_doc: Document | None = None
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
        # a placeholder without fields, so the entries are checked even when handbook.yml is not valid
        handbook = Handbook(meta=meta or HandbookMeta.model_construct())  # type: ignore[call-arg]
        self._load_entries(handbook)
        self._load_glossary(handbook)
        self._check_references()
        return handbook if meta is not None else None

    def _load_meta(self) -> HandbookMeta | None:
        path = self.root / META_FILE
        if not path.exists():
            self.errors.append(ContentError(self.shown(path), 1, 1, "filen saknas. Skapa `handbook.yml` med "
                                                                    "organisation, titel, version och beslut."))
            return None
        doc = self.meta_doc = self._read(path)
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
        for path in sorted(p for p in self.root.rglob("*") if p.is_file()):
            relative = path.relative_to(self.root)
            if relative.as_posix() in (META_FILE, GLOSSARY_FILE):
                continue
            problem = _file_problem(relative)
            if problem:
                self.errors.append(ContentError(self.shown(path), 1, 1, problem))
                continue
            kind, entry_id = relative.parts[0], path.stem  # `<id>.yml` only, so an id cannot repeat
            self.ids[kind].add(entry_id)
            doc = self._read(path)
            if doc is None:
                continue
            self.docs[kind, entry_id] = doc
            self._check_review_date(doc)
            entry = self._validate(doc, KINDS[kind].model)
            if entry is not None:
                handbook.entries(kind)[entry_id] = entry
                handbook.sources[kind, entry_id] = relative.as_posix()

    def _load_glossary(self, handbook: Handbook) -> None:
        """The glossary is optional; a term written twice would get two explanations, so it is an error."""
        path = self.root / GLOSSARY_FILE
        doc = self._read(path) if path.is_file() else None
        glossary = self._validate(doc, Glossary) if doc else None
        if doc is None or glossary is None:
            return
        seen: set[str] = set()
        for index, term in enumerate(glossary.terms):
            if term.term.casefold() in seen:
                self.errors.append(doc.error(("termer", index, "term"), f"termen `{term.term}` står redan i "
                                             "ordlistan. Ta bort den ena, eller slå ihop förklaringarna."))
            seen.add(term.term.casefold())
        handbook.glossary = list(glossary.terms)

    def _check_review_date(self, doc: Document) -> None:
        reviewed = doc.data.get("senast_granskad")
        if isinstance(reviewed, dt.datetime):  # the type check reports the time of day
            return
        if isinstance(reviewed, dt.date) and reviewed > self.today:
            self.errors.append(doc.error(("senast_granskad",), f"`senast_granskad` är {reviewed}, ett datum som "
                                         f"inte har kommit än (i dag är det {self.today}). Skriv dagen då "
                                         "innehållet senast granskades."))

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
            for error in _without_implied_missing(exc.errors(include_url=False), model):
                loc = tuple(error["loc"])
                swallowed = _swallowed_field(doc, loc) if error["type"] == "missing" else None
                if swallowed:
                    self.errors.append(swallowed)
                    continue
                at_key = error["type"] == "extra_forbidden"
                where = loc[:-1] if error["type"] == "missing" else loc
                message = pydantic_message(error, model, doc.source(loc))
                self.errors.append(doc.error(where, message, at_key=at_key))
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
                if target == CALCULATORS:
                    if calculators is not None and name not in calculators:
                        self.errors.append(doc.error(loc, f"`{alias}` nämner räknaren `{name}`, som inte finns."
                                                     f"{suggest(name, calculators)} Skriv ett av: "
                                                     f"{', '.join(sorted(calculators))}."))
                elif name not in self.ids[target] and ID_PATTERN.match(name):  # else the type check reports it
                    word = KINDS[target].word
                    hint = (suggest(name, self.ids[target])
                            or f" Skriv id för en {word} i `{target}/` eller skapa filen.")
                    self.errors.append(doc.error(loc, f"`{alias}` hänvisar till `{name}`, men det finns ingen "
                                                 f"{word} {self.root.name}/{target}/{name}.yml.{hint}"))
        self._check_self_references()
        self._check_reporting_cycles()

    def _check_self_references(self) -> None:
        for (kind, entry_id), doc in self.docs.items():
            for alias, target, loc, name in _references(doc.data):
                if target == kind and name == entry_id and alias != "ägare":  # a role may own its own page
                    self.errors.append(doc.error(loc, f"`{alias}` nämner `{entry_id}`, alltså den här filen "
                                                 f"själv. Ta bort `{entry_id}` ur `{alias}`."))

    def _check_reporting_cycles(self) -> None:
        """Roles that report to each other in a circle (`a` -> `b` -> `a`): reported once, at the first role."""
        graph = {role: [name for alias, _t, _l, name in _references(doc.data)
                        if alias == "rapporterar_till" and name != role]
                 for (kind, role), doc in self.docs.items() if kind == "roller"}
        for cycle in _cycles(graph):
            doc = self.docs["roller", cycle[0]]
            index = doc.data["rapporterar_till"].index(cycle[1]) if isinstance(doc.data.get(
                "rapporterar_till"), list) else None
            loc = ("rapporterar_till",) if index is None else ("rapporterar_till", index)
            chain = " → ".join(f"`{role}`" for role in [*cycle, cycle[0]])
            self.errors.append(doc.error(loc, f"`rapporterar_till` bildar en cirkel: {chain}. En roll kan inte "
                                         "rapportera till sig själv, inte heller via andra roller. Ta bort en av "
                                         "hänvisningarna."))

    def link_errors(self, handbook: Handbook | None, docs_dir: Path | None,
                    render: Render | None) -> list[ContentError]:
        """Broken links to the site's own pages, in YAML text fields and in the chapters of `docs_dir`. Without
        `docs_dir` the chapters are unknown, so only links into generated pages are judged."""
        chapters = mdlinks.docs_pages(docs_dir)
        site: dict[str, set[str] | None] = {path: mdlinks.anchors(text) for path, text in chapters.items()}
        if docs_dir is None:
            site = _AnyChapter(site)
        site.update(self._generated_pages(handbook, render))
        found = []
        for (kind, entry_id), doc in self.docs.items():
            if kind in KINDS:  # handbook.yml is judged below, as the start page
                found += self._yaml_links(doc, page_path((kind, entry_id)).partition("#")[0], site)
        if self.meta_doc is not None:
            found += self._yaml_links(self.meta_doc, "index.md", site)
        for path, text in chapters.items():  # none without `docs_dir`
            for link in mdlinks.links(text):
                problem = mdlinks.problem(path, link.target, site)
                if problem and docs_dir:
                    found.append(ContentError(f"{docs_dir.name}/{path}", link.line, link.column, problem))
        return found

    def _generated_pages(self, handbook: Handbook | None, render: Render | None) -> dict[str, set[str] | None]:
        """Pages made from the content, with their anchors when the content is valid enough to render them."""
        if render is not None and handbook is not None and not self.errors:
            return {path: mdlinks.anchors(text) for path, text in render(handbook, self.today).items()}
        known: dict[str, set[str] | None] = {path: None for path in (OVERVIEW, changes.PAGE,
                                                                     *(kind.index for kind in KINDS.values()))}
        for kind in KINDS.values():
            if kind.own_pages:
                known.update({kind.page(entry_id): None for entry_id in self.ids[kind.folder]})
            else:
                known[kind.index] = set(self.ids[kind.folder])
        return known

    def _yaml_links(self, doc: Document, page: str, site: dict[str, set[str] | None]) -> list[ContentError]:
        found = []
        for loc, text in _texts(doc.data, ()):
            for link in mdlinks.links(text):
                problem = mdlinks.problem(page, link.target, site)
                if problem:
                    found.append(ContentError(doc.path, *_link_position(doc, loc, link.target),
                                              f"`{field_name(loc)}`: {problem}"))
        return found


def _file_problem(relative: Path) -> str | None:
    """Why a file in the content folder is not read as an entry, or None if it is `<folder>/<id>.yml`."""
    kind = relative.parts[0] if len(relative.parts) == 2 else None
    if kind not in KINDS:
        hint = suggest(relative.parts[0], list(KINDS)) if len(relative.parts) > 1 else ""
        folders = ", ".join(f"`{k}/`" for k in KINDS)
        return (f"filen `{relative.as_posix()}` ligger på fel ställe, så den läses inte.{hint} Flytta den till "
                f"någon av mapparna {folders}, eller ta bort den.")
    name, stem = relative.name, relative.stem
    if relative.suffix != ".yml":
        suffix = relative.suffix or "(ingen ändelse)"
        return (f"filen `{name}` läses inte, eftersom bara filer som slutar på `.yml` (små bokstäver) blir "
                f"sidor. Byt ändelsen `{suffix}` mot `.yml`, t.ex. `{_id_like(stem)}.yml`, eller ta bort "
                "filen om den inte hör hit.")
    if not ID_PATTERN.match(stem):
        return (f"filnamnet `{name}` går inte att använda som id. Byt namn till små bokstäver a–z (utan å, ä "
                f"och ö), siffror och bindestreck, t.ex. `{_id_like(stem)}.yml`.")
    return None


def _swallowed_field(doc: Document, loc: tuple) -> ContentError | None:
    """A missing top-level field that is written, but indented so it became text of the field above it."""
    if len(loc) != 1:
        return None
    pattern = re.compile(rf"^(\s+){re.escape(str(loc[0]))}\s*:(\s|$)")
    for number, line in enumerate(doc.text.split("\n"), 1):
        found = pattern.match(line)
        if found:
            return ContentError(doc.path, number, 1, f"fältet `{loc[0]}` är indraget med {len(found[1])} "
                                f"mellanslag och har blivit en del av texten ovanför. Ta bort mellanslagen, så att "
                                f"`{loc[0]}:` börjar i samma kolumn som de andra fälten.")
    return None


def _without_implied_missing(errors: list, model: type[BaseModel]) -> list:
    """Drop `syfte` missing when `syftet` is the unknown field that suggests it: one mistake, one error."""
    meant = {(tuple(e["loc"][:-1]), match) for e in errors if e["type"] == "extra_forbidden"
             for match in close_matches(str(e["loc"][-1]), allowed_fields(model, tuple(e["loc"][:-1])))[:1]}
    return [e for e in errors if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in meant)]


def _id_like(name: str) -> str:
    """`Fiskbensdiagram Ny` -> `fiskbensdiagram-ny`: what the editor probably meant as id."""
    text = name.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return "-".join(re.findall(r"[a-z0-9]+", text)) or "ny-metod"


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle once, starting at its alphabetically first role."""
    found: set[tuple[str, ...]] = set()

    def visit(node: str, path: list[str]) -> None:
        for target in graph.get(node, []):
            if target in path:
                cycle = path[path.index(target):]
                start = cycle.index(min(cycle))
                found.add(tuple(cycle[start:] + cycle[:start]))
            elif target in graph and len(path) < len(graph):
                visit(target, [*path, target])

    for node in sorted(graph):
        visit(node, [node])
    return [list(cycle) for cycle in sorted(found)]


def _texts(data, loc: tuple):
    """(loc, text) for every string in raw YAML data."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _texts(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*loc, key))


def _link_position(doc: Document, loc: tuple, target: str) -> tuple[int, int]:
    """Line and column of `target` inside the YAML value at `loc`, or of the value if it is not found there."""
    source, span = doc.source(loc), doc.spans.get(loc)
    offset = source.find(f"]({target}") if source else -1
    if offset < 0 or span is None:
        return doc.value_at(loc)
    before = doc.text[: span[0] + offset + 2]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


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


class _AnyChapter(dict):
    """Site pages when `docs/` is not given: any page outside the generated ones may exist, anchors unknown."""

    def __contains__(self, path: object) -> bool:
        return super().__contains__(path) or not str(path).startswith(GENERATED)

    def __getitem__(self, path: str) -> set[str] | None:
        return super().get(path)


GENERATED = tuple(f"{kind.folder}/" if kind.own_pages else kind.index for kind in KINDS.values())
"""Where generated pages live (handbok/site/pages.py); links there are judged even without `docs/`."""
