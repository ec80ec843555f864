"""Review cycle: `handbok granskning` per owner, and the overdue notice on the page."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email
import email.policy
import io
import re
from pathlib import Path

from handbok import cli
from handbok.content import review, schema
from handbok.content.handbook import add_months
from handbok.site.pages import render_pages
from handbok.site.validate import check

TODAY = dt.date(2026, 6, 1)


def _set(repo: Path, relative: str, field: str, value: str) -> None:
    path = repo / "handbook" / relative
    text, count = re.subn(rf"(?m)^{field}:.*$", f"{field}: {value}", path.read_text(encoding="utf-8"), count=1)
    if not count:
        text = text.rstrip("\n") + f"\n{field}: {value}\n"
    path.write_text(text, encoding="utf-8")


def _fresh(repo: Path) -> None:
    """Every entry and chapter reviewed yesterday, so only what a test changes is due."""
    for path in (repo / "handbook").glob("*/*.yml"):
        _set(repo, path.relative_to(repo / "handbook").as_posix(), "senast_granskad", "2026-05-31")
    for path in (repo / "docs").rglob("*.md"):
        _chapter(path, "2026-05-31")


def _chapter(path: Path, reviewed: str, owner: str | None = None) -> None:
    """Set a chapter's `senast_granskad` (and `ägare`) in its front matter, when it has one."""
    text = re.sub(r"(?m)^senast_granskad:.*$", f"senast_granskad: {reviewed}", path.read_text(encoding="utf-8"),
                  count=1)
    if owner:
        text = re.sub(r"(?m)^ägare:.*$", f"ägare: {owner}", text, count=1)
    path.write_text(text, encoding="utf-8")


def test_report_lists_overdue_and_soon_due_per_owner(repo: Path, run):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")          # overdue
    _set(repo, "metoder/swot.yml", "ägare", "kvalitetssamordnare")
    _set(repo, "kontakter/kvalitetsenheten.yml", "senast_granskad", "2025-06-20")  # due 2026-06-20
    _set(repo, "kontakter/kvalitetsenheten.yml", "ägare", "kommundirektor")
    _set(repo, "kontakter/kvalitetsenheten.yml", "granskningsintervall_månader", "12")
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat(),
                       "--dagar", "30")
    assert code == 0
    blocks = {block.splitlines()[0]: block for block in out.split("\n\n")[1:]}
    samordnare = "Ägare: Kvalitetssamordnare (kvalitetssamordnare), kvalitet@exempelkommun.se"
    direktor = "Ägare: Kommundirektör (kommundirektor), kvalitet@exempelkommun.se"
    assert set(blocks) == {samordnare, direktor}
    assert "försenad  2025-01-10" in blocks[samordnare]
    assert "snart     2026-06-20 (om 19 dagar)" in blocks[direktor]
    assert out.startswith("Granskning 2026-06-01: 1 försenade, 1 inom 30 dagar.")


def _csv_rows(repo: Path, capfdbinary) -> list[dict[str, str]]:
    """Run `granskning --csv` and read its bytes as Swedish Excel does: UTF-8 with BOM, `;` between columns."""
    code = cli.main(["granskning", "--csv", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                     "--idag", TODAY.isoformat()])
    raw = capfdbinary.readouterr().out
    assert code == 0 and raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_report_as_csv_for_swedish_excel(repo: Path, capfdbinary):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")
    _set(repo, "metoder/swot.yml", "namn", "SWOT-analys för å, ä och ö")
    rows = _csv_rows(repo, capfdbinary)
    assert len(rows) == 1 and list(rows[0]) == review.CSV_COLUMNS
    row = rows[0]
    assert row["id"] == "swot" and row["status"] == "försenad" and row["fil"] == "handbook/metoder/swot.yml"
    assert row["namn"] == "SWOT-analys för å, ä och ö"
    assert (row["ägare"], row["ägarens_namn"], row["ägarens_epost"]) == (
        "kvalitetssamordnare", "Kvalitetssamordnare", "kvalitet@exempelkommun.se")
    assert int(row["dagar"]) == (dt.date(2025, 1, 10) - TODAY).days


def test_csv_lists_files_with_errors_first(repo: Path, capfdbinary):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")
    (repo / "handbook" / "metoder" / "riskanalys.yml").write_text(f"{schema.header('metod')}\nnamn: [\n",
                                                                  encoding="utf-8")
    rows = _csv_rows(repo, capfdbinary)
    assert [(r["status"], r["fil"]) for r in rows] == [("fel", "handbook/metoder/riskanalys.yml"),
                                                       ("försenad", "handbook/metoder/swot.yml")]
    assert rows[0]["fel"].startswith("rad 2: YAML-fel i `namn`")


def test_nothing_due_is_still_success(repo: Path, run):
    _fresh(repo)
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat())
    assert code == 0 and out.startswith("Inget behöver granskas")


