"""Browser benchmark of the in-page calculators, in one run of Debian's Chromium.

Measures, on the built site served from 127.0.0.1 (cold cache per sample: a fresh browser context):
- first result: navigation start -> first result after the reader filled a form (risk page);
- the same on a repeat visit: a first visit in the same browser profile has let the service worker (sw.js)
  keep the page and the runtime, and a new tab opens the page again (goal: <= 0.2 x the floor);
- floor: bare `loadPyodide` in a module worker on a blank page of the same origin (the call alone,
  which the goal uses, and from navigation to its end: what any page must at least spend);
- warm recompute: round trip page -> worker -> rendered result, median and p95 over 100 inputs,
  with 1, 10 and 50 risks (goal: p95 <= 16 ms at 50), and the longest run of the widget's own
  code while it renders those 50-risk results (goal: <= 16 ms);
- the same first result and floor with the network throttled to 20 Mbit/s and 20 ms through the
  DevTools protocol (a municipal intranet);
- the moment the worker starts: when calculator.js binds the forms after the theme's script (what the site
  does), when the main thread is first idle, or on the reader's first click or focus: first result / floor
  and the page load's longest task (a start from the <head> was measured and left: docs/om/beslut.md);
- bytes on a calculator page and on a page without one: as files, and as a server with the build's
  precompressed copies sends them to a browser accepting gzip only, or brotli (goal: <= 8 MB gzip);
- the snapshot's decoding in the browser: DecompressionStream gzip vs the raw file (brotli is
  tried, and reported as unsupported where Chromium's DecompressionStream lacks it);
- main-thread blocking: the longest run of the widget's own handlers (timed in calculator.js; the
  goal), and the longest tasks of the whole page (PerformanceObserver "longtask", tasks >= 50 ms)
  after the worker starts and during page load, medians of PAGE_LOADS loads: the calculator page,
  the same page as a plain page (its calculator.js blocked, so the form stays static HTML; goal: the
  calculator page's longest task <= 1.2 x this), and another method page with a smaller DOM.

The site is served as a configured server would (docs/om/publicera.md): precompressed brotli copies.

Run: `uv run python -m bench.browser [--site DIR] [--samples N]`. Writes bench/results/browser.json.
`--only-repeat` measures the repeat visit and its floor alone and prints them (nothing is written).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from handbok.browser.compress import SUFFIXES
from handbok.browser.embed import pyodide_version, runtime_urls
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "browser.json"
CALC_PAGE = "metoder/riskanalys/"
PLAIN_PAGE = "metoder/dmaic/"
GOALS = {"first_result_vs_floor": 0.4, "repeat_first_result_vs_floor": 0.2, "recompute_p95_ms": 16.0,
         "longest_task_ms": 16.0, "calculator_page_bytes_gzip": 8_000_000, "longest_task_vs_plain_page": 1.2}
"""The plain page of the last goal is the calculator page without its calculator: a page's own longest task
grows with its DOM (the risk page has 1,465 elements, the other method page 1,008), which no start of the
worker can change (docs/om/beslut.md)."""
THROTTLE = {"offline": False, "latency": 20, "downloadThroughput": 20e6 / 8, "uploadThroughput": 20e6 / 8}
"""20 Mbit/s with 20 ms latency, through the DevTools protocol (Network.emulateNetworkConditions)."""
PAGE_LOADS = 7
"""Loads per page-load measurement: the longest task varied from 52 to 227 ms between loads of one page."""
ROW_COUNTS = (1, 10, 50)
"""Recompute is measured with this many risks; the goals apply to the largest."""
TIMEOUT_MS = 120_000

LONGTASKS = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longtasks.push([entry.startTime, entry.duration]);
}).observe({type: "longtask", buffered: true});
"""
# Longest task overall, and from the moment the widget starts the worker (what the calculator adds).
LONGEST = """() => {
  const start = performance.getEntriesByName("handbok-calc-start")[0];
  const after = start ? window.__longtasks.filter(([t]) => t >= start.startTime) : [];
  const longest = (tasks) => Math.max(0, ...tasks.map(([, d]) => d));
  return {all: longest(window.__longtasks), calculator: longest(after)};
}"""

