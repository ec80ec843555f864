"""The steps of a build that every engine shares: validate, the Markdown each page gets, what happens to a
page's HTML, and what the site gets besides its pages.

`handbok build` runs them around any engine (handbok/site/build.py); the MkDocs plugin calls them from its
hooks for `make serve`. Nothing here imports an engine.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path

from handbok.browser import compress, embed, snapshot
from handbok.content import chapters, safety, scan
from handbok.content.handbook import Handbook
from handbok.content.model import Reviewed
from handbok.site import cms, examples, offline, preview, printing, search, theme
from handbok.site.pages import CARDS, page_sources, render_pages, with_review
from handbok.site.validate import check


class BuildError(RuntimeError):
    """A reason the site cannot be built, in Swedish, for the person building."""


@dataclass
class Content:
    """Validated content and everything generated from it for one build."""

    handbook: Handbook
    content_dir: Path
    pages: dict[str, str]
    """Generated page (path relative to docs) -> Markdown."""
    sources: dict[str, str]
    """Generated page -> its YAML file, relative to the content folder."""
    reviews: dict[str, Reviewed]
    """Hand-written chapter -> its owner and review dates."""
    today: dt.date


def prepare(content_dir: Path, docs_dir: Path, today: dt.date | None = None) -> Content:
    """Validate the content and the chapters, and render the generated pages; every error stops the build."""
    handbook, errors = check(content_dir, docs_dir, today)
    if errors or handbook is None:
        raise BuildError(preview.summary(errors))
    return generate(handbook, content_dir, docs_dir, today)


def generate(handbook: Handbook, content_dir: Path, docs_dir: Path, today: dt.date | None = None) -> Content:
    """The pages of a validated handbook and the review data of its chapters."""
    today = today or dt.date.today()
    return Content(handbook, content_dir, render_pages(handbook, today), page_sources(handbook),
                   chapters.read(docs_dir, handbook, today)[0], today)


def page_markdown(content: Content, path: str, markdown: str) -> str:
    """A page's Markdown with its review block (hand-written chapters) and the editor guide's examples."""
    if path in content.reviews:
        markdown = with_review(markdown, content.handbook, path, content.reviews[path], content.today)
    try:
        return examples.insert(markdown)  # the editor guide's `[[felexempel]]` (real check messages)
    except examples.ExampleError as exc:
        raise BuildError(f"{path}: {exc}") from exc


def safe_source(source: Path) -> str:
    """A docs page's text with only the front matter the policy allows, so no engine parses the rest (a
    `template:`, an alias bomb, or a first line that MultiMarkdown would take for metadata)."""
    return safety.safe_front_matter(source.read_bytes().decode("utf-8-sig", errors="replace"))


def publishable(source: Path, path: str, docs_dir: Path) -> bool:
    """A docs file of an allowed kind and name that is no symlink and stays inside the docs folder."""
    names_ok = all(scan.FILE_NAME.match(part) for part in Path(path).parts)
    return (names_ok and source.suffix in scan.STATIC_SUFFIXES and not source.is_symlink()
            and source.resolve().is_relative_to(docs_dir.resolve()))


def unsearched(content: Content) -> list[str]:
    """Generated pages kept out of search (`extra.sok_utan`, overrides/main.html): the printable method
    cards repeat their method's page."""
    return [path for path in content.pages if path.startswith(f"{CARDS}/")]


def site_extra(handbook: Handbook) -> dict:
    """`extra.handbok` of the engine's configuration: what the overrides print from handbook.yml."""
    meta = handbook.meta
    return {"organisation": meta.organisation, "titel": meta.title, "version": meta.version,
            "beslut": {"organ": meta.decision.body, "referens": meta.decision.reference,
                       "datum": meta.decision.date.isoformat()}}


def edit_base(repo_url: str | None, edit_uri: str | None, source_edit_uri: str | None, docs_name: str) -> str | None:
    """URL prefix that a content path like `handbook/metoder/swot.yml` is appended to."""
    if not repo_url:
        return None
    if source_edit_uri is None:
        source_edit_uri = (edit_uri or "").removesuffix(docs_name + "/")
    return posixpath.join(repo_url.rstrip("/") + "/", source_edit_uri.lstrip("/"))


