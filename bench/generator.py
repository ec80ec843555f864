"""Generator benchmark: a synthetic handbook of 2,000 methods, 500 roles and 5,000 contacts.

Builds it twice in child processes and reports wall time and peak memory (RSS) of each build:
1. `mkdocs build` with the handbok plugin from YAML (validation, rendering, sanitising, calculator assets);
2. plain mkdocs-material from the same pages written out as static Markdown, with the same navigation.
Also times `handbok check` alone. Prints a table and writes `bench/results/generator.json`.
Run: `uv run python -m bench.generator [--methods N --roles N --contacts N --models N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from handbok.site.pages import render_pages
from handbok.site.validate import check

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "generator.json"
PHASES = ["planering", "genomförande", "uppföljning"]
PARTS = ["politisk_organisation", "ledning", "stöd", "verksamhet"]
WORDS = ("kvalitet mål uppföljning process tjänst mottagare analys förbättring risk plan resultat "
         "ansvar samverkan dialog nyckeltal avvikelse").split()


def sentence(rng: random.Random, words: int = 10) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def reviewed(rng: random.Random, owner: str) -> dict:
    return {"ägare": owner, "senast_granskad": dt.date(2026, rng.randint(1, 6), rng.randint(1, 28))}


def synthesize(content: Path, methods: int, roles: int, contacts: int, models: int, seed: int = 1) -> None:
    """Write a valid handbook with cross-references to `content`."""
    rng = random.Random(seed)
    role_ids = [f"roll-{i}" for i in range(roles)]
    contact_ids = [f"kontakt-{i}" for i in range(contacts)]
    method_ids = [f"metod-{i}" for i in range(methods)]
    files: dict[str, dict] = {"handbook.yml": {
        "organisation": "Benchkommun", "titel": "Kvalitetshandbok", "version": "1.0",
        "beslut": {"organ": "Kommunstyrelsen", "referens": "KS 2026/1", "datum": dt.date(2026, 1, 1)},
        "introduktion": sentence(rng, 30), "ägare": role_ids[0], "senast_granskad": dt.date(2026, 1, 1),
        "återkoppling_epost": "kvalitet@exempelkommun.se",
        "tillgänglighet": {"tjänst": "Benchhandboken", "status": "fullt förenlig",
                           "bedömningsmetod": "Egen granskning.",
                           "bedömd": dt.date(2026, 1, 1), "uppdaterad": dt.date(2026, 1, 1),
                           "svarstid_arbetsdagar": 5}}}
    for i, contact_id in enumerate(contact_ids):
        files[f"kontakter/{contact_id}.yml"] = {
            "namn": f"Funktion {i}", "beskrivning": sentence(rng), "epost": f"funktion{i}@exempelkommun.se",
            "telefon": f"010-123 {i // 100:02d} {i % 100:02d}", **reviewed(rng, rng.choice(role_ids))}
    for i, role_id in enumerate(role_ids):
        files[f"roller/{role_id}.yml"] = {
            "namn": f"Roll {i}", "del_av": rng.choice(PARTS), "beskrivning": sentence(rng, 25),
            "ansvar": [sentence(rng) for _ in range(3)], "kontakter": rng.sample(contact_ids, 2),
            "rapporterar_till": [role_ids[rng.randrange(i)]] if i else [], **reviewed(rng, rng.choice(role_ids))}
    guide = lambda i, kind: {  # noqa: E731 - shared fields of methods and models
        "namn": f"{kind} {i}", "syfte": sentence(rng), "beskrivning": "\n\n".join(sentence(rng, 30) for _ in range(3)),
        "när_använda": sentence(rng, 20), "tips": [sentence(rng) for _ in range(2)],
        "roller": rng.sample(role_ids, 2), "kontakter": rng.sample(contact_ids, 3),
        "relaterade_metoder": [m for m in rng.sample(method_ids, 3) if m != f"metod-{i}"][:2],
        "länkar": [{"titel": "Mall", "url": f"https://intranat.exempelkommun.se/mall/{i}"}],
        **reviewed(rng, rng.choice(role_ids))}
    for i, method_id in enumerate(method_ids):
        files[f"metoder/{method_id}.yml"] = {
            **guide(i, "Metod"), "faser": rng.sample(PHASES, rng.randint(1, 3)),
            "steg": [{"rubrik": sentence(rng, 3), "text": sentence(rng, 15)} for _ in range(5)]}
    for i in range(models):
        files[f"modeller/modell-{i}.yml"] = {**guide(i, "Modell"), "huvudmetod": rng.choice(method_ids)}
    for relative, data in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


MKDOCS = """\
site_name: Benchhandbok
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: sv
  custom_dir: {overrides}
  font: false
  features: [navigation.indexes, navigation.sections]
