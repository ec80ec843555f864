"""The calculator documentation cannot drift from the code.

Reader pages (docs/raknare/) state the SPEC's formula, embed the live calculator and hold no
developer material (no JSON, no YAML). The technical reference (docs/om/raknare.md) has one
section per calculator with one inputs-table row per field exactly as `input_rows` renders it
from the SPEC, the SPEC's example as its first ```json block, and a result table whose every
`key` row equals what `run()` gives for that example.
"""

import json
import re
from pathlib import Path

import pytest

import calculators
from calculators.numbers import format_number
from calculators.spec import Field, Spec

DOCS = Path(__file__).resolve().parents[2] / "docs" / "raknare"
REFERENCE = DOCS.parent / "om" / "raknare.md"
PAGES = {"quality_gap": "upplevd-kvalitet.md", "risk": "risk.md", "smart": "smarta.md",
         "quality_map": "kvalitetskarta.md", "nps": "nps.md", "hme": "hme.md", "pick": "pick.md", "siq": "siq.md",
         "project_criteria": "projekt.md", "complaint_deadline": "klagomal.md"}
TYPE_WORDS = {"integer": "heltal", "number": "tal", "text": "text", "boolean": "ja/nej", "choice": "val",
              "list": "lista", "matrix": "matris", "group": "grupp", "array": "värden", "date": "datum"}
RESULT_HEADER = "| Resultat | Nyckel | Värde |"
RESULT_ROW = re.compile(r"^\|[^|]*\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|$")


def _bound(value: object, spec: Spec) -> str:
    if isinstance(value, str):
        field = next(f for f in spec.fields if f.name == value)
        return "matrisens storlek" if field.type == "matrix" else field.label.lower()
    return format_number(value)


def range_text(field: Field, spec: Spec) -> str:
    """The range column: what a value may be, in the page's words."""
    if field.type in ("integer", "number"):
        if field.exclusive_minimum is not None:
            return f"> {_bound(field.exclusive_minimum, spec)}, högst {_bound(field.maximum, spec)}"
        return f"{_bound(field.minimum, spec)}–{_bound(field.maximum, spec)}"
    if field.type == "text":
        return f"högst {field.max_length} tecken"
    if field.type == "list":
        return f"{field.min_items}–{field.max_items} rader"
    if field.type == "array":
        return f"{field.min_items}–{field.max_items} värden"
    if field.type == "date":
        return "ÅÅÅÅ-MM-DD"
    if field.type == "group":
        return ", ".join(sub.label for sub in field.item_fields)
    if field.type == "matrix":
        return ", ".join(value for value, _ in field.choices) + " eller egen"
    return "ja, nej eller obesvarat"


def _default(field: Field) -> str:
    if field.required:
        return "krävs"
    if field.default in (None, ""):
        return "–"
    if isinstance(field.default, tuple):
        return ", ".join(format_number(value) for value in field.default)
    return format_number(field.default) if isinstance(field.default, (int, float)) else str(field.default)


def input_rows(spec: Spec) -> list[str]:
    """One Markdown table row per field (item fields prefixed by their list's label)."""
    rows = []
    for field in spec.fields:
        for sub, label in [(field, field.label)] + [(s, f"{field.label}: {s.label}") for s in field.item_fields]:
            rows.append(f"| {label} | {TYPE_WORDS[sub.type]} | {range_text(sub, spec)} | {_default(sub)} "
                        f"| {sub.help} |")
    return rows


def _value(cell: str) -> object:
    """A result cell: a Swedish decimal number, or a JSON literal."""
    if re.fullmatch(r"-?\d+(,\d+)?", cell):
        return float(cell.replace(",", "."))
    return json.loads(cell)


def _lookup(result: dict, path: str) -> object:
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        result = result[name] if name else result[int(index)]
    return result


def result_rows(page: str) -> list[tuple[str, str]]:
    """(key path, value) from the table under the RESULT_HEADER line."""
    lines = page.splitlines()
    if RESULT_HEADER not in lines:
        return []
    table = lines[lines.index(RESULT_HEADER) + 2:]
    rows = []
    for line in table:
        match = RESULT_ROW.match(line)
        if not match:
            break
        rows.append(match.groups())
    return rows


def _page(name: str) -> str:
    return (DOCS / PAGES[name]).read_text(encoding="utf-8")


