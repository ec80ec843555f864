"""The example handbook is written in our own words, not copied from its sources.

Facts carry over from the seed documents in ../shared/seeds; sentences do not.
The test looks for runs of RUN_LENGTH or more consecutive words that a content
file shares with any seed. A few runs are facts that must be quoted as they are
(an official goal, a mission statement, the expansion of an acronym); QUOTED
lists them with the reason, and nothing else may match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.sitecheck import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN_LENGTH = 10

QUOTED = {
    # The national gender-equality goal, quoted as the goal it is.
    "kvinnor och män flickor och pojkar ska ha samma makt att forma samhället och sina egna liv",
    # The municipality's mission statement, a named decision.
    "en enklare vardag för dem vi finns till för privatpersoner företag och organisationer",
    # The three fixed questions of a board meeting in the citizen-service method.
    "vilka är våra mål hur ligger vi till hur gör vi det bättre",
    # The key question of the analysis staircase and change analysis.
    "att svara på frågan varför blev det som det blev",
    # Acronym expansions: the English words and their Swedish names.
    "de engelska orden strengths styrkor weaknesses svagheter opportunities möjligheter och threats hot",
    "define definiera measure mäta analyze analysera improve förbättra och control styra",
}


def words(text: str) -> list[str]:
    """Lower-case words, ignoring punctuation, markup and line breaks."""
    return re.findall(r"\w+", text.lower())


def shared_runs(text: str, seed_shingles: set[tuple[str, ...]]) -> list[str]:
    """Maximal runs of at least RUN_LENGTH words of `text` that also occur in a seed."""
    w = words(text)
    runs, i = [], 0
    while i <= len(w) - RUN_LENGTH:
        if tuple(w[i : i + RUN_LENGTH]) not in seed_shingles:
            i += 1
            continue
        end = i + RUN_LENGTH
        while end < len(w) and tuple(w[end - RUN_LENGTH + 1 : end + 1]) in seed_shingles:
            end += 1
        runs.append(" ".join(w[i:end]))
        i = end
    return runs


@pytest.fixture(scope="module")
def seed_shingles() -> set[tuple[str, ...]]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.fail(f"Källdokumenten saknas i {SEEDS}; testet behöver ../shared/seeds bredvid projektet.")
    shingles: set[tuple[str, ...]] = set()
    for seed in seeds:
        w = words(seed.read_text(encoding="utf-8"))
        shingles.update(tuple(w[i : i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1))
    return shingles


CONTENT = sorted([*(ROOT / "handbook").rglob("*.yml"), *(ROOT / "docs").rglob("*.md")])


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sentence_copied_from_a_seed(path: Path, seed_shingles: set[tuple[str, ...]]) -> None:
    copied = [run for run in shared_runs(path.read_text(encoding="utf-8"), seed_shingles) if run not in QUOTED]
    assert not copied, f"{path.relative_to(ROOT)} har text ordagrant ur källdokumenten: {copied}"


def test_the_check_finds_a_copied_sentence(seed_shingles: set[tuple[str, ...]]) -> None:
    seed_text = next(iter(sorted(SEEDS.glob("001_*.txt")))).read_text(encoding="utf-8")
    copied = " ".join(words(seed_text)[500:520])
    assert shared_runs(f"Egen inledning. {copied} Egen avslutning.", seed_shingles) == [copied]


def test_every_quoted_run_still_occurs_in_a_seed(seed_shingles: set[tuple[str, ...]]) -> None:
    for run in QUOTED:
        w = run.split()
        assert all(tuple(w[i : i + RUN_LENGTH]) in seed_shingles for i in range(len(w) - RUN_LENGTH + 1)), run
