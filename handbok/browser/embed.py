"""Calculators in the page: form markers, widget assets and the self-hosted Pyodide runtime.

`render_markers` turns each `[[räknare: <name>]]` line into a form rendered from the calculator's
SPEC (readable and printable without JavaScript). `write_assets` puts into the built site what the
forms need to compute in the browser: the widget script and style, the Pyodide core files from the
npm package, a wheel of `calculators/` and a memory snapshot with it imported (handbok/browser/snapshot.py).
`add_script` puts the widget into each page's <head>. Nothing here imports MkDocs; the plugin calls it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from itertools import count
from pathlib import Path

import jinja2

import calculators

from .snapshot import build_snapshot, snapshot_name
from .stdlib import EMPTY_STDLIB, STDLIB, build_empty_stdlib, build_stdlib, trimmed_stdlib
from .wheel import build_wheel, wheel_name

ASSET_SRC = Path(__file__).resolve().parent / "assets"
# Core files loadPyodide fetches: the loader, the Emscripten glue and the WebAssembly binary; the
# standard library is written trimmed (handbok/browser/stdlib.py). The lock file is not copied: the
# worker passes its `info` part inline.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def default_pyodide_dir() -> Path:
    """Pyodide's core files: inside the installed package (the wheel carries them, pyproject.toml), else, in a
    checkout, the npm package in node_modules/ (`make setup`)."""
    packaged = Path(__file__).resolve().with_name("pyodide")
    checkout = Path(__file__).resolve().parents[2] / "node_modules" / "pyodide"
    return packaged if (packaged / "package.json").is_file() else checkout


PYODIDE_SRC = default_pyodide_dir()

ASSETS_CSS: list[str] = ["assets/handbok/calculator.css", "assets/handbok/contrast.css", "assets/handbok/content.css",
                         "assets/handbok/print.css"]
SCRIPT = "assets/handbok/calculator.js"
WORKER = "assets/handbok/worker.js"
SNAPSHOT_PACKING = "snapshot_packing.mjs"
"""The worker's module that unpacks the snapshot (snapshot.mjs packs it with the same module)."""
FORM_START = '<div class="handbok-calc" '  # how calculator.html.j2 opens a form

