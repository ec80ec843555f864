"""The handbook uses one form and one term for each thing, so a reader never wonders whether two words differ.

The editor and developer pages (docs/om/) are left out because they name YAML fields such as `epost`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.sitecheck import ROOT
from handbok.site.validate import check

HANDBOOK, ERRORS = check(ROOT / "handbook", ROOT / "docs")
SKIPPED = ("docs/om/",)
PROSE = sorted(p for p in [*(ROOT / "handbook").rglob("*.yml"), *(ROOT / "docs").rglob("*.md")]
               if not str(p.relative_to(ROOT)).startswith(SKIPPED))
ID_LINES = re.compile(r"^(?:relaterade_metoder|huvudmetod|roller|kontakter|rapporterar_till|ägare|epost|sökord|"
                      r"räknare):.*$", re.MULTILINE)
LINK_TARGETS = re.compile(r"\]\([^)]*\)|https?://\S+")

# Term to avoid -> the term the handbook uses.
TERMS = {
    r"\bSMART\b": "SMARTA",
    r"\b[Ss]erviceutlovande\w*": "servicegaranti",
    r"\b[Cc]hefstjänstem[äa]n\w*": "chefstjänsteperson",
    r"\b[Mm]ejl\w*|\b[Mm]ail\b|\b[Ee]post\b": "e-post",
    r"\b[Tt]idsplan\w*": "tidplan",
    r"\b[Hh]on\b|\b[Hh]enne\b": "hen",
    r"\b[Kk]ommundirektörens styrgrupp\b": "kommundirektörens ledningsgrupp",
}
# Short Swedish verbs whose infinitive does not end in -a.
SHORT_INFINITIVES = {"få", "ta", "se", "ge", "gå", "nå", "stå", "dra", "bli"}


def prose(path: Path) -> str:
    """The text a reader sees: without id lists, search words (old names on purpose), link targets and addresses."""
    return LINK_TARGETS.sub("]", ID_LINES.sub("", path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", PROSE, ids=lambda p: str(p.relative_to(ROOT)))
def test_one_term_for_each_thing(path: Path) -> None:
    text = prose(path)
    found = [f"{m.group(0)} (skriv {use})" for pattern, use in TERMS.items() for m in re.finditer(pattern, text)]
    assert not found, f"{path.relative_to(ROOT)}: {found}"


def test_every_purpose_starts_with_an_infinitive() -> None:
    """The overview table lists the purposes; imperatives there read as orders to the reader."""
    guides = {**HANDBOOK.models, **HANDBOOK.methods}
    wrong = [f"{gid}: {g.purpose}" for gid, g in guides.items()
             if not (first := g.purpose.split()[0].lower()).endswith("a") and first not in SHORT_INFINITIVES]
    assert not wrong, wrong


def test_the_prose_filter_keeps_text_and_drops_ids(tmp_path: Path) -> None:
    sample = tmp_path / "x.yml"
    sample.write_text("relaterade_metoder: [serviceutlovanden]\n"
                      "beskrivning: Läs [Servicegarantier](../x/serviceutlovanden.md) om SMART\n", encoding="utf-8")
    assert prose(sample) == "\nbeskrivning: Läs [Servicegarantier] om SMART\n"


def test_k_equals_o_over_f_is_explained() -> None:
    description = HANDBOOK.methods["upplevd-kvalitet"].description
    assert "Opplevelse" in description and "Forventning" in description and "norsk" in description
