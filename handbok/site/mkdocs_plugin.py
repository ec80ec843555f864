"""Thin MkDocs adapter: the only module that imports MkDocs. Validation and rendering live in the core."""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbok.browser import embed
from handbok.content import changes, chapters, safety, scan
from handbok.content.handbook import Handbook
from handbok.site import examples, preview, printing, theme
from handbok.site.pages import CONTACTS, INDEX_PAGES, OVERVIEW, STATEMENT, page_sources, render_pages, with_review
from handbok.site.validate import check

log = logging.getLogger("mkdocs.plugins.handbok")


class HandbokConfig(Config):
    content_dir = config_options.Type(str, default="handbook")
    """The YAML content folder, relative to mkdocs.yml."""
    source_edit_uri = config_options.Optional(config_options.Type(str))
    """Edit path of the repository root (e.g. `-/edit/main/`); default: `edit_uri` without the docs folder."""
    snapshot = config_options.Type(bool, default=True)
    """Ship a Pyodide memory snapshot: calculators start about 1 s sooner, the first visit fetches 6.4 MB more."""


class HandbokPlugin(BasePlugin[HandbokConfig]):
    supports_multiple_instances = False
    listed = {OVERVIEW, CONTACTS, *INDEX_PAGES.values(), changes.PAGE, STATEMENT}
    serving = False
    errors: list = []
    pages: dict[str, str] = {}
    """The last good handbook's generated pages: `make serve` keeps their addresses while showing errors."""
    internal_domains: tuple[str, ...] = ()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Also keeps this instance across `make serve`'s rebuilds (MkDocs keeps plugins with on_startup)."""
        self.serving = command == "serve"

    def on_config(self, config):
        self.content_dir = Path(config.config_file_path).parent / self.config.content_dir
        handbook, self.errors = check(self.content_dir, Path(config.docs_dir))
        if self.errors and not self.serving:
            raise PluginError(preview.summary(self.errors))
        if self.errors:  # the preview shows them on every page (handbok/site/preview.py) and recovers on save
            log.info(preview.summary(self.errors))
            return self._configure_assets(config)
        assert handbook is not None, "check() gives the handbook whenever it finds no errors"
        self.handbook: Handbook = handbook
        self.pages = render_pages(handbook)
        self.sources = page_sources(handbook)
        self.reviews = chapters.read(Path(config.docs_dir), handbook, dt.date.today())[0]
        meta = handbook.meta
        self.internal_domains = tuple(meta.internal_domains)
        if not config.site_url:
            log.info(theme.NO_ADDRESS)
        config.extra["handbok"] = {
            "organisation": meta.organisation, "titel": meta.title, "version": meta.version,
            "beslut": {"organ": meta.decision.body, "referens": meta.decision.reference,
                       "datum": meta.decision.date.isoformat()},
        }
        self.edit_base = self._edit_base(config)
        return self._configure_assets(config)

    def _configure_assets(self, config):
        config.extra_css.extend(embed.ASSETS_CSS)
        try:
            self.worker_stamp = embed.stamp(embed.worker_source(snapshot=self.config.snapshot))
        except embed.MissingPyodide as exc:
            raise PluginError(str(exc)) from exc
        return config

    def _edit_base(self, config) -> str | None:
        """URL prefix that a content path like `handbook/metoder/swot.yml` is appended to."""
        if not config.repo_url:
            return None
        edit_uri = self.config.source_edit_uri
        if edit_uri is None:
            docs = Path(config.docs_dir).name + "/"
            edit_uri = (config.edit_uri or "").removesuffix(docs)
        return posixpath.join(config.repo_url.rstrip("/") + "/", edit_uri.lstrip("/"))

    def on_files(self, files: Files, config) -> Files:
        for unsafe in [f for f in files if not _publishable(f, Path(config.docs_dir))]:
            files.remove(unsafe)  # `handbok check` names these; never publish them even if it was skipped
        for path, markdown in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path}: sidan skapas från {self.content_dir.name}/ och får "
                                  "inte finnas som fil i docs/. Ta bort filen.")
            # entry pages stay out of the navigation, so every page carries a nav of the same size whatever the
            # number of entries; their index pages list them (docs/om/beslut.md, "Navigeringen")
            inclusion = InclusionLevel.INCLUDED if path in self.listed else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
        self.page_urls = [page.url for page in files.documentation_pages()]
        return files

    def on_page_read_source(self, page: Page, config) -> str | None:
        """The page's source with only the front matter the policy allows, so MkDocs never parses the rest
        (a `template:`, an alias bomb, or a first line that MultiMarkdown would take for metadata)."""
        if self.errors:
            return preview.error_page(self.errors)
        source = page.file.abs_src_path
        if page.file.generated_by or source is None:
            return None
        text = Path(source).read_bytes().decode("utf-8-sig", errors="replace")
        return safety.safe_front_matter(text)

    def on_page_markdown(self, markdown: str, page: Page, config, files: Files) -> str:
        """Point "Redigera sidan" of a generated page at its YAML source; aggregate pages get no edit link."""
        if self.errors:
            return markdown
        source = self.sources.get(page.file.src_uri)
        if page.file.generated_by:
            page.edit_url = (posixpath.join(self.edit_base, self.content_dir.name, source)
                             if source and self.edit_base else None)
        if page.file.src_uri in self.reviews:
            markdown = with_review(markdown, self.handbook, page.file.src_uri, self.reviews[page.file.src_uri],
                                   dt.date.today())
        try:
            return examples.insert(markdown)  # the editor guide's `[[felexempel]]` (real check messages)
        except examples.ExampleError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from exc

    def on_page_content(self, html: str, page: Page, config, files: Files) -> str:
        """Sanitise the rendered page, mark outbound links for print, then insert the calculator forms (which
        the sanitiser would strip)."""
        page.title = safety.plain_text(page.title or "")  # the theme prints it unescaped
        html = printing.mark_outbound_links(safety.sanitize(html, self.internal_domains))
        if self.errors:
            return html
        return embed.render_markers(html, matrices=self.handbook.meta.risk_matrices)

    def on_post_page(self, output: str, page: Page, config) -> str:
        worker = f"{get_relative_url(embed.WORKER, page.url)}?v={self.worker_stamp}"
        return embed.add_script(output, get_relative_url(embed.SCRIPT, page.url), worker,
                                get_relative_url(embed.START, page.url))

    def on_post_build(self, config) -> None:
        try:
            embed.write_assets(Path(config.site_dir), snapshot=self.config.snapshot)
            theme.adapt(Path(config.site_dir), self.page_urls, config.site_url)
        except Exception as exc:  # the build must end with the Swedish reason, not a traceback
            raise PluginError(str(exc)) from exc

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_dir))
        return server


def _publishable(file: File, docs_dir: Path) -> bool:
    """Theme and generated files, and docs files of an allowed kind and name that are no symlink."""
    if file.generated_by or file.abs_src_path is None or Path(file.src_dir or "") != docs_dir:
        return True
    source = Path(file.abs_src_path)
    names_ok = all(scan.FILE_NAME.match(part) for part in Path(file.src_uri).parts)
    return (names_ok and source.suffix in scan.STATIC_SUFFIXES and not source.is_symlink()
            and source.resolve().is_relative_to(docs_dir.resolve()))

