"""Links between the handbook's own pages, checked before the build: `[mallen](../metoder/swot.md#steg)`.

MkDocs finds a link to a missing page only when it builds, in English and without the YAML line. Here every
internal Markdown link in a YAML text field or a chapter in `docs/` is resolved against the pages the site will
have (the chapters and the pages generated from the content) and their headings.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*(?:\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Link:
    """One internal link: where it is written (1-based line and column) and what it points at."""

    line: int
    column: int
    target: str


def links(markdown: str) -> Iterator[Link]:
    """Internal `.md` and `#anchor` links outside code, with their place in `markdown`."""
    fenced = False
    for number, raw in enumerate(markdown.split("\n"), 1):
        if FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced:
            continue
        visible = CODE.sub(lambda m: " " * len(m[0]), raw)
        for found in LINK.finditer(visible):
            target = found["target"]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not (parts.path.endswith(".md") or target.startswith("#")):
                continue
            yield Link(number, found.start("target") + 1, target)


def anchors(markdown: str) -> set[str]:
    """The ids MkDocs gives the headings of a page (its `toc` slugs, or an explicit `{ #id }`)."""
    found: set[str] = set()
    fenced = False
    for raw in markdown.split("\n"):
        if FENCE.match(raw):
            fenced = not fenced
            continue
        heading = None if fenced else HEADING.match(raw)
        if heading:
            found.add(heading["id"] or _unique(slugify(_plain(heading["text"]), "-"), found))
    return found


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def _unique(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    number = 1
    while f"{slug}_{number}" in taken:
        number += 1
    return f"{slug}_{number}"


def problem(page: str, target: str, pages: dict[str, set[str] | None]) -> str | None:
    """Why `target`, written on site page `page`, leads nowhere; None if it works.

    `pages` maps every site page to its anchors, or to None when they are not known (not checked)."""
    parts = urlsplit(target)
    path = page
    if parts.path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if path not in pages:
        close = _closest(path, pages)
        hint = f" Menade du `{posixpath.relpath(close, posixpath.dirname(page) or '.')}`?" if close else ""
        return (f"länken `{target}` pekar på sidan `{path}`, som inte finns.{hint} Skriv sökvägen från den här "
                "sidan, med `../` för att gå upp en mapp, t.ex. `[SWOT-analys](../metoder/swot.md)`.")
    known = pages[path]
    fragment = unquote(parts.fragment)
    if fragment and known is not None and fragment not in known:
        return (f"länken `{target}` pekar på avsnittet `#{fragment}`, som inte finns på sidan `{path}`. "
                "Skriv avsnittets rubrik med små bokstäver och bindestreck i stället för mellanslag, utan å, ä "
                "och ö (a, a, o), t.ex. `#sa-gar-det-till` för rubriken Så går det till.")
    return None


def _closest(path: str, pages: dict[str, set[str] | None]) -> str | None:
    """The existing page most like `path`: by file name in the same folder, else by the whole path."""
    folder, name = posixpath.split(path)
    siblings = {posixpath.basename(p): p for p in pages if posixpath.dirname(p) == folder}
    matches = difflib.get_close_matches(name, list(siblings), n=1, cutoff=0.7)
    if matches:
        return siblings[matches[0]]
    matches = difflib.get_close_matches(path, list(pages), n=1, cutoff=0.8)
    return matches[0] if matches else None


def docs_pages(docs_dir: Path | None) -> dict[str, str]:
    """Chapter site path (relative to `docs/`) -> its Markdown."""
    if docs_dir is None or not docs_dir.is_dir():
        return {}
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(docs_dir.rglob("*.md"))}
