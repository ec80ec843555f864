"""Real error messages for the editor guide: each example runs the real check on a small broken handbook.

The guide page holds a line `[[felexempel]]`; the plugin replaces it with `section()`. If an example stops
producing an error (the check changed), building the site fails instead of showing a stale message.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbok.content.schema import header
from handbok.site.validate import check

MARKER = re.compile(r"^\[\[felexempel\]\]\s*$", re.MULTILINE)
METHOD = "metoder/exempel.yml"

BASE: dict[str, str] = {
    "handbook.yml": f"""{header("handbok", nested=False)}
organisation: Exempelkommun
titel: Kvalitetshandbok
version: "1.0"
beslut: {{organ: Kommunstyrelsen, referens: KS 2026/0001, datum: 2026-01-12}}
introduktion: Ett exempel.
ägare: kvalitetssamordnare
senast_granskad: 2026-01-12
återkoppling_epost: kvalitet@exempelkommun.se
tillgänglighet: {{tjänst: Handboken, status: fullt förenlig, bedömningsmetod: Egen granskning., bedömd: 2026-01-12,
                 uppdaterad: 2026-01-12, svarstid_arbetsdagar: 5}}
""",
    "roller/kvalitetssamordnare.yml": f"""{header("roll")}
namn: Kvalitetssamordnare
del_av: stöd
beskrivning: Samordnar kvalitetsarbetet.
ansvar: [Stödja verksamheten.]
ägare: kvalitetssamordnare
senast_granskad: 2026-01-15
""",
    "kontakter/kvalitetsenheten.yml": f"""{header("kontakt")}
namn: Kvalitetsenheten
beskrivning: Frågor om handboken.
ägare: kvalitetssamordnare
senast_granskad: 2026-01-15
""",
    METHOD: f"""{header("metod")}
namn: Exempelmetod
syfte: Visa hur ett fel ser ut.
faser: [planering]
beskrivning: En kort beskrivning.
när_använda: När du vill se ett exempel.
steg:
  - rubrik: Gör så här
