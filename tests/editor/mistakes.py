"""Realistic mistakes a new editor makes, each with where the check must point and what it must say.

A mistake replaces `old` with `new` in one file of a copy of the shipped handbook. The check must report
exactly one error, on the line of `at` (default: the first line of `new`), naming `field` and giving a fix
that contains `fix`.
"""

from __future__ import annotations

from dataclasses import dataclass

SWOT = "metoder/swot.yml"
CHEF = "roller/chef.yml"
KONTAKT = "kontakter/kvalitetsenheten.yml"
META = "handbook.yml"
ROLE_HEADER = "# yaml-language-server: $schema=../../schemas/roll.schema.json\n"
KONTAKT_TEXT = ("beskrivning: Frågor om kvalitetshandboken, kvalitetspriset, kvalitetsdagen och nätverket för "
                "kvalitetssamordnare.")


@dataclass(frozen=True)
class Mistake:
    name: str
    path: str
    old: str
    new: str
    field: str
    fix: str
    at: str = ""
    """A text in the new file on the line the error must point at; default: the first line of `new`."""
    report: str = ""
    """The file the error is reported in, when not the changed one (a cycle is reported at its first role)."""

    def line_text(self) -> str:
        return self.at or self.new.strip("\n").split("\n")[0]


SYNTAX = [
    # Indentation
    Mistake("top-level field indented", SWOT, "\nsyfte: Få", "\n  syfte: Få", "syfte", "samma kolumn"),
    Mistake("top-level field indented one space", CHEF, "\ndel_av: verksamhet", "\n del_av: verksamhet", "del_av",
            "samma kolumn"),
    Mistake("step field indented too far", SWOT, "    text: |\n      Rita fyra", "      text: |\n      Rita fyra",
            "steg[2]", "samma kolumn"),
    Mistake("step field indented too little", SWOT, "    text: |\n      Rita fyra", "   text: |\n      Rita fyra",
            "steg[2]", "samma kolumn"),
    Mistake("list item dash at column 1 under a step", SWOT, "  - rubrik: Rita upp fyrfältaren",
            "- rubrik: Rita upp fyrfältaren", "steg", "samma kolumn"),
    Mistake("step field without dash", SWOT, "  - rubrik: Fyll fältet Styrkor", "  rubrik: Fyll fältet Styrkor",
            "steg", "samma kolumn"),
    Mistake("tips item indented less", SWOT, "  - Låt alla skriva tyst", " - Låt alla skriva tyst", "tips",
            "samma kolumn"),
    Mistake("tips item indented more", SWOT, "  - Låt alla skriva tyst", "    - Låt alla skriva tyst", "tips",
            "samma kolumn"),
    Mistake("block text line indented less", CHEF, "  medarbetarna. Din närmaste", " medarbetarna. Din närmaste",
            "beskrivning", "två mellanslag"),
    Mistake("block text not indented", CHEF, "  Som chef leder du", "Som chef leder du", "beskrivning",
            "två mellanslag"),
    Mistake("field after block text indented", KONTAKT, "\nepost:", "\n  epost:", "epost", "samma kolumn"),
    Mistake("tab before list item", CHEF, "  - Planera verksamheten", "\t- Planera verksamheten", "ansvar",
            "mellanslag"),
    Mistake("tab before block text", CHEF, "  Som chef leder du", "\tSom chef leder du", "beskrivning",
            "mellanslag"),
    # Colons
    Mistake("missing colon after owner", SWOT, "ägare: kvalitetssamordnare", "ägare kvalitetssamordnare",
            "ägare", "ägare: kvalitetssamordnare"),
    Mistake("missing colon after name", CHEF, "namn: Chef", "namn Chef", "namn", "namn: Chef"),
    Mistake("missing colon in a step", SWOT, "  - rubrik: Rita upp fyrfältaren", "  - rubrik Rita upp fyrfältaren",
            "steg[2]", "kolon"),
    Mistake("missing space after colon", KONTAKT, "namn: Kvalitetsenheten", "namn:Kvalitetsenheten", "namn",
            "mellanslag efter kolonet"),
    Mistake("missing space after colon in date", CHEF, "senast_granskad: 2026", "senast_granskad:2026",
            "senast_granskad", "mellanslag efter kolonet"),
    Mistake("colon in purpose", SWOT, "syfte: Få en", "syfte: Mål: Få en", "syfte", 'syfte: "Mål: Få en'),
    Mistake("colon in a contact description", KONTAKT, "beskrivning: Frågor om", "beskrivning: Frågor: om",
            "beskrivning", "citattecken"),
    Mistake("colon in a step heading", SWOT, "rubrik: Prioritera med prickar", "rubrik: Steg 4: prioritera",
            "steg[4].rubrik", "citattecken"),
    Mistake("colon in a list item after a key", CHEF, "  - Se till att", "  - Se till: att", "ansvar[4]",
            "citattecken"),
    # Quotes
    Mistake("unclosed double quote far above the next quote", SWOT, "syfte: Få en", 'syfte: "Få en', "syfte",
            'Avsluta texten med `"`'),
    Mistake("unclosed double quote at the end of the file", SWOT, "senast_granskad: 2026-02-10\n",
            'senast_granskad: "2026-02-10\n', "senast_granskad", 'Avsluta texten med `"`'),
    Mistake("unclosed single quote", KONTAKT, "beskrivning: Frågor", "beskrivning: 'Frågor", "beskrivning",
            "Avsluta texten med `'`"),
    Mistake("unclosed quote in a list item", CHEF, "  - Planera verksamheten", '  - "Planera verksamheten',
            "ansvar[2]", 'Avsluta texten med `"`'),
    Mistake("text after the closing quote", SWOT, "syfte: Få en", 'syfte: "Få" en', "syfte", "inom `'`"),
    Mistake("apostrophe inside single quotes", KONTAKT, "beskrivning: Frågor om kvalitetshandboken,",
            "beskrivning: 'Kommunens' frågor om kvalitetshandboken,", "beskrivning", 'inom `"`'),
    Mistake("backslash in double quotes", KONTAKT, KONTAKT_TEXT, 'beskrivning: "Mallar finns i G:\\delat\\kvalitet"',
            "beskrivning", "enkla citattecken"),
    # Brackets
    Mistake("unclosed bracket", SWOT, "faser: [planering]", "faser: [planering", "faser", "`]`"),
    Mistake("unclosed bracket in roles", CHEF, "rapporterar_till: [forvaltningschef]",
            "rapporterar_till: [forvaltningschef", "rapporterar_till", "`]`"),
    Mistake("unclosed brace", CHEF, "rapporterar_till: [forvaltningschef]", "rapporterar_till: {forvaltningschef",
            "rapporterar_till", "`}`"),
    Mistake("extra closing bracket", SWOT, "faser: [planering]", "faser: [planering]]", "faser", "Ta bort"),
    Mistake("empty item in a flow list", SWOT, "faser: [planering]", "faser: [, planering]", "faser",
            "kommatecknet"),
    Mistake("tips item is a Markdown link", SWOT, "  - Spara bilder", "  - [Mallen](https://intranat.exempelkommun"
            ".se/mall) hjälper. Spara bilder", "tips[4]", "citattecken"),
    Mistake("purpose starting with a bracket", SWOT, "syfte: Få en", "syfte: [Viktigt] Få en", "syfte",
            "citattecken"),
    Mistake("purpose starting with a brace", SWOT, "syfte: Få en", "syfte: {Viktigt} Få en", "syfte",
            "citattecken"),
    # Special characters at the start of a value
    Mistake("tips item in bold", SWOT, "  - Låt alla", "  - **Viktigt:** Låt alla", "tips[2]", "citattecken"),
    Mistake("tips item in italics", SWOT, "  - Låt alla", "  - *Tips* Låt alla", "tips[2]", "citattecken"),
    Mistake("tips item starting with a backtick", SWOT, "  - Låt alla", "  - `Tyst` Låt alla", "tips[2]",
            "citattecken"),
    Mistake("purpose starting with @", KONTAKT, "beskrivning: Frågor", "beskrivning: @kvalitet Frågor",
            "beskrivning", "citattecken"),
    Mistake("purpose starting with %", SWOT, "syfte: Få en", "syfte: %-sats Få en", "syfte", "citattecken"),
    Mistake("value starting with &", KONTAKT, "namn: Kvalitetsenheten", "namn: & Kvalitetsenheten", "namn",
            "citattecken"),
    Mistake("value starting with !", KONTAKT, "namn: Kvalitetsenheten", "namn: !Kvalitetsenheten", "namn",
            "citattecken"),
    Mistake("value starting with !!", KONTAKT, "namn: Kvalitetsenheten", "namn: !!int Kvalitetsenheten", "namn",
            "citattecken"),
    Mistake("value starting with ?", KONTAKT, "namn: Kvalitetsenheten", "namn: ? Kvalitetsenheten", "namn",
            "citattecken"),
    Mistake("value starting with a dash", SWOT, "syfte: Få en", "syfte: - Få en", "syfte", "på raderna under"),
    Mistake("text after the block marker", CHEF, "beskrivning: |", "beskrivning: | Som chef", "beskrivning",
            "på raderna under"),
    Mistake("bad block indicator", CHEF, "beskrivning: |", "beskrivning: |0", "beskrivning", "på raderna under"),
    # Files
    Mistake("document separator in the middle", SWOT, "tips:\n", "---\ntips:\n", "tips", "Ta bort raden",
            at="---\ntips"),
    Mistake("document end marker", CHEF, "ansvar:\n", "...\nansvar:\n", "ansvar", "Ta bort raden", at="...\nansvar"),
    Mistake("field name in brackets", KONTAKT, "namn: Kvalitetsenheten", "[namn]: Kvalitetsenheten", "namn",
            "utan `[ ]`"),
    Mistake("control character pasted in", KONTAKT, "namn: Kvalitetsenheten", "namn: Kvalitets\x0benheten",
            "namn", "Ta bort tecknet"),
    Mistake("impossible date", CHEF, "senast_granskad: 2026-03-09", "senast_granskad: 2026-02-30",
            "senast_granskad", "2026-02-28"),
]

