"""Every method page of the example handbook carries what a reader needs to use the method:
purpose, when to use it, at least three steps, a role or contact to ask, and a related method."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbok.site.validate import check

ROOT = Path(__file__).resolve().parents[2]
HANDBOOK, ERRORS = check(ROOT / "handbook", ROOT / "docs")
METHODS = sorted(HANDBOOK.methods) if HANDBOOK else []


def test_shipped_content_is_valid() -> None:
    assert ERRORS == [] and len(METHODS) >= 16


@pytest.mark.parametrize("method_id", METHODS)
def test_method_has_what_a_reader_needs(method_id: str) -> None:
    method = HANDBOOK.methods[method_id]
    assert method.purpose.strip() and method.when_to_use.strip()
    assert len(method.steps) >= 3, f"{method_id}: {len(method.steps)} steg"
    assert method.roles or method.contacts
    assert method.related_methods or any(method_id in other.related_methods for other in HANDBOOK.methods.values())


@pytest.mark.parametrize("method_id", METHODS)
def test_method_page_shows_it(built_site: Path, method_id: str) -> None:
    page = (built_site / "metoder" / method_id / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)<", page)
    for heading in ("Syfte", "När använder du metoden?", "Så här gör du", "Stödresurser", "Relaterade metoder"):
        assert heading in headings, f"{method_id}: {heading}"
    related = page.split('<h2 id="relaterade-metoder"', 1)[1].split("<h2", 1)[0]
    assert re.search(r'<a href="\.\./[a-z0-9-]+/"', related), method_id
