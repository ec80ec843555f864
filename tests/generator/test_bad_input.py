"""Every class of bad input gives one exact, actionable line: file, line, column and Swedish message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "handbook"

ROLE = """\
namn: Chef
del_av: ledning
beskrivning: Leder en verksamhet.
ansvar:
  - Planera verksamheten.
ägare: namnd
senast_granskad: 2026-02-01
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture handbook."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "handbook"))


def errors_after(content: Path, relative: str, text: str) -> list[str]:
    (content / relative).write_text(text, encoding="utf-8")
    handbook, errors = check(content)
    assert handbook is None
    return [str(error) for error in errors]


def test_fixture_is_valid(content: Path) -> None:
    handbook, errors = check(content)
    assert errors == []
    assert set(handbook.methods) == {"swot", "riskanalys", "processkartlaggning"}


def test_yaml_syntax_error(content: Path) -> None:
    text = ROLE.replace("beskrivning: Leder en verksamhet.", "beskrivning: Mål: leda en verksamhet.")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:3:17: YAML-fel i `beskrivning`: värdet innehåller kolon följt av mellanslag "
        "(`: `), som YAML läser som ett nytt fält. Sätt hela värdet inom citattecken, t.ex. "
        '`beskrivning: "Mål: leda en verksamhet."`.'
    ]


def test_tab_indentation(content: Path) -> None:
    text = ROLE.replace("  - Planera", "\t- Planera")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:5:1: YAML-fel i `ansvar[1]`: raden har ett tabbtecken (Tab). Ersätt det med "
        "mellanslag; indrag görs med två mellanslag per nivå."
    ]


def test_missing_required_field(content: Path) -> None:
    text = ROLE.replace("ansvar:\n  - Planera verksamheten.\n", "")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:1:1: fältet `ansvar` saknas. Lägg till `ansvar:` – Lista med rollens ansvar, "
        "en punkt per ansvar."
    ]


def test_missing_field_in_a_list_item(content: Path) -> None:
    text = (FIXTURE / "metoder" / "swot.yml").read_text(encoding="utf-8")
    text = text.replace("  - rubrik: Fyll i fälten\n", "  - text: Fyll i fälten\n")
    assert errors_after(content, "metoder/swot.yml", text) == [
        "handbook/metoder/swot.yml:14:5: fältet `rubrik` saknas. Lägg till `rubrik:` – Stegets rubrik, kort och "
        "i imperativ, t.ex. `rubrik: Samla gruppen`."
    ]


def test_wrong_type(content: Path) -> None:
    text = ROLE.replace("ansvar:\n  - Planera verksamheten.", "ansvar: Planera verksamheten.")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:4:9: `ansvar` ska vara en lista (en rad per punkt som börjar med `- `, eller "
        "`[a, b]`), inte `Planera verksamheten.`."
    ]


def test_wrong_date(content: Path) -> None:
    text = ROLE.replace("senast_granskad: 2026-02-01", "senast_granskad: förra veckan")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:7:18: `senast_granskad` ska vara ett datum på formen ÅÅÅÅ-MM-DD, t.ex. "
        "2026-02-01, inte `förra veckan`."
    ]


def test_impossible_date(content: Path) -> None:
    text = ROLE.replace("senast_granskad: 2026-02-01", "senast_granskad: 2026-02-30")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:7:18: `senast_granskad` har datumet `2026-02-30`, som inte finns. Skriv ett "
        "datum som finns, på formen ÅÅÅÅ-MM-DD, t.ex. `2026-02-28`."
    ]


def test_value_not_allowed(content: Path) -> None:
    text = ROLE.replace("del_av: ledning", "del_av: ledningen")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:2:9: `del_av` har värdet `ledningen`, som inte är tillåtet. Menade du "
        "`ledning`? Skriv ett av: politisk_organisation, ledning, stöd, verksamhet."
    ]


def test_unknown_field(content: Path) -> None:
    text = (FIXTURE / "metoder" / "riskanalys.yml").read_text(encoding="utf-8").replace("syfte:", "syftet:")
    # One mistake, one error: the missing `syfte` is implied by the suggestion for `syftet`.
    assert errors_after(content, "metoder/riskanalys.yml", text) == [
        "handbook/metoder/riskanalys.yml:2:1: okänt fält `syftet`. Menade du `syfte` eller `steg`? "
        "Tillåtna fält här: ägare, "
        "senast_granskad, granskningsintervall_månader, ändringslogg, sökord, namn, syfte, beskrivning, när_använda, "
        "tips, roller, kontakter, relaterade_metoder, länkar, faser, behov, steg, räknare.",
    ]