SILENT = [
    # Text that YAML would drop or merge without a word
    Mistake("hash in purpose", SWOT, "syfte: Få en", "syfte: Vi vill bli bäst #1 på service. Få en", "syfte",
            "citattecken"),
    Mistake("hash in a tips item", SWOT, "  - Låt alla skriva tyst först.", "  - Låt alla skriva tyst #först.",
            "tips[2]", "citattecken"),
    Mistake("hash in a contact name", KONTAKT, "namn: Kvalitetsenheten", "namn: Kvalitetsenheten #2", "namn",
            "citattecken"),
    Mistake("field indented into the block text above", CHEF, "\nansvar:\n", "\n  ansvar:\n", "ansvar",
            "samma kolumn", at="  ansvar:"),
    Mistake("tips item indented under the one above", SWOT, "  - Låt alla skriva tyst", "    - Låt alla skriva tyst",
            "tips", "samma kolumn"),
    # Files that would be ignored
    Mistake("upper-case extension", "metoder/fiskben.YML", "", "namn: Fiskben\n", "fiskben.YML", ".yml"),
    Mistake("text file in a content folder", "metoder/fiskben.txt", "", "Anteckningar\n", "fiskben.txt", ".yml"),
    Mistake("yaml extension", "kontakter/ny.yaml", "", "namn: Ny\n", "ny.yaml", ".yml"),
    Mistake("file name with å", "metoder/åtgärdsplan.yml", "", "namn: Åtgärdsplan\n", "åtgärdsplan.yml",
            "atgardsplan.yml"),
    Mistake("file name with a space", "roller/ny roll.yml", "", "namn: Ny roll\n", "ny roll.yml", "ny-roll.yml"),
    Mistake("file in a misspelled folder", "metod/fiskben.yml", "", "namn: Fiskben\n", "metod/fiskben.yml",
            "`metoder/`"),
    # Accepted although wrong
    Mistake("method related to itself", SWOT, "relaterade_metoder: [riskanalys,",
            "relaterade_metoder: [swot, riskanalys,", "relaterade_metoder", "Ta bort `swot`"),
    Mistake("role reporting to itself", CHEF, "rapporterar_till: [forvaltningschef]",
            "rapporterar_till: [chef, forvaltningschef]", "rapporterar_till", "Ta bort `chef`"),
    Mistake("reporting cycle of two", "roller/forvaltningschef.yml", "rapporterar_till: [kommundirektor",
            "rapporterar_till: [chef, kommundirektor", "rapporterar_till", "Ta bort en av hänvisningarna",
            at="rapporterar_till: [forvaltningschef]", report=CHEF),
    Mistake("review date in the future", CHEF, "senast_granskad: 2026-03-09", "senast_granskad: 2099-03-09",
            "senast_granskad", "senast granskades"),
    Mistake("link to a page that does not exist", SWOT, "  Analysen görs bäst i grupp.",
            "  Analysen görs bäst i grupp, se [mallen](../metoder/finns-inte.md).", "beskrivning", "`../`"),
    Mistake("link one folder too shallow", SWOT, "  Analysen görs bäst i grupp.",
            "  Analysen görs bäst i grupp, se [risker](metoder/riskanalys.md).", "beskrivning",
            "Menade du `riskanalys.md`?"),
    Mistake("link to a missing heading", SWOT, "  Analysen görs bäst i grupp.",
            "  Analysen görs bäst i grupp, se [kontakt](../kontakter.md#kvalitet).", "beskrivning", "#kvalitet"),
    Mistake("link in a tips item", SWOT, "  - Spara bilder", "  - Se [mallen](../mallar/swot.md). Spara bilder",
            "tips[4]", "`../`"),
    Mistake("link in a step text", SWOT, "      Rita fyra fält", "      Rita [fyra fält](fyrfalt.md)",
            "steg[2].text", "`../`"),
    Mistake("chapter links to a missing page", "../docs/om/test.md", "",
            "# Test\n\nLäs [SWOT](../metoder/swot.md) och\n[styrningen](../styrning/finns-inte.md).\n",
            "styrning/finns-inte.md", "`../`", at="[styrningen]"),
    Mistake("chapter links to a missing heading", "../docs/om/test.md", "",
            "# Test\n\n## Så gör du\n\nSe [nedan](#sa-gor-du) och [fel](#så-gör-du).\n", "#så-gör-du",
            "små bokstäver", at="Se [nedan]"),
]

