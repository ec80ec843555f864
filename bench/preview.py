"""Edit-to-preview benchmark: how long an editor waits after saving one YAML file while `make serve` runs.

Copies the example handbook to a temporary folder, starts `mkdocs serve` on it, changes one method's purpose and
times until the served page shows the new text; compares with a full `mkdocs build` of the same project in the
same run. Writes `bench/results/preview.json`. Run: `uv run python -m bench.preview [--edits N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.generator import ROOT, measure

RESULTS = ROOT / "bench" / "results" / "preview.json"
PARTS = ("mkdocs.yml", "handbook", "docs", "overrides", "schemas")
METHOD = "handbook/metoder/swot.yml"


def copy_project(target: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target / part)
    return target / "mkdocs.yml"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, seconds: float = 600) -> float:
    """Seconds until the page at `url` contains `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    sys.exit(f"{url} visade inte ändringen inom {seconds} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edits(project: Path, count: int) -> list[float]:
    """Seconds from saving the YAML file until the served page shows the change, `count` times."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/metoder/swot/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url, "SWOT")
        source = project / METHOD
        original = source.read_text(encoding="utf-8")
        waits = []
        for number in range(count):
            marker = f"Ändring nummer {number} i förhandsvisningen"
            source.write_text(original.replace("syfte: ", f"syfte: {marker}. ", 1), encoding="utf-8")
            waits.append(wait_for(url, marker))
        return waits
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="handbok-preview-") as tmp:
        project = copy_project(Path(tmp)).parent
        build = measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(Path(tmp) / "site")],
                        project)
        waits = edits(project, args.edits)
    median = statistics.median(waits)
    report = {"full_build_seconds": build["seconds"], "edit_to_preview_seconds": [round(w, 2) for w in waits],
              "median_edit_to_preview": round(median, 2), "ratio": round(median / build["seconds"], 2),
              "date": dt.datetime.now().isoformat(timespec="seconds")}
    print(f"Helt bygge: {build['seconds']} s. Från sparad fil till uppdaterad sida (median av {len(waits)}): "
          f"{median:.2f} s. Kvot {report['ratio']}.")
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
