"""smart: the documented heuristics on Swedish goal texts, table-driven, plus answers.

Columns: goal, specific, measurable, time_bound, responsible (accepted and realistic
come from the user's answers and are tested separately).
"""

import pytest

from calculators import run
from calculators.smart import MEASURE_PATTERNS, TIME_PATTERNS, find_measure, find_time

T, F = True, False
GOALS = [
    ("Förbättra servicen.", F, F, F, F),
    ("Vi ska utveckla verksamheten under 2026.", F, F, T, F),
    ("Andelen nöjda brukare ska vara minst 90 % senast 2027-06-30.", T, T, T, F),
    ("Minska sjukfrånvaron på enheten från 8,5 procent till 6 procent under 2027. Ansvarig: enhetschefen.", T, T, T, T),
    ("Alla medarbetare ska ha en individuell kompetensplan senast 31 augusti 2027.", T, F, T, F),
    ("Öka antalet besök på biblioteket med 10 % till vecka 40.", T, T, T, F),
    ("Väntetiden för bygglov ska minska till 14 dagar före 2027. Förvaltningschefen ansvarar.", T, T, T, T),
    ("Socialnämnden ska halvera antalet klagomål på hemtjänsten under 2026.", T, T, T, T),
    ("Vi ska sträva efter att bli bättre.", F, F, F, F),
    ("Rektorn ska se till att 95 procent av eleverna har godkända betyg i matematik v. 23 2027.", T, T, T, T),
    ("Svarstiden i kontaktcenter ska vara högst 2 minuter för 80 % av samtalen kvartal 3 2026.", T, T, T, F),
    ("Vi ska värna om kvaliteten i äldreomsorgen.", F, F, F, F),
    ("Sträva efter nöjda kunder.", F, F, F, F),
    ("Antalet registrerade synpunkter ska öka till 40 000 per år senast december 2027.", T, T, T, F),
    ("Utveckla digitala tjänster så att 7,2 procent fler ärenden hanteras via e-tjänst under 2027.", T, T, T, F),
    ("Verka för ett tryggare centrum.", F, F, F, F),
    ("Kommunstyrelsen ska fatta beslut om en ny kvalitetspolicy i Q2 2026.", T, F, T, T),
    ("Öka medarbetarengagemanget.", F, F, F, F),
    ("Minska matsvinnet i skolköken med en tredjedel inom två år. Ansvarig: kostchef.", T, T, T, T),
    ("Alla nyanställda ska få introduktion inom sex månader.", T, F, T, F),
    ("Andelen ärenden som avslutas vid första kontakten ska öka.", T, F, F, F),
    ("Projektledaren ska leverera en färdig tjänst hösten 2026.", T, F, T, T),
    ("Kundnöjdheten ska ligga på minst 4,5 på en femgradig skala t.o.m. 2028.", T, T, T, F),
    ("Förbättra bemötandet i receptionen så att NKI ökar från 62 till 70 senast 2027-12-31.", T, T, T, F),
    ("Antalet fallolyckor på boendet ska minska med 20 procent jämfört med föregående år.", T, T, F, F),
    ("Tre nya e-tjänster ska lanseras under 2026.", T, T, T, F),
    ("Vi ska stärka samverkan mellan förvaltningarna.", F, F, F, F),
    ("Verksamheten ska ha en ny rutin för avvikelser på plats i mars 2027 och avdelningschefen följer upp.",
     T, F, T, T),
    ("Ledningsgruppen ska följa upp målen varje månad.", T, F, F, T),
    ("Antalet besökare ska vara 40 000 under året.", T, T, F, F),
    ("Senast v 12 ska alla rutiner vara uppdaterade av kvalitetssamordnaren.", T, F, T, T),
    ("Vi ska utveckla oss.", F, F, F, F),
    ("Barn- och utbildningsnämnden ska minska antalet elever utan behörighet till 5 procent under 2027.", T, T, T, T),
    ("Öka andelen e-fakturor från 40 % till 70 % till och med 2026-12-31.", T, T, T, F),
    ("Q3 ska rapporten om nämnda avvikelser vara klar.", T, F, T, F),
]


@pytest.mark.parametrize(("goal", "specific", "measurable", "time_bound", "responsible"), GOALS)
def test_goal_texts(goal: str, specific: bool, measurable: bool, time_bound: bool, responsible: bool) -> None:
    criteria = run("smart", {"goal": goal})["criteria"]
    met = {key: criteria[key]["met"] for key in ("specific", "measurable", "time_bound", "responsible")}
    assert met == {"specific": specific, "measurable": measurable, "time_bound": time_bound,
                   "responsible": responsible}


def test_table_is_large_enough() -> None:
    assert len(GOALS) >= 25


