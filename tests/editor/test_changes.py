"""The "Nytt i handboken" page: changes across the handbook, newest first, and the version history."""

from __future__ import annotations

import re
from pathlib import Path

from handbok.content import changes
from handbok.site.pages import render_pages
from handbok.site.validate import check

from .conftest import ROOT


def _rows(markdown: str, header: str) -> list[list[str]]:
    table = markdown.split(header, 1)[1].split("\n\n", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in table.splitlines()
            if line and not line.startswith("|---")]


def test_page_lists_every_change_newest_first():
    handbook, errors = check(ROOT / "handbook")
    assert errors == []
    page = render_pages(handbook)[changes.PAGE]
    rows = _rows(page, "| Datum | Sida | Typ | Vad som ändrades | Varför |")
    total = sum(len(e.changelog) for kind in ("modeller", "metoder", "roller", "kontakter")
                for e in handbook.entries(kind).values())
    assert len(rows) == min(total, changes.LATEST) > 0
    dates = [row[0] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert {row[2] for row in rows} <= {"större", "mindre"}
    newest = changes.latest(handbook)[0]
    assert rows[0][3] == " ".join(newest.change.change.split())
    assert re.fullmatch(r"\[.+\]\(\.\./[a-z]+/[a-z0-9-]+\.md\)|\[.+\]\(\.\./kontakter\.md#[a-z0-9-]+\)", rows[0][1])


def test_version_history_comes_from_handbook_yml():
    handbook, _ = check(ROOT / "handbook")
    page = render_pages(handbook)[changes.PAGE]
    rows = _rows(page, "| Version | Datum | Beslut | Kommentar |")
    assert [(r[0], r[1], r[2]) for r in rows] == [(v.version, str(v.date), v.decision) for v in handbook.meta.versions]
    assert f"Gällande version: **{handbook.meta.version}**" in page


def test_new_change_appears_first(repo: Path):
    path = repo / "handbook" / "metoder" / "swot.yml"
    text = path.read_text(encoding="utf-8").replace(
        "ändringslogg:\n", "ändringslogg:\n  - datum: 2099-01-01\n    typ: mindre\n    ändring: Rättade en länk.\n", 1)
    path.write_text(text, encoding="utf-8")
    handbook, errors = check(repo / "handbook")
    assert errors == []
    rows = _rows(render_pages(handbook)[changes.PAGE], "| Datum | Sida | Typ | Vad som ändrades | Varför |")
    assert rows[0][:4] == ["2099-01-01", "[SWOT-analys](../metoder/swot.md)", "mindre", "Rättade en länk."]
