"""`handbok check`'s safety part: every text, file and link an editor controls, measured against the policy.

YAML text fields are rendered and compared with what the page may show (handbok/safety.py); names, titles and
URL fields get the stricter rules of their kind (the model says which field is which); docs pages have their
front matter, title and body checked; only files of known kinds are published, and no symlink at all.
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from handbok.content import model, safety
from handbok.content.errors import ContentError, field_name
from handbok.content.kinds import KINDS
from handbok.content.loader import MAX_CHARACTERS, load_text, refusal
from handbok.content.schema import GLOSSARY_FILE

STATIC_SUFFIXES = frozenset({".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".docx", ".xlsx",
                             ".pptx", ".odt", ".ods", ".odp", ".csv"})
"""What docs/ may publish. HTML, SVG and script would run in the site's origin, past every other check."""
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)?$")
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""As MkDocs reads it (mkdocs.utils.meta.YAML_RE)."""
FRONT_MATTER_KEYS = {"title": "text", "description": "text", "hide": "hide", "ägare": "text",
                     "senast_granskad": "date"}
"""The keys a docs page may set, and the kind of value. `template:` and the like are theme internals."""
HIDE_VALUES = frozenset({"navigation", "toc", "footer", "path", "feedback"})
FIELD_KINDS = {model.Url: "adress", model.Email: "adress", model.Phone: "text", model.Text: "text",
               model.OneLine: "text", model.EntryId: "text"}


def content_errors(content_dir: Path, docs_dir: Path | None = None) -> list[ContentError]:
    """Everything in `content_dir` and `docs_dir` that the policy would drop, change or refuse to publish."""
    errors = _tree_errors(content_dir, None)
    for path in _files(content_dir):
        if path.suffix in (".yml", ".yaml"):
            errors += yaml_errors(_shown(content_dir, path), _read(path), _model_for(content_dir, path))
    if docs_dir is not None and docs_dir.is_dir():
        errors += _tree_errors(docs_dir, STATIC_SUFFIXES)
        for path in _files(docs_dir):
            if path.suffix == ".md":
                errors += page_errors(_shown(docs_dir, path), _read(path))
    return errors


def _shown(root: Path, path: Path) -> str:
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def _files(root: Path) -> Iterator[Path]:
    """Regular files under `root`, never through a symlink."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
        yield from (Path(folder) / f for f in sorted(files) if not (Path(folder) / f).is_symlink())


def _tree_errors(root: Path, suffixes: frozenset[str] | None) -> list[ContentError]:
    """Symlinks; with `suffixes` (a published folder) also unsafe file names and kinds of file."""
    errors = []
    for folder, dirs, files in os.walk(root):
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            shown = _shown(root, path)
            if path.is_symlink():
                errors.append(ContentError(shown, 1, 1, "är en symbolisk länk. Länkar till filer utanför "
                                           "mappen publiceras inte. Kopiera in filen i stället."))
            elif suffixes is None or name.startswith("."):
                continue
            elif not FILE_NAME.match(name):
                errors.append(ContentError(shown, 1, 1, f"namnet `{name}` går inte att använda i en adress. Byt "
                                           "namn till små bokstäver a–z, siffror och bindestreck, t.ex. "
                                           "`min-sida.md`."))
            elif path.is_file() and path.suffix not in suffixes:
                errors.append(ContentError(shown, 1, 1, f"filer av typen `{path.suffix or name}` publiceras inte, "
                                           "eftersom de kan köra skript i handboken. Tillåtna typer: "
                                           f"{', '.join(sorted(suffixes))}. Gör om bilder till PNG."))
        dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
    return errors


# --- YAML files --------------------------------------------------------------------------------------------

def _model_for(content_dir: Path, path: Path) -> type[BaseModel] | None:
    relative = path.relative_to(content_dir)
    if relative.as_posix() == "handbook.yml":
        return model.HandbookMeta
    if relative.as_posix() == GLOSSARY_FILE:
        return model.Glossary
    kind = KINDS.get(relative.parts[0]) if len(relative.parts) == 2 else None
    return kind.model if kind else None


def yaml_errors(shown: str, text: str, kind: type[BaseModel] | None = None) -> list[ContentError]:
    """Findings in every string value, placed on the file's own line where the value is a `|` block."""
    if refusal(shown, text) is not None:
        return []  # the loader reports it
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return []  # the loader reports these
    lines = text.splitlines()
    errors = []
    for loc, node in _scalars(root, ()):
        checker = {"adress": _address_findings, "text": safety.plain_findings}.get(
            field_kind(kind, loc), safety.scan)
        for finding in checker(node.value):
            line, column = _file_position(node, finding, lines)
            errors.append(ContentError(shown, line, column, f"fältet `{field_name(loc)}` {finding.message}"))
    return errors


ADDRESS = re.compile(r"^(https?://\S+|[^@\s]+@[^@\s]+\.[a-z]{2,})$")
"""The model's own shape of a URL or e-mail field: a value outside it is the model's error, reported once."""


