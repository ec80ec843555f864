"""`handbok build`: the whole pipeline around any engine.

validate -> generate every page into a build folder (`.handbok/build/<engine>/docs/`: the publishable docs files with
safe front matter, plus the pages made from the YAML; the editor's docs/ is never written) and a
configuration next to it -> run the engine (an adapter module: the only modules that import an engine) ->
the engine-independent post-steps on the built HTML (handbok/site/steps.py).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
import shutil
import sys
from pathlib import Path

import yaml

from handbok.browser import embed
from handbok.site import steps
from handbok.site.pages import abbreviations, page_url
from handbok.site.steps import BuildError

ENGINES = {"mkdocs": "handbok.site.mkdocs_plugin", "zensical": "handbok.site.zensical_engine"}
"""Engine -> its adapter, a module with `run(config_file: Path) -> None` that builds into `site/` beside it."""
WORK = Path(".handbok") / "build"
CONTENT = re.compile(r"<!--handbok:innehall-->(.*)<!--/handbok:innehall-->", re.DOTALL)
"""The page's own HTML, as overrides/partials/content.html marks it (the last end marker: an editor cannot
close it early)."""
EDIT_LINK = re.compile(r'<a href="[^"]*"(?=[^>]*\brel="edit")[^>]*>.*?</a>\s*', re.DOTALL)


def build(config_file: Path, engine: str = "mkdocs", site_dir: Path | None = None,
          today: dt.date | None = None) -> Path:
    """Build the site of `config_file` (mkdocs.yml) with `engine` into `site_dir`; returns the site folder."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    options = _plugin_options(config)
    docs_dir = root / config.get("docs_dir", "docs")
    target = (site_dir or root / config.get("site_dir", "site")).resolve()
    _check_target(target, root, docs_dir, root / options.get("content_dir", "handbook"))
    content = steps.prepare(root / options.get("content_dir", "handbook"), docs_dir, today)
    work = root / WORK / engine  # one per engine: Zensical keeps its cache there between builds
    generate(content, docs_dir, work / "docs")
    write_config(config, root, content, work / "mkdocs.yml")
    shutil.rmtree(work / "site", ignore_errors=True)
    importlib.import_module(ENGINES[engine]).run(work / "mkdocs.yml")
    base = steps.edit_base(config.get("repo_url"), config.get("edit_uri"), options.get("source_edit_uri"),
                           docs_dir.name)
    finish(work / "site", content, base, config.get("site_url"), steps.runtime(root, options))
    for notice in steps.form_editor(work / "site", config.get("repo_url"), docs_dir, content.content_dir,
                                    options.get("cms_backend") or {}):
        print(notice, file=sys.stderr)
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(work / "site", target)
    return target


def read_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data, with `!ENV` tags resolved as MkDocs resolves them."""
    try:
        with config_file.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader) or {}  # noqa: S506 (a SafeLoader with one more tag)
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{config_file}: går inte att läsa ({exc}).") from exc


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads `!ENV NAME` and `!ENV [NAME, ..., default]` from the environment."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = ([loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode)
             else loader.construct_sequence(node))  # type: ignore[arg-type]
    *variables, default = names if len(names) > 1 else [*names, None]
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_Loader.add_constructor("!ENV", _env)


def _plugin_options(config: dict) -> dict:
    """The options of the `handbok` plugin entry in mkdocs.yml (`make serve` and this build share them)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "handbok" in plugin:
            return plugin["handbok"] or {}
    return {}


def _check_target(target: Path, root: Path, *inputs: Path) -> None:
    """Refuse a site folder that would replace the project or any of its inputs."""
    if target == root or any(p.resolve().is_relative_to(target) or target.is_relative_to(p.resolve())
                             for p in inputs):
        raise BuildError(f"{target}: webbplatsen kan inte byggas där, för mappen skulle ersätta handbokens "
                         "källfiler. Välj en annan mapp med --site-dir.")


def generate(content: steps.Content, docs_dir: Path, out: Path) -> None:
    """Write the publishable docs files (front matter made safe) and the generated pages into `out`."""
    shutil.rmtree(out, ignore_errors=True)
    for source in sorted(docs_dir.rglob("*")):
        path = source.relative_to(docs_dir).as_posix()
        if not source.is_file() or not steps.publishable(source, path, docs_dir):
            continue  # `handbok check` names these; never publish them
        if path in content.pages:
            raise BuildError(f"{docs_dir.name}/{path}: sidan skapas från {content.content_dir.name}/ och får "
                             "inte finnas som fil i docs/. Ta bort filen.")
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            text = steps.safe_source(source)
            target.write_text(steps.page_markdown(content, path, text), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
    for path, markdown in content.pages.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(steps.page_markdown(content, path, markdown), encoding="utf-8")


def write_config(config: dict, root: Path, content: steps.Content, target: Path) -> None:
    """The engine's configuration: mkdocs.yml pointed at the build folder, without the MkDocs plugin (its
    work is done by then) and with what the overrides and the calculators need."""
    data = dict(config, docs_dir="docs", site_dir="site")
    theme = dict(data.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    data["theme"] = theme
    data["plugins"] = [p for p in data.get("plugins") or [] if p != "handbok" and not
                       (isinstance(p, dict) and "handbok" in p)]
    data["extra_css"] = [*(data.get("extra_css") or []), *embed.ASSETS_CSS]
    extra = data.get("extra") or {}
    data["extra"] = {**extra, "handbok": steps.site_extra(content.handbook),
                     "sok_utan": [*(extra.get("sok_utan") or []), *steps.unsearched(content)]}
    if content.handbook.glossary:  # every page explains the glossary's terms where it uses them
        glossary = {"abbr": {"glossary": abbreviations(content.handbook.glossary)}}
        data["markdown_extensions"] = [*(data.get("markdown_extensions") or []), glossary]
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def finish(site_dir: Path, content: steps.Content, base: str | None, site_url: str | None,
           runtime: steps.Runtime) -> None:
    """The post-steps on the built HTML, the same whichever engine wrote it."""
    steps.check_runtime(runtime)
    edit_urls = {page_url(path): steps.edit_url(content, base, path) for path in content.pages}
    urls = []
    for page in sorted(site_dir.rglob("*.html")):
        path = page.relative_to(site_dir).as_posix()
        if path.startswith("assets/") or path == "404.html":
            continue
        url = path.removesuffix("index.html")
        html = _own_content(page.read_text(encoding="utf-8"), path, content)
        if url in edit_urls:
            html = _edit_link(html, edit_urls[url])
        page.write_text(steps.page_scripts(html, url), encoding="utf-8")
        urls.append(url)
    for notice in steps.site_files(site_dir, urls, site_url, runtime):
        print(notice, file=sys.stderr)


def _own_content(html: str, path: str, content: steps.Content) -> str:
    match = CONTENT.search(html)
    if match is None:
        raise BuildError(f"{path}: hittar inte sidans innehåll mellan markeringarna från "
                         "overrides/partials/content.html, så det kan inte rensas. Behåll den filen.")
    cleaned = steps.page_content(match.group(1), content.handbook)
    return html[:match.start()] + cleaned + html[match.end():]


def _edit_link(html: str, url: str | None) -> str:
    """Point "Redigera sidan" of a generated page at its YAML file, or drop it (aggregate pages)."""
    if url is None:
        return EDIT_LINK.sub("", html, count=1)
    return EDIT_LINK.sub(lambda m: re.sub(r'href="[^"]*"', f'href="{url}"', m.group(0), count=1), html, count=1)
