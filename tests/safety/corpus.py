"""Place every payload of `payloads.py` in its input place in a copy of the handbook and docs.

Used twice: by the check test (every payload rejected with file and line) and by the browser test (check
bypassed, nothing runs). `place_all` returns, per payload, the file it went into and the lines it spans.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbok.content import schema

from . import payloads

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Placed:
    name: str
    path: str
    """Shown as `handbook/...` or `docs/...`, as the check prints it."""
    lines: range
    page: str | None
    """The built page that shows it (relative URL), if a page is built from it."""


def copy_project(work: Path, docs: bool = True) -> None:
    for name in ("handbook", "schemas", "overrides", *(["docs"] if docs else [])):
        shutil.copytree(ROOT / name, work / name)
    (work / "docs").mkdir(exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")


def _dump(path: Path, kind: str, data: dict) -> str:
    text = (schema.header(kind, nested=kind != "handbok") + "\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))
    path.write_text(text, encoding="utf-8")
    return text


def _lines(text: str, key: str) -> range:
    """The lines of the value of `key` (first line where it starts, up to the next top-level key)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines, 1) if line.lstrip("- ").startswith(f"{key}:"))
    end = next((i for i, line in enumerate(lines[start:], start + 1) if line[:1].isalpha()), len(lines) + 1)
    return range(start, end)


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def place_all(work: Path, *, browser: bool) -> list[Placed]:
    """Write every payload into `work` (a copy from `copy_project`). With `browser`, only those that the
    loader and the model accept (the check's safety part is what a test bypasses), and no symlink in
    handbook/ (the loader refuses it whatever the test bypasses)."""
    placed = [*_markdown(work), *_plain(work), *_urls(work, browser), *_handbook(work), *_docs_files(work)]
    return placed + _front_matter(work) + _symlinks(work, content=not browser)


def _markdown(work: Path) -> list[Placed]:
    methods = work / "handbook" / "metoder"
    swot = _load(methods / "swot.yml")
    placed = []
    for name, payload in payloads.MARKDOWN.items():
        text = _dump(methods / f"xss-{name}.yml", "metod", {
            **swot, "namn": f"XSS {name}", "beskrivning": payload, "när_använda": payload, "tips": [payload],
            "steg": [{"rubrik": "Steg", "text": payload}], "relaterade_metoder": []})
        placed.append(Placed(name, f"handbook/metoder/xss-{name}.yml", _lines(text, "beskrivning"),
                             f"metoder/xss-{name}/"))
        page = work / "docs" / "xss" / f"{name}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"# XSS {name}\n\nSe [SIQ](https://www.siq.se/).\n\n{payload}\n", encoding="utf-8")
        placed.append(Placed(name, f"docs/xss/{name}.md", range(5, 5 + payload.count("\n") + 1), f"xss/{name}/"))
    return placed


def _plain(work: Path) -> list[Placed]:
    methods, roles = work / "handbook" / "metoder", work / "handbook" / "roller"
    swot, role = _load(methods / "swot.yml"), _load(roles / "chef.yml")
    placed = []
    for name, payload in payloads.PLAIN.items():
        text = _dump(methods / f"xss-{name}.yml", "metod", {**swot, "namn": payload, "relaterade_metoder": []})
        placed.append(Placed(name, f"handbook/metoder/xss-{name}.yml", _lines(text, "namn"), f"metoder/xss-{name}/"))
        text = _dump(roles / f"xss-{name}.yml", "roll", {**role, "namn": payload})
        placed.append(Placed(name, f"handbook/roller/xss-{name}.yml", _lines(text, "namn"), f"roller/xss-{name}/"))
        page = work / "docs" / "rubrik" / f"{name}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"# {payload}\n\nText.\n", encoding="utf-8")
        placed.append(Placed(name, f"docs/rubrik/{name}.md", range(1, 2), f"rubrik/{name}/"))
    return placed


def _urls(work: Path, browser: bool) -> list[Placed]:
    methods, contacts = work / "handbook" / "metoder", work / "handbook" / "kontakter"
    swot, contact = _load(methods / "swot.yml"), _load(contacts / "kvalitetsenheten.yml")
    placed = []
    for name, url in payloads.URLS.items():
        if browser and any(c.isspace() for c in url):
            continue  # the model refuses it before the safety check
        text = _dump(methods / f"xss-{name}.yml", "metod", {
            **swot, "namn": f"XSS {name}", "relaterade_metoder": [], "länkar": [{"titel": "Mallen", "url": url}]})
        placed.append(Placed(name, f"handbook/metoder/xss-{name}.yml", _lines(text, "url"), f"metoder/xss-{name}/"))
        text = _dump(contacts / f"xss-{name}.yml", "kontakt", {**contact, "namn": f"XSS {name}", "intranät": url})
        placed.append(Placed(name, f"handbook/kontakter/xss-{name}.yml", _lines(text, "intranät"), "kontakter/"))
    for name, email in payloads.EMAILS.items():
        text = _dump(contacts / f"xss-{name}.yml", "kontakt", {**contact, "namn": f"XSS {name}", "epost": email})
        placed.append(Placed(name, f"handbook/kontakter/xss-{name}.yml", _lines(text, "epost"), "kontakter/"))
    return placed


def _handbook(work: Path) -> list[Placed]:
    path = work / "handbook" / "handbook.yml"
    data = _load(path)
    for field, payload in payloads.HANDBOOK.items():
        *parents, key = field.split(".")
        target = data
        for parent in parents:
            target = target[parent]
        target[key] = payload
    text = _dump(path, "handbok", data)
    return [Placed(field, "handbook/handbook.yml", _lines(text, field.split(".")[-1]), "")
            for field in payloads.HANDBOOK]


def _front_matter(work: Path) -> list[Placed]:
    placed = []
    folder = work / "docs" / "sidhuvud"
    folder.mkdir()
    for name, front in payloads.FRONT_MATTER.items():
        (folder / f"{name}.md").write_text(f"---\n{front}---\n\n# Sidhuvud {name}\n\nText.\n", encoding="utf-8")
        placed.append(Placed(name, f"docs/sidhuvud/{name}.md", range(2, 2 + front.count("\n")), f"sidhuvud/{name}/"))
    return placed


def _docs_files(work: Path) -> list[Placed]:
    placed = []
    folder = work / "docs" / "filer"
    folder.mkdir()
    for name, content in payloads.STATIC_FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
        placed.append(Placed(name, f"docs/filer/{name}", range(1, 2), None))
    for name in payloads.FILE_NAMES:
        (work / "docs" / name).write_text("# Sida\n\nText.\n", encoding="utf-8")
        placed.append(Placed(name, f"docs/{name}", range(1, 2), None))
    return placed


def _symlinks(work: Path, content: bool) -> list[Placed]:
    placed = []
    for link, target in payloads.SYMLINKS.items():
        if link.startswith("handbook/") and not content:
            continue
        os.symlink(target, work / link)
        placed.append(Placed(link, link, range(1, 2), None))
    return placed