plugins:
  - search:
      lang: sv
{plugin}markdown_extensions: [toc, admonition, attr_list, md_in_html, tables, pymdownx.details, pymdownx.superfences]
"""


def nav(pages: dict[str, str], expanded: bool) -> list:
    """The handbook's navigation; `expanded` lists every entry page (what the plugin's on_nav does)."""
    def section(title: str, kind: str) -> object:
        index = f"{kind}/index.md"
        if not expanded:
            return {title: index}
        return {title: [index, *sorted(p for p in pages if p.startswith(f"{kind}/") and p != index)]}
    return ["index.md", "oversikt.md", section("Modeller", "modeller"), section("Metoder och verktyg", "metoder"),
            section("Roller", "roller"), {"Vem frågar jag?": "kontakter.md"}, {"Nytt": "om/nytt.md"}]


def write_projects(work: Path, args: argparse.Namespace) -> tuple[Path, Path]:
    """The YAML project (plugin) and the static-Markdown project (plain) with identical pages and nav."""
    synthesize(work / "yaml" / "handbook", args.methods, args.roles, args.contacts, args.models)
    handbook, errors = check(work / "yaml" / "handbook")
    if errors:
        sys.exit("\n".join(map(str, errors[:20])))
    pages = render_pages(handbook)
    overrides = ROOT / "overrides"
    for name, plugin, pages_on_disk, expanded in (
            ("yaml", "  - handbok:\n      content_dir: handbook\n", {}, False),
            ("plain", "", pages, True)):
        docs = work / name / "docs"
        for path, markdown in {"index.md": "# Benchhandbok\n", **pages_on_disk}.items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(markdown, encoding="utf-8")
        config = MKDOCS.format(overrides=overrides, plugin=plugin)
        config += yaml.safe_dump({"nav": nav(pages, expanded)}, allow_unicode=True)
        (work / name / "mkdocs.yml").write_text(config, encoding="utf-8")
    return work / "yaml" / "mkdocs.yml", work / "plain" / "mkdocs.yml"


def measure(command: list[str], cwd: Path) -> dict:
    """Wall time, CPU time and peak RSS of one child process (its own rusage via wait4, not all children's).
    CPU time is the steadier figure on a busy machine."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} misslyckades:\n{stderr.decode()[-3000:]}")
    return {"seconds": round(seconds, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


LABELS = {
    "check": "handbok check",
    "plugin": "mkdocs + handbok (YAML)",
    "plain": "mkdocs-material (statisk Markdown)",
}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", type=int, default=2000)
    parser.add_argument("--roles", type=int, default=500)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--models", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="handbok-bench-") as tmp:
        work = Path(tmp)
        plugin_config, plain_config = write_projects(work, args)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d"]
        results: dict[str, dict] = {
            "check": measure([sys.executable, "-m", "handbok.cli", "check", "--content", "handbook", "--docs", "docs"],
                             plugin_config.parent),
            "plugin": measure([*mkdocs, str(work / "site-yaml"), "-f", str(plugin_config)], work),
            "plain": measure([*mkdocs, str(work / "site-plain"), "-f", str(plain_config)], work),
        }
    report = {
        "content": {"methods": args.methods, "roles": args.roles, "contacts": args.contacts, "models": args.models},
        "results": results,
        "ratio_time": round(results["plugin"]["seconds"] / results["plain"]["seconds"], 2),
        "ratio_cpu": round(results["plugin"]["cpu_seconds"] / results["plain"]["cpu_seconds"], 2),
        "ratio_memory": round(results["plugin"]["peak_rss_mb"] / results["plain"]["peak_rss_mb"], 2),
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }
    print(f"{'Bygge':<48}{'Tid (s)':>9}{'CPU (s)':>9}{'Topp-RSS (MB)':>15}")
    for name, label in ((n, text) for n, text in LABELS.items() if n in results):
        row = results[name]
        print(f"{label:<48}{row['seconds']:>9}{row['cpu_seconds']:>9}{row['peak_rss_mb']:>15}")
    print(f"Kvot handbok/statisk: tid {report['ratio_time']}, CPU {report['ratio_cpu']}, "
          f"minne {report['ratio_memory']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
