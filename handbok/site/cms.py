"""The form editor under /redigera/: Decap CMS, self-hosted, configured from the content model.

Every field of every kind is described once, in `handbok.model`: its YAML name, Swedish title and help, whether it
is required, and what it refers to (`schema.REFERENCES`). The CMS configuration is generated from there, so a new
field appears in the form without a second list to keep in step. The CMS is a convenience; `handbok check` in the
pull request is still the gate for everything it saves (docs/om/beslut.md, decision 20).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import types
import typing
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from handbok.content import model, schema
from handbok.content.kinds import CALCULATORS, KINDS, REFERENCES, Kind, calculator_names
from handbok.content.new import field_order

PATH = "redigera"
"""Where the editor is served, relative to the site root."""
ROOT = Path(__file__).resolve().parents[2]
DECAP = ROOT / "node_modules" / "decap-cms" / "dist"
YAML_LIB = ROOT / "node_modules" / "yaml" / "browser" / "dist"
ASSETS = Path(__file__).with_name("redigera")
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
"""`npx decap-server` (port 8081): the CMS uses it when the site is opened on 127.0.0.1 or localhost."""
CHAPTER_FOLDERS_SKIPPED = {"om"}
"""Pages about the site itself (editor guide, decisions): developers change them with the code."""

PATTERN_HELP = {model.Url: "Skriv en webbadress som börjar med https://",
                model.Email: "Skriv en e-postadress, t.ex. kvalitet@exempelkommun.se",
                model.Phone: "Skriv ett telefonnummer med siffror, t.ex. 010-123 45 67"}
MARKDOWN_MODES = ["raw", "rich_text"]
"""Raw first: the text is saved exactly as written; rich text is there for those who want buttons."""


def config(repo_url: str | None, docs_dir: Path, content: str = "handbook",
           backend: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole Decap configuration: backend from the repository address, one collection per kind of entry,
    handbook.yml, and one per chapter folder."""
    return {
        "backend": {**_backend(repo_url), **(backend or {})},
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": LOCAL_PROXY, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "sv",
        "load_config_file": False,
        "media_folder": "docs/assets/bilder",
        "public_folder": "/assets/bilder",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*(_kind(kind, content) for kind in KINDS.values()), _meta(content), *_chapters(docs_dir)],
    }


def _backend(repo_url: str | None) -> dict[str, Any]:
    """GitHub for github.com, otherwise GitLab (self-hosted allowed) with sign-in by PKCE in the browser."""
    if not repo_url:
        return {"name": "gitlab", "repo": "", "branch": "main"}
    parts = urlsplit(repo_url)
    repo = parts.path.strip("/").removesuffix(".git")
    if parts.hostname == "github.com":
        return {"name": "github", "repo": repo, "branch": "main"}
    base = f"{parts.scheme}://{parts.netloc}"
    return {"name": "gitlab", "repo": repo, "branch": "main", "base_url": base, "api_root": f"{base}/api/v4",
            "auth_type": "pkce", "auth_endpoint": "oauth/authorize"}


def _kind(kind: Kind, content: str) -> dict[str, Any]:
    return {
        "name": kind.folder, "label": kind.folder.capitalize(), "label_singular": kind.title,
        "folder": f"{content}/{kind.folder}", "extension": "yml", "format": f"handbok-{kind.word}",
        "create": True, "delete": True, "identifier_field": "namn", "slug": "{{namn}}", "summary": "{{namn}}",
        "sortable_fields": ["namn", "senast_granskad"], "fields": fields(kind.model),
    }


def _meta(content: str) -> dict[str, Any]:
    return {"name": "handboken", "label": "Handboken", "files": [{
        "name": "handbok", "label": "Uppgifter om handboken", "file": f"{content}/{schema.META_FILE}",
        "format": f"handbok-{schema.META_SCHEMA}", "fields": fields(model.HandbookMeta)}]}


def _chapters(docs_dir: Path) -> list[dict[str, Any]]:
    """One collection per folder of chapters in docs/: owner, review date and the text."""
    folders = sorted(p for p in docs_dir.iterdir() if p.is_dir() and any(p.glob("*.md"))
                     and p.name not in CHAPTER_FOLDERS_SKIPPED) if docs_dir.is_dir() else []
    review = [f for f in fields(model.Reviewed) if f["name"] in ("ägare", "senast_granskad")]
    chapter_fields = [{**f, "required": False} for f in review]
    body = {"name": "body", "label": "Text", "widget": "markdown", "modes": MARKDOWN_MODES,
            "hint": "Kapitlets text med rubriker i Markdown. Första raden är sidans rubrik, t.ex. `# Styrmodell`."}
    return [{"name": f"kapitel-{folder.name}", "label": f"Kapitel: {folder.name}", "label_singular": "Kapitel",
             "folder": f"{docs_dir.name}/{folder.name}", "extension": "md", "format": "handbok-kapitel",
             "create": False, "delete": False, "identifier_field": "body", "summary": "{{filename}}",
             "fields": [*chapter_fields, body]} for folder in folders]


def fields(cls: type[BaseModel]) -> list[dict[str, Any]]:
    """Decap fields for a model. Decap writes new keys in this order: for entries the order of `handbok new`'s
    template (own fields first, owner and review last), as the existing files have it."""
    hints = typing.get_type_hints(cls, include_extras=True)
    names = field_order(cls) if any(cls is kind.model for kind in KINDS.values()) else list(cls.model_fields)
    return [_field(cls.model_fields[name], hints[name]) for name in names]


