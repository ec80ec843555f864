"""Read YAML files keeping the line and column of every key and value, so errors point at the right place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from handbok.content import syntax
from handbok.content.errors import ContentError

Loc = tuple[int | str, ...]
Position = tuple[int, int]


try:
    from yaml import CSafeLoader as _FastBase
except ImportError:  # PyYAML built without libyaml: the pure-Python loader has the same interface
    from yaml import SafeLoader as _FastBase  # type: ignore[assignment]


def _timestamp(loader: yaml.SafeLoader | yaml.CSafeLoader, node: yaml.ScalarNode) -> object:
    """Impossible dates become YAML errors with a position instead of a bare ValueError."""
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise ConstructorError(None, None, f"ogiltigt datum `{node.value}`", node.start_mark) from None


class _Loader(yaml.SafeLoader):
    """Pure-Python loader: slower, but its error messages and positions are the ones we translate."""


class _FastLoader(_FastBase):
    """libyaml loader for the common case of a valid file."""


BOOL_TAG = "tag:yaml.org,2002:bool"
YAML_12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
"""YAML 1.2 booleans, as VS Code reads them: `no`, `on`, `yes` and `off` stay text (docs/om/beslut.md)."""

for _cls in (_Loader, _FastLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _cls.yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != BOOL_TAG]
                                    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    _cls.add_implicit_resolver(BOOL_TAG, YAML_12_BOOL, list("tTfF"))


@dataclass
class Document:
    """One parsed YAML file: its data and where each key and value starts (1-based line, column)."""

    path: str
    data: Any
    keys: dict[Loc, Position] = field(default_factory=dict)
    values: dict[Loc, Position] = field(default_factory=dict)
    text: str = ""
    spans: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    """Where each value is written in `text`, so messages show it as the editor wrote it (`6.10`, not 6.1)."""

    def source(self, loc: Loc) -> str | None:
        """The value at `loc` exactly as written in the file, or None when it was not found."""
        span = self.spans.get(loc)
        return self.text[span[0]:span[1]] if span else None

    def value_at(self, loc: Loc) -> Position:
        """Position of the value at `loc`, or of the closest enclosing value that exists."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return (1, 1)

    def key_at(self, loc: Loc) -> Position:
        """Position of the key at `loc` (falls back to its value or the enclosing value)."""
        return self.keys.get(loc) or self.value_at(loc)

    def error(self, loc: Loc, message: str, *, at_key: bool = False) -> ContentError:
        line, column = self.key_at(loc) if at_key else self.value_at(loc)
        return ContentError(self.path, line, column, message)


MAX_CHARACTERS = 200_000
"""A content file is a few kilobytes; the limit keeps a mistaken or hostile file from costing the build."""


def refusal(path: str, text: str) -> ContentError | None:
    """Why `text` is not parsed at all: too large, or anchors and aliases (`&a`, `*a`). Aliases are how a
    few hundred bytes expand to gigabytes (billion laughs), and the handbook never needs them. Reads only the
    parser's events, which never expand an alias; a syntax error is left to the full parse."""
    if len(text) > MAX_CHARACTERS:
        return ContentError(path, 1, 1, f"filen är för stor ({len(text):_} tecken, högst {MAX_CHARACTERS:_})."
                            .replace("_", " ") + " Dela upp texten eller korta den.")
    try:
        for event in yaml.parse(text, Loader=_EVENTS):
            if isinstance(event, yaml.AliasEvent):
                return ContentError(path, *_position(event), f"YAML-fel: `*{event.anchor}` hänvisar till en "
                                    "annan del av filen, och det används inte i handboken. Skriv ut texten där "
                                    "den behövs. Börjar texten med `*`, sätt den inom citattecken.")
            anchor = getattr(event, "anchor", None)
            if anchor:
                return ContentError(path, *_position(event), f"YAML-fel: `&{anchor}` är ett ankare, och "
                                    "det används inte i handboken. Ta bort det. Börjar texten med `&`, sätt den "
                                    "inom citattecken.")
    except yaml.YAMLError:
        return None
    return None


_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_text(path: str, text: str) -> tuple[Document | None, list[ContentError]]:
    """Parse one YAML text. Returns the document, or None with errors. Never raises for bad input."""
    if (refused := refusal(path, text)) is not None:
        return None, [refused]
    try:
        node, data = _parse(_FastLoader, text)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        try:  # parse again with the pure-Python loader, whose messages we know how to translate
            node, data = _parse(_Loader, text)
        except (yaml.YAMLError, ValueError, TypeError) as exc:  # a bad `!!int x` tag fails in int()
            return None, [ContentError(path, *syntax.explain(exc, text))]
        except RecursionError:
            return None, [ContentError(path, 1, 1, "YAML-fel: filen är för djupt nästlad. Förenkla strukturen.")]
    if node is None:
        return None, [ContentError(path, 1, 1, "filen är tom. Fyll i fälten, börja med `namn:`; se en annan fil "
                                               "i samma mapp.")]
    doc = Document(path, data, text=text)
    errors: list[ContentError] = []
    _record(doc, node, (), errors)
    errors += [ContentError(path, *lost) for lost in syntax.lost_text(text, node)]
    return doc, errors


def _parse(loader_class: type, text: str) -> tuple[Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _position(node: Node | yaml.Event) -> Position:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _record(doc: Document, node: Node, loc: Loc, errors: list[ContentError]) -> None:
    """Record positions under `loc`; report keys written twice (PyYAML would silently keep the last)."""
    doc.values.setdefault(loc, _position(node))
    doc.spans.setdefault(loc, (node.start_mark.index, node.end_mark.index))
    if isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _record(doc, item, (*loc, index), errors)
    elif isinstance(node, MappingNode):
        first: dict[str, Position] = {}
        for key_node, value_node in node.value:
            key = key_node.value if not isinstance(key_node, (MappingNode, SequenceNode)) else "?"
            if key in first:
                errors.append(ContentError(doc.path, *_position(key_node),
                                           f"fältet `{key}` står två gånger (första gången på rad {first[key][0]}). "
                                           "Ta bort det ena."))
                continue
            first[key] = _position(key_node)
            doc.keys[(*loc, key)] = first[key]
            _record(doc, value_node, (*loc, key), errors)


def load_file(path: Path, shown: str) -> tuple[Document | None, list[ContentError]]:
    """Read and parse one file; `shown` is the path printed in errors (e.g. `handbook/metoder/swot.yml`).
    A symlink is never followed: it could publish any file of the machine that builds the site."""
    if path.is_symlink():
        return None, [ContentError(shown, 1, 1, "är en symbolisk länk, och den läses inte. Kopiera in filen i "
                                                "stället.")]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [ContentError(shown, line, 1, "filen är inte sparad som UTF-8. Spara om den med "
                                                   "teckenkodningen UTF-8 i din editor.")]
    except OSError:
        return None, [ContentError(shown, 1, 1, "filen går inte att läsa. Kontrollera att den finns och "
                                                "att du har behörighet.")]
    return load_text(shown, text)
