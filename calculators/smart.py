"""SMARTA goal check: Specifik, Mätbar, Accepterad, Realistisk, Tidsatt, Ansvarig.

Four criteria are read from the goal text with the named heuristics below (each is a
documented regular expression, so the docs and tests can point at it); accepted and
realistic cannot be read from text and come from the user's answers. The check gives
advice, not a verdict: a heuristic can miss, so every criterion carries its evidence.
"""

from __future__ import annotations

import re
from typing import Any

from .spec import Field, Spec
from .view import checklist, formula, view

SPEC = Spec(
    name="smart",
    title="SMARTA-mål",
    summary="Kontrollera om ett mål är specifikt, mätbart, accepterat, realistiskt, tidsatt och har en ansvarig.",
    formula="Poäng = antal uppfyllda kriterier av 6 (Specifik, Mätbar, Accepterad, Realistisk, Tidsatt, Ansvarig)",
    fields=(
        Field("goal", "Mål", "text", max_length=2000, help="Skriv målet som det ska stå i planen."),
        Field("accepted", "Accepterat", "boolean", required=False,
              help="Är målet förankrat hos dem som ska arbeta mot det? Lämna obesvarat om det inte är bedömt."),
        Field("realistic", "Realistiskt", "boolean", required=False,
              help="Går målet att nå med de resurser som finns? Lämna obesvarat om det inte är bedömt."),
        Field("responsible", "Ansvarig", "text", required=False, default="", max_length=200,
              help="Vem som ansvarar för att målet nås, till exempel \"enhetschefen\". Valfritt."),
    ),
    example={
        "goal": "Andelen brukare som är nöjda med bemötandet i hemtjänsten ska öka från 78 % till minst 85 % "
                "senast 31 december 2027.",
        "accepted": True,
        "realistic": None,
        "responsible": "Enhetschefen för hemtjänsten",
    },
)

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
YEAR = r"(?:19|20)\d{2}"
NUMBER = r"(?<![\w,.])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?![\w])"
"""A number as written in Swedish text: "12", "7,2", "40 000" (space as thousands separator)."""
NUMBER_WORDS = r"(?:hälften|en\s+(?:tredjedel|fjärdedel|femtedel)|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tjugo)"
"""Amounts written as words that still make a change measurable ("minska med en tredjedel")."""
_DAY_MONTH = rf"(?:[1-9]|[12]\d|3[01])\s+(?:{MONTHS})(?:\s+{YEAR})?"
_ISO = rf"{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"

TIME_PATTERNS: dict[str, re.Pattern[str]] = {
    # "2027-08-31": an ISO date.
    "iso_date": re.compile(rf"\b{_ISO}\b"),
    # "31 augusti 2027", "31 augusti": day and month name, year optional.
    "day_month": re.compile(rf"\b{_DAY_MONTH}\b", re.IGNORECASE),
    # "senast 2027", "före 2026", "t.o.m. 2028", "under 2026", "år 2027", "till 2027": a deadline word and a year.
    "deadline_year": re.compile(
        rf"(?:\b(?:senast|före|innan|till\s+och\s+med|till|under|år|i\s+slutet\s+av|vid\s+utgången\s+av)\s+"
        rf"|\bt\.o\.m\.\s*){YEAR}\b",
        re.IGNORECASE),
    # "till vt 2027", "ht 2026", "vt27": a school term and a year.
    "term": re.compile(rf"\b(?:vt|ht)\s?(?:{YEAR}|\d{{2}})\b", re.IGNORECASE),
    # "vecka 12", "v. 12", "v.12", "v 12".
    "week": re.compile(r"\b(?:vecka\s+|v\.\s?|v\s)(?:[1-9]|[1-4]\d|5[0-3])\b", re.IGNORECASE),
    # "kvartal 3", "Q3", "tredje kvartalet", optionally followed by a year.
    "quarter": re.compile(rf"\b(?:kvartal\s+[1-4]|q[1-4]|(?:första|andra|tredje|fjärde)\s+kvartalet)(?:\s+{YEAR})?\b",
                          re.IGNORECASE),
    # "augusti 2027", "hösten 2026", "vårterminen 2027": a month or season and a year.
    "month_year": re.compile(
        rf"\b(?:{MONTHS}|våren|hösten|sommaren|vintern|vårterminen|höstterminen)\s+{YEAR}\b", re.IGNORECASE),
    # "inom sex månader", "inom 2 år": a relative deadline.
    "within": re.compile(rf"\binom\s+(?:\d+|ett|en|{NUMBER_WORDS})\s+(?:dagar|veckor|månader|år)\b", re.IGNORECASE),
}
"""Time-bound (Tidsatt): any of these in the goal text."""