def edit_url(content: Content, base: str | None, path: str) -> str | None:
    """Where "Redigera sidan" of a generated page leads: its YAML file; aggregate pages get none."""
    source = content.sources.get(path)
    return posixpath.join(base, content.content_dir.name, source) if source and base else None


def page_content(html: str, handbook: Handbook | None) -> str:
    """A page's own HTML sanitised, outbound links marked for print, then the calculator forms inserted
    (which the sanitiser would strip); without a handbook (the preview of content with errors) no forms."""
    domains = tuple(handbook.meta.internal_domains) if handbook else ()
    html = printing.mark_outbound_links(safety.sanitize(html, domains))
    return embed.render_markers(html, matrices=handbook.meta.risk_matrices) if handbook else html


@dataclass(frozen=True)
class Runtime:
    """Where the calculators' runtime comes from, from the plugin options (relative to mkdocs.yml)."""

    pyodide_dir: Path
    snapshot: bool
    """Ship a memory snapshot: asked for in the options, and Node is there to make it."""
    cache_dir: Path | None
    offline: bool = True
    """Write the service worker that keeps visited pages and the runtime for repeat visits and reading without
    network (handbok/site/offline.py); the option `offline` of the `handbok` plugin."""


def runtime(project: Path, options: dict) -> Runtime:
    """The runtime the options of the `handbok` plugin ask for; without Node no snapshot (logged by the caller)."""
    pyodide = options.get("pyodide_dir")
    cache = options.get("cache_dir")
    return Runtime(project / pyodide if pyodide else embed.PYODIDE_SRC,
                   bool(options.get("snapshot", True)) and snapshot.node() is not None,
                   project / cache if cache else None, bool(options.get("offline", True)))


def check_runtime(runtime: Runtime) -> None:
    """Fail before the engine runs, in Swedish, when Pyodide is not where the options say."""
    try:
        embed.pyodide_version(runtime.pyodide_dir)
    except embed.MissingPyodide as exc:
        raise BuildError(str(exc)) from exc


def page_scripts(page: str, url: str) -> str:
    """A built page with the calculator script in its <head>, addressed relative to the page at `url`."""
    return embed.add_script(page, relative(embed.SCRIPT, url))


def relative(target: str, url: str) -> str:
    """`target` (relative to the site) as seen from the page at `url` (`metoder/swot/` or `404.html`)."""
    base = url if url.endswith("/") or not url else posixpath.dirname(url)
    return posixpath.relpath(target, base.rstrip("/") or ".")


def site_files(site_dir: Path, page_urls: list[str], site_url: str | None, runtime: Runtime,
               serving: bool = False) -> list[str]:
    """What the built site gets besides its pages: Pyodide, the wheel and snapshot, the theme's adaptation,
    the search index and the service worker (never in `make serve`'s preview, which must show the file just
    saved); later site-wide post-steps belong here. Returns notices for the person building."""
    try:
        embed.write_assets(site_dir, runtime.pyodide_dir, runtime.snapshot, runtime.cache_dir)
        theme.adapt(site_dir, page_urls, site_url)
        notices = [] if search.available() else [search.UNAVAILABLE]
        if not notices:
            search.build_index(site_dir)
        if runtime.offline and not serving:  # after the files its stamp covers
            offline.write(site_dir, True, embed.runtime_urls(runtime.pyodide_dir, runtime.snapshot))
        else:
            offline.write(site_dir, False)
        compress.precompress(site_dir)  # last: the copies must match the final files
    except Exception as exc:  # the build must end with the Swedish reason, not a traceback
        raise BuildError(str(exc)) from exc
    return notices


def form_editor(site_dir: Path, repo_url: str | None, docs_dir: Path, content_dir: Path,
                backend: dict) -> list[str]:
    """The form editor under /redigera/ (Decap CMS, handbok/site/cms.py), configured from the content model.
    Returns notices for the person building."""
    if not cms.available():
        return [cms.UNAVAILABLE]
    try:
        cms.write(site_dir, cms.config(repo_url, docs_dir, content_dir.name, backend))
    except Exception as exc:  # the build must end with the Swedish reason, not a traceback
        raise BuildError(str(exc)) from exc
    return []
