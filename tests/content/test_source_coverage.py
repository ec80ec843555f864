"""Every section of the source handbook must still be in the built site.

The example handbook is modelled on a real municipality's quality handbook
(version 6.0, 45 pages). SECTIONS lists that handbook's chapters, sub-sections,
models, methods and appendices in the source's order, each mapped to the page of
the built site that carries it and to the heading there. If an edit moves or
drops a section, this test names it, so nothing disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Section:
    """One section of the source handbook and where the built site keeps it.

    Hand-written chapters must carry `heading` exactly (after whitespace
    normalisation). Generated pages take their title from the YAML `namn`, which
    editors may reword, so for them (`title_contains=True`) the page title only
    has to contain `heading`, compared case-insensitively.
    """

    source: str
    page: str
    heading: str
    title_contains: bool = False


def generated(source: str, page: str, term: str) -> Section:
    """A section rendered from YAML: its page title must contain `term`."""
    return Section(source, page, term, title_contains=True)


def chapter(page: str) -> str:
    """The built-site path of a hand-written page (MkDocs directory URLs)."""
    return "index.html" if page == "" else f"{page}/index.html"


SECTIONS: tuple[Section, ...] = (
    # Front matter
    Section("Om kvalitetshandboken", chapter(""), "Om kvalitetshandboken"),
    Section("Kommundirektörens programförklaring", chapter(""), "Vårt gemensamma åtagande"),
    Section("Förutsättningar för kommande års verksamhetsutveckling",
            chapter("inledning/forutsattningar"), "Förutsättningar för kommande års utveckling"),
    Section("Förutsättningar: digitalisering och hållbarhet",
            chapter("inledning/forutsattningar"), "Digitaliseringen som stöd för hållbarhet"),
    Section("Förutsättningar: digital information som strategisk resurs",
            chapter("inledning/forutsattningar"), "Information är en strategisk resurs"),
    Section("Kvalitet är allas vårt ansvar",
            chapter("inledning/kvalitet-ar-allas-ansvar"), "Kvalitet är allas vårt ansvar"),
    Section("Varför finns vi som kommun?",
            chapter("inledning/kvalitet-ar-allas-ansvar"), "Varför finns vi som kommun?"),
    Section("Vad menar vi med en tjänst?", chapter("inledning/tjanst"), "Vad menar vi med en tjänst?"),
    Section("Stödtjänster och servicetjänster", chapter("inledning/tjanst"), "Stödtjänster och servicetjänster"),
    Section("Vår värdegrund", chapter("inledning/vardegrund-och-vision"), "Vår värdegrund"),
    Section("Värdegrunden: frågor för varje verksamhet",
            chapter("inledning/vardegrund-och-vision"), "Frågor att ställa i din verksamhet"),
    Section("Vision och verksamhetsidé", chapter("inledning/vardegrund-och-vision"), "Vision och verksamhetsidé"),
    # Vad menar vi med kvalitet?
    Section("Vad menar vi med kvalitet?", chapter("kvalitet"), "Vad menar vi med kvalitet?"),
    Section("Behovsdriven utveckling ur mottagarens perspektiv",
            chapter("kvalitet/behovsdriven-utveckling"), "Behovsdriven utveckling ur mottagarens perspektiv"),
    Section("Innovation och utveckling", chapter("kvalitet/innovation"), "Innovation och utveckling"),
    Section("Kvalitetspriset", chapter("kvalitet/innovation"), "Kvalitetspriset Framsteget"),
    Section("Kvalitetspriset: bedömningsområden", chapter("kvalitet/innovation"), "Så bedöms bidragen"),
    Section("Intern idésluss", chapter("kvalitet/innovation"), "Idéslussen"),
    Section("Intern kvalitetsdag", chapter("kvalitet/innovation"), "Kvalitetsdagen"),
    Section("Utvecklingsarenan", chapter("kvalitet/innovation"), "Utvecklingsarenan"),
    Section("Vi jämför oss med andra", chapter("kvalitet/jamforelser"), "Vi jämför oss med andra"),
    Section("Jämförelser: statistikdatabaser (Kolada, Öppna jämförelser)",
            chapter("kvalitet/jamforelser"), "Öppna databaser med jämförelsedata"),
    Section("Jämförelser: nationella undersökningar (KKiK, R9, Kommunkompassen, SCB)",
            chapter("kvalitet/jamforelser"), "Nationella undersökningar vi deltar i"),
    Section("Jämförelser: mätningar för särskilda målgrupper",
            chapter("kvalitet/jamforelser"), "Undersökningar för särskilda målgrupper"),
    Section("Jämförelser: medlemskap i SIQ", chapter("kvalitet/jamforelser"), "Medlemskap i SIQ"),
    Section("Vi tar reda på vad våra mottagare tycker och upplever",
            chapter("kvalitet/mottagarnas-upplevelse"), "Vi tar reda på vad mottagarna tycker"),
    Section("Mottagarundersökningar: ansvar", chapter("kvalitet/mottagarnas-upplevelse"),
            "Vem ansvarar för undersökningarna?"),
    # Styrning
    Section("Styrning", chapter("styrning"), "Styrning"),
    Section("Kommunens uppdrag", chapter("styrning"), "Kommunens uppdrag"),
    Section("Styrmodell", chapter("styrning/styrmodell"), "Styrmodell"),
    Section("Styrmodell: strategiska områden och indikatorer",
            chapter("styrning/styrmodell"), "Strategiska områden och indikatorer"),
    Section("Styrmodell: omvärldsdag", chapter("styrning/styrmodell"), "Omvärldsdagen inleder budgetåret"),
    Section("Styrmodell: politisk styrning", chapter("styrning/styrmodell"), "Så går den politiska styrningen till"),
    Section("Planer på olika nivåer", chapter("styrning/planer"), "Planer på olika nivåer"),
    Section("Planer: översiktsplan", chapter("styrning/planer"), "Översiktsplanen"),
    Section("Planer: övergripande strategier och budget", chapter("styrning/planer"), "Strategier och budget"),
    Section("Planer: programplaner och kommunstyrelseplan",
            chapter("styrning/planer"), "Programplaner och kommunstyrelseplan"),
    Section("Planer: verksamhetsplaner med budget", chapter("styrning/planer"), "Verksamhetsplaner med budget"),
    Section("Planer: årets gång", chapter("styrning/planer"), "Årshjulet"),
    Section("Uppföljningsmodell för nämnder",
            chapter("styrning/uppfoljningsmodell"), "Uppföljningsmodell för nämnder"),
    Section("Uppföljningsmodell: Syfte", chapter("styrning/uppfoljningsmodell"), "Syfte"),
    Section("Uppföljningsmodell: Systematik", chapter("styrning/uppfoljningsmodell"), "Systematik"),
    Section("Uppföljningsmodell: Rapporter", chapter("styrning/uppfoljningsmodell"), "Rapporter"),
    Section("Riktlinjer för styrdokument", chapter("styrning/styrdokument"), "Riktlinjer för styrdokument"),
    # Chefens ansvar
    Section("Chefens ansvar för verksamhetsutveckling",
            chapter("chefens-ansvar"), "Chefens ansvar för verksamhetsutveckling"),
    Section("Chefens ansvar: ledarplattformen",
            chapter("chefens-ansvar"), "Vad ledarplattformen förväntar sig av dig"),
    Section("Chefens ansvar: tre faser", chapter("chefens-ansvar"), "Tre faser i all utveckling"),
    Section("Planering för verkställighet", chapter("chefens-ansvar/planering"), "Planering för verkställighet"),
    Section("Tillgänglighetsgaranti", chapter("chefens-ansvar/planering"), "Tillgänglighetsgaranti"),
    Section("Servicepolicy", chapter("chefens-ansvar/planering"), "Servicepolicy"),
    Section("Servicegarantier", chapter("chefens-ansvar/planering"), "Servicegarantier"),
    Section("Genomförande – få saker att hända",
            chapter("chefens-ansvar/genomforande"), "Genomförande – få saker att hända"),
    Section("Uppföljning med analys", chapter("chefens-ansvar/uppfoljning"), "Uppföljning med analys"),
    # Organisering för stöd
    Section("Organisering för stöd i kvalitetsarbetet", chapter("stod"), "Stöd i kvalitetsarbetet"),
    Section("Kvalitetsledaren i förvaltningen", chapter("stod"), "Kvalitetssamordnaren i din förvaltning"),
    Section("Kvalitetsledarens uppgifter", chapter("stod"), "Kvalitetssamordnarens uppgifter"),
    Section("Nätverket för kvalitetsledare", chapter("stod"), "Nätverket för kvalitetssamordnare"),
    Section("Övriga stödresurser i kvalitetsarbetet", chapter("stod"), "Annat stöd i kvalitetsarbetet"),
    generated("Kvalitetsledare (roll)", "roller/kvalitetssamordnare/index.html", "Kvalitetssamordnare"),
    generated("Processhandledare (roll)", "roller/processtodjare/index.html", "Processtödjare"),
    generated("ROSA-analytiker (roll)", "roller/rosa-analytiker/index.html", "ROSA-analytiker"),
    generated("Stödresurser och kontaktpersoner", "kontakter/index.html", "Vem frågar jag?"),
    # Översikt, modeller, metoder och verktyg
    generated("Översikt modeller, metoder och verktyg", "oversikt/index.html", "Översikt"),
    generated("Modeller för kvalitetsutveckling", "modeller/index.html", "Modeller"),
    generated("Processledningsmodell", "modeller/processledning/index.html", "Processledning"),
    generated("Projektstyrningsmodellen", "modeller/projektstyrning/index.html", "Projekt"),
    generated("Kompetensstyrningsmodell – lön och utveckling",
              "modeller/kompetensstyrning/index.html", "Kompetensstyrning"),
    generated("Modell för intern kontroll", "modeller/intern-kontroll/index.html", "intern kontroll"),
    generated("Metoder och verktyg för kvalitetsutveckling", "metoder/index.html", "Metoder"),
    generated("Pusslet – SIQ:s modell för framgångsrik verksamhetsutveckling",
              "metoder/siq-pusslet/index.html", "pusslet"),
    generated("SWOT-analys", "metoder/swot/index.html", "SWOT"),
    generated("Processkartläggning", "metoder/processkartlaggning/index.html", "Processkartläggning"),
    generated("ROSA-analys", "metoder/rosa-analys/index.html", "ROSA"),
    generated("Tjänstedesign", "metoder/tjanstedesign/index.html", "Tjänstedesign"),
    generated("Riskanalys", "metoder/riskanalys/index.html", "Riskanalys"),
    generated("Orsaksanalys", "metoder/orsaksanalys/index.html", "Orsaksanalys"),
    generated("Ständiga förbättringar i vardagen",
              "metoder/standiga-forbattringar/index.html", "Ständiga förbättringar"),
    generated("DMAIC", "metoder/dmaic/index.html", "DMAIC"),
    generated("Förändringsanalys", "metoder/forandringsanalys/index.html", "Förändringsanalys"),
    generated("Enkäter", "metoder/enkater/index.html", "Enkät"),
    generated("Nyttorealisering och effekthemtagning",
              "metoder/nyttorealisering/index.html", "Nyttorealisering"),
    generated("Förändringsledning", "metoder/forandringsledning/index.html", "Förändringsledning"),
    generated("Förändringskommunikation",
              "metoder/forandringskommunikation/index.html", "Förändringskommunikation"),
    generated("Analystrappan", "metoder/analystrappan/index.html", "Analystrappan"),
    generated("Jämställdhetstrappan", "metoder/jamstalldhetstrappan/index.html", "Jämställdhetstrappan"),
    # Bilaga 1
    Section("Bilaga 1 Ansvar och roller inom politiska organ och tjänstemannaledning",
            chapter("bilagor/ansvar-och-roller"), "Bilaga 1: Ansvar och roller i politik och ledning"),
    Section("Bilaga 1: Politiska organ", chapter("bilagor/ansvar-och-roller"), "Politiska organ"),
    Section("Bilaga 1: Kommunfullmäktige", chapter("bilagor/ansvar-och-roller"), "Kommunfullmäktige"),
    Section("Bilaga 1: Kommunstyrelsen", chapter("bilagor/ansvar-och-roller"), "Kommunstyrelsen"),
    Section("Bilaga 1: Programnämnder", chapter("bilagor/ansvar-och-roller"), "Programnämnder"),
    Section("Bilaga 1: Driftsnämnder", chapter("bilagor/ansvar-och-roller"), "Driftsnämnder"),
    Section("Bilaga 1: Bolagsstyrelserna", chapter("bilagor/ansvar-och-roller"), "Bolagsstyrelser"),
    Section("Bilaga 1: Tjänstemannaledning", chapter("bilagor/ansvar-och-roller"), "Tjänstemannaledning"),
    Section("Bilaga 1: Kommundirektören", chapter("bilagor/ansvar-och-roller"), "Kommundirektören"),
    Section("Bilaga 1: Chefstjänstemännen", chapter("bilagor/ansvar-och-roller"),
            "Förvaltningschefer och andra chefstjänstepersoner"),
    generated("Kommunfullmäktige (roll)", "roller/kommunfullmaktige/index.html", "Kommunfullmäktige"),
    generated("Revisionen (roll)", "roller/revisionen/index.html", "Revision"),
    generated("Kommunstyrelsen (roll)", "roller/kommunstyrelsen/index.html", "Kommunstyrelse"),
    generated("Programnämnd (roll)", "roller/programnamnd/index.html", "Programnämnd"),
    generated("Driftsnämnd (roll)", "roller/driftsnamnd/index.html", "Driftsnämnd"),
    generated("Bolagsstyrelse (roll)", "roller/bolagsstyrelse/index.html", "Bolagsstyrelse"),
    generated("Kommundirektör (roll)", "roller/kommundirektor/index.html", "Kommundirektör"),
    generated("Chefstjänsteman (roll)", "roller/forvaltningschef/index.html", "Förvaltningschef"),
    # Bilaga 2
    Section("Bilaga 2 Projektstyrningsmodellen", chapter("bilagor/projektmodellen"),
            "Bilaga 2: Projektmodellens faser"),
    Section("Bilaga 2: faser och beslutspunkter", chapter("bilagor/projektmodellen"), "Faser och beslutspunkter"),
    Section("Projektdefinition och kriterier", chapter("bilagor/projektmodellen"), "När är det ett projekt?"),
    # Bilaga 3: SIQ:s tretton grundläggande värderingar
    Section("Bilaga 3 SIQ:s värderingar", chapter("bilagor/siq-varderingar"), "Bilaga 3: SIQ:s värderingar"),
    *(
        Section(f"Bilaga 3: {value}", chapter("bilagor/siq-varderingar"), value)
        for value in (
            "Kundorientering",
            "Engagerat ledarskap",
            "Allas delaktighet",
            "Kompetensutveckling",
            "Långsiktighet",
            "Samhällsansvar",
            "Processorientering",
            "Förebyggande åtgärder",
            "Ständiga förbättringar",
            "Lära av andra",
            "Snabb reaktionsförmåga",
            "Faktabaserade beslut",
            "Samverkan",
        )
    ),
)


# Topics beyond the source handbook that a municipal quality coordinator expects (issue 16). The source column
# names the topic; the page and heading say where the example handbook covers it.
NEW_TOPICS: tuple[Section, ...] = (
    generated("Ledningssystem för systematiskt kvalitetsarbete", "modeller/ledningssystem/index.html",
              "Ledningssystem för systematiskt kvalitetsarbete"),
    Section("Ledningssystem: vad det innehåller", "modeller/ledningssystem/index.html",
            "Vad ledningssystemet innehåller"),
    Section("Ledningssystem: lagkrav per område", "modeller/ledningssystem/index.html",
            "Lagar och föreskrifter per område"),
    generated("Avvikelsehantering (metod)", "metoder/avvikelsehantering/index.html", "Avvikelsehantering"),
    Section("Avvikelsehantering: roller", "metoder/avvikelsehantering/index.html", "Vem gör vad?"),
    Section("Avvikelsehantering: klagomål, risker, lex Sarah och lex Maria", "metoder/avvikelsehantering/index.html",
            "Avvikelser, klagomål och risker hänger ihop"),
    Section("Typer av styrdokument", chapter("styrning/styrdokument"), "Typer av styrdokument"),
    Section("Årshjulet: kvalitetsberättelse, patientsäkerhetsberättelse, interna granskningar",
            chapter("styrning/planer"), "Kvalitetsberättelser och interna granskningar"),
    generated("Uppföljning av privata utförare", "metoder/uppfoljning-av-privata-utforare/index.html",
              "privata utförare"),
    Section("Exempel: strategiskt område till analys", chapter("styrning/fran-mal-till-analys"),
            "Från strategiskt område till analys – ett exempel"),
    Section("Exempel: indikator med Kolada-nyckel", chapter("styrning/fran-mal-till-analys"),
            "Indikator med en Kolada-nyckel"),
    Section("Exempel: analys i delårsrapport", chapter("styrning/fran-mal-till-analys"), "Analysen i delårsrapporten"),
    generated("Processägare (roll)", "roller/processagare/index.html", "Processägare"),
    generated("Dataskyddsombud (roll)", "roller/dataskyddsombud/index.html", "Dataskyddsombud"),
    generated("Medicinskt ansvarig sjuksköterska (roll)", "roller/medicinskt-ansvarig-sjukskoterska/index.html",
              "MAS"),
    generated("Medicinskt ansvarig för rehabilitering (roll)",
              "roller/medicinskt-ansvarig-rehabilitering/index.html", "MAR"),
)

def normalise(text: str) -> str:
    """Collapse runs of whitespace (incl. no-break spaces) so wrapping never matters."""
    return re.sub(r"\s+", " ", text).strip()


class HeadingParser(HTMLParser):
    """Collects the text of h1-h6 outside <nav>, without the permalink anchor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []
        self._current: list[str] | None = None
        self._tag = ""
        self._nav_depth = 0
        self._in_headerlink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "nav":
            self._nav_depth += 1
        elif tag in HEADING_TAGS and self._nav_depth == 0:
            self._current, self._tag = [], tag
        elif tag == "a" and self._current is not None:
            classes = (dict(attrs).get("class") or "").split()
            self._in_headerlink = "headerlink" in classes

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._nav_depth = max(0, self._nav_depth - 1)
        elif tag == "a":
            self._in_headerlink = False
        elif tag == self._tag and self._current is not None:
            self.headings.append((tag, normalise("".join(self._current))))
            self._current, self._tag = None, ""

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._in_headerlink:
            self._current.append(data)


