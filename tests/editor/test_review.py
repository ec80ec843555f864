"""Review cycle: `handbok granskning` per owner, and the overdue notice on the page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from handbok import review
from handbok.check import check
from handbok.handbook import add_months
from handbok.pages import render_pages

TODAY = dt.date(2026, 6, 1)


def _set(repo: Path, relative: str, field: str, value: str) -> None:
    path = repo / "handbook" / relative
    text, count = re.subn(rf"(?m)^{field}:.*$", f"{field}: {value}", path.read_text(encoding="utf-8"), count=1)
    if not count:
        text = text.rstrip("\n") + f"\n{field}: {value}\n"
    path.write_text(text, encoding="utf-8")


def _fresh(repo: Path) -> None:
    """Every entry reviewed yesterday, so only what a test changes is due."""
    for path in (repo / "handbook").glob("*/*.yml"):
        _set(repo, path.relative_to(repo / "handbook").as_posix(), "senast_granskad", "2026-05-31")


def test_report_lists_overdue_and_soon_due_per_owner(repo: Path, run):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")          # overdue
    _set(repo, "metoder/swot.yml", "ägare", "kvalitetssamordnare")
    _set(repo, "kontakter/kvalitetsenheten.yml", "senast_granskad", "2025-06-20")  # due 2026-06-20
    _set(repo, "kontakter/kvalitetsenheten.yml", "ägare", "kommundirektor")
    _set(repo, "kontakter/kvalitetsenheten.yml", "granskningsintervall_månader", "12")
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--idag", TODAY.isoformat(),
                       "--dagar", "30")
    assert code == 0
    blocks = {block.splitlines()[0]: block for block in out.split("\n\n")[1:]}
    assert set(blocks) == {"Ägare: Kvalitetssamordnare (kvalitetssamordnare)",
                           "Ägare: Kommundirektör (kommundirektor)"}
    assert "försenad  2025-01-10" in blocks["Ägare: Kvalitetssamordnare (kvalitetssamordnare)"]
    assert "snart     2026-06-20 (om 19 dagar)" in blocks["Ägare: Kommundirektör (kommundirektor)"]
    assert out.startswith("Granskning 2026-06-01: 1 försenade, 1 inom 30 dagar.")


def test_report_as_csv(repo: Path, run):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")
    code, out, _ = run("granskning", "--csv", "--content", str(repo / "handbook"), "--idag", TODAY.isoformat())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert rows[0]["id"] == "swot" and rows[0]["status"] == "försenad" and rows[0]["fil"] == "handbook/metoder/swot.yml"
    assert int(rows[0]["dagar"]) == (dt.date(2025, 1, 10) - TODAY).days


def test_nothing_due_is_still_success(repo: Path, run):
    _fresh(repo)
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--idag", TODAY.isoformat())
    assert code == 0 and out.startswith("Inget behöver granskas")


def test_invalid_content_is_reported_not_failed(repo: Path, run):
    (repo / "handbook" / "metoder" / "swot.yml").write_text("namn: [\n", encoding="utf-8")
    code, _, err = run("granskning", "--content", str(repo / "handbook"))
    assert code == 0 and "handbok check" in err


def test_interval_defaults_to_handbook_value(repo: Path):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2025-05-15")
    handbook, errors = check(repo / "handbook")
    assert errors == []
    months = handbook.methods["swot"].review_months or handbook.meta.review_months
    items = review.due(handbook, TODAY, 0)
    assert [(i.entry_id, i.next_review) for i in items] == [("swot", add_months(dt.date(2025, 5, 15), months))]


def test_overdue_page_shows_notice_and_fresh_page_does_not(repo: Path):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2020-03-01")
    handbook, errors = check(repo / "handbook")
    assert errors == []
    pages = render_pages(handbook, today=TODAY)
    old, fresh = pages["metoder/swot.md"], pages["metoder/riskanalys.md"]
    assert '!!! warning "Sidan behöver granskas"' in old
    assert "Senast granskad: 2020-03-01" in old and f"Nästa granskning: {handbook.next_review(handbook.methods['swot'])}" in old
    assert "Sidan behöver granskas" not in fresh and "Senast granskad: 2026-05-31" in fresh
