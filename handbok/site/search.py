"""Swedish full-text search for the built site, whatever generator built it.

Pagefind reads the finished HTML and writes its index and script into `pagefind/` beside the pages, so the
same step serves MkDocs today and Zensical later. Only what a page template marks with `data-pagefind-body`
is indexed (the article of a reader page; editor pages are left unmarked), with Swedish Snowball stemming.
Page furniture that repeats on every page would make every page match "ansvar" or "granskad": it is left out.
The reader's browser fetches the index from the same site only, with no inline script (docs/om/beslut.md).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from handbok.content.handbook import Handbook
from handbok.content.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "node_modules" / "pagefind" / "lib" / "runner" / "bin.cjs"
BUNDLE = "pagefind"
LANGUAGE = "sv"
IGNORED = (".handbok-granskning", ".handbok-feedback", ".headerlink", ".md-content__button", ".md-source-file",
           ".handbok-calc")
"""Owner and review lines, feedback links, permalink signs, edit buttons, dates and calculator forms."""


UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's own search interfaces and its highlighter: the handbook's dialog (sok.js) loads only pagefind.js,
which fetches its worker, WebAssembly, entry file, index and fragments. About 430 kB nobody would load."""


UNAVAILABLE = ("Sökindexet byggs inte: Node.js eller npm-paketet pagefind saknas (`npm ci` installerar det). Sidorna "
               "fungerar, men sökrutan hittar ingenting.")


def available() -> bool:
    """Pagefind can run: Node and the npm package (package-lock.json) are installed."""
    return shutil.which("node") is not None and RUNNER.is_file()


class SearchIndexError(RuntimeError):
    """The index could not be built; the message is for the person building the site."""


def build_index(site_dir: Path) -> None:
    """Index the built site in `site_dir` into `site_dir/pagefind/`, replacing an older index; without the
    interfaces the handbook does not use (UNUSED)."""
    node = shutil.which("node")
    if node is None or not RUNNER.is_file():
        raise SearchIndexError("Sökfunktionen kan inte byggas: Node.js eller npm-paketet pagefind saknas. Kör "
                               "`make setup` (installerar paketen från package-lock.json) och bygg igen.")
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    result = subprocess.run(
        [node, str(RUNNER), "--site", str(site_dir), "--output-subdir", BUNDLE, "--force-language", LANGUAGE,
         "--exclude-selectors", ", ".join(IGNORED), "--quiet"],
        capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (site_dir / BUNDLE / "pagefind.js").is_file():
        raise SearchIndexError(f"Sökindexet kunde inte byggas (pagefind avslutade med kod {result.returncode}):\n"
                               f"{result.stdout}{result.stderr}")
    for name in UNUSED:
        (site_dir / BUNDLE / name).unlink(missing_ok=True)


def page_keywords(handbook: Handbook) -> dict[str, list[str]]:
    """Site path of each page -> the `sökord` of the entries on it (contacts share the contact directory)."""
    found: dict[str, list[str]] = {}
    for kind in KINDS.values():
        for entry_id, entry in handbook.entries(kind.folder).items():
            if entry.keywords:
                found.setdefault(kind.page(entry_id).partition("#")[0], []).extend(entry.keywords)
    return found