MARKER = re.compile(
    r"^[ ]{0,3}(?:<p>[ \t]*)?\[\[räknare:[ \t]*([^\]\n]*?)[ \t]*\]\](?:[ \t]*</p>)?[ \t]*$", re.MULTILINE
)
# Code is never rewritten, so a page can show the marker syntax: fenced blocks in Markdown,
# <pre> blocks in HTML.
CODE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[ \t]*$|\Z)|<pre\b.*?</pre>", re.MULTILINE | re.DOTALL)

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("handbok.browser", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


class MissingPyodide(RuntimeError):
    """The npm package pyodide is not installed; the message is for the person building."""


def render_markers(text: str, matrices: dict | None = None) -> str:
    """Replace every calculator marker in Markdown or HTML with the calculator's form.

    `matrices` are the handbook's own risk matrices (id -> definition), offered beside the
    built-in ones in the risk form. Forms on one page get distinct ids.
    """
    numbers = count(1)

    def replace(part: str) -> str:
        return MARKER.sub(lambda m: _render(m.group(1), next(numbers), matrices or {}), part)

    pieces, start = [], 0
    for code in CODE.finditer(text):
        pieces += [replace(text[start:code.start()]), code.group(0)]
        start = code.end()
    return "".join(pieces) + replace(text[start:])


def add_script(page: str, script: str) -> str:
    """Put the widget into a built page's <head>: `script` (calculator.js) `async`, so it holds
    nothing up, on every page, since instant navigation can bring a form to a page loaded without
    one. It starts the worker when it binds the forms, after the page and the theme's script: started
    from the <head> instead, Pyodide's start competed with the page's own and made its longest task
    1.6 times a plain page's instead of 1.1 (bench/browser.py, docs/om/beslut.md). No inline script:
    the site must work under a CSP without 'unsafe-inline'.
    """
    return page.replace("<head>", f'<head><script src="{html.escape(script)}" async></script>', 1)


def _render(name: str, number: int, matrices: dict) -> str:
    """One form, or a visible Swedish error box for a name that is not a calculator."""
    if name not in calculators.NAMES:
        template = _env.get_template("calculator_unknown.html.j2")
        form = template.render(name=name, names=calculators.NAMES)
    else:
        template = _env.get_template("calculator.html.j2")
        spec = calculators.spec(name)
        form = template.render(spec=spec, prefix=f"hc{number}-{name}", matrices=_matrix_choices(matrices))
    # A raw HTML block without blank lines, so Markdown passes it through untouched.
    return "\n" + re.sub(r"\n\s*\n", "\n", form).strip() + "\n"


def _matrix_choices(custom: dict) -> list[dict]:
    """The handbook's own matrices, offered after the built-in ones and sent as whole definitions."""
    return [
        {
            "value": f"egen:{key}",
            "label": definition.get("label", key) if isinstance(definition, dict) else key,
            "definition": json.dumps(definition, ensure_ascii=False),
        }
        for key, definition in custom.items()
    ]


def pyodide_version(pyodide_dir: Path = PYODIDE_SRC) -> str:
    """The installed Pyodide version, read from its package.json."""
    package = pyodide_dir / "package.json"
    if not package.is_file():
        raise MissingPyodide(
            f"Hittar inte Pyodide i {pyodide_dir}. Kör make setup (som kör npm ci) och bygg sedan igen, "
            "eller ange mappen med `pyodide_dir` under pluginen handbok i mkdocs.yml."
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def worker_source(pyodide_dir: Path = PYODIDE_SRC, snapshot: bool = True) -> str:
    """worker.js as the site serves it: the Pyodide version, the wheel's and snapshot's names, the
    lock info, the sizes of the WebAssembly and the trimmed standard library (for its progress), and the
    library's hash, so its fixed name gets an address that changes with it (the service worker keeps it)."""
    version = pyodide_version(pyodide_dir)  # first: says "run make setup" when Pyodide is missing
    lock_info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    stdlib = trimmed_stdlib(pyodide_dir)
    sizes = {"pyodide.asm.wasm": (pyodide_dir / "pyodide.asm.wasm").stat().st_size, STDLIB: len(stdlib)}
    return (
        (ASSET_SRC / "worker.js").read_text(encoding="utf-8")
        .replace("__PYODIDE_VERSION__", version)
        .replace("__WHEEL__", wheel_name())
        .replace("__SNAPSHOT__", snapshot_name(wheel_name()) if snapshot else "")
        .replace("__LOCK_INFO__", json.dumps(lock_info))
        .replace("__SIZES__", json.dumps(sizes))
        .replace("__STDLIB_HASH__", _short_hash(stdlib))
        .replace("__EMPTY_STDLIB__", EMPTY_STDLIB)
        .replace(f'"./{SNAPSHOT_PACKING}"', f'"./{_packing_address()}"')
    )


def _packing_address() -> str:
    return f"{SNAPSHOT_PACKING}?v={_short_hash((ASSET_SRC / SNAPSHOT_PACKING).read_bytes())}"


def runtime_urls(pyodide_dir: Path = PYODIDE_SRC, snapshot: bool = True) -> list[str]:
    """The addresses (relative to the site) a calculator page fetches to start its worker: the worker, Pyodide's
    files, the standard library and the snapshot (else the wheel). The service worker keeps them on a reader's
    first visit, when the page fetched them before the service worker existed (handbok/site/offline.py)."""
    worker = worker_source(pyodide_dir, snapshot)
    folder = f"assets/pyodide/{pyodide_version(pyodide_dir)}/"
    library = f"{STDLIB}?v={_short_hash(trimmed_stdlib(pyodide_dir))}"
    start = (EMPTY_STDLIB, snapshot_name(wheel_name())) if snapshot else (library, wheel_name())
    packing = [f"{Path(WORKER).parent.as_posix()}/{_packing_address()}"] if snapshot else []
    return [f"{WORKER}?v={stamp(worker)}", *packing, *(folder + name for name in (*PYODIDE_FILES, *start))]


def _short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def stamp(text: str) -> str:
    """A short content hash for `?v=`: a new worker is fetched anew, an unchanged one comes from the cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def write_assets(site_dir: Path, pyodide_dir: Path = PYODIDE_SRC, snapshot: bool = True,
                 cache_dir: Path | None = None) -> None:
    """Copy widget assets and the Pyodide core, write the trimmed standard library, the calculators wheel and
    (unless turned off) the snapshot and the empty library it starts with. The snapshot is cached in
    `cache_dir` (default: the user's cache folder)."""
    runtime = site_dir / "assets" / "pyodide" / pyodide_version(pyodide_dir)
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = pyodide_dir / name
        if not source.is_file():
            raise MissingPyodide(f"Pyodide-filen {source} saknas. Kör make setup och bygg sedan igen.")
        shutil.copyfile(source, runtime / name)
    for old in [*runtime.glob("calculators-*.whl"), *runtime.glob("calculators-*.snapshot.gz"), runtime / EMPTY_STDLIB]:
        old.unlink(missing_ok=True)
    stdlib = build_stdlib(pyodide_dir, runtime / STDLIB)
    wheel = build_wheel(runtime)
    if snapshot:
        build_snapshot(pyodide_dir, runtime.name, wheel, stdlib, runtime, cache_dir)
        build_empty_stdlib(runtime / EMPTY_STDLIB)
    _write_widget(site_dir / "assets" / "handbok", worker_source(pyodide_dir, snapshot))


def _write_widget(target: Path, worker: str) -> None:
    """Copy the style, the worker, and the widget with the worker's stamp."""
    target.mkdir(parents=True, exist_ok=True)
    for css in ASSETS_CSS:
        shutil.copyfile(ASSET_SRC / Path(css).name, target / Path(css).name)
    (target / "worker.js").write_text(worker, encoding="utf-8")
    shutil.copyfile(ASSET_SRC / SNAPSHOT_PACKING, target / SNAPSHOT_PACKING)
    shutil.copytree(ASSET_SRC / "theme", target / "theme", dirs_exist_ok=True)
    widget = (ASSET_SRC / "calculator.js").read_text(encoding="utf-8")
    (target / "calculator.js").write_text(widget.replace("__WORKER_STAMP__", stamp(worker)), encoding="utf-8")
