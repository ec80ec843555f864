"""Browser benchmark of the in-page calculators, in one run of Debian's Chromium.

Measures, on the built site served from 127.0.0.1 (cold cache per sample: a fresh browser context):
- first result: navigation start -> first result after the reader filled a form (risk page);
- floor: bare `loadPyodide` in a module worker on a blank page of the same origin (the call alone,
  which the goal uses, and from navigation to its end: what any page must at least spend);
- warm recompute: round trip page -> worker -> rendered result, median and p95 over 100 inputs,
  with 1, 10 and 50 risks (goal: p95 <= 16 ms at 50), and the longest run of the widget's own
  code while it renders those 50-risk results (goal: <= 16 ms);
- bytes served on a calculator page and on a page without one (and what gzip would make of them);
- main-thread blocking: the longest run of the widget's own handlers (timed in calculator.js; the
  goal), and the longest tasks of the whole page (PerformanceObserver "longtask", tasks >= 50 ms)
  after the worker starts and during page load, with and without a calculator, for comparison.

Run: `uv run python -m bench.browser [--site DIR] [--samples N]`. Writes bench/results/browser.json.
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

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from handbok.browser.embed import pyodide_version
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "browser.json"
CALC_PAGE = "metoder/riskanalys/"
PLAIN_PAGE = "metoder/dmaic/"
GOALS = {"first_result_vs_floor": 1.15, "recompute_p95_ms": 16.0, "longest_task_ms": 16.0}
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


def new_context(browser: Browser) -> tuple[BrowserContext, list[str]]:
    """A fresh context (empty cache) that records requests leaving 127.0.0.1.

    Recorded from the request event, not intercepted with `route`: interception sends every request
    through Playwright and would slow the page with many requests more than the bare floor page."""
    context = browser.new_context(locale="sv-SE", service_workers="block")
    outside: list[str] = []
    context.on("request", lambda request: None if urlsplit(request.url).hostname == "127.0.0.1"
               else outside.append(request.url))
    context.add_init_script(LONGTASKS)
    return context, outside


def first_result(browser: Browser, base: str) -> dict:
    """Navigate, fill the first risk as a reader would, wait for its result: ms since navigation."""
    context, outside = new_context(browser)
    page = context.new_page()
    page.goto(base + CALC_PAGE, wait_until="domcontentloaded")
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    first = calc.locator(".handbok-calc__rows > [data-row]").first
    first.get_by_label("Risk", exact=True).fill("Strömavbrott")
    first.get_by_label("Sannolikhet", exact=True).fill("4")
    first.get_by_label("Konsekvens", exact=True).fill("4")
    # filled while Pyodide still loads, so the first result computed is the filled form's
    assert page.evaluate("window.handbokCalc.status") == "loading"
    row = calc.locator(".handbok-calc__result").get_by_role("row", name="R1 Strömavbrott")
    row.wait_for(timeout=TIMEOUT_MS)
    assert "16 = 4 × 4" in row.inner_text(), row.inner_text()
    ms = page.evaluate("performance.getEntriesByName('handbok-calc-result')[0].startTime")
    ready = page.evaluate("window.handbokCalc.readyMs")
    load = page.evaluate("window.handbokCalc.loadPyodideMs")
    started = page.evaluate("performance.getEntriesByName('handbok-calc-start')[0].startTime")
    context.close()
    assert not outside, outside
    return {"first_result_ms": ms, "worker_ready_ms": ready, "worker_start_ms": started,
            "page_load_pyodide_ms": load}


def floor(browser: Browser, base: str, site: Path) -> dict:
    """Bare loadPyodide in a module worker on a blank page of the same origin (no widget): the call
    alone (`bare`, the goal's floor) and from navigation to its end (`fromNavigation`)."""
    context, outside = new_context(browser)
    version = pyodide_version()
    info = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())["info"]
    worker = FLOOR_WORKER % {"version": version, "info": json.dumps(info)}
    context.route(base + "assets/handbok/floor.html",
                  lambda route: route.fulfill(body=FLOOR_PAGE, content_type="text/html"))
    context.route(base + "assets/handbok/floor-worker.js",
                  lambda route: route.fulfill(body=worker, content_type="text/javascript"))
    page = context.new_page()
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
    page.wait_for_function("window.handbokCalc.status === 'ready'", timeout=TIMEOUT_MS)
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