MESSAGES = [
    # Values shown as written, never as Python
    Mistake("empty phase in a list", SWOT, "faser: [planering]", "faser:\n  - planering\n  -", "faser[2]",
            "Skriv ett av: planering", at="  -\n"),
    Mistake("no as a part of the organisation", CHEF, "del_av: verksamhet", "del_av: no", "del_av",
            "Skriv ett av"),
    Mistake("version written as a number", META, 'version: "6.0"', "version: 6.10", "version",
            "citattecken"),
    Mistake("purpose as a list", SWOT, "syfte: Få en gemensam", "syfte:\n  - Få en gemensam", "syfte",
            "inte en lista", at="  - Få en gemensam"),
    Mistake("responsibility with a colon", CHEF, "  - Se till att", "  - Se till: att", "ansvar[4]",
            "citattecken"),
    Mistake("phase misspelt", SWOT, "faser: [planering]", "faser: [planeringen]", "faser[1]",
            "Menade du `planering`?"),
    Mistake("phase capitalised", SWOT, "faser: [planering]", "faser: [Planering]", "faser[1]", "Skriv ett av"),
    Mistake("part of the organisation capitalised", CHEF, "del_av: verksamhet", "del_av: Verksamhet", "del_av",
            "Skriv ett av"),
    Mistake("field name misspelt", SWOT, "syfte: Få en", "syftet: Få en", "syftet", "Menade du `syfte`"),
    Mistake("required field missing", CHEF, "namn: Chef\n", "", "namn", "Lägg till `namn:`", at="del_av:"),
    Mistake("date in words", CHEF, "senast_granskad: 2026-03-09", "senast_granskad: förra veckan",
            "senast_granskad", "ÅÅÅÅ-MM-DD"),
    Mistake("date with a time", CHEF, "senast_granskad: 2026-03-09", "senast_granskad: 2026-03-09 10:30:00",
            "senast_granskad", "utan klockslag"),
    Mistake("date in Swedish order", CHEF, "senast_granskad: 2026-03-09", "senast_granskad: 09-03-2026",
            "senast_granskad", "ÅÅÅÅ-MM-DD"),
    Mistake("review interval in words", CHEF, "senast_granskad: 2026-03-09",
            "senast_granskad: 2026-03-09\ngranskningsintervall_månader: tolv", "granskningsintervall_månader",
            "heltal", at="granskningsintervall"),
    Mistake("review interval zero", CHEF, "senast_granskad: 2026-03-09",
            "senast_granskad: 2026-03-09\ngranskningsintervall_månader: 0", "granskningsintervall_månader",
            "mellan 1 och 60", at="granskningsintervall"),
    Mistake("owner with a capital letter", CHEF, "ägare: forvaltningschef", "ägare: Forvaltningschef", "ägare",
            "små bokstäver"),
    Mistake("owner that does not exist", CHEF, "ägare: forvaltningschef", "ägare: forvaltningschefen", "ägare",
            "Menade du `forvaltningschef`"),
    Mistake("contact misspelt", SWOT, "kontakter: [kvalitetsenheten]", "kontakter: [kvalitetsenhet]",
            "kontakter", "Menade du `kvalitetsenheten`?"),
    Mistake("calculator misspelt", "metoder/riskanalys.yml", "räknare: [risk]", "räknare: [risken]", "räknare",
            "Menade du `risk`?"),
    Mistake("e-mail without @", KONTAKT, "epost: kvalitet@exempelkommun.se", "epost: kvalitet(at)exempelkommun.se",
            "epost", "e-postadress"),
    Mistake("phone with letters", KONTAKT, "telefon: 08-465 004 10", "telefon: växeln", "telefon",
            "telefonnummer"),
    Mistake("intranet without https", KONTAKT, "intranät: https://intranat", "intranät: intranat", "intranät",
            "https://"),
    Mistake("link without https", SWOT, "    url: https://intranat.exempelkommun.se/kvalitet/swot",
            "    url: intranat.exempelkommun.se/kvalitet/swot", "länkar[1].url", "https://"),
    Mistake("change type misspelt", SWOT, "    typ: större", "    typ: stor", "ändringslogg[1].typ",
            "Menade du `större`?"),
    Mistake("purpose on two lines", SWOT, "syfte: Få en", "syfte: |\n  Första raden.\n  Få en", "syfte",
            "en enda rad"),
    Mistake("empty description", KONTAKT, KONTAKT_TEXT, "beskrivning:", "beskrivning", "saknar värde"),
    Mistake("no responsibilities", "roller/ny-roll.yml", "", ROLE_HEADER + "namn: Ny roll\ndel_av: stöd\n"
            "beskrivning: Stödjer.\nansvar: []\nägare: chef\nsenast_granskad: 2026-03-09\n", "ansvar",
            "minst 1 punkt", at="ansvar"),
    Mistake("field written twice", CHEF, "senast_granskad: 2026-03-09",
            "senast_granskad: 2026-03-09\nnamn: Chef igen", "namn", "Ta bort det ena", at="namn: Chef igen"),
    Mistake("schema line removed", KONTAKT, "# yaml-language-server: $schema=../../schemas/kontakt.schema.json\n",
            "", "# yaml-language-server", "Lägg till raden", at="namn:"),
    Mistake("empty file", "kontakter/tom.yml", "", "", "namn", "Fyll i fälten"),
]

ALL = SYNTAX + SILENT + MESSAGES