def _address_findings(value: str) -> list[safety.Finding]:
    return safety.url_findings(value) if ADDRESS.match(value.strip()) else []


def field_kind(kind: type[BaseModel] | None, loc: tuple[int | str, ...]) -> str:
    """`adress`, `text` (a plain one-line name or title) or `markdown`, from the model's type of the field.
    Fields the model does not know (risk-matrix labels) are plain text."""
    current: Any = kind
    annotation: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        info = {f.alias or n: f for n, f in fields.items()}.get(part) if fields else None
        if info is None:
            return "text"
        annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        current = _inner_model(annotation)
    return _kind_of(annotation)


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in typing.get_args(annotation) if (m := _inner_model(a)) is not None), None)


def _kind_of(annotation: Any) -> str:
    if annotation in FIELD_KINDS:
        return FIELD_KINDS[annotation]
    inner = {_kind_of(a) for a in typing.get_args(annotation) if typing.get_origin(annotation) is not typing.Annotated}
    return "adress" if "adress" in inner else "text" if "text" in inner else "markdown"


def _scalars(node: Node | None, loc: tuple[int | str, ...]):
    """String values with their location (the loader refuses aliases, so the tree has no cycles)."""
    if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        yield loc, node
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*loc, index))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*loc, key.value if isinstance(key, ScalarNode) else "?"))


def _file_position(node: ScalarNode, finding: safety.Finding, lines: list[str]) -> tuple[int, int]:
    """In a literal block (`|`) text line n is file line n after the `|`; elsewhere the value's start."""
    start_line, start_column = node.start_mark.line + 1, node.start_mark.column + 1
    if node.style != "|":
        quote = 1 if node.style in ('"', "'") else 0
        if finding.line == 1:
            return start_line, start_column + quote + finding.column - 1
        return start_line, start_column
    line = start_line + finding.line
    source = lines[line - 1] if line <= len(lines) else ""
    return line, len(source) - len(source.lstrip(" ")) + finding.column


# --- docs pages --------------------------------------------------------------------------------------------

def page_errors(shown: str, text: str) -> list[ContentError]:
    """A docs page: its size, its front matter, its title (the first `# ` heading) and its body."""
    if len(text) > MAX_CHARACTERS * 5:
        return [ContentError(shown, 1, 1, "sidan är för stor. Dela upp den på flera sidor.")]
    errors, body, offset = front_matter_errors(shown, text)
    for finding in safety.scan(body):
        errors.append(ContentError(shown, finding.line + offset, finding.column, f"sidan {finding.message}"))
    heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", _outside_code(body), re.MULTILINE)
    if heading:
        line = body.count("\n", 0, heading.start()) + 1 + offset
        errors += [ContentError(shown, line, 1, f"rubriken {f.message}")
                   for f in safety.plain_findings(heading.group(1)) if f.kind == "vinkel"]
    return errors


def _outside_code(text: str) -> str:
    """`text` with fenced code blocked out (same length), so a `# comment` in code is not a heading."""
    return re.sub(r"^(`{3,}|~{3,}).*?^\1", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text,
                  flags=re.MULTILINE | re.DOTALL)


def front_matter_errors(shown: str, text: str) -> tuple[list[ContentError], str, int]:
    """Errors in the front matter, the body after it, and the number of lines before the body."""
    match = FRONT_MATTER.match(text)
    if not match:
        return [], text, 0
    offset = text.count("\n", 0, match.end())
    document, errors = load_text(shown, match.group(1))
    errors = [ContentError(e.path, e.line + 1, e.column, e.message) for e in errors]
    if document is None:
        return errors, text[match.end():], offset
    if not isinstance(document.data, dict):
        return [*errors, ContentError(shown, 2, 1, "sidhuvudet mellan `---` ska bestå av fält på formen "
                                      "`fält: värde`.")], text[match.end():], offset
    for key, value in document.data.items():
        line, column = document.key_at((key,))
        errors += _front_matter_value(shown, str(key), value, line + 1, column)
    return errors, text[match.end():], offset


def _front_matter_value(shown: str, key: str, value: Any, line: int, column: int) -> list[ContentError]:
    kind = FRONT_MATTER_KEYS.get(key)
    if kind is None:
        return [ContentError(shown, line, column, f"sidhuvudet har fältet `{key}`, som inte används i handboken. "
                             f"Ta bort det. Tillåtna fält: {', '.join(FRONT_MATTER_KEYS)}.")]
    if kind == "hide":
        values = value if isinstance(value, list) else [value]
        wrong = [str(v) for v in values if v not in HIDE_VALUES]
        return [ContentError(shown, line, column, f"`hide` kan bara dölja {', '.join(sorted(HIDE_VALUES))}, "
                             f"inte `{w}`. Ta bort det.") for w in wrong]
    if kind == "date":
        return []  # handbok/chapters.py checks the date against today
    if not isinstance(value, str):
        return [ContentError(shown, line, column, f"`{key}` ska vara en text på en rad.")]
    return [ContentError(shown, line, column, f"fältet `{key}` {f.message}") for f in safety.plain_findings(value)]