def _field(info: FieldInfo, annotation: Any) -> dict[str, Any]:
    alias = info.alias or ""
    field = {"name": alias, "label": info.title or alias, "required": info.is_required()}
    if info.description:
        field["hint"] = info.description
    optional, annotation = _without_none(annotation)
    if optional:
        field["required"] = False
    return {**field, **_widget(alias, annotation, info)}


def _without_none(annotation: Any) -> tuple[bool, Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return True, args[0]
    return False, annotation


def _widget(alias: str, annotation: Any, info: FieldInfo | None = None) -> dict[str, Any]:
    """The Decap widget for a type; references to other entries become relation widgets."""
    target = REFERENCES.get(alias)
    is_list = typing.get_origin(annotation) is list
    item = typing.get_args(annotation)[0] if is_list else annotation
    if target == CALCULATORS:
        return {"widget": "select", "multiple": is_list, "options": sorted(calculator_names())}
    if target:
        return {"widget": "relation", "collection": target, "value_field": "{{slug}}",
                "search_fields": ["namn"], "display_fields": ["namn"], "multiple": is_list}
    if typing.get_origin(item) is Literal:
        return {"widget": "select", "multiple": is_list, "options": list(typing.get_args(item))}
    if is_list:
        return _list(alias, item, info)
    return _single(alias, annotation, info)


def _list(alias: str, item: Any, info: FieldInfo | None) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "list"}
    if isinstance(item, type) and issubclass(item, BaseModel):
        widget["fields"] = fields(item)
        widget["summary"] = "{{" + widget["fields"][0]["name"] + "}}"
    else:
        widget["field"] = {"name": alias, "label": (info.title if info else None) or alias, **_single(alias, item)}
    minimum = _limit(info, "min_length")
    if minimum:
        widget["min"] = minimum
    return widget


def _single(alias: str, annotation: Any, info: FieldInfo | None = None) -> dict[str, Any]:
    if annotation is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": True}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": fields(annotation)}
    if annotation is int or annotation == model.Months:
        return {"widget": "number", "value_type": "int", "min": _limit(info, "ge") or 1,
                "max": _limit(info, "le") or 60}
    if annotation == model.Markdown:
        return {"widget": "markdown", "modes": MARKDOWN_MODES}
    if annotation in PATTERN_HELP:
        pattern = next(m.pattern for m in typing.get_args(annotation)[1:] if getattr(m, "pattern", None))
        return {"widget": "string", "pattern": [pattern, PATTERN_HELP[annotation]]}
    if typing.get_origin(annotation) is dict:
        return {"widget": "hidden"}  # risk matrices: nested tables that only a text editor can show
    return {"widget": "string"}


def _limit(info: FieldInfo | None, name: str) -> int | None:
    """A numeric constraint (`ge`, `le`, `min_length`) from a field's metadata or its annotated type."""
    if info is None:
        return None
    found = [getattr(m, name) for m in info.metadata if getattr(m, name, None) is not None]
    annotation = _without_none(info.annotation)[1]
    for meta in getattr(annotation, "__metadata__", ()):
        found += [getattr(m, name) for m in getattr(meta, "metadata", [meta]) if getattr(m, name, None) is not None]
    return found[0] if found else None


def headers() -> dict[str, str]:
    """Content file format name -> the schema line its files start with (kept on save, added to new files)."""
    formats = {f"handbok-{kind.word}": schema.header(kind.word) for kind in KINDS.values()}
    formats[f"handbok-{schema.META_SCHEMA}"] = schema.header(schema.META_SCHEMA, nested=False)
    return formats


def csp(cfg: dict[str, Any]) -> str:
    """The editor's own policy: Decap needs `unsafe-eval` (it compiles its config schema) and inline styles
    (CSS-in-JS); it talks to the Git service's API and, on the editor's own machine, to decap-server."""
    backend = cfg["backend"]
    api = backend.get("api_root") or ("https://api.github.com" if backend["name"] == "github" else "")
    base = backend.get("base_url", "")
    proxy = urlsplit(LOCAL_PROXY)
    connect = " ".join(dict.fromkeys(filter(None, ["'self'", _origin(api), _origin(base),
                                                   f"{proxy.scheme}://{proxy.netloc}", "http://localhost:8081"])))
    return (f"default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:; connect-src {connect}; font-src 'self'; worker-src 'self' blob:; "
            f"object-src 'none'; base-uri 'self'; form-action 'self'")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


UNAVAILABLE = ("Formulärredigeringen (/redigera/) byggs inte: npm-paketet decap-cms saknas (`npm ci` installerar "
               "det). Sidorna fungerar; redaktörer redigerar då YAML-filerna direkt.")


def available() -> bool:
    """Decap CMS (package-lock.json) is installed beside the package."""
    return (DECAP / "decap-cms.js").is_file()


def write(site_dir: Path, cfg: dict[str, Any]) -> Path:
    """Write /redigera/ into the built site: the page, its configuration, our formats and Decap's files."""
    target = site_dir / PATH
    if not (DECAP / "decap-cms.js").is_file():
        raise FileNotFoundError("Decap CMS saknas i node_modules/decap-cms. Kör `make setup` (npm ci).")
    target.mkdir(parents=True, exist_ok=True)
    for source in DECAP.iterdir():
        if source.name.endswith("decap-cms.js") or source.suffix == ".wasm":  # cms.js is the same build again
            shutil.copy2(source, target / source.name)
    shutil.copytree(YAML_LIB, target / "yaml", dirs_exist_ok=True)
    for source in ASSETS.iterdir():
        shutil.copy2(source, target / source.name)
    page = (ASSETS / "index.html").read_text(encoding="utf-8").replace("{{csp}}", csp(cfg))
    (target / "index.html").write_text(page, encoding="utf-8")
    settings = {"config": cfg, "headers": headers()}
    (target / "config.json").write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    return target