def page_headings(html: str) -> list[tuple[str, str]]:
    """Return (tag, text) for every content heading of a built page, in order."""
    parser = HeadingParser()
    parser.feed(html)
    parser.close()
    return parser.headings


def is_covered(section: Section, headings: list[tuple[str, str]]) -> bool:
    """Whether the page's headings carry the section as SECTIONS requires."""
    expected = normalise(section.heading)
    if section.title_contains:
        return any(tag == "h1" and expected.casefold() in text.casefold() for tag, text in headings)
    return any(text == expected for _, text in headings)


def missing_sections(site: Path, sections: tuple[Section, ...]) -> list[str]:
    """Describe, in Swedish, every section the built site lacks."""
    problems: list[str] = []
    cache: dict[str, list[tuple[str, str]] | None] = {}
    for section in sections:
        if section.page not in cache:
            path = site / section.page
            cache[section.page] = page_headings(path.read_text(encoding="utf-8")) if path.is_file() else None
        headings = cache[section.page]
        if headings is None:
            problems.append(f"{section.source}: sidan {section.page} finns inte")
        elif not is_covered(section, headings):
            rule = "sidtiteln ska innehålla" if section.title_contains else "rubriken saknas:"
            problems.append(f"{section.source}: {section.page}: {rule} \"{section.heading}\"")
    return problems