def page_bytes(browser: Browser, base: str, site: Path, path: str) -> dict:
    """Bytes served for one page load (worker requests included), and their gzip size."""
    context, outside = new_context(browser)
    page = context.new_page()
    urls: list[str] = []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(base + path)
    if page.locator(".handbok-calc").count():
        page.locator(".handbok-calc__result").first.wait_for(state="attached")
        page.wait_for_function("window.handbokCalc.status === 'ready'", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    longest = page.evaluate(LONGEST)
    widget_longest = page.evaluate("window.handbokCalc.longestTaskMs")
    context.close()
    assert not outside, outside
    files = [site / urlsplit(url).path.lstrip("/") for url in urls]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    raw = sum(f.stat().st_size for f in files if f.is_file())
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files if f.is_file())
    return {"requests": len(urls), "bytes": raw, "bytes_gzip": packed,
            "pyodide_requests": sum("/assets/pyodide/" in u for u in urls),
            "longest_task_ms": longest["all"], "longest_task_after_calculator_start_ms": longest["calculator"],
            "widget_longest_task_ms": widget_longest}


def run(site: Path, samples: int) -> dict:
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        firsts, floors = [], []
        for _ in range(samples):  # interleaved, so both see the same machine load
            floors.append(floor(browser, base, site))
            firsts.append(first_result(browser, base))
        context, outside = new_context(browser)
        page = context.new_page()
        by_rows = {}
        for rows in ROW_COUNTS:
            load_rows(page, base, rows)
            by_rows[rows] = recompute(page)
        longest = page.evaluate(LONGEST)
        context.close()
        assert not outside, outside
        calc_bytes = page_bytes(browser, base, site, CALC_PAGE)
        plain_bytes = page_bytes(browser, base, site, PLAIN_PAGE)
        version = browser.version
        browser.close()
    first_ms = statistics.median(f["first_result_ms"] for f in firsts)
    bare = [f["bare"] for f in floors]
    from_navigation = [f["fromNavigation"] for f in floors]
    # each sample pairs a floor with the first-result run right after it, so a busy machine
    # slows both; the median of the pairs' ratios is the figure compared with the goal
    ratios = [f["first_result_ms"] / floor for f, floor in zip(firsts, bare, strict=True)]
    navigation_ratios = [f["first_result_ms"] / floor for f, floor in zip(firsts, from_navigation, strict=True)]
    return {
        "chromium": version,
        "load_average_1min": os.getloadavg()[0],
        "cpus": os.cpu_count(),
        "samples": samples,
        "first_result_ms": first_ms,
        "first_result_samples_ms": [f["first_result_ms"] for f in firsts],
        "worker_start_samples_ms": [f["worker_start_ms"] for f in firsts],
        "worker_ready_samples_ms": [f["worker_ready_ms"] for f in firsts],
        "page_load_pyodide_samples_ms": [f["page_load_pyodide_ms"] for f in firsts],
        "floor_load_pyodide_ms": statistics.median(bare),
        "floor_samples_ms": bare,
        "first_result_vs_floor": statistics.median(ratios),
        "first_result_vs_floor_samples": ratios,
        "floor_from_navigation_ms": statistics.median(from_navigation),
        "floor_from_navigation_samples_ms": from_navigation,
        "first_result_vs_floor_from_navigation": statistics.median(navigation_ratios),
        "recompute_by_rows": by_rows,
        **{key: by_rows[ROW_COUNTS[-1]][key] for key in ("recompute_median_ms", "recompute_p95_ms",
                                                         "input_to_result_median_ms")},
        "longest_task_ms": by_rows[ROW_COUNTS[-1]]["widget_longest_task_ms"],
        "page_load_widget_longest_task_ms": calc_bytes["widget_longest_task_ms"],
        "longest_task_after_calculator_start_ms": max(longest["calculator"],
                                                      calc_bytes["longest_task_after_calculator_start_ms"]),
        "longest_task_page_load_ms": {"calculator_page": max(longest["all"], calc_bytes["longest_task_ms"]),
                                      "plain_page": plain_bytes["longest_task_ms"]},
        "calculator_page": calc_bytes,
        "plain_page": plain_bytes,
    }