@pytest.mark.parametrize(
    ("text", "pattern", "evidence"),
    [
        ("klart 2027-08-31", "iso_date", "2027-08-31"),
        ("klart 31 augusti 2027", "day_month", "31 augusti 2027"),
        ("klart senast 2027", "deadline_year", "senast 2027"),
        ("klart t.o.m. 2028", "deadline_year", "t.o.m. 2028"),
        ("klart till och med 2026", "deadline_year", "till och med 2026"),
        ("klart under 2026", "deadline_year", "under 2026"),
        ("klart vecka 12", "week", "vecka 12"),
        ("klart v. 12", "week", "v. 12"),
        ("klart kvartal 3", "quarter", "kvartal 3"),
        ("klart Q3", "quarter", "Q3"),
        ("klart tredje kvartalet 2026", "quarter", "tredje kvartalet 2026"),
        ("klart augusti 2027", "month_year", "augusti 2027"),
        ("klart vårterminen 2027", "month_year", "vårterminen 2027"),
        ("klart inom 18 månader", "within", "inom 18 månader"),
    ],
)
def test_each_time_pattern(text: str, pattern: str, evidence: str) -> None:
    assert TIME_PATTERNS[pattern].search(text).group(0) == evidence
    assert find_time(text) == evidence


@pytest.mark.parametrize(
    ("text", "pattern", "evidence"),
    [
        ("från 12 till 8 dagar", "from_to", "från 12 till 8"),
        ("öka andelen med 5 procentenheter", "change", "öka andelen med 5 procentenheter"),
        ("minska kön med hälften", "change", "minska kön med hälften"),
        ("minst 10 %", "percent", "10 %"),
        ("7,2 procent fler", "percent", "7,2 procent"),
        ("halvera kön", "factor", "halvera"),
        ("tre nya tjänster", "count_word", "tre nya"),
        ("40 000 besök", "number", "40 000 besök"),
    ],
)
def test_each_measure_pattern(text: str, pattern: str, evidence: str) -> None:
    assert MEASURE_PATTERNS[pattern].search(text).group(0) == evidence
    assert find_measure(text) == evidence


def test_years_and_dates_do_not_count_as_measures() -> None:
    assert find_measure("Klart senast 31 augusti 2027, under 2026 eller vecka 12.") is None


def test_responsible_field_wins_and_is_evidence() -> None:
    result = run("smart", {"goal": "Tre nya e-tjänster ska lanseras under 2026.", "responsible": "  IT-chefen "})
    assert result["criteria"]["responsible"] == {"met": True, "hint": 'Ansvaret är angivet: "IT-chefen".',
                                                 "evidence": "IT-chefen"}


@pytest.mark.parametrize(("answer", "met"), [(True, True), (False, False), (None, None), ("ja", True), ("", None)])
def test_accepted_and_realistic_come_from_the_answers(answer: object, met: object) -> None:
    criteria = run("smart", {"goal": "Förbättra servicen.", "accepted": answer, "realistic": answer})["criteria"]
    assert criteria["accepted"]["met"] is met
    assert criteria["realistic"]["met"] is met
    if met is None:
        assert criteria["accepted"]["hint"].startswith("Kan inte avgöras från texten.")


def test_score_counts_only_met_criteria() -> None:
    goal = "Minska sjukfrånvaron på enheten från 8,5 procent till 6 procent under 2027. Ansvarig: enhetschefen."
    assert run("smart", {"goal": goal, "accepted": True, "realistic": True})["score"] == 6
    assert run("smart", {"goal": goal, "accepted": False})["score"] == 4
    assert run("smart", {"goal": goal})["message"] == "4 av 6 kriterier är uppfyllda, 2 går inte att avgöra."


def test_vague_verb_is_named_in_the_hint() -> None:
    specific = run("smart", {"goal": "Vi ska värna om kvaliteten i äldreomsorgen."})["criteria"]["specific"]
    assert specific["evidence"] == "värna"
    assert specific["hint"].startswith('"värna" anger en riktning men inte ett resultat.')


def test_every_criterion_has_a_swedish_hint() -> None:
    criteria = run("smart", {"goal": "Förbättra servicen."})["criteria"]
    assert list(criteria) == ["specific", "measurable", "accepted", "realistic", "time_bound", "responsible"]
    assert all(c["hint"] for c in criteria.values())


@pytest.mark.parametrize(("goal", "evidence"), [
    ("Andelen nöjda brukare ska öka från 78 % till 85 % till 2027.", "till 2027"),
    ("Väntetiden ska minska från 12 till 10 dagar till vt 2027.", "vt 2027"),
    ("Alla ärenden ska vara avslutade per den 31 augusti.", "31 augusti"),
])
def test_planners_deadlines_are_time_bound(goal: str, evidence: str) -> None:
    assert run("smart", {"goal": goal})["criteria"]["time_bound"]["evidence"] == evidence


def test_comparison_year_is_neither_deadline_nor_measure() -> None:
    criteria = run("smart", {"goal": "Fler brukare ska välja e-tjänsten jämfört med 2025 i hela kommunen."})["criteria"]
    assert criteria["time_bound"]["met"] is False
    assert criteria["measurable"]["met"] is False
    with_measure = run("smart", {"goal": "Antalet klagomål ska minska med 20 % jämfört med 2025."})["criteria"]
    assert with_measure["measurable"]["evidence"] == "minska med 20 %"
    assert with_measure["time_bound"]["met"] is False


def test_unmeasurable_wish_without_measure_is_not_specific() -> None:
    specific = run("smart", {"goal": "Alla brukare ska vara nöjda"})["criteria"]["specific"]
    assert specific["met"] is False and specific["evidence"] == "nöjda"
    measured = run("smart", {"goal": "Andelen nöjda brukare ska öka från 78 % till 85 % senast 2027."})["criteria"]
    assert measured["specific"]["met"] is True