# Starts the worker while parsing, as the widget does; `fromNavigation` is a floor for the whole path
# navigation -> Pyodide ready that no page with more in it can beat.
FLOOR_PAGE = """<!doctype html><html lang='sv'><title>golv</title><p>Mäter loadPyodide.</p><script>
const w = new Worker("floor-worker.js", {type: "module"});
window.floor = new Promise((resolve, reject) => {
  w.onmessage = (e) => resolve({bare: e.data, fromNavigation: performance.now()});
  w.onerror = (e) => reject(String(e.message));
});
</script>"""
FLOOR_WORKER = """
import { loadPyodide } from "../pyodide/%(version)s/pyodide.mjs";
const indexURL = new URL("../pyodide/%(version)s/", import.meta.url).href;
const lockFileContents = JSON.stringify({info: %(info)s, packages: {}});
const started = performance.now();
await loadPyodide({indexURL, packageBaseUrl: indexURL, lockFileContents});
postMessage(performance.now() - started);
"""


def build_site() -> Path:
    """Build the handbook into a temporary folder, as `make build` does."""
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return site


def new_context(browser: Browser, service_workers: bool = False) -> tuple[BrowserContext, list[str]]:
    """A fresh context (empty cache) that records requests leaving 127.0.0.1; the site's service worker
    only when asked (the repeat visit), so the cold figures stay cold.

    Recorded from the request event, not intercepted with `route`: interception sends every request
    through Playwright and would slow the page with many requests more than the bare floor page."""
    context = browser.new_context(locale="sv-SE", service_workers="allow" if service_workers else "block")
    context.set_default_timeout(TIMEOUT_MS)  # a loaded shared machine can take longer than Playwright's 30 s
    outside: list[str] = []
    context.on("request", lambda request: None if urlsplit(request.url).hostname == "127.0.0.1"
               else outside.append(request.url))
    context.add_init_script(LONGTASKS)
    return context, outside


