"""The introduction in handbook.yml reaches the reader: the overview page shows it, rule and all."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from generator.sitecheck import ROOT
from handbok.site.validate import check

HANDBOOK, ERRORS = check(ROOT / "handbook", ROOT / "docs")


def plain(text: str) -> str:
    """Text without tags, Markdown emphasis and line breaks, for comparing what a reader sees."""
    return " ".join(unescape(re.sub(r"<[^>]+>|[*_]", " ", text)).split())


def test_the_overview_shows_every_sentence_of_the_introduction(built_site: Path) -> None:
    page = plain((built_site / "oversikt" / "index.html").read_text(encoding="utf-8"))
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", plain(HANDBOOK.meta.introduction)) if s]
    assert len(sentences) >= 5 and [s for s in sentences if s not in page] == []


def test_the_introduction_states_which_parts_are_mandatory() -> None:
    intro = plain(HANDBOOK.meta.introduction)
    assert "Modellerna är obligatoriska" in intro and "väljer du efter behov" in intro