def _reference(name: str) -> str:
    """The calculator's section of the technical reference: from its heading to the next one."""
    text = REFERENCE.read_text(encoding="utf-8")
    heading = re.search(rf"^## .*\(`{re.escape(name)}`\)$", text, re.MULTILINE)
    assert heading, f"docs/om/raknare.md needs a section '## … (`{name}`)'"
    following = re.search(r"^## ", text[heading.end():], re.MULTILINE)
    return text[heading.start():heading.end() + following.start() if following else len(text)]


@pytest.mark.parametrize("name", calculators.NAMES)
def test_reader_page_states_the_formula_without_developer_material(name: str) -> None:
    page = _page(name)
    assert calculators.SPECS[name].formula in page
    assert "```json" not in page and "```yaml" not in page
    assert not re.search(r"`\w+\[\d+\]", page), "keys such as `items[1].k` belong in docs/om/raknare.md"


@pytest.mark.parametrize("name", calculators.NAMES)
def test_reference_states_formula_and_inputs_from_the_spec(name: str) -> None:
    section, spec = _reference(name), calculators.SPECS[name]
    assert spec.formula in section
    missing = [row for row in input_rows(spec) if row not in section.splitlines()]
    assert missing == [], "Rows to paste into the inputs table:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", calculators.NAMES)
def test_reference_example_is_the_spec_example(name: str) -> None:
    block = re.search(r"```json\n(.*?)\n```", _reference(name), re.DOTALL)
    assert block, "the section needs a ```json example block"
    assert json.loads(block.group(1)) == calculators.SPECS[name].example


@pytest.mark.parametrize("name", calculators.NAMES)
def test_reference_results_are_what_run_gives(name: str) -> None:
    result = calculators.run(name, calculators.SPECS[name].example)
    rows = result_rows(_reference(name))
    assert len(rows) >= 3, "the section needs a result table with `key` | value rows"
    for path, cell in rows:
        expected, actual = _value(cell), _lookup(result, path)
        if isinstance(expected, float):
            assert actual == pytest.approx(expected, abs=1e-9), path
        else:
            assert actual == expected, path


@pytest.mark.parametrize("name", calculators.NAMES)
def test_page_embeds_the_live_calculator(name: str) -> None:
    assert _page(name).rstrip().splitlines()[-1] == f"[[räknare: {name}]]"


def test_index_links_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for name, page in PAGES.items():
        assert f"]({page})" in index, name


def matrix_rows(matrix: dict) -> list[str]:
    """The built-in matrix as a Markdown table, highest probability first."""
    labels = {level["id"]: level["label"] for level in matrix["levels"]}
    size = matrix["size"]
    header = "| Sannolikhet ↓ / Konsekvens → | " + " | ".join(
        f"{c} {label}" for c, label in enumerate(matrix["consequence_labels"], 1)) + " |"
    rows = [header, "|---" * (size + 1) + "|"]
    for p in range(size, 0, -1):
        cells = " | ".join(f"{labels[matrix['cells'][p - 1][c - 1]]} ({p * c})" for c in range(1, size + 1))
        rows.append(f"| {p} {matrix['probability_labels'][p - 1]} | {cells} |")
    return rows


@pytest.mark.parametrize("key", sorted(calculators.matrices.BUILT_IN))
def test_risk_page_shows_the_built_in_matrices(key: str) -> None:
    lines = _page("risk").splitlines()
    rows = matrix_rows(calculators.matrices.BUILT_IN[key])
    start = lines.index(rows[0]) if rows[0] in lines else -1
    assert start >= 0 and lines[start:start + len(rows)] == rows, "Table to paste:\n" + "\n".join(rows)


def test_reference_documents_every_smart_heuristic() -> None:
    from calculators import smart
    page = _reference("smart")
    names = [*smart.TIME_PATTERNS, *smart.MEASURE_PATTERNS, "RESPONSIBLE_LABEL", "ROLE_WORDS", "VAGUE_VERBS",
             "BASELINE", "UNMEASURABLE"]
    assert [name for name in names if f"`{name}`" not in page] == []
    assert f"färre än {smart.MIN_WORDS} ord" in page


def test_reference_custom_matrix_is_valid() -> None:
    import yaml

    block = re.search(r"```yaml\n(.*?)\n```", _reference("risk"), re.DOTALL)
    definitions = yaml.safe_load(block.group(1))["riskmatriser"]
    assert definitions
    for definition in definitions.values():
        assert calculators.matrices.validate(definition) == []