def throttled(page: Page) -> None:
    """Slow the page's and its worker's requests as THROTTLE says."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", THROTTLE)


# calculator.js reads its own address from document.currentScript, which is gone in a later callback: the
# wrapper keeps it for the deferred run.
_DEFERRED = ("var script = document.currentScript;\n"
             "function run() {\n"
             "  Object.defineProperty(document, 'currentScript', {value: script, configurable: true});\n"
             "%s\n  delete document.currentScript;\n}\n")
START_WRAPPERS = {
    "idle": "(function () {\n" + _DEFERRED + "requestIdleCallback(run, {timeout: 3000});\n})();",
    "interaction": ("(function () {\n" + _DEFERRED + "function go() {\n"
                    "  document.removeEventListener('focusin', go, true);\n"
                    "  document.removeEventListener('pointerdown', go, true);\n  run();\n}\n"
                    "document.addEventListener('focusin', go, true);\n"
                    "document.addEventListener('pointerdown', go, true);\n})();"),
}
"""How calculator.js is wrapped to try a later start of the worker: when the page's main thread is first idle,
or when the reader first touches the page."""
STARTS = ("forms", *START_WRAPPERS)
"""Moments the worker may start: when calculator.js binds the forms (what the site does), on idle, on first
interaction."""


def start_at(context: BrowserContext, start: str) -> None:
    """Make the pages of `context` start the worker at the moment `start` (STARTS)."""
    if start in START_WRAPPERS:
        def wrapped(route: Route) -> None:
            body = START_WRAPPERS[start] % route.fetch().text()
            route.fulfill(body=body, content_type="text/javascript")
        context.route("**/assets/handbok/calculator.js*", wrapped)


def first_result(browser: Browser, base: str, slow: bool = False, start: str = "forms") -> dict:
    """Navigate, fill the first risk as a reader would, wait for its result: ms since navigation.
    `slow`: throttled network; `start`: when the worker starts (STARTS)."""
    context, outside = new_context(browser)
    start_at(context, start)
    page = context.new_page()
    if slow:
        throttled(page)
    result = _fill_and_wait(page, base)
    context.close()
    assert not outside, outside
    return result


def _fill_and_wait(page: Page, base: str) -> dict:
    """Open the risk page, fill the first risk, wait for its result; the timings since navigation."""
    page.goto(base + CALC_PAGE, wait_until="domcontentloaded")
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    first = calc.locator(".handbok-calc__rows > [data-row]").first
    first.get_by_label("Risk", exact=True).fill("Strömavbrott")
    first.get_by_label("Sannolikhet", exact=True).fill("4")
    first.get_by_label("Konsekvens", exact=True).fill("4")
    # the result waited for is the filled form's, whether Pyodide was ready before the reader finished or not
    row = calc.locator(".handbok-calc__result").get_by_role("row", name="R1 Strömavbrott")
    row.wait_for(timeout=TIMEOUT_MS)
    assert "16 = 4 × 4" in row.inner_text(), row.inner_text()
    ms = page.evaluate("performance.getEntriesByName('handbok-calc-result')[0].startTime")
    ready = page.evaluate("window.handbokCalc.readyMs")
    load = page.evaluate("window.handbokCalc.loadPyodideMs")
    started = page.evaluate("performance.getEntriesByName('handbok-calc-start')[0].startTime")
    page.wait_for_load_state("networkidle")
    longest = page.evaluate(LONGEST)["all"]
    return {"first_result_ms": ms, "worker_ready_ms": ready, "worker_start_ms": started,
            "page_load_pyodide_ms": load, "longest_task_ms": longest}


KEPT = """async (runtime) => {
  const names = await caches.keys();
  const urls = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat().map((r) => r.url);
  return runtime.every((path) => urls.some((url) => url.endsWith(path)));
}"""
"""The service worker's cache holds the runtime (it stores each file once the worker has read it)."""


def repeat_visit(browser: Browser, base: str) -> dict:
    """First result on a repeat visit: a first visit in a fresh profile lets the service worker keep the page
    and the runtime; then a new tab opens the page and fills the form as `first_result` does."""
    context, outside = new_context(browser, service_workers=True)
    page = context.new_page()
    page.goto(base + CALC_PAGE)
    page.wait_for_function("window.handbokCalc && window.handbokCalc.status === 'ready'", timeout=TIMEOUT_MS)
    page.wait_for_function(KEPT, arg=runtime_urls(), timeout=TIMEOUT_MS, polling=250)
    page.close()
    page = context.new_page()
    result = _fill_and_wait(page, base)
    result["controlled"] = page.evaluate("navigator.serviceWorker.controller !== null")
    context.close()
    assert not outside, outside
    return result


def floor(browser: Browser, base: str, slow: bool = False) -> dict:
    """Bare loadPyodide in a module worker on a blank page of the same origin (no widget): the call
    alone (`bare`, the goal's floor) and from navigation to its end (`fromNavigation`). It loads
    the standard library the site ships (trimmed)."""
    context, outside = new_context(browser)
    version = pyodide_version()
    info = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())["info"]
    worker = FLOOR_WORKER % {"version": version, "info": json.dumps(info)}
    context.route(base + "assets/handbok/floor.html",
                  lambda route: route.fulfill(body=FLOOR_PAGE, content_type="text/html"))
    context.route(base + "assets/handbok/floor-worker.js",
                  lambda route: route.fulfill(body=worker, content_type="text/javascript"))
    page = context.new_page()
    if slow:
        throttled(page)
    page.goto(base + "assets/handbok/floor.html")
    times = page.evaluate("window.floor")
    context.close()
    assert not outside, outside
    return times


