"""`handbok new`: every field with help, today's date, passes the check once the required fields are filled."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from handbok.content import schema
from handbok.content.kinds import BY_WORD

FILLED = {
    "metod": {"namn:": "namn: Ny metod", "syfte:": "syfte: Pröva en ny metod.",
              "beskrivning: |": "beskrivning: |\n  En beskrivning.",
              "när_använda: |": "när_använda: |\n  När det passar.",
              "faser:\n  -": "faser:\n  - planering", "  - rubrik:": "  - rubrik: Börja",
              "ägare:": "ägare: kvalitetssamordnare"},
    "modell": {"namn:": "namn: Ny modell", "syfte:": "syfte: Pröva en ny modell.",
               "beskrivning: |": "beskrivning: |\n  En beskrivning.",
               "när_använda: |": "när_använda: |\n  När det passar.", "ägare:": "ägare: kvalitetssamordnare"},
    "roll": {"namn:": "namn: Ny roll", "del_av:": "del_av: stöd",
             "beskrivning: |": "beskrivning: |\n  En beskrivning.", "ansvar:\n  -": "ansvar:\n  - Stödja.",
             "ägare:": "ägare: kvalitetssamordnare"},
    "kontakt": {"namn:": "namn: Nya enheten", "beskrivning:": "beskrivning: Frågor om något nytt.",
                "ägare:": "ägare: kvalitetssamordnare"},
}
"""What an editor types into the blanks of each template (text before -> after)."""


def _check(run, repo: Path) -> tuple[int, str]:
    code, out, _ = run("check", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    return code, out


@pytest.mark.parametrize("kind", list(BY_WORD))
def test_new_file_has_every_field_help_and_todays_date(kind: str, repo: Path, run):
    code, out, _ = run("new", kind, "ny-post", "--content", str(repo / "handbook"), "--idag", "2026-04-01")
    assert code == 0 and "Skapade handbook/" in out
    path = repo / "handbook" / BY_WORD[kind].folder / "ny-post.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema.header(kind)
    model = BY_WORD[kind].model
    assert set(yaml.safe_load(text)) == {field.alias for field in model.model_fields.values()}
    for field in model.model_fields.values():
        assert f"# {field.title}" in text and field.description in text  # help from the model, one source
    assert yaml.safe_load(text)["senast_granskad"] == dt.date(2026, 4, 1)


@pytest.mark.parametrize("kind", list(BY_WORD))
def test_new_file_fails_check_until_filled_then_passes(kind: str, repo: Path, run):
    assert _check(run, repo)[0] == 0
    run("new", kind, "ny-post", "--content", str(repo / "handbook"))
    path = repo / "handbook" / BY_WORD[kind].folder / "ny-post.yml"
    code, out = _check(run, repo)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("handbook/")]
    assert errors and all(line.startswith(f"handbook/{BY_WORD[kind].folder}/ny-post.yml:") for line in errors)
    text = path.read_text(encoding="utf-8")
    for blank, filled in FILLED[kind].items():
        text, count = re.subn(f"(?m)^{re.escape(blank)}$", filled.replace("\\", "\\\\"), text, count=1)
        assert count == 1, blank
    path.write_text(text, encoding="utf-8")
    code, out = _check(run, repo)
    assert (code, out.splitlines()[-1].startswith("Inga fel")) == (0, True), out


def test_new_leaves_the_schemas_alone(repo: Path, run):
    before = {p.name: p.read_bytes() for p in (repo / "schemas").iterdir()}
    run("new", "roll", "ny-roll", "--content", str(repo / "handbook"))
    assert {p.name: p.read_bytes() for p in (repo / "schemas").iterdir()} == before
    assert run("schema", "--check", "--content", str(repo / "handbook"))[0] == 0


def test_new_refuses_to_overwrite(repo: Path, run):
    path = repo / "handbook" / "metoder" / "swot.yml"
    before = path.read_bytes()
    code, _, err = run("new", "metod", "swot", "--content", str(repo / "handbook"))
    assert code == 1 and "finns redan och skrivs inte över" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad_id", ["Ny metod", "ny_metod", "nymetod.yml", "../utanfor", "Å"])
def test_new_refuses_invalid_id(bad_id: str, repo: Path, run):
    code, _, err = run("new", "metod", bad_id, "--content", str(repo / "handbook"))
    assert code == 1 and "går inte att använda som id" in err
    assert not list((repo / "handbook").rglob("*utanfor*")) and not (repo / "utanfor.yml").exists()