def report(result: dict) -> str:
    checks = {
        "first_result_vs_floor": result["first_result_vs_floor"] <= GOALS["first_result_vs_floor"],
        "recompute_p95_ms": result["recompute_p95_ms"] <= GOALS["recompute_p95_ms"],
        "longest_task_ms": result["longest_task_ms"] <= GOALS["longest_task_ms"],
    }
    result["goals"] = {key: {"goal": GOALS[key], "value": result[key], "met": ok} for key, ok in checks.items()}
    calc, plain = result["calculator_page"], result["plain_page"]
    rows = [
        ("Första resultat efter ifyllt formulär (median)", f"{result['first_result_ms']:.0f} ms", ""),
        ("Golv: bara loadPyodide i en worker (median)", f"{result['floor_load_pyodide_ms']:.0f} ms", ""),
        ("Golv från navigering: tom sida, worker, loadPyodide", f"{result['floor_from_navigation_ms']:.0f} ms", ""),
        ("Sidans worker startar efter navigering (median)",
         f"{statistics.median(result['worker_start_samples_ms']):.0f} ms", "startas i sidans <head>"),
        ("loadPyodide i sidans worker (median)",
         f"{statistics.median(result['page_load_pyodide_samples_ms']):.0f} ms", "delar CPU med sidan och temat"),
        ("Första resultat / golv (median av paren)", f"{result['first_result_vs_floor']:.2f}",
         f"mål ≤ {GOALS['first_result_vs_floor']}: {'uppfyllt' if checks['first_result_vs_floor'] else 'EJ uppfyllt'}"),
        ("Första resultat / golv från navigering", f"{result['first_result_vs_floor_from_navigation']:.2f}", ""),
        *[(f"Omräkning med {rows} {'risk' if rows == 1 else 'risker'}, median / p95",
           f"{warm['recompute_median_ms']:.1f} / {warm['recompute_p95_ms']:.1f} ms", "100 indata")
          for rows, warm in result["recompute_by_rows"].items()],
        (f"Omräkning med {ROW_COUNTS[-1]} risker, p95", f"{result['recompute_p95_ms']:.1f} ms",
         f"mål ≤ {GOALS['recompute_p95_ms']:.0f} ms: {'uppfyllt' if checks['recompute_p95_ms'] else 'EJ uppfyllt'}"),
        ("Indata till resultat inkl. 150 ms väntan, median", f"{result['input_to_result_median_ms']:.0f} ms", ""),
        ("Längsta uppgift i huvudtråden efter räknarstart (alla skript)",
         f"{result['longest_task_after_calculator_start_ms']:.0f} ms", "longtask; räknaren startar före temat"),
        (f"Längsta uppgift i räknarens egen kod, {ROW_COUNTS[-1]} risker", f"{result['longest_task_ms']:.1f} ms",
         f"mål ≤ {GOALS['longest_task_ms']:.0f} ms: {'uppfyllt' if checks['longest_task_ms'] else 'EJ uppfyllt'}"),
        ("Längsta uppgift i räknarens egen kod vid sidladdning", f"{result['page_load_widget_longest_task_ms']:.1f} ms",
         ""),
        ("Längsta uppgift vid sidladdning, med / utan räknare",
         f"{result['longest_task_page_load_ms']['calculator_page']:.0f} / "
         f"{result['longest_task_page_load_ms']['plain_page']:.0f} ms", "mkdocs-material och HTML-tolkning"),
        ("Sida med räknare: byte (gzip)", f"{calc['bytes']:,} ({calc['bytes_gzip']:,})",
         f"{calc['requests']} förfrågningar"),
        ("Sida utan räknare: byte (gzip)", f"{plain['bytes']:,} ({plain['bytes_gzip']:,})",
         f"{plain['requests']} förfrågningar, {plain['pyodide_requests']} Pyodide-filer"),
    ]
    width = max(len(r[0]) for r in rows)
    table = "\n".join(f"{name:<{width}}  {value:>22}  {note}" for name, value, note in rows)
    return (f"{table}\n(Chromium {result['chromium']}, {result['cpus']} kärnor, "
            f"load average {result['load_average_1min']:.1f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="en redan byggd webbplats (annars byggs den)")
    parser.add_argument("--samples", type=int, default=7, help="kalla laddningar per mätning")
    args = parser.parse_args(argv)
    site = args.site or build_site()
    result = run(site, args.samples)
    print(report(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nSparat i {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