def test_report_comes_even_when_a_file_has_errors(repo: Path, run):
    _fresh(repo)
    _set(repo, "metoder/riskanalys.yml", "senast_granskad", "2024-01-10")
    (repo / "handbook" / "metoder" / "swot.yml").write_text(f"{schema.header('metod')}\nnamn: [\n", encoding="utf-8")
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat())
    assert code == 0
    errors, report = out.split("\n\n", 1)
    assert errors.startswith("1 fel i innehållet.") and "handbook/metoder/swot.yml:2:7:" in errors
    assert report.startswith("Granskning 2026-06-01: 1 försenade") and "Riskanalys" in report


def test_unreadable_handbook_yml_still_lists_the_errors(repo: Path, run):
    (repo / "handbook" / "handbook.yml").write_text(f"{schema.header('handbok', nested=False)}\ntitel: [\n",
                                                    encoding="utf-8")
    code, out, err = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    assert code == 0 and out.startswith("handbook/handbook.yml:2:8: YAML-fel i `titel`")
    assert "ingen rapport" in err


def test_one_draft_email_per_owner(repo: Path, run, tmp_path: Path):
    _fresh(repo)
    _set(repo, "metoder/swot.yml", "senast_granskad", "2024-01-10")
    _set(repo, "metoder/riskanalys.yml", "senast_granskad", "2024-02-10")
    _set(repo, "metoder/riskanalys.yml", "ägare", "kvalitetssamordnare")
    _set(repo, "kontakter/kommunsupport.yml", "senast_granskad", "2024-01-10")
    _set(repo, "kontakter/kommunsupport.yml", "ägare", "kommundirektor")
    code, _, err = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat(),
                       "--mejl", str(tmp_path / "utkast"))
    assert code == 0 and "Skrev 2 e-postutkast" in err
    drafts = {p.stem: email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
              for p in (tmp_path / "utkast").glob("*.eml")}
    assert set(drafts) == {"kvalitetssamordnare", "kommundirektor"}
    mine = drafts["kvalitetssamordnare"]
    assert mine["To"] == "kvalitet@exempelkommun.se" and mine["X-Unsent"] == "1"
    assert mine["Subject"] == "Dags att granska 2 sidor i kvalitetshandboken"
    body = mine.get_content()
    assert "SWOT-analys (metod)" in body and "Riskanalys (metod)" in body and "Kommunsupport" not in body
    assert drafts["kommundirektor"]["Subject"] == "Dags att granska 1 sida i kvalitetshandboken"


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
    assert "Senast granskad: 2020-03-01" in old
    assert f"Nästa granskning: {handbook.next_review(handbook.methods['swot'])}" in old
    assert "Sidan behöver granskas" not in fresh and "Senast granskad: 2026-05-31" in fresh


def _old_chapter(repo: Path) -> None:
    _fresh(repo)
    chapter = repo / "docs" / "styrning" / "planer.md"
    assert chapter.read_text(encoding="utf-8").startswith("---\nägare: kommundirektor\n")
    _chapter(chapter, "2025-01-20", owner="kvalitetssamordnare")  # 12 months: due 2026-01-20, overdue


def test_chapters_are_in_the_text_and_the_reminders(repo: Path, run, tmp_path: Path):
    _old_chapter(repo)
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat(), "--mejl", str(tmp_path / "utkast"))
    assert code == 0 and out.startswith("Granskning 2026-06-01: 1 försenade, 0 inom 60 dagar.")
    assert ("försenad  2026-01-20 (132 dagar sedan)  kapitel  Planer på olika nivåer  [docs/styrning/planer.md]"
            in out.split("Ägare: Kvalitetssamordnare (kvalitetssamordnare)")[1])
    draft = email.message_from_bytes((tmp_path / "utkast" / "kvalitetssamordnare.eml").read_bytes(),
                                     policy=email.policy.default)
    assert "- Planer på olika nivåer (kapitel): skulle ha granskats 2026-01-20" in draft.get_content()
    assert "Fil: docs/styrning/planer.md" in draft.get_content()


def test_chapters_are_in_the_csv(repo: Path, capfdbinary):
    _old_chapter(repo)
    [row] = _csv_rows(repo, capfdbinary)
    assert (row["typ"], row["id"], row["namn"], row["fil"], row["ägare"], row["senast_granskad"]) == (
        "kapitel", "styrning/planer", "Planer på olika nivåer", "docs/styrning/planer.md", "kvalitetssamordnare",
        "2025-01-20")


def test_a_chapter_without_front_matter_is_due_with_the_handbook(repo: Path, run):
    _fresh(repo)
    (repo / "docs" / "styrning" / "ny.md").write_text("# Ett nytt kapitel\n\nText.\n", encoding="utf-8")
    handbook_yml = repo / "handbook" / "handbook.yml"
    handbook_yml.write_text(re.sub(r"(?m)^senast_granskad:.*$", "senast_granskad: 2025-02-01",
                                   handbook_yml.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    code, out, _ = run("granskning", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"),
                       "--idag", TODAY.isoformat())
    assert code == 0
    assert "kapitel  Ett nytt kapitel  [docs/styrning/ny.md]" in out.split("Ägare: Kvalitetsdirektör")[1]