def test_key_written_twice(content: Path) -> None:
    text = ROLE + "del_av: stöd\n"
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:8:1: fältet `del_av` står två gånger (första gången på rad 2). Ta bort det ena."
    ]


def test_second_copy_with_another_extension(content: Path) -> None:
    shutil.copy(content / "metoder" / "swot.yml", content / "metoder" / "swot.yaml")
    handbook, errors = check(content)
    assert [str(e) for e in errors] == [
        "handbook/metoder/swot.yaml:1:1: filen `swot.yaml` läses inte, eftersom bara filer som slutar på `.yml` "
        "(små bokstäver) blir sidor. Byt ändelsen `.yaml` mot `.yml`, t.ex. `swot.yml`, eller ta bort filen om "
        "den inte hör hit."
    ]


def test_dangling_reference_lists_close_matches(content: Path) -> None:
    text = ROLE.replace("ägare: namnd", "ägare: namd")
    assert errors_after(content, "roller/chef.yml", text) == [
        "handbook/roller/chef.yml:6:8: `ägare` hänvisar till `namd`, men det finns ingen roll "
        "handbook/roller/namd.yml. Menade du `namnd`?"
    ]


def test_dangling_reference_in_a_list(content: Path) -> None:
    text = (FIXTURE / "metoder" / "swot.yml").read_text(encoding="utf-8")
    text = text.replace("kontakter: [kvalitetsenheten, analysenheten]", "kontakter: [kvalitetsenheten, ekonomi]")
    assert errors_after(content, "metoder/swot.yml", text) == [
        "handbook/metoder/swot.yml:18:31: `kontakter` hänvisar till `ekonomi`, men det finns ingen kontakt "
        "handbook/kontakter/ekonomi.yml. Skriv id för en kontakt i `kontakter/` eller skapa filen."
    ]


def test_unknown_calculator(content: Path) -> None:
    text = (FIXTURE / "metoder" / "riskanalys.yml").read_text(encoding="utf-8").replace("[risk]", "[risker]")
    [error] = errors_after(content, "metoder/riskanalys.yml", text)
    assert error.startswith("handbook/metoder/riskanalys.yml:10:11: `räknare` nämner räknaren `risker`, som inte "
                            "finns. Menade du `risk`? Skriv ett av: ")
    assert "quality_gap" in error


def test_file_in_the_wrong_folder(content: Path) -> None:
    (content / "metod").mkdir()
    text = (content / "metoder" / "swot.yml").read_text(encoding="utf-8")
    assert errors_after(content, "metod/ny.yml", text) == [
        "handbook/metod/ny.yml:1:1: filen `metod/ny.yml` ligger på fel ställe, så den läses inte. Menade du "
        "`metoder`? Flytta den till någon av mapparna `modeller/`, `metoder/`, `roller/`, `kontakter/`, eller ta "
        "bort den."
    ]


def test_all_errors_are_reported_sorted(content: Path) -> None:
    text = ROLE.replace("del_av: ledning", "del_av: 3").replace("ägare: namnd", "ägare: nmd")
    (content / "roller" / "chef.yml").write_text(text, encoding="utf-8")
    (content / "kontakter" / "analysenheten.yml").write_text("namn: [\n", encoding="utf-8")
    handbook, errors = check(content)
    # A broken file is reported once: the methods that refer to `analysenheten` get no extra errors.
    assert [(e.path, e.line, e.column) for e in errors] == [
        ("handbook/kontakter/analysenheten.yml", 1, 7),
        ("handbook/roller/chef.yml", 2, 9),
        ("handbook/roller/chef.yml", 6, 8),
    ]


def test_invalid_own_risk_matrix_names_the_cell(content: Path) -> None:
    meta = (content / "handbook.yml").read_text(encoding="utf-8") + """\
riskmatriser:
  liten:
    label: Liten matris
    probability_labels: [Låg, Medel, Hög]
    consequence_labels: [Liten, Märkbar, Stor]
    levels:
      - {id: low, label: Låg, color: "#a5d6a7"}
      - {id: medium, label: Medel, color: "#ffe082"}
      - {id: high, label: Hög, color: "#ef9a9a"}
    cells:
      - [low, low, medium]
      - [low, medium, high]
      - [medium, low, high]
"""
    errors = errors_after(content, "handbook.yml", meta)
    assert errors and all(e.startswith("handbook/handbook.yml:") for e in errors)
    # row 3 `[medium, low, high]`: `low` is below its neighbours (column 18), `high` two levels above `low` (23)
    assert sorted({e.split(": ")[0] for e in errors}) == ["handbook/handbook.yml:35:18", "handbook/handbook.yml:35:23"]
    assert any("`riskmatriser.liten.cells[2][1]`: Cellen (sannolikhet 3, konsekvens 2)" in e for e in errors)
