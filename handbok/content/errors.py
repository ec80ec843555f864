"""The editor-facing error type and the Swedish wording of validation errors."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, shown to an editor as `path:line:column: message`."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def close_matches(word: str, candidates: list[str] | set[str]) -> list[str]:
    """The candidates an editor most likely meant, best first."""
    return difflib.get_close_matches(word, sorted(candidates), n=3, cutoff=0.6)


def suggest(word: str, candidates: list[str] | set[str]) -> str:
    """A Swedish 'did you mean' clause, or an empty string when nothing is close."""
    matches = close_matches(word, candidates)
    return f" Menade du {_either(matches)}?" if matches else ""


def _either(words: list[str]) -> str:
    quoted = [f"`{w}`" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " eller " + quoted[-1]


def field_name(loc: tuple[int | str, ...]) -> str:
    """`steg[2].rubrik` style path with 1-based list positions, as an editor counts."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "filen"


def _field_info(model: type[BaseModel], loc: tuple[int | str, ...]):
    """Walk `loc` (aliases) through nested models; the FieldInfo of the last named field, if any."""
    info = None
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields:
            return info
        by_alias = {f.alias or name: f for name, f in fields.items()}
        info = by_alias.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return info


def _inner_model(annotation: Any) -> Any:
    """The model class inside `list[Model]` / `Model | None`, or the annotation itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def allowed_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Aliases allowed in the mapping at `loc` (the location of the mapping itself)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        info = {f.alias or n: f for n, f in fields.items()}.get(part)
        current = _inner_model(info.annotation) if info else None
    fields = getattr(current, "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def _example(info) -> str:
    if info is None or not info.examples:
        return ""
    value = info.examples[0]
    if isinstance(value, list):
        value = "[" + ", ".join(map(str, value)) + "]"
    return f", t.ex. `{info.alias}: {value}`"


def _hint(info) -> str:
    if info is None:
        return ""
    text = (info.description or "").rstrip(".")
    return f" – {text}{_example(info)}" if text else _example(info)


TYPE_WORDS = {
    "string_type": "en text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "list_type": "en lista (en rad per punkt som börjar med `- `, eller `[a, b]`)",
    "model_type": "en grupp av fält (`fält: värde` på indragna rader under)",
    "model_attributes_type": "en grupp av fält (`fält: värde` på indragna rader under)",
    "dict_type": "en grupp av fält (`fält: värde` på indragna rader under)",
    "date_type": "ett datum på formen ÅÅÅÅ-MM-DD, t.ex. 2026-02-01",
    "date_parsing": "ett datum på formen ÅÅÅÅ-MM-DD, t.ex. 2026-02-01",
    "date_from_datetime_inexact": "ett datum utan klockslag, på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "ett datum på formen ÅÅÅÅ-MM-DD, t.ex. 2026-02-01",
    "bool_type": "ja eller nej (`true` eller `false`)",
}

PATTERN_WORDS = {
    "https?": "en webbadress som börjar med https://",
    "@": "en e-postadress, t.ex. kvalitet@exempelkommun.se",
    "0-9": "ett telefonnummer med siffror, mellanslag och bindestreck, t.ex. 010-123 45 67",
}


def plural(count: int, one: str, many: str) -> str:
    """`1 fil`, `2 filer`: the count with the right Swedish form."""
    return f"{count} {one if count == 1 else many}"


def _shown(value: Any, source: str | None = None) -> str:
    """A value as the editor wrote it: the file's text when known, never a Python repr."""
    if source is None:
        source = value if isinstance(value, str) else _describe(value)
    text = " ".join(source.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_describe(v) if not isinstance(v, str) else v for v in value) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_describe(v) if not isinstance(v, str) else v}" for k, v in value.items())
    return "" if value is None else str(value)


def _allowed(ctx: dict) -> list[str]:
    words = [w.strip(" '") for w in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
    return [w for w in words if w]


def pydantic_message(error: ErrorDetails, model: type[BaseModel], source: str | None = None) -> str:
    """Swedish message for one pydantic error: which field, what is wrong, what to write instead.

    `source` is the value as written in the file; it is shown instead of the parsed value."""
    loc = tuple(error["loc"])
    kind = error["type"]
    name = field_name(loc)
    info = _field_info(model, loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"fältet `{loc[-1]}` saknas. Lägg till `{loc[-1]}:`{_hint(info)}."
    if kind == "extra_forbidden":
        allowed = allowed_fields(model, loc[:-1])
        return (f"okänt fält `{loc[-1]}`.{suggest(str(loc[-1]), allowed)} "
                f"Tillåtna fält här: {', '.join(allowed)}.")
    if value is None and kind in ("literal_error", "enum"):
        return f"`{name}` saknar värde. Skriv ett av: {', '.join(_allowed(ctx))}."
    if value is None and (kind in TYPE_WORDS or kind == "string_too_short"):
        return f"`{name}` saknar värde. Skriv {TYPE_WORDS.get(kind, 'en text')} efter kolonet{_example(info)}."
    if kind == "string_type" and isinstance(value, dict):
        return (f"`{name}` ska vara en text, men YAML läser `{_shown(value, source)}` som ett fält eftersom "
                "texten innehåller kolon följt av mellanslag (`: `). Sätt hela texten inom citattecken.")
    if kind == "string_type" and isinstance(value, list):
        return (f"`{name}` ska vara en text, inte en lista. Skriv texten efter kolonet utan `- ` och `[ ]`, "
                "eller sätt den inom citattecken.")
    if kind in TYPE_WORDS:
        quote = " Sätt citattecken runt värdet om det ska vara text." if kind == "string_type" else ""
        return f"`{name}` ska vara {TYPE_WORDS[kind]}, inte `{_shown(value, source)}`.{quote}"
    if kind in ("literal_error", "enum"):
        allowed = _allowed(ctx)
        return (f"`{name}` har värdet `{_shown(value, source)}`, som inte är tillåtet."
                f"{suggest(str(value), allowed)} "
                f"Skriv ett av: {', '.join(allowed)}.")
    if kind == "string_too_short":
        return f"`{name}` får inte vara tomt{_hint(info)}."
    if kind == "too_short":
        return f"`{name}` måste ha minst {plural(ctx.get('min_length', 1), 'punkt', 'punkter')}{_hint(info)}."
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        want = next((w for key, w in PATTERN_WORDS.items() if key in pattern), "text i rätt format")
        return f"`{name}` har värdet `{_shown(value, source)}`, som inte är {want}."
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"`{name}` är `{_shown(value, source)}` men ska vara ett heltal mellan 1 och 60{_example(info)}."
    if kind == "recursion_loop":
        return f"`{name}` hänvisar till sig själv med ett YAML-ankare. Skriv ut värdet i stället."
    if kind in CUSTOM_ERRORS:
        return f"`{name}` {error['msg']}."
    return f"`{name}` har ett ogiltigt värde `{_shown(value, source)}`{_hint(info)}."


CUSTOM_ERRORS = {"one_line", "entry_id"}
"""Error types raised by our own validators; their message is already Swedish."""
