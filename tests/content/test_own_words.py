"""The example handbook is written in our own words, not copied from its sources.

Facts carry over from the seed documents in ../shared/seeds; sentences do not.
Two checks: runs of RUN_LENGTH or more consecutive words that a content file
shares with any seed, and near-copies: a sentence of MIN_SENTENCE words or more
whose words follow a seed passage in order with a SequenceMatcher ratio of
NEAR_COPY or more (one or two words swapped is still a copy). Candidate seed
passages are found through shared runs of SHINGLE words. A few runs are facts
that must be quoted as they are (an official goal, a mission statement, the
expansion of an acronym); QUOTED lists them with the reason, and nothing else
may match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from generator.sitecheck import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN_LENGTH = 10
MIN_SENTENCE = 10
SHINGLE = 4
NEAR_COPY = 0.8

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


# Near-copies ---------------------------------------------------------------------------------------------------

SENTENCE_END = re.compile(
    r"[.!?]+(?=\s|$)"  # end of a sentence
    r"|\n\s*\n"  # blank line
    r"|\n\s*(?:[-*+]|\d+\.|#+|\|)\s"  # a list item, heading or table row starts
    r"|\||\n\s*[\w_]+:(?:\s|$)"  # a table cell, a YAML key
)
CLAUSE_END = re.compile(r"[:;]\s")


def sentences(text: str) -> list[list[str]]:
    """Sentences of MIN_SENTENCE words or more, as word lists; also their parts between colons and semicolons,
    so a copied half of a sentence is not hidden by an own-words other half."""
    found: list[list[str]] = []
    for sentence in SENTENCE_END.split(text):
        parts = CLAUSE_END.split(sentence)
        for part in [sentence, *parts] if len(parts) > 1 else [sentence]:
            w = words(part)
            if len(w) >= MIN_SENTENCE:
                found.append(w)
    return found


def without_quotations(w: list[str]) -> list[str]:
    """The sentence with every QUOTED run taken out: a quotation is allowed, the words around it are checked."""
    text = f" {' '.join(w)} "
    for run in QUOTED:
        text = text.replace(f" {run} ", " ")
    return text.split()


@dataclass(frozen=True)
class NearCopy:
    sentence: str
    source: str
    ratio: float


class SeedIndex:
    """The seeds' sentences and word streams, indexed by their runs of SHINGLE words."""

    def __init__(self, texts: list[str]) -> None:
        self.sentences = [s for text in texts for s in sentences(text.replace("\n", ". "))]
        self.streams = [words(text) for text in texts]
        self.by_shingle: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.positions: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for n, s in enumerate(self.sentences):
            for i in range(len(s) - SHINGLE + 1):
                self.by_shingle[tuple(s[i : i + SHINGLE])].add(n)
        for d, stream in enumerate(self.streams):
            for i in range(len(stream) - SHINGLE + 1):
                self.positions[tuple(stream[i : i + SHINGLE])].append((d, i))

    def near_copy(self, w: list[str]) -> NearCopy | None:
        """The closest seed sentence or passage if `w` follows it with a ratio of NEAR_COPY or more."""
        best: NearCopy | None = None
        for candidate in self._candidates(w):
            ratio = SequenceMatcher(None, w, candidate, autojunk=False).ratio()
            if ratio >= NEAR_COPY and (best is None or ratio > best.ratio):
                best = NearCopy(" ".join(w), " ".join(candidate), round(ratio, 2))
        return best

    def _candidates(self, w: list[str]) -> list[list[str]]:
        """Seed sentences sharing a run of SHINGLE words with `w`, and the passages of the seed's word stream
        aligned with `w` through such a run (the seeds are flattened PDFs and slides, so their sentence
        boundaries are unreliable)."""
        sentence_ids: set[int] = set()
        passages: set[tuple[int, int]] = set()
        for i in range(len(w) - SHINGLE + 1):
            shingle = tuple(w[i : i + SHINGLE])
            sentence_ids |= self.by_shingle.get(shingle, set())
            passages |= {(d, p - i) for d, p in self.positions.get(shingle, [])}
        found = [self.sentences[n] for n in sorted(sentence_ids)]
        for d, start in sorted(passages):
            stream = self.streams[d]
            found += [stream[max(0, start + shift) : start + shift + len(w)] for shift in (-2, -1, 0, 1, 2)]
        return found


@pytest.fixture(scope="module")
def seed_index() -> SeedIndex:
    seeds = sorted(SEEDS.glob("*.txt"))
    if len(seeds) < 5:
        pytest.fail(f"Källdokumenten saknas i {SEEDS}; testet behöver alla fem i ../shared/seeds.")
    return SeedIndex([seed.read_text(encoding="utf-8") for seed in seeds])


def near_copies(text: str, index: SeedIndex) -> list[NearCopy]:
    found = (index.near_copy(without_quotations(w)) for w in sentences(text))
    return list({copy.sentence: copy for copy in found if copy}.values())


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sentence_is_a_near_copy_of_a_seed(path: Path, seed_index: SeedIndex) -> None:
    copies = near_copies(path.read_text(encoding="utf-8"), seed_index)
    assert not copies, f"{path.relative_to(ROOT)}: {len(copies)} meningar följer källdokumenten nästan ordagrant:\n" + (
        "\n".join(f"- ({c.ratio}) {c.sentence}\n  källa: {c.source}" for c in copies))


def test_the_check_finds_a_sentence_with_two_words_changed(seed_index: SeedIndex) -> None:
    seed = words(next(iter(sorted(SEEDS.glob("001_*.txt")))).read_text(encoding="utf-8"))[700:716]
    changed = [*seed[:5], "nästan", *seed[6:11], "ungefär", *seed[12:]]
    assert len(near_copies(f"Egen inledning. {' '.join(changed)}. Egen avslutning.", seed_index)) == 1


def test_the_check_lets_own_words_pass(seed_index: SeedIndex) -> None:
    own = ("Kvalitetshandboken samlar det du behöver för att utveckla kvaliteten i din verksamhet, "
           "från planering till uppföljning.")
    assert near_copies(own, seed_index) == []


def test_a_quotation_is_allowed_but_the_words_around_it_are_checked(seed_index: SeedIndex) -> None:
    quoted = "Målet är att kvinnor och män, flickor och pojkar ska ha samma makt att forma samhället och sina egna liv."
    assert near_copies(quoted, seed_index) == []
