"""Facts that the handbook states in more than one place say the same everywhere.

Each fact has one source (a YAML entry or one chapter); the test reads it from there and compares every other
place that repeats it, so an edit in one place that forgets the others fails here with both places named.
"""

from __future__ import annotations

import re

from content.test_source_coverage import SECTIONS
from generator.sitecheck import ROOT
from handbok.site.validate import check

HANDBOOK, ERRORS = check(ROOT / "handbook", ROOT / "docs")
DOCS = ROOT / "docs"
CONTENT = sorted([*(ROOT / "handbook").rglob("*.yml"), *DOCS.rglob("*.md")])
NUMBER_WORDS = {"fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "tretton": 13}


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of every Markdown table row (header and separator rows included)."""
    return [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in markdown.splitlines() if line.strip().startswith("|")]


def section(markdown: str, heading: str) -> str:
    """The text under `heading` up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = markdown.index(f"\n{heading}\n")
    rest = markdown[start + len(heading) + 2 :]
    end = re.search(rf"^#{{1,{len(level)}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


# The project model: phases come from the model's steps -------------------------------------------------------

def project_phases() -> list[str]:
    return [step.heading for step in HANDBOOK.models["projektstyrning"].steps]


def test_the_appendix_lists_the_models_phases_in_order() -> None:
    rows = [row[0] for row in table_rows(read("docs/bilagor/projektmodellen.md")) if re.match(r"\d+\. ", row[0])]
    assert [re.sub(r"^\d+\. ", "", row) for row in rows] == project_phases()


def test_every_count_of_the_project_phases_is_right() -> None:
    places = {"handbook/modeller/projektstyrning.yml": read("handbook/modeller/projektstyrning.yml"),
              "docs/bilagor/projektmodellen.md": read("docs/bilagor/projektmodellen.md")}
    for path, text in places.items():
        counts = [NUMBER_WORDS[w] for w in re.findall(r"\b(\w+) faser\b", text) if w in NUMBER_WORDS]
        assert counts and set(counts) == {len(project_phases())}, f"{path}: {counts} faser"


# Interim reports: the role that adopts them ------------------------------------------------------------------

def adopting_roles() -> list[str]:
    """Roles whose responsibilities say they adopt (fastställa/anta) the interim reports."""
    return [role.name for role in HANDBOOK.roles.values()
            if any(re.search(r"(fastställ|anta)\w*\b[^.]*delårsrapport", r) for r in role.responsibilities)]


def test_one_role_adopts_the_interim_reports() -> None:
    assert adopting_roles() == ["Kommunfullmäktige"]


def test_the_year_wheel_names_the_same_body_for_every_interim_report() -> None:
    rows = [row for row in table_rows(read("docs/styrning/planer.md")) if "Delårsrapport" in row[1]]
    assert len(rows) == 2 and {row[2] for row in rows} == set(adopting_roles()), rows


def test_the_appendix_puts_the_interim_reports_under_the_same_body() -> None:
    appendix = read("docs/bilagor/ansvar-och-roller.md")
    holders = [h for h in re.findall(r"^### (.+)$", appendix, re.MULTILINE)
               if "delårsrapport" in section(appendix, f"### {h}")]
    assert holders == adopting_roles()


# ROSA: levels and who handles them come from the method's table ----------------------------------------------

def rosa_levels() -> dict[int, str]:
    rows = table_rows(HANDBOOK.methods["rosa-analys"].description)
    return {int(row[0]): row[2] for row in rows if row[0].isdigit()}


def test_the_rosa_table_has_eight_levels() -> None:
    assert sorted(rosa_levels()) == list(range(1, 9))


def test_every_level_range_in_the_handbook_belongs_to_one_handler() -> None:
    levels = rosa_levels()
    for path in CONTENT:
        text = path.read_text(encoding="utf-8")
        for first, last in re.findall(r"[Nn]ivå (\d)–(\d)", text):
            handlers = {levels[n] for n in range(int(first), int(last) + 1)}
            assert len(handlers) == 1, f"{path.relative_to(ROOT)}: nivå {first}–{last} blandar {handlers}"


def test_the_rosa_text_names_each_handlers_whole_range() -> None:
    levels = rosa_levels()
    text = HANDBOOK.methods["rosa-analys"].description
    for handler in ("Servicecenter", "Specialist"):
        numbers = [n for n, h in levels.items() if h == handler]
        assert f"Nivå {min(numbers)}–{max(numbers)}" in text, handler


# SIQ: the value names come from the appendix -----------------------------------------------------------------

def siq_values() -> list[str]:
    return re.findall(r"^## (.+)$", read("docs/bilagor/siq-varderingar.md"), re.MULTILINE)


def test_the_puzzle_lists_the_appendix_values_in_order() -> None:
    listed = re.findall(r"^\s*\d+\. (.+)$", HANDBOOK.methods["siq-pusslet"].description, re.MULTILINE)
    assert listed == siq_values() and len(listed) == NUMBER_WORDS["tretton"]


def test_the_coverage_list_uses_the_appendix_values() -> None:
    covered = [s.heading for s in SECTIONS if s.page == "bilagor/siq-varderingar/index.html" and s.source != s.heading
               and s.source.startswith("Bilaga 3: ")]
    assert covered == siq_values()


def test_every_mention_of_a_short_value_name_uses_the_full_name() -> None:
    for path in CONTENT:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"Snabb reaktion(?!sförmåga)", text), path.relative_to(ROOT)


# The chief executive's group has one name ---------------------------------------------------------------------

def test_the_chief_executives_group_is_called_the_same_everywhere() -> None:
    for path in CONTENT:
        assert "kommundirektörens styrgrupp" not in path.read_text(encoding="utf-8").lower(), path.relative_to(ROOT)
    assert "ledningsgrupp" in read("handbook/roller/kommundirektor.yml")


def test_shipped_content_is_valid() -> None:
    assert ERRORS == []


def test_the_models_page_promises_no_method_a_model_lacks() -> None:
    from handbok.site.pages import INDEX_PAGES, render_pages

    without = [m.name for m in HANDBOOK.models.values() if not m.main_method]
    page = render_pages(HANDBOOK)[INDEX_PAGES["modeller"]]
    assert not (without and re.search(r"[Vv]arje modell har (en|minst)", page)), without
