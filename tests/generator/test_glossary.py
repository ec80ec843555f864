"""The glossary (`ordlista.yml`) is checked like other content: Swedish errors with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbok.site.pages import GLOSSARY, abbreviations, render_pages
from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "handbook"
GOOD = """\
termer:
  - term: ÖSB
    står_för: Övergripande strategier och budget
    förklaring: Kommunens plan för året, med mål och budget.
  - term: R9
    förklaring: Nio kommuner som jämför sina resultat.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "handbook"))


def errors_with(content: Path, text: str) -> list[str]:
    (content / "ordlista.yml").write_text(text, encoding="utf-8")
    handbook, errors = check(content)
    assert handbook is None
    return [str(error) for error in errors]


def test_a_glossary_gives_a_page_and_explanations(content: Path) -> None:
    (content / "ordlista.yml").write_text(GOOD, encoding="utf-8")
    handbook, errors = check(content)
    assert errors == []
    assert abbreviations(handbook.glossary) == {
        "ÖSB": "Övergripande strategier och budget: Kommunens plan för året, med mål och budget.",
        "R9": "Nio kommuner som jämför sina resultat."}
    page = render_pages(handbook)[GLOSSARY]
    assert "ÖSB\n:   *Övergripande strategier och budget.* Kommunens plan för året, med mål och budget." in page


def test_missing_explanation_names_file_line_and_field(content: Path) -> None:
    errors = errors_with(content, GOOD.replace("    förklaring: Nio kommuner som jämför sina resultat.\n", ""))
    assert len(errors) == 1
    assert errors[0].startswith("handbook/ordlista.yml:5:")
    assert "förklaring" in errors[0]


def test_unknown_field_is_named(content: Path) -> None:
    errors = errors_with(content, GOOD.replace("står_för:", "betyder:"))
    assert len(errors) == 1
    assert errors[0].startswith("handbook/ordlista.yml:3:5: okänt fält `betyder`")


def test_a_term_written_twice_is_an_error(content: Path) -> None:
    errors = errors_with(content, GOOD.replace("term: R9", "term: ösb"))
    assert errors == ["handbook/ordlista.yml:5:11: termen `ösb` står redan i ordlistan. Ta bort den ena, eller "
                      "slå ihop förklaringarna."]


def test_no_glossary_no_page(content: Path) -> None:
    handbook, errors = check(content)
    assert errors == [] and handbook.glossary == []
    assert GLOSSARY not in render_pages(handbook)
