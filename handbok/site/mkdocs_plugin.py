"""MkDocs adapter, the only module that imports MkDocs: the plugin that `make serve` runs (live reload) and
`run`, the engine of `handbok build --engine mkdocs`. Both call the shared steps in handbok/site/steps.py."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from handbok.browser import embed, snapshot
from handbok.content import changes, safety
from handbok.site import preview, search, steps, theme
from handbok.site.pages import CONTACTS, GLOSSARY, INDEX_PAGES, OVERVIEW, STATEMENT, abbreviations
from handbok.site.steps import BuildError
from handbok.site.validate import check

log = logging.getLogger("mkdocs.plugins.handbok")


class HandbokConfig(Config):
    content_dir = config_options.Type(str, default="handbook")
    """The YAML content folder, relative to mkdocs.yml."""
    source_edit_uri = config_options.Optional(config_options.Type(str))
    """Edit path of the repository root (e.g. `-/edit/main/`); default: `edit_uri` without the docs folder."""
    snapshot = config_options.Type(bool, default=True)
    """Ship a Pyodide memory snapshot: calculators start about 1 s sooner, the first visit fetches 6.4 MB more."""
    pyodide_dir = config_options.Optional(config_options.Type(str))
    """Folder with Pyodide's core files, relative to mkdocs.yml; default: the installed package's own."""
    cache_dir = config_options.Optional(config_options.Type(str))
    """Where snapshots are cached, relative to mkdocs.yml; default: the user's cache folder."""
    offline = config_options.Type(bool, default=True)
    """A service worker keeps visited pages and the calculators' runtime (handbok/site/offline.py); false: none,
    and one an earlier build registered is removed."""
    cms_backend = config_options.Type(dict, default={})
    """Extra settings for the form editor's Git backend (e.g. GitLab `app_id`), merged over what `repo_url` gives."""


