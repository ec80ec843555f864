"""What pull-request checks need: errors as platform annotations, and a link check of the built site."""

from __future__ import annotations

import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbok.content.errors import ContentError, plural

FORMATS = ("text", "github", "gitlab")


def report(errors: list[ContentError], fmt: str) -> str:
    """The errors as plain lines, GitHub workflow commands, or a GitLab Code Quality report (JSON)."""
    if fmt == "github":
        return "\n".join(github_annotation(e) for e in errors)
    if fmt == "gitlab":
        return json.dumps([gitlab_issue(e) for e in errors], ensure_ascii=False, indent=2)
    return "\n".join(map(str, errors))


def summary(errors: list[ContentError], files: int) -> str:
    """Markdown for the pull request's job summary: every error, where annotations stop at the first ten."""
    if not errors:
        return f"### Kontroll av handboken\n\nInga fel i {plural(files, 'fil', 'filer')}.\n"
    rows = [f"| `{e.path}` | {e.line} | {_cell(e.message)} |" for e in errors]
    return "\n".join([
        "### Kontroll av handboken", "",
        f"{len(errors)} fel i {plural(len({e.path for e in errors}), 'fil', 'filer')}. Rätta dem i ordning; "
        "varje rad säger vad du ska skriva i stället.", "",
        "| Fil | Rad | Fel |", "|---|---|---|", *rows, ""])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _escape(text: str, *, property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def github_annotation(error: ContentError) -> str:
    """`::error file=...,line=...,col=...::message`, shown by GitHub on the file and line in the pull request."""
    return (f"::error file={_escape(error.path, property=True)},line={error.line},col={error.column},"
            f"title=Handboken::{_escape(error.message)}")


def gitlab_issue(error: ContentError) -> dict:
    """One Code Quality issue; GitLab shows these in the merge request's diff."""
    fingerprint = hashlib.sha256(str(error).encode("utf-8")).hexdigest()
    return {"description": error.message, "check_name": "handbok-check", "fingerprint": fingerprint,
            "severity": "major", "location": {"path": error.path, "lines": {"begin": error.line}}}


# --- Links in the built site ---------------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if value := values.get(name):
                self.ids.add(value)
        attribute = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}.get(tag)
        if attribute and (target := values.get(attribute)):
            self.links.append((self.getpos()[0], target))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def check_links(site_dir: Path) -> list[str]:
    """Broken links between the site's own pages and files, including `#anchors`; external links are skipped."""
    pages = {path: _parse(path) for path in sorted(site_dir.rglob("*.html"))}
    problems = []
    for path, parsed in pages.items():
        for line, url in parsed.links:
            problem = _problem(site_dir, path, url, pages)
            if problem:
                problems.append(f"{path.relative_to(site_dir).as_posix()}:{line}: {problem}")
    return problems


def _problem(site_dir: Path, page: Path, url: str, pages: dict[Path, _Links]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None  # external or mailto:/tel:, not checked offline
    target = page
    if parts.path:
        base = "" if parts.path.startswith("/") else page.parent.relative_to(site_dir).as_posix()
        relative = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        if relative.startswith(".."):
            return f"länken `{url}` pekar utanför webbplatsen."
        target = site_dir / relative
        if target.is_dir() or parts.path.endswith("/"):
            target = target / "index.html"
    if not target.exists():
        return f"länken `{url}` pekar på en sida eller fil som inte finns."
    if parts.fragment and target.suffix == ".html":
        ids = pages[target].ids if target in pages else _parse(target).ids
        if unquote(parts.fragment) not in ids:
            return f"länken `{url}` pekar på avsnittet `#{parts.fragment}`, som inte finns på sidan."
    return None