MEASURE_PATTERNS: dict[str, re.Pattern[str]] = {
    # "från 78 % till 85 %", "från 12 till 8 dagar".
    "from_to": re.compile(rf"\bfrån\s+(?:\w+\s+){{0,2}}?{NUMBER}(?:\s*(?:%|procent))?.{{0,40}}?"
                          rf"\btill\s+(?:\w+\s+){{0,2}}?{NUMBER}(?:\s*(?:%|procent(?:enheter)?))?", re.IGNORECASE),
    # "öka antalet ... med 10", "minska väntetiden till 14 dagar", "minska med en tredjedel".
    "change": re.compile(rf"\b(?:öka|minska|höja|sänka|korta|förkorta)\w*\b.{{0,80}}?\b(?:med|till)\s+"
                         rf"(?:minst\s+|högst\s+|cirka\s+|ca\s+)?(?:{NUMBER}|{NUMBER_WORDS}\b)"
                         rf"(?:\s*(?:%|procent(?:enheter)?))?", re.IGNORECASE),
    # "10 %", "7,2 procent", "tio procent", "3 procentenheter".
    "percent": re.compile(rf"(?:{NUMBER}|\b{NUMBER_WORDS})\s*(?:%|procent(?:enheter)?\b)", re.IGNORECASE),
    # "halvera", "fördubbla": a change by a stated factor.
    "factor": re.compile(r"\b(?:halvera|fördubbla|tredubbla)\w*", re.IGNORECASE),
    # "tre nya e-tjänster", "hälften av ärendena": an amount written as a word, with what it counts.
    "count_word": re.compile(rf"\b{NUMBER_WORDS}\s+[^\W\d]+", re.IGNORECASE),
    # "40 000 besök", "14 dagar", "3": any other number, with the word after it as unit.
    "number": re.compile(rf"{NUMBER}(?:\s+[^\W\d]+)?", re.IGNORECASE),
}
"""Measurable (Mätbar): tried in this order on the text with time expressions blanked out,
so "under 2026" makes a goal time-bound without also making it measurable."""

BASELINE = re.compile(rf"\bjämfört\s+med\s+(?:år\s+|samma\s+period\s+)?{YEAR}\b", re.IGNORECASE)
"""A comparison year ("jämfört med 2025"): neither a deadline nor a measure, so it is blanked out
before the measure is looked for."""
UNMEASURABLE = re.compile(r"\b(?:nöjda?|bra|bättre|goda?|gott|trygga?|tryggare|effektiva?|attraktiva?)\b",
                          re.IGNORECASE)
"""Specific (Specifik): words that say a wish but cannot be measured as they stand; a goal built on
one and without a measure ("Alla brukare ska vara nöjda") is not specific."""

RESPONSIBLE_LABEL = re.compile(r"\bansvarig\s*:\s*[^\n.;]+", re.IGNORECASE)
"""Responsible (Ansvarig): "Ansvarig: enhetschefen" written in the goal."""
ROLE_WORDS = re.compile(
    r"\b\w*(?:chef(?:en|er|erna|ens)?|rektor(?:n|er|erna)?|nämnd(?:en|er|erna|ens)?|styrelse(?:n|ns)?"
    r"|direktör(?:en|ens)?|samordnare(?:n)?|projektledare(?:n)?|ledningsgrupp(?:en)?|fullmäktige)\b",
    re.IGNORECASE)
"""Responsible (Ansvarig): a role word, also in compounds ("förvaltningschefen", "socialnämnden")."""

VAGUE_VERBS = re.compile(r"\b(?:förbättra|utveckla|värna|verka\s+för|sträva\s+efter|främja|stärka)\w*",
                         re.IGNORECASE)
"""Specific (Specifik): verbs that say a direction but not a result."""
_NOT_OBJECT = {"att", "oss", "mer", "vidare", "ännu", "och", "så", "om", "hela", "tiden", "alltid", "ständigt"}
MIN_WORDS = 5
"""Specific (Specifik): a goal with fewer words cannot say what, for whom and how much."""

CRITERIA = ("specific", "measurable", "accepted", "realistic", "time_bound", "responsible")
NAMES = {"specific": "Specifik", "measurable": "Mätbar", "accepted": "Accepterad", "realistic": "Realistisk",
         "time_bound": "Tidsatt", "responsible": "Ansvarig"}


