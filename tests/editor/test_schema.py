"""JSON Schemas: generated from the model, committed, complete, and every shipped file validates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import calculators
from handbok.content import schema
from handbok.content.kinds import BY_WORD, KINDS
from handbok.content.model import ID_PATTERN

from .conftest import ROOT

CONTENT = ROOT / "handbook"
FILES = sorted(CONTENT.rglob("*.yml"))


def _stem(path: Path) -> str:
    tops = {schema.META_FILE: schema.META_SCHEMA, schema.GLOSSARY_FILE: schema.GLOSSARY_SCHEMA}
    return tops.get(path.name) or KINDS[path.parent.name].word


def _json_ready(value):
    """YAML dates as the ISO strings the editor's YAML extension sees."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    return value


def test_committed_schemas_match_the_model():
    assert schema.stale(ROOT) == [], "kör `uv run handbok schema` och committa schemas/"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_shipped_file_validates_against_its_committed_schema(path: Path):
    committed = json.loads(schema.schema_path(ROOT, _stem(path)).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(committed)
    data = _json_ready(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in jsonschema.Draft7Validator(committed).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_shipped_file_starts_with_its_schema_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema.header(_stem(path), nested=path.parent != CONTENT)
    assert (path.parent / first.split("$schema=")[1]).resolve() == schema.schema_path(ROOT, _stem(path))


def _properties(node):
    """Every property schema in a schema, including those of nested definitions."""
    for definition in [node, *node.get("$defs", {}).values()]:
        yield from definition.get("properties", {}).items()


def test_every_field_has_swedish_title_and_help():
    for stem, built in schema.build_all().items():
        tops = {schema.META_SCHEMA: schema.META_TITLE, schema.GLOSSARY_SCHEMA: schema.GLOSSARY_TITLE}
        title = tops.get(stem) or (BY_WORD[stem].title, BY_WORD[stem].description)
        assert (built["title"], built["description"]) == title
        for definition in built.get("$defs", {}).values():
            assert definition["title"] in schema.DEF_TITLES.values()
        for name, prop in _properties(built):
            assert prop.get("title") and prop.get("description"), f"{stem}.{name}"
            assert prop["markdownDescription"] == prop["description"]


def test_closed_lists_are_enums_and_references_have_the_id_pattern():
    built = schema.build_all()
    method = built["metod"]["properties"]
    pattern = ID_PATTERN.pattern
    assert method["ägare"]["pattern"] == pattern and "enum" not in method["ägare"]
    for alias in ("roller", "kontakter", "relaterade_metoder"):
        assert method[alias]["items"]["pattern"] == pattern and "enum" not in method[alias]["items"]
    assert method["räknare"]["items"]["enum"] == sorted(calculators.NAMES)
    assert method["faser"]["items"]["enum"] == ["planering", "genomförande", "uppföljning"]
    assert built["roll"]["properties"]["rapporterar_till"]["items"]["pattern"] == pattern
    main = [o for o in built["modell"]["properties"]["huvudmetod"]["anyOf"] if o.get("type") == "string"]
    assert main[0]["pattern"] == pattern


def test_schema_rejects_what_the_check_rejects():
    built = schema.build_all()["metod"]
    validator = jsonschema.Draft7Validator(built)
    good = _json_ready(yaml.safe_load((CONTENT / "metoder" / "swot.yml").read_text(encoding="utf-8")))
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "syftet": "stavfel"})
    assert not validator.is_valid({**good, "faser": ["planeringen"]})
    assert not validator.is_valid({**good, "ägare": "Kvalitetssamordnare"})
    assert not validator.is_valid({**good, "kontakter": ["kvalitetsenheten", "Åtgärd"]})
    assert not validator.is_valid({key: value for key, value in good.items() if key != "namn"})


def test_new_content_needs_no_new_schema(repo: Path, run):
    assert run("schema", "--check", "--content", str(repo / "handbook"))[0] == 0
    (repo / "handbook" / "roller" / "ny-roll.yml").write_text("namn: Ny\n", encoding="utf-8")
    (repo / "handbook" / "kontakter" / "kvalitetsenheten.yml").unlink()
    assert run("schema", "--check", "--content", str(repo / "handbook"))[0] == 0


def test_schema_check_command_detects_drift(repo: Path, run):
    path = repo / "schemas" / "roll.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"Rollens namn."', '"Namnet."'), encoding="utf-8")
    code, out, _ = run("schema", "--check", "--content", str(repo / "handbook"))
    assert code == 1 and "schemas/roll.schema.json" in out
    assert run("schema", "--content", str(repo / "handbook"))[0] == 0
    assert run("schema", "--check", "--content", str(repo / "handbook"))[0] == 0


def test_missing_schema_line_is_an_error(repo: Path, run):
    path = repo / "handbook" / "metoder" / "swot.yml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    code, out, _ = run("check", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    assert code == 1
    assert f"handbook/metoder/swot.yml:1:1: första raden ska vara `{schema.header('metod')}`" in out


def test_every_kind_has_a_schema():
    assert set(schema.build_all()) == {*BY_WORD, schema.META_SCHEMA, schema.GLOSSARY_SCHEMA}
