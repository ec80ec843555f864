"""`handbok new <kind> <id>`: a new content file with every field and Swedish help above each.

The help comes from the same `Field(title=..., description=..., examples=...)` as the JSON Schema, so the
template, the hover help in VS Code and the error messages never disagree.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from handbok.content.kinds import BY_WORD
from handbok.content.model import ID_PATTERN, Markdown, Reviewed
from handbok.content.schema import header


class NewEntryError(Exception):
    """A Swedish reason why the file was not written."""


def create(content_dir: Path, kind: str, entry_id: str, today: dt.date) -> Path:
    """Write `<content_dir>/<folder>/<entry_id>.yml`; never overwrites."""
    if kind not in BY_WORD:
        raise NewEntryError(f"okänd typ `{kind}`. Skriv en av: {', '.join(BY_WORD)}.")
    if not ID_PATTERN.match(entry_id):
        raise NewEntryError(f"`{entry_id}` går inte att använda som id. Använd små bokstäver a–z, siffror och "
                            "bindestreck, t.ex. `ny-metod`.")
    folder = BY_WORD[kind].folder
    path = content_dir / folder / f"{entry_id}.yml"
    existing = [p for p in (path, path.with_suffix(".yaml")) if p.exists()]
    if existing:
        raise NewEntryError(f"{content_dir.name}/{folder}/{existing[0].name} finns redan och skrivs inte över. "
                            "Välj ett annat id eller ändra i den befintliga filen.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind, today), encoding="utf-8")
    return path


def template(kind: str, today: dt.date) -> str:
    """The file text: schema line, then every field with its help as comments."""
    model = BY_WORD[kind].model
    lines = [header(kind),
             f"# Ny {kind}. Fyll i fälten som är märkta (obligatoriskt) och kör sedan `uv run handbok check`.",
             "# Fält som du inte behöver kan stå tomma. Rader som börjar med # är hjälptext och syns inte på sidan.",
             ""]
    for name in field_order(model):
        lines += _field(model.model_fields[name], today)
    return "\n".join(lines).rstrip() + "\n"


def field_order(model: type[BaseModel]) -> list[str]:
    """Required fields first, then optional ones, the review fields (owner, dates, change log) last."""
    own = [name for name in model.model_fields if name not in Reviewed.model_fields]
    return sorted(own, key=lambda name: not model.model_fields[name].is_required()) + list(Reviewed.model_fields)


def _help(info: FieldInfo, indent: str = "") -> list[str]:
    required = " (obligatoriskt)" if info.is_required() else ""
    lines = [f"{indent}# {info.title}{required}: {info.description}"]
    options = _literal_values(info.annotation)
    if options:
        lines.append(f"{indent}#   Välj bland: {', '.join(options)}")
    elif info.examples:
        lines.append(f"{indent}#   Exempel: {_inline(info.examples[0])}")
    return lines


def _field(info: FieldInfo, today: dt.date) -> list[str]:
    alias = info.alias
    assert alias, "every field of the content model has the Swedish name an editor writes"
    lines = _help(info)
    item = _list_item(info.annotation)
    if info.annotation is dt.date:
        lines.append(f"{alias}: {today.isoformat()}")
    elif alias == "ändringslogg":
        lines += [f"{alias}:", f"  - datum: {today.isoformat()}", "    typ: större", "    ändring: Sidan skapades."]
    elif _is_markdown(info):
        lines += ["#   Skriv texten på raderna under, indragen med två mellanslag.", f"{alias}: |"]
    elif item is not None and isinstance(item, type) and issubclass(item, BaseModel):
        lines += _model_list(alias, item, info.is_required())
    elif item is not None and info.is_required():
        lines += [f"{alias}:", "  -"]
    elif item is not None:
        lines.append(f"{alias}: []")
    else:
        lines.append(f"{alias}:")
    return lines + [""]


def _model_list(alias: str, item: type[BaseModel], required: bool) -> list[str]:
    """A required list gets one empty item to fill in; an optional one an example in comments."""
    fields = list(item.model_fields.values())
    if required:
        lines = [f"{alias}:"]
        for position, info in enumerate(fields):
            lines += _help(info, "  ")
            lines.append(f"  {'- ' if position == 0 else '  '}{info.alias}:")
        return lines
    example = [f"#   {'- ' if i == 0 else '  '}{f.alias}: {_inline(f.examples[0]) if f.examples else '...'}"
               for i, f in enumerate(fields)]
    return ["#   Så här ser en punkt ut:", *example, f"{alias}: []"]


def _is_markdown(info: FieldInfo) -> bool:
    return info.annotation is str and info.metadata == list(typing.get_args(Markdown)[1:])


def _list_item(annotation: object) -> object | None:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


def _literal_values(annotation: object) -> list[str]:
    """Allowed values of a Literal field, or of the items of a list of Literals."""
    inner = _list_item(annotation) or annotation
    if typing.get_origin(inner) in (typing.Union, types.UnionType):
        inner = next(a for a in typing.get_args(inner) if a is not type(None))
    return [str(v) for v in typing.get_args(inner)] if typing.get_origin(inner) is typing.Literal else []


def _inline(value: object) -> str:
    return "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else str(value)