def load_rows(page: Page, base: str, rows: int) -> None:
    """Open the risk page with `rows` risks filled in, as the widget keeps a reader's input in
    sessionStorage, and wait for their result."""
    page.goto(base + CALC_PAGE)
    values = {}
    for i in range(rows):
        values.update({f"risks[{i}].name": f"Risk {i + 1}", f"risks[{i}].probability": str(1 + i % 4),
                       f"risks[{i}].consequence": str(1 + (i // 4) % 4)})
    page.evaluate("""([rows, values]) => {
        const calc = document.querySelector('.handbok-calc[data-calc="risk"]');
        sessionStorage.setItem("handbok-calc:" + location.pathname + "#" + calc.id,
                               JSON.stringify({rows: {risks: rows}, values: values}));
    }""", [rows, values])
    page.reload()
    page.wait_for_function("window.handbokCalc && window.handbokCalc.status === 'ready'", timeout=TIMEOUT_MS)
    page.locator(".handbok-calc__ranking li").nth(rows - 1).wait_for(timeout=TIMEOUT_MS)


def recompute(page: Page, count: int = 100) -> dict:
    """Warm round trips: change a field, wait for the new result, read the widget's own timing.
    Also the longest run of the widget's own code (handlers, rendering) during those rounds."""
    page.evaluate("window.handbokCalc.longestTaskMs = 0")
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    field = calc.locator(".handbok-calc__rows > [data-row]").first.get_by_label("Sannolikhet", exact=True)
    field_id = field.get_attribute("id")
    times, with_debounce = [], []
    for i in range(count):
        value = str(1 + i % 4)
        elapsed = page.evaluate("""async ([id, value]) => {
            const before = performance.getEntriesByName("handbok-calc-result").length;
            const el = document.getElementById(id);
            const start = performance.now();
            el.value = value;
            el.dispatchEvent(new Event("input", {bubbles: true}));
            while (performance.getEntriesByName("handbok-calc-result").length === before) {
                await new Promise((r) => setTimeout(r, 1));
            }
            return performance.now() - start;
        }""", [field_id, value if value != field.input_value() else str(1 + (i + 1) % 4)])
        with_debounce.append(elapsed)
        times.append(page.evaluate("window.handbokCalc.lastComputeMs"))
    return {
        "recompute_median_ms": statistics.median(times),
        "recompute_p95_ms": percentile(times, 95),
        "input_to_result_median_ms": statistics.median(with_debounce),
        "widget_longest_task_ms": page.evaluate("window.handbokCalc.longestTaskMs"),
    }


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]


def wire_size(file: Path, coding: str) -> int:
    """Bytes a configured server sends for `file` to a browser that accepts `coding` ("gzip" or
    "br"): the build's precompressed copy, else text and WebAssembly gzipped on the fly (level 6,
    as nginx's `gzip on`), else the file as it is (already compressed: .whl, .gz, images)."""
    copy = file.with_name(file.name + {"gzip": ".gz", "br": ".br"}[coding])
    if copy.is_file():
        return copy.stat().st_size
    if file.suffix in SUFFIXES or file.suffix == ".html":
        return min(len(gzip.compress(file.read_bytes(), 6)), file.stat().st_size)
    return file.stat().st_size


def page_load(browser: Browser, base: str, path: str, start: str = "forms", without_calculator: bool = False) -> dict:
    """One cold load of `path`: the URLs it fetched (worker requests included), its longest tasks (LONGEST) and
    the widget's own longest handler. The worker starts at `start` (STARTS; on "interaction" the reader clicks
    a field once the page has loaded); `without_calculator` blocks calculator.js, so a form stays static HTML
    and no worker starts."""
    context, outside = new_context(browser)
    start_at(context, start)
    if without_calculator:
        context.route("**/assets/handbok/calculator.js*", lambda route: route.abort())
    page = context.new_page()
    urls: list[str] = []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(base + path)
    if page.locator(".handbok-calc").count() and not without_calculator:
        if start == "interaction":
            page.locator(".handbok-calc input").first.click()
        page.locator(".handbok-calc__result").first.wait_for(state="attached")
        page.wait_for_function("window.handbokCalc && window.handbokCalc.status === 'ready'", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    load = {"urls": urls, "tasks": page.evaluate(LONGEST),
            "widget_ms": 0 if without_calculator else page.evaluate("window.handbokCalc.longestTaskMs")}
    context.close()
    assert not outside, outside
    return load


def page_bytes(site: Path, load: dict) -> dict:
    """Bytes a page load fetched: as files, and gzip and brotli as a configured server sends them."""
    urls = load["urls"]
    files = [site / urlsplit(url).path.lstrip("/") for url in urls]
    files = [f / "index.html" if f.is_dir() else f for f in files if (f / "index.html" if f.is_dir() else f).is_file()]
    return {"requests": len(urls), "bytes": sum(f.stat().st_size for f in files),
            "bytes_gzip": sum(wire_size(f, "gzip") for f in files),
            "bytes_brotli": sum(wire_size(f, "br") for f in files),
            "largest_files": sorted(((f.name, f.stat().st_size, wire_size(f, "br")) for f in files),
                                    key=lambda t: -t[1])[:5],
            "pyodide_requests": sum("/assets/pyodide/" in u for u in urls)}


def page_load_tasks(browser: Browser, base: str) -> tuple[dict, dict]:
    """Longest tasks of PAGE_LOADS rounds of cold loads, one of each page and start per round (interleaved, so
    all see the same machine load): the calculator page with the worker started at each of STARTS, the same
    page without its calculator (the goal's plain page) and another method page. Per variant: the median
    longest task and the median over rounds of its ratio to the page without calculator; and the first
    round's loads (what each variant fetched)."""
    variants = {**{start: (CALC_PAGE, start, False) for start in STARTS},
                "without_calculator": (CALC_PAGE, "forms", True), "other_page": (PLAIN_PAGE, "forms", False)}
    rounds = [{name: page_load(browser, base, *variant) for name, variant in variants.items()}
              for _ in range(PAGE_LOADS)]
    result = {}
    for name in variants:
        longest = [r[name]["tasks"]["all"] for r in rounds]
        ratios = [r[name]["tasks"]["all"] / max(r["without_calculator"]["tasks"]["all"], 1) for r in rounds]
        result[name] = {"longest_task_ms": statistics.median(longest), "longest_task_samples_ms": longest,
                        "vs_without_calculator": statistics.median(ratios),
                        "after_calculator_start_ms": max(r[name]["tasks"]["calculator"] for r in rounds),
                        "widget_longest_task_ms": max(r[name]["widget_ms"] for r in rounds)}
    return result, rounds[0]


DECODE = """async ([gz, raw]) => {
  const time = async (f) => { const t = performance.now(); const n = (await f()).byteLength;
                              return [performance.now() - t, n]; };
  const gzip = () => fetch(gz).then(
    (r) => new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const none = () => fetch(raw).then((r) => r.arrayBuffer());
  let brotli = null;
  try { new DecompressionStream("brotli"); brotli = "supported (not measured: no .br snapshot is built)"; }
  catch (e) { brotli = "unsupported: " + e.message; }
  const runs = {gzip: [], none: []};
  for (let i = 0; i < 3; i++) { runs.gzip.push(await time(gzip)); runs.none.push(await time(none)); }
  return {runs, brotli};
}"""


def snapshot_decoding(browser: Browser, base: str, site: Path) -> dict:
    """Fetch and decode the snapshot in the page, warm (from the local server, so decoding
    dominates): DecompressionStream gzip of the shipped .snapshot.gz vs the raw snapshot."""
    runtime = next((site / "assets" / "pyodide").iterdir())
    packed = next(runtime.glob("*.snapshot.gz"))
    raw = site / "bench-raw.snapshot"
    raw.write_bytes(gzip.decompress(packed.read_bytes()))
    context, outside = new_context(browser)
    page = context.new_page()
    page.goto(base + PLAIN_PAGE)
    result = page.evaluate(DECODE, [base + packed.relative_to(site).as_posix(), base + raw.name])
    context.close()
    raw.unlink()
    assert not outside, outside
    return {"gzip_ms": statistics.median(t for t, _ in result["runs"]["gzip"]),
            "none_ms": statistics.median(t for t, _ in result["runs"]["none"]),
            "gzip_bytes": packed.stat().st_size, "raw_bytes": result["runs"]["none"][0][1],
            "brotli": result["brotli"]}


def paired(browser: Browser, base: str, samples: int, slow: bool = False, start: str = "forms") -> dict:
    """First result and floor in pairs (interleaved, so both see the same machine load). A late start (a
    wrapped calculator.js) now and then shows no result at all: such a sample is counted in `no_result`, not
    timed."""
    firsts, floors, missed = [], [], 0
    for _ in range(samples):
        bare = floor(browser, base, slow=slow)
        try:
            firsts.append(first_result(browser, base, slow=slow, start=start))
        except PlaywrightTimeoutError:
            if start == "forms":
                raise  # what the site does must always give a result
            missed += 1
            continue
        floors.append(bare)
    ratios = [f["first_result_ms"] / fl["bare"] for f, fl in zip(firsts, floors, strict=True)]
    return {"firsts": firsts, "floors": floors, "ratios": ratios, "no_result": missed,
            "first_result_ms": statistics.median(f["first_result_ms"] for f in firsts),
            "floor_load_pyodide_ms": statistics.median(f["bare"] for f in floors),
            "first_result_vs_floor": statistics.median(ratios),
            "longest_task_ms": statistics.median(f["longest_task_ms"] for f in firsts)}


def repeated(browser: Browser, base: str, samples: int) -> dict:
    """Repeat visits and floors in pairs (interleaved, as `paired`)."""
    repeats, floors = [], []
    for _ in range(samples):
        floors.append(floor(browser, base))
        repeats.append(repeat_visit(browser, base))
    assert all(r["controlled"] for r in repeats), "sidan styrdes inte av service workern"
    ratios = [r["first_result_ms"] / fl["bare"] for r, fl in zip(repeats, floors, strict=True)]
    return {"first_result_ms": statistics.median(r["first_result_ms"] for r in repeats),
            "worker_ready_ms": statistics.median(r["worker_ready_ms"] for r in repeats),
            "page_load_pyodide_ms": statistics.median(r["page_load_pyodide_ms"] for r in repeats),
            "floor_load_pyodide_ms": statistics.median(f["bare"] for f in floors),
            "first_result_vs_floor": statistics.median(ratios), "samples": samples,
            "first_result_samples_ms": [r["first_result_ms"] for r in repeats],
            "floor_samples_ms": [f["bare"] for f in floors]}


def run(site: Path, samples: int) -> dict:
    with serve(site, precompressed=("br", "gzip")) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        fast = paired(browser, base, samples)
        slow = paired(browser, base, max(2, samples // 3), slow=True)
        later = {start: paired(browser, base, max(2, samples // 2), start=start) for start in STARTS[1:]}
        repeat = repeated(browser, base, max(3, samples // 2))
        context, outside = new_context(browser)
        page = context.new_page()
        by_rows = {}
        for rows in ROW_COUNTS:
            load_rows(page, base, rows)
            by_rows[rows] = recompute(page)
        context.close()
        assert not outside, outside
        tasks, loads = page_load_tasks(browser, base)
        decoding = snapshot_decoding(browser, base, site)
        version = browser.version
        browser.close()
    firsts, floors = fast.pop("firsts"), fast.pop("floors")
    largest = by_rows[ROW_COUNTS[-1]]
    calc_bytes = page_bytes(site, loads["forms"])
    return {
        "chromium": version,
        "load_average_1min": os.getloadavg()[0],
        "cpus": os.cpu_count(),
        "samples": samples,
        **{key: fast[key] for key in ("first_result_ms", "floor_load_pyodide_ms", "first_result_vs_floor")},
        "first_result_samples_ms": [f["first_result_ms"] for f in firsts],
        "worker_start_samples_ms": [f["worker_start_ms"] for f in firsts],
        "page_load_pyodide_samples_ms": [f["page_load_pyodide_ms"] for f in firsts],
        "floor_samples_ms": [f["bare"] for f in floors],
        "first_result_vs_floor_samples": fast["ratios"],
        "floor_from_navigation_ms": statistics.median(f["fromNavigation"] for f in floors),
        "repeat_visit": repeat,
        "repeat_first_result_vs_floor": repeat["first_result_vs_floor"],
        "throttled": {**{k: slow[k] for k in ("first_result_ms", "floor_load_pyodide_ms", "first_result_vs_floor")},
                      "network": THROTTLE, "samples": len(slow["ratios"])},
        "worker_start": {start: {"first_result_ms": runs["first_result_ms"], "no_result": runs["no_result"],
                                 "first_result_vs_floor": runs["first_result_vs_floor"],
                                 "page_load_longest_task_ms": tasks[start]["longest_task_ms"],
                                 "longest_task_vs_without_calculator": tasks[start]["vs_without_calculator"]}
                         for start, runs in {"forms": fast, **later}.items()},
        "recompute_by_rows": by_rows,
        **{key: largest[key] for key in ("recompute_median_ms", "recompute_p95_ms", "input_to_result_median_ms")},
        "longest_task_ms": largest["widget_longest_task_ms"],
        "calculator_page_bytes_gzip": calc_bytes["bytes_gzip"],
        "longest_task_vs_plain_page": tasks["forms"]["vs_without_calculator"],
        "snapshot_decoding": decoding,
        "calculator_page": calc_bytes,
        "plain_page": page_bytes(site, loads["other_page"]),
        "page_load_tasks": tasks,
    }


def repeat_only(site: Path, samples: int) -> dict:
    """The repeat visit and its floor alone (`--only-repeat`), served as `run` serves the site."""
    with serve(site, precompressed=("br", "gzip")) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        result = repeated(browser, base, samples)
        browser.close()
    return {**result, "goal": GOALS["repeat_first_result_vs_floor"], "load_average_1min": os.getloadavg()[0]}


START_NAMES = {"forms": "när formulären binds", "idle": "vid ledighet", "interaction": "vid första klick"}


def report(result: dict) -> str:
    result["goals"] = {key: {"goal": goal, "value": result[key], "met": result[key] <= goal}
                       for key, goal in GOALS.items()}

    def verdict(key: str, unit: str = "") -> str:
        goal = result["goals"][key]
        return f"mål ≤ {goal['goal']:,}{unit}: {'uppfyllt' if goal['met'] else 'EJ uppfyllt'}"

    calc, plain, slow = result["calculator_page"], result["plain_page"], result["throttled"]
    tasks = result["page_load_tasks"]
    start, dec = result["worker_start"], result["snapshot_decoding"]
    rows = [
        ("Första resultat efter ifyllt formulär (median)", f"{result['first_result_ms']:.0f} ms", ""),
        ("Golv: bara loadPyodide i en worker (median)", f"{result['floor_load_pyodide_ms']:.0f} ms", ""),
        ("Första resultat / golv (median av paren)", f"{result['first_result_vs_floor']:.2f}",
         verdict("first_result_vs_floor")),
        ("Återbesök (service worker): första resultat / golv",
         f"{result['repeat_visit']['first_result_ms']:.0f} / {result['repeat_visit']['floor_load_pyodide_ms']:.0f} ms",
         ""),
        ("Återbesök: första resultat / golv (median av paren)", f"{result['repeat_first_result_vs_floor']:.2f}",
         verdict("repeat_first_result_vs_floor")),
        ("Strypt 20 Mbit/s, 20 ms: första resultat / golv",
         f"{slow['first_result_ms']:.0f} / {slow['floor_load_pyodide_ms']:.0f} ms",
         f"kvot {slow['first_result_vs_floor']:.2f}, {slow['samples']} par"),
        *[(f"Worker {START_NAMES[name]}: första resultat / golv, längsta uppgift",
           f"{runs['first_result_vs_floor']:.2f}, {runs['page_load_longest_task_ms']:.0f} ms",
           f"kvot mot sidan utan räknare {runs['longest_task_vs_without_calculator']:.2f}"
           + (f"; {runs['no_result']} prov utan resultat" if runs["no_result"] else ""))
          for name, runs in start.items()],
        *[(f"Omräkning med {rows} {'risk' if rows == 1 else 'risker'}, median / p95",
           f"{warm['recompute_median_ms']:.1f} / {warm['recompute_p95_ms']:.1f} ms", "100 indata")
          for rows, warm in result["recompute_by_rows"].items()],
        (f"Omräkning med {ROW_COUNTS[-1]} risker, p95", f"{result['recompute_p95_ms']:.1f} ms",
         verdict("recompute_p95_ms", " ms")),
        (f"Längsta uppgift i räknarens egen kod, {ROW_COUNTS[-1]} risker", f"{result['longest_task_ms']:.1f} ms",
         verdict("longest_task_ms", " ms")),
        ("Längsta uppgift vid sidladdning, med / utan räknare",
         f"{tasks['forms']['longest_task_ms']:.0f} / {tasks['without_calculator']['longest_task_ms']:.0f} ms",
         f"kvot {result['longest_task_vs_plain_page']:.2f} (median av {PAGE_LOADS} omgångar), "
         + verdict("longest_task_vs_plain_page")),
        ("Längsta uppgift efter att workern startat, största av laddningarna",
         f"{tasks['forms']['after_calculator_start_ms']:.0f} ms", "0: ingen uppgift på 50 ms eller mer"),
        ("Längsta uppgift vid sidladdning, en annan metodsida", f"{tasks['other_page']['longest_task_ms']:.0f} ms",
         f"kvot {tasks['other_page']['vs_without_calculator']:.2f} mot räknarsidan utan räknare (mindre sida)"),
        ("Sida med räknare: byte som filer", f"{calc['bytes']:,}", f"{calc['requests']} förfrågningar"),
        ("Sida med räknare: byte med gzip / brotli", f"{calc['bytes_gzip']:,} / {calc['bytes_brotli']:,}",
         verdict("calculator_page_bytes_gzip", " byte")),
        ("Sida utan räknare: byte med gzip / brotli", f"{plain['bytes_gzip']:,} / {plain['bytes_brotli']:,}",
         f"{plain['pyodide_requests']} Pyodide-filer"),
        ("Ögonblicksbild: DecompressionStream gzip / okomprimerad", f"{dec['gzip_ms']:.0f} / {dec['none_ms']:.0f} ms",
         f"{dec['gzip_bytes']:,} / {dec['raw_bytes']:,} byte; brotli: {dec['brotli']}"),
    ]
    width = max(len(r[0]) for r in rows)
    table = "\n".join(f"{name:<{width}}  {value:>24}  {note}" for name, value, note in rows)
    return (f"{table}\n(Chromium {result['chromium']}, {result['cpus']} kärnor, "
            f"load average {result['load_average_1min']:.1f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="en redan byggd webbplats (annars byggs den)")
    parser.add_argument("--samples", type=int, default=7, help="kalla laddningar per mätning")
    parser.add_argument("--only-repeat", action="store_true", help="bara återbesöket och dess golv, skrivs ut")
    args = parser.parse_args(argv)
    site = args.site or build_site()
    if args.only_repeat:
        print(json.dumps(repeat_only(site, args.samples), ensure_ascii=False, indent=2))
        return
    result = run(site, args.samples)
    print(report(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nSparat i {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
