"""A hand-written page added to the handbook names its owner and review date and can be found from its chapter.

Models, methods and roles carry `ägare` and `senast_granskad` in YAML and are listed on the generated overview and
index pages; a Markdown chapter has no such fields, so it states both in its last line.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from generator.sitecheck import ROOT

DOCS = ROOT / "docs"
NEW_CHAPTERS = ["styrning/fran-mal-till-analys.md"]
OWNER_LINE = re.compile(r"^\*Ägare: (?P<owner>[^.]+)\. Senast granskad: (?P<date>\d{4}-\d{2}-\d{2})\.\*$", re.MULTILINE)


def nav_files(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [f for value in node.values() for f in nav_files(value)]
    if isinstance(node, list):
        return [f for item in node for f in nav_files(item)]
    return []


@pytest.mark.parametrize("page", NEW_CHAPTERS)
def test_the_page_names_owner_and_review_date(page: str) -> None:
    match = OWNER_LINE.search((DOCS / page).read_text(encoding="utf-8"))
    assert match, f"{page}: sista raden ska vara *Ägare: … Senast granskad: ÅÅÅÅ-MM-DD.*"
    assert dt.date.fromisoformat(match["date"]) <= dt.date.today()


@pytest.mark.parametrize("page", NEW_CHAPTERS)
def test_the_page_is_linked_from_its_chapter_and_the_navigation(page: str) -> None:
    chapter, name = page.split("/", 1)
    assert f"]({name})" in (DOCS / chapter / "index.md").read_text(encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert page in nav_files(config["nav"])
