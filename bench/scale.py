"""Scale benchmark: does a page cost the same in a handbook of 100 methods as in one of 2,000?

Builds synthetic handbooks of 100 to 2,000 methods (with a quarter as many roles and twice as many contacts) and
reports, per engine, the build's CPU time per page and the built HTML bytes per page. Goals (issue 11): HTML per
page at 2,000 methods at most 1.3 times that at 100; CPU time per page roughly constant. Writes
`bench/results/scale.json`. Run: `uv run python -m bench.scale [--sizes 100 250 ...]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.generator import MKDOCS, ROOT, measure, nav, synthesize

RESULTS = ROOT / "bench" / "results" / "scale.json"
SIZES = (100, 250, 500, 1000, 2000)
PLUGIN = "  - handbok:\n      content_dir: handbook\n"
ENGINES: dict[str, Callable[[Path, Path], list[str]]] = {
    "mkdocs": lambda config, site: [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                                    "-d", str(site)],
}
"""Engine -> the command that builds the project of `config` into `site`."""


def project(work: Path, methods: int) -> Path:
    """A valid synthetic handbook project with `methods` methods; its mkdocs.yml."""
    synthesize(work / "handbook", methods, roles=max(methods // 4, 2), contacts=methods * 2, models=10)
    (work / "docs").mkdir(parents=True, exist_ok=True)
    (work / "docs" / "index.md").write_text("# Benchhandbok\n", encoding="utf-8")
    config = MKDOCS.format(overrides=ROOT / "overrides", plugin=PLUGIN)
    config += yaml.safe_dump({"nav": nav({}, expanded=False)}, allow_unicode=True)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    return work / "mkdocs.yml"


def pages_of(site: Path) -> list[Path]:
    return [page for page in site.rglob("*.html") if page.name != "404.html"]


def run(sizes: tuple[int, ...]) -> dict:
    rows = []
    with tempfile.TemporaryDirectory(prefix="handbok-scale-") as tmp:
        for methods in sizes:
            config = project(Path(tmp) / str(methods), methods)
            for engine, command in ENGINES.items():
                site = config.parent / f"site-{engine}"
                usage = measure(command(config, site), config.parent)
                pages = pages_of(site)
                html = sum(page.stat().st_size for page in pages)
                rows.append({"engine": engine, "methods": methods, "pages": len(pages), **usage,
                             "cpu_ms_per_page": round(1000 * usage["cpu_seconds"] / len(pages), 1),
                             "html_kb_per_page": round(html / len(pages) / 1024, 1)})
                print(f"{engine:<9}{methods:>6}{len(pages):>7}{usage['cpu_seconds']:>9}"
                      f"{rows[-1]['cpu_ms_per_page']:>12}{rows[-1]['html_kb_per_page']:>12}", flush=True)
    return {"rows": rows, "ratios": ratios(rows, sizes)}


def ratios(rows: list[dict], sizes: tuple[int, ...]) -> dict:
    """Largest over smallest handbook, per engine; and each engine over MkDocs at the largest size."""
    found = {}
    at = {(row["engine"], row["methods"]): row for row in rows}
    for engine in ENGINES:
        small, large = at[engine, min(sizes)], at[engine, max(sizes)]
        found[engine] = {"html_per_page": round(large["html_kb_per_page"] / small["html_kb_per_page"], 2),
                         "cpu_per_page": round(large["cpu_ms_per_page"] / small["cpu_ms_per_page"], 2),
                         "cpu_vs_mkdocs": round(large["cpu_seconds"] / at["mkdocs", max(sizes)]["cpu_seconds"], 2)}
    return found


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    sizes = tuple(sorted(parser.parse_args(argv).sizes))
    print(f"{'Motor':<9}{'Metoder':>6}{'Sidor':>7}{'CPU (s)':>9}{'CPU/sida ms':>12}{'HTML/sida kB':>12}")
    report = {**run(sizes), "python": platform.python_version(), "cpus": os.cpu_count(),
              "date": dt.datetime.now().isoformat(timespec="seconds")}
    for engine, ratio in report["ratios"].items():
        print(f"{engine}: HTML/sida {max(sizes)}/{min(sizes)} = {ratio['html_per_page']} (mål ≤ 1,3), "
              f"CPU/sida = {ratio['cpu_per_page']}, CPU mot MkDocs = {ratio['cpu_vs_mkdocs']}")
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