kontakter: [kvalitetsenheten]
ägare: kvalitetssamordnare
senast_granskad: 2026-01-15
""",
}
"""A valid miniature handbook; every example breaks it in one place."""


class ExampleError(Exception):
    """An example no longer shows the error it is about: the guide would drift, so the build stops."""


@dataclass(frozen=True)
class Example:
    title: str
    old: str
    new: str
    fix: str
    path: str = METHOD


EXAMPLES = [
    Example("Kolon i en text (YAML-fel)", "syfte: Visa hur ett fel ser ut.", "syfte: Mål: bättre service",
            'Sätt hela texten inom citattecken: `syfte: "Mål: bättre service"`.'),
    Example("Fel indrag (YAML-fel)", "syfte: Visa hur ett fel ser ut.", "  syfte: Visa hur ett fel ser ut.",
            "Ta bort mellanslagen först på raden, så att fältet börjar i samma kolumn som fälten ovanför."),
    Example("Kolon saknas efter fältnamnet (YAML-fel)", "ägare: kvalitetssamordnare", "ägare kvalitetssamordnare",
            "Skriv ett kolon direkt efter fältnamnet och ett mellanslag efter kolonet."),
    Example("Citattecken som aldrig stängs (YAML-fel)", "syfte: Visa hur ett fel ser ut.",
            'syfte: "Visa hur ett fel ser ut.',
            "Avsluta texten med samma sorts citattecken som den börjar med, på samma rad."),
    Example("Text som börjar med ett specialtecken (YAML-fel)", "när_använda: När du vill se ett exempel.",
            "när_använda: **Alltid** när du vill se ett exempel.",
            'Sätt hela texten inom citattecken: `när_använda: "**Alltid** när du vill se ett exempel."`.'),
    Example("Text efter # försvinner", "syfte: Visa hur ett fel ser ut.", "syfte: Bli bäst #1 på service.",
            'Sätt hela texten inom citattecken: `syfte: "Bli bäst #1 på service."`. En kommentar på en egen rad '
            "som börjar med `#` är tillåten."),
    Example("Länk till en sida som inte finns", "beskrivning: En kort beskrivning.",
            "beskrivning: Se [mallen](../metoder/finns-inte.md).",
            "Skriv sökvägen till sidan från den här sidan: `../metoder/swot.md` för en metod, "
            "`../kontakter.md#kvalitetsenheten` för en kontakt."),
    Example("En metod som hänvisar till sig själv", "kontakter: [kvalitetsenheten]",
            "kontakter: [kvalitetsenheten]\nrelaterade_metoder: [exempel]",
            "Ta bort metodens eget id ur `relaterade_metoder`."),
    Example("Granskad i framtiden", "senast_granskad: 2026-01-15", "senast_granskad: 2099-01-15",
            "Skriv dagen då sidan faktiskt granskades, i dag eller tidigare."),
    Example("Ett obligatoriskt fält saknas", "namn: Exempelmetod\nsyfte: Visa hur ett fel ser ut.\n",
            "namn: Exempelmetod\n",
            "Lägg till fältet med ett värde. Hjälptexten i meddelandet säger vad som ska stå där."),
    Example("Fel sorts värde", "senast_granskad: 2026-01-15", "senast_granskad: förra veckan",
            "Skriv ett datum på formen ÅÅÅÅ-MM-DD, till exempel `senast_granskad: 2026-03-01`."),
    Example("Ett datum som inte finns", "senast_granskad: 2026-01-15", "senast_granskad: 2026-02-30",
            "Kontrollera dagen och månaden. Februari har 28 dagar (29 under skottår)."),
    Example("Okänt fält (stavfel)", "syfte: Visa", "syftet: Visa",
            "Rätta stavningen. Meddelandet föreslår det fält du troligen menade och listar alla tillåtna fält."),
    Example("Ett värde som inte finns i listan", "faser: [planering]", "faser: [planeringen]",
            "Välj ett av de värden som meddelandet räknar upp. I VS Code får du förslag när du skriver."),
    Example("Hänvisning till något som inte finns", "kontakter: [kvalitetsenheten]",
            "kontakter: [kvalitetsenhet]",
            "Skriv id för en befintlig kontakt, alltså filnamnet utan `.yml`, eller skapa kontakten först med "
            "`uv run handbok new kontakt <id>`."),
    Example("Kod som inte är tillåten i texten", "beskrivning: En kort beskrivning.",
            'beskrivning: Se <a href="javascript:alert(1)">mallen</a>.',
            "Skriv länken i Markdown med en vanlig adress: `[mallen](https://intranat.exempelkommun.se/mall)`."),
    Example("Första raden saknas", header("metod") + "\n", "",
            "Lägg tillbaka raden överst i filen. Den gör att VS Code kan föreslå fält och visa hjälp. "
            "`uv run handbok new` skriver den åt dig."),
    Example("Fel filändelse", "", "# en kopia av exempel.yml med ändelsen .yaml",
            "Byt namn på filen så att den slutar på `.yml`, eller ta bort den om den är en kopia.",
            "metoder/exempel.yaml"),
]


def message(example: Example) -> str:
    """The error the real check reports on the broken line (or else its first error)."""
    files = dict(BASE)
    if example.path in files:
        if example.old not in files[example.path]:
            raise ExampleError(f"Exemplet {example.title!r} hittar inte texten det ska ändra.")
        files[example.path] = files[example.path].replace(example.old, example.new, 1)
    else:
        files[example.path] = BASE[METHOD]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "schemas").mkdir()
        for relative, text in files.items():
            (root / "handbook" / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / "handbook" / relative).write_text(text, encoding="utf-8")
        _, errors = check(root / "handbook")
    text = files[example.path]
    line = text[: text.index(example.new)].count("\n") + 1 if example.new in text else 1
    here = [e for e in errors if e.line == line and e.path.endswith(example.path)] or errors
    if not here:
        raise ExampleError(f"Exemplet {example.title!r} i redigeringsguiden ger inte längre något fel.")
    return str(here[0])


def _snippet(example: Example) -> str:
    if example.path not in BASE:
        return f"handbook/metoder/exempel.yml\nhandbook/{example.path}"
    return example.new.strip() or "namn: Exempelmetod   # raden med yaml-language-server saknas"


@cache
def section() -> str:
    """Markdown: one example per error class with the real message and how to fix it."""
    parts = []
    for example in EXAMPLES:
        language = "text" if example.path not in BASE else "yaml"
        parts.append(f"### {example.title}\n\nI filen står:\n\n```{language}\n{_snippet(example)}\n```\n\n"
                     f"`handbok check` svarar:\n\n```text\n{message(example)}\n```\n\n"
                     f"**Så rättar du:** {example.fix}\n")
    return "\n".join(parts)


def insert(markdown: str) -> str:
    """Replace the `[[felexempel]]` line, if the page has one."""
    return MARKER.sub(lambda _: section(), markdown) if MARKER.search(markdown) else markdown