def test_heading_parser_strips_permalinks_and_ignores_navigation() -> None:
    html = (
        '<nav><h2>Navigering</h2></nav>'
        '<article><h1 id="a">Vad&nbsp;menar  vi\n med <em>kvalitet</em>?'
        '<a class="headerlink" href="#a" title="Länk">¶</a></h1>'
        '<h2 id="b">Syfte<a class="headerlink" href="#b">¶</a></h2></article>'
    )
    assert page_headings(html) == [("h1", "Vad menar vi med kvalitet?"), ("h2", "Syfte")]


def test_exact_headings_must_match_whole_text() -> None:
    headings = [("h1", "Styrmodell"), ("h2", "Syftet med modellen")]
    assert is_covered(Section("Styrmodell", "x", "Styrmodell"), headings)
    assert not is_covered(Section("Syfte", "x", "Syfte"), headings)
    assert is_covered(generated("SWOT", "x", "styrmodell"), headings)
    assert not is_covered(generated("Syfte", "x", "Syfte"), headings)


def test_section_list_has_no_duplicates() -> None:
    keys = [(s.page, s.heading) for s in (*SECTIONS, *NEW_TOPICS)]
    assert len(keys) == len(set(keys)), "samma rubrik på samma sida finns två gånger i SECTIONS"


def test_every_source_section_is_in_the_built_site(built_site: Path) -> None:
    problems = missing_sections(built_site, SECTIONS)
    assert not problems, (
        f"{len(problems)} av {len(SECTIONS)} avsnitt ur källhandboken saknas i den byggda webbplatsen:\n"
        + "\n".join(f"- {p}" for p in problems)
    )


def test_every_new_topic_is_in_the_built_site(built_site: Path) -> None:
    problems = missing_sections(built_site, NEW_TOPICS)
    assert not problems, (f"{len(problems)} av {len(NEW_TOPICS)} nya ämnen saknas:\n"
                          + "\n".join(f"- {p}" for p in problems))