class HandbokPlugin(BasePlugin[HandbokConfig]):
    supports_multiple_instances = False
    listed = {OVERVIEW, CONTACTS, *INDEX_PAGES.values(), changes.PAGE, STATEMENT, GLOSSARY}
    serving = False
    errors: list = []
    content: steps.Content | None = None
    """The last good handbook and its pages: `make serve` keeps their addresses while showing errors."""
    keywords: dict[str, list[str]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Also keeps this instance across `make serve`'s rebuilds (MkDocs keeps plugins with on_startup)."""
        self.serving = command == "serve"

    def on_config(self, config):
        self.content_dir = Path(config.config_file_path).parent / self.config.content_dir
        docs_dir = Path(config.docs_dir)
        handbook, self.errors = check(self.content_dir, docs_dir)
        if self.errors and not self.serving:
            raise PluginError(preview.summary(self.errors))
        config.extra_css.extend(embed.ASSETS_CSS)
        _add_overrides(config.theme)
        self.runtime = steps.runtime(Path(config.config_file_path).parent, dict(self.config))
        if self.config.snapshot and not self.runtime.snapshot:
            log.info(snapshot.NO_NODE)  # not a warning: a strict build without Node still ships working calculators
        try:
            steps.check_runtime(self.runtime)
        except BuildError as exc:
            raise PluginError(str(exc)) from exc
        if self.errors:  # the preview shows them on every page (handbok/site/preview.py) and recovers on save
            log.info(preview.summary(self.errors))
            return config
        assert handbook is not None, "check() gives the handbook whenever it finds no errors"
        self.content = steps.generate(handbook, self.content_dir, docs_dir)
        if not config.site_url:
            log.info(theme.NO_ADDRESS)
        config.extra["handbok"] = steps.site_extra(handbook)
        config.extra["sok_utan"] = [*(config.extra.get("sok_utan") or []), *steps.unsearched(self.content)]
        self.edit_base = steps.edit_base(config.repo_url, config.edit_uri, self.config.source_edit_uri,
                                         docs_dir.name)
        self.keywords = search.page_keywords(handbook)
        if handbook.glossary:  # every page explains the glossary's terms where it uses them
            config.markdown_extensions.append("abbr")
            config.mdx_configs["abbr"] = {"glossary": abbreviations(handbook.glossary)}
        return config

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config.docs_dir)
        for unsafe in [f for f in files if not _publishable(f, docs_dir)]:
            files.remove(unsafe)  # `handbok check` names these; never publish them even if it was skipped
        for path, markdown in (self.content.pages if self.content else {}).items():
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
        if self.errors:
            return preview.error_page(self.errors)
        source = page.file.abs_src_path
        return None if page.file.generated_by or source is None else steps.safe_source(Path(source))

    def on_page_markdown(self, markdown: str, page: Page, config, files: Files) -> str:
        """Point "Redigera sidan" of a generated page at its YAML source; aggregate pages get no edit link."""
        if self.errors or self.content is None:
            return markdown
        page.meta["sökord"] = self.keywords.get(page.file.src_uri, [])  # overrides/partials/search-keywords.html
        if page.file.generated_by:
            page.edit_url = steps.edit_url(self.content, self.edit_base, page.file.src_uri)
        try:
            return steps.page_markdown(self.content, page.file.src_uri, markdown)
        except BuildError as exc:
            raise PluginError(str(exc)) from exc

    def on_page_content(self, html: str, page: Page, config, files: Files) -> str:
        page.title = safety.plain_text(page.title or "")  # the theme prints it unescaped
        return steps.page_content(html, None if self.errors or self.content is None else self.content.handbook)

    def on_post_page(self, output: str, page: Page, config) -> str:
        return steps.page_scripts(output, page.url)

    def on_post_build(self, config) -> None:
        drop_theme_index(Path(config.site_dir))  # first: the service worker's stamp covers the final files
        try:
            for notice in steps.site_files(Path(config.site_dir), self.page_urls, config.site_url, self.runtime,
                                           self.serving):
                log.info(notice)
            for notice in steps.form_editor(Path(config.site_dir), config.repo_url, Path(config.docs_dir),
                                            self.content_dir, self.config.cms_backend):
                log.info(notice)
        except BuildError as exc:
            raise PluginError(str(exc)) from exc

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_dir))
        return server


def theme_overrides() -> Path:
    """The handbook's templates for mkdocs-material (strict CSP, footer, 404): inside the installed package
    (the wheel carries them, pyproject.toml), else, in a checkout, its `overrides/` folder."""
    packaged = Path(__file__).resolve().with_name("overrides")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "overrides"


def _add_overrides(theme) -> None:
    """Put the handbook's templates before the theme's, after a `custom_dir` of the handbook's own (which
    in this repository is the same folder), so a new handbook's mkdocs.yml needs no `custom_dir`."""
    overrides = theme_overrides()
    if all(Path(folder).resolve() != overrides for folder in theme.dirs):
        theme.dirs.insert(1 if theme.custom_dir else 0, str(overrides))


def _publishable(file: File, docs_dir: Path) -> bool:
    """Theme and generated files, and the docs files `steps.publishable` allows."""
    if file.generated_by or file.abs_src_path is None or Path(file.src_dir or "") != docs_dir:
        return True
    return steps.publishable(Path(file.abs_src_path), file.src_uri, docs_dir)


def run(config_file: Path) -> None:
    """`handbok build --engine mkdocs`: `mkdocs build --strict` on the build folder's configuration, which has
    no `handbok` plugin (the build has done its work by then); the site goes to `site/` beside it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
                            cwd=config_file.parent, env=env, check=False)
    if result.returncode != 0:
        raise BuildError("MkDocs kunde inte bygga webbplatsen; orsaken står ovan.")
    drop_theme_index(config_file.parent / "site")


def drop_theme_index(site_dir: Path) -> None:
    """mkdocs-material's lunr index: its search button stays, Pagefind answers (handbok/site/search.py)."""
    shutil.rmtree(site_dir / "search", ignore_errors=True)