def compute(values: dict[str, Any]) -> dict[str, Any]:
    """Check all six criteria and count those met."""
    goal = values["goal"]
    time = find_time(goal)
    measure = find_measure(goal)
    criteria = {
        "specific": _specific(goal, measure is not None),
        "measurable": _found(measure, "Målet har ett mått", _MEASURE_ADVICE),
        "accepted": _answer(values["accepted"], "förankrat hos dem som ska arbeta mot det"),
        "realistic": _answer(values["realistic"], "möjligt att nå med de resurser som finns"),
        "time_bound": _found(time, "Målet har en tidpunkt", _TIME_ADVICE),
        "responsible": _found(find_responsible(goal, values["responsible"]), "Ansvaret är angivet",
                              _RESPONSIBLE_ADVICE),
    }
    score = sum(criteria[key]["met"] is True for key in CRITERIA)
    unanswered = sum(criteria[key]["met"] is None for key in CRITERIA)
    message = f"{score} av 6 kriterier är uppfyllda" + (f", {unanswered} går inte att avgöra." if unanswered else ".")
    return {
        "ok": True,
        "criteria": criteria,
        "score": score,
        "unanswered": unanswered,
        "message": message,
        "view": view(message, [
            formula(f"Poäng = antal uppfyllda kriterier av 6 = {score}"),
            checklist([(NAMES[key], criteria[key]["met"], criteria[key]["hint"], criteria[key]["evidence"])
                       for key in CRITERIA]),
        ]),
    }


def find_time(goal: str) -> str | None:
    """The first time expression (Tidsatt) in the goal, or None."""
    return _first(TIME_PATTERNS, goal)


def find_measure(goal: str) -> str | None:
    """The first measure (Mätbar) in the goal outside its time expressions, or None."""
    masked = goal
    for pattern in (*TIME_PATTERNS.values(), BASELINE):
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    for pattern in MEASURE_PATTERNS.values():
        match = pattern.search(masked)
        if match:
            return goal[match.start():match.end()].strip()
    return None


def find_responsible(goal: str, responsible: str) -> str | None:
    """The responsible party: the field, an "Ansvarig:" line, or a role word in the text."""
    if responsible:
        return responsible
    match = RESPONSIBLE_LABEL.search(goal) or ROLE_WORDS.search(goal)
    return match.group(0).strip() if match else None


def find_vague(goal: str) -> tuple[str, bool] | None:
    """The first vague verb and whether a content word (its object) follows it."""
    match = VAGUE_VERBS.search(goal)
    if not match:
        return None
    following = re.findall(r"\w+", goal[match.end():].split(".")[0])
    has_object = any(word.lower() not in _NOT_OBJECT and len(word) > 2 for word in following)
    return match.group(0), has_object


def _first(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    """The earliest-listed pattern's match, as evidence."""
    for pattern in patterns.values():
        match = pattern.search(text)
        if match:
            return match.group(0).strip()
    return None


_MEASURE_ADVICE = "Lägg till ett mått: en andel i procent, ett antal eller en nivå \"från X till Y\"."
_TIME_ADVICE = "Ange när målet ska vara nått, till exempel \"senast 31 augusti 2027\" eller \"under 2026\"."
_RESPONSIBLE_ADVICE = ("Ange vem som ansvarar: en roll som \"enhetschefen\", \"Ansvarig: …\" i texten "
                       "eller fältet Ansvarig.")


def _criterion(met: bool | None, hint: str, evidence: str | None = None) -> dict[str, Any]:
    return {"met": met, "hint": hint, "evidence": evidence}


def _found(evidence: str | None, found: str, advice: str) -> dict[str, Any]:
    """A text criterion: met with its evidence, or not met with advice."""
    if evidence is None:
        return _criterion(False, advice)
    return _criterion(True, f"{found}: \"{evidence}\".", evidence)


def _answer(answer: bool | None, question: str) -> dict[str, Any]:
    """Accepted and realistic are judgements the text cannot show; null stays null."""
    if answer is None:
        return _criterion(None, f"Kan inte avgöras från texten. Svara ja eller nej på om målet är {question}.")
    if answer:
        return _criterion(True, f"Ni har bedömt att målet är {question}.")
    return _criterion(False, f"Ni har bedömt att målet inte är {question}. Justera målet eller förutsättningarna.")


def _specific(goal: str, measurable: bool) -> dict[str, Any]:
    """Not specific when very short, or built on a vague verb without an object and a measure."""
    if len(re.findall(r"\w+", goal)) < MIN_WORDS:
        return _criterion(False, f"Målet är för kort (färre än {MIN_WORDS} ord). Beskriv vad som ska uppnås, "
                                 "för vem och hur mycket.")
    wish = UNMEASURABLE.search(goal)
    if wish and not measurable:
        return _criterion(False, f"\"{wish.group(0)}\" går inte att mäta som det står. Skriv vad som ska uppnås och "
                                 "hur mycket, till exempel \"andelen nöjda brukare ska öka från 78 % till 85 %\".",
                          wish.group(0))
    vague = find_vague(goal)
    if vague and not (vague[1] and measurable):
        return _criterion(False, f"\"{vague[0]}\" anger en riktning men inte ett resultat. Skriv vad som ska "
                                 "förändras och hur mycket.", vague[0])
    return _criterion(True, "Målet säger vad som ska uppnås.")
