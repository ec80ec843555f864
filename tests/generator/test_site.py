"""The shipped handbook, built with `mkdocs build --strict`: every entry has a page and is in the overview."""

from __future__ import annotations

from pathlib import Path

from handbok.site.ci import check_links
from handbok.site.validate import check

from .sitecheck import ROOT


def shipped():
    handbook, errors = check(ROOT / "handbook", ROOT / "docs")
    assert errors == []
    return handbook


def test_every_model_method_and_role_has_a_page(built_site: Path) -> None:
    handbook = shipped()
    missing = [f"{kind}/{entry_id}" for kind in ("modeller", "metoder", "roller")
               for entry_id in handbook.entries(kind) if not (built_site / kind / entry_id / "index.html").is_file()]
    assert missing == []


def test_overview_tables_list_every_model_and_method(built_site: Path) -> None:
    handbook = shipped()
    page = (built_site / "oversikt" / "index.html").read_text(encoding="utf-8")
    tables = page.split("<table>")[1:]
    assert len(tables) == 2
    for table, kind in zip(tables, ("modeller", "metoder"), strict=True):
        rows = table[:table.index("</table>")].count("<tr>") - 1
        assert rows == len(handbook.entries(kind))
        for entry_id in handbook.entries(kind):
            assert f'href="../{kind}/{entry_id}/"' in table, entry_id


def test_contact_directory_has_every_contact(built_site: Path) -> None:
    page = (built_site / "kontakter" / "index.html").read_text(encoding="utf-8")
    assert all(f'id="{contact_id}"' in page for contact_id in shipped().contacts)


def test_no_broken_internal_links(built_site: Path) -> None:
    assert check_links(built_site) == []
