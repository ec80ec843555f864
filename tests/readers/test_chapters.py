"""`handbok check` validates a chapter's owner and review date; a chapter without them gets the handbook's."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbok.content import chapters
from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "handbook"
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(FIXTURE, tmp_path / "handbook")
    (tmp_path / "docs").mkdir()
    return tmp_path / "handbook", tmp_path / "docs"


def chapter(docs: Path, front: str) -> None:
    (docs / "kapitel.md").write_text(f"---\n{front}---\n\n# Kapitel\n\nText.\n", encoding="utf-8")


def handbook_of(content: Path):
    handbook, errors = check(content)
    assert errors == []
    return handbook


def test_front_matter_gives_owner_and_date(site) -> None:
    content, docs = site
    chapter(docs, "ägare: chef\nsenast_granskad: 2026-02-01\n")
    reviews, errors = chapters.read(docs, handbook_of(content), TODAY)
    assert errors == []
    assert (reviews["kapitel.md"].owner, reviews["kapitel.md"].last_reviewed) == ("chef", dt.date(2026, 2, 1))


def test_without_front_matter_the_handbook_owns_the_chapter(site) -> None:
    content, docs = site
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    handbook = handbook_of(content)
    review = chapters.read(docs, handbook, TODAY)[0]["index.md"]
    assert (review.owner, review.last_reviewed) == (handbook.meta.owner, handbook.meta.last_reviewed)


@pytest.mark.parametrize(("front", "where", "words"), [
    ("ägare: chefen\nsenast_granskad: 2026-02-01\n", "docs/kapitel.md:2:8", ["`chefen`", "Menade du `chef`"]),
    ("ägare: chef\nsenast_granskad: 1 februari\n", "docs/kapitel.md:3:18", ["inte är ett datum", "ÅÅÅÅ-MM-DD"]),
    ("ägare: chef\nsenast_granskad: 2026-07-01\n", "docs/kapitel.md:3:18", ["2026-07-01", "i framtiden"]),
])
def test_bad_owner_or_date_is_named_with_place_and_fix(site, front: str, where: str, words: list[str]) -> None:
    content, docs = site
    chapter(docs, front)
    reviews, errors = chapters.read(docs, handbook_of(content), TODAY)
    assert "kapitel.md" not in reviews
    assert [str(e).split(": ")[0] for e in errors] == [where]
    assert all(word in str(errors[0]) for word in words)


def test_check_reports_chapter_errors(site) -> None:
    content, docs = site
    chapter(docs, "ägare: ingen-alls\n")
    handbook, errors = check(content, docs)
    assert handbook is None
    assert any(e.path == "docs/kapitel.md" and "ingen-alls" in e.message for e in errors)
