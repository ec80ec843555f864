"""Typed content model of the handbook.

Attribute names are English; every field has the Swedish alias an editor writes in YAML and a Swedish
`title`/`description`, which the JSON Schema for editor autocomplete is generated from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Phase = Literal["planering", "genomförande", "uppföljning"]
PHASE_NAMES: dict[str, str] = {
    "planering": "Planering",
    "genomförande": "Genomförande",
    "uppföljning": "Uppföljning med analys",
}
PartOf = Literal["politisk_organisation", "ledning", "stöd", "verksamhet"]
PART_OF_NAMES: dict[str, str] = {
    "politisk_organisation": "Politisk organisation",
    "ledning": "Ledning",
    "stöd": "Stöd",
    "verksamhet": "Verksamhet",
}


def _one_line(value: str) -> str:
    if "\n" in value.strip():
        raise PydanticCustomError(
            "one_line", "ska vara en enda rad. Korta ner texten och flytta detaljerna till `beskrivning`"
        )
    return value.strip()


def _entry_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "entry_id",
            "har värdet `{value}`, som inte är ett giltigt id. Skriv filnamnet utan .yml: små bokstäver a–z, "
            "siffror och bindestreck, t.ex. `kvalitetsenheten`",
            {"value": value},
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A short plain text; must not be empty."""
OneLine = Annotated[Text, AfterValidator(_one_line)]
Markdown = Annotated[str, StringConstraints(min_length=1)]
"""Markdown text inserted into the page as-is."""
EntryId = Annotated[str, AfterValidator(_entry_id)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s]+$")]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 \-]{4,}[0-9]$")]
Months = Annotated[int, Field(ge=1, le=60)]


class Strict(BaseModel):
    """Base: unknown fields are errors, so a typo like `syftet:` never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(Strict):
    heading: Text = Field(alias="rubrik", title="Rubrik", description="Stegets rubrik, kort och i imperativ.",
                          examples=["Samla gruppen"])
    text: Markdown | None = Field(None, alias="text", title="Text",
                                  description="Vad steget innebär (Markdown). Frivilligt.")


class Link(Strict):
    title: Text = Field(alias="titel", title="Titel", description="Länktexten som visas på sidan.",
                        examples=["Mall för SWOT-analys"])
    url: Url = Field(alias="url", title="Adress", description="Webbadress som börjar med https://.",
                     examples=["https://intranat.exempelkommun.se/kvalitet/swot"])


class Change(Strict):
    date: dt.date = Field(alias="datum", title="Datum", description="Dagen då ändringen gjordes (ÅÅÅÅ-MM-DD).",
                          examples=["2026-02-01"])
    kind: Literal["större", "mindre"] = Field(
        alias="typ", title="Typ av ändring",
        description="`större` om innehållet ändras i sak (visas under Nytt i handboken), annars `mindre`.")
    change: Text = Field(alias="ändring", title="Ändring", description="Vad som ändrades, i en mening.")
    reason: Text | None = Field(None, alias="motivering", title="Motivering",
                                description="Varför ändringen gjordes. Frivilligt.")


class Reviewed(Strict):
    """Fields every entry has: who owns it and when it was last reviewed."""

    owner: EntryId = Field(alias="ägare", title="Ägare",
                           description="Id för rollen som äger innehållet (filnamnet i handbook/roller/).",
                           examples=["kvalitetssamordnare"])
    last_reviewed: dt.date = Field(alias="senast_granskad", title="Senast granskad",
                                   description="Datum då innehållet senast granskades (ÅÅÅÅ-MM-DD).",
                                   examples=["2026-02-01"])
    review_months: Months | None = Field(
        None, alias="granskningsintervall_månader", title="Granskningsintervall i månader",
        description="Antal månader mellan granskningar (1–60). Utelämna för handbokens standardvärde.",
        examples=[12])
    changelog: list[Change] = Field(default_factory=list, alias="ändringslogg", title="Ändringslogg",
                                    description="Lista över ändringar, den senaste först.")


class Guide(Reviewed):
    """Shared fields of models and methods: both are pages that guide a reader through work."""

    name: Text = Field(alias="namn", title="Namn", description="Namnet som visas som sidans rubrik.",
                       examples=["SWOT-analys"])
    purpose: OneLine = Field(alias="syfte", title="Syfte",
                             description="En mening om vad det är till för. Visas i översiktstabellerna.",
                             examples=["Ringa in styrkor, svagheter, möjligheter och hot inför planering."])
    description: Markdown = Field(alias="beskrivning", title="Beskrivning",
                                  description="Inledande beskrivning (Markdown).")
    when_to_use: Markdown = Field(alias="när_använda", title="När använder du den?",
                                  description="I vilka lägen den passar (Markdown).")
    tips: list[Markdown] = Field(default_factory=list, alias="tips", title="Tips",
                                 description="Lista med korta råd (Markdown).")
    roles: list[EntryId] = Field(default_factory=list, alias="roller", title="Roller",
                                 description="Id för roller som är inblandade (filnamn i handbook/roller/).",
                                 examples=[["kvalitetssamordnare"]])
    contacts: list[EntryId] = Field(default_factory=list, alias="kontakter", title="Kontakter",
                                    description="Id för kontakter som ger stöd (filnamn i handbook/kontakter/).",
                                    examples=[["kvalitetsenheten"]])
    related_methods: list[EntryId] = Field(
        default_factory=list, alias="relaterade_metoder", title="Relaterade metoder",
        description="Id för metoder som hänger ihop med den här (filnamn i handbook/metoder/).",
        examples=[["swot"]])
    links: list[Link] = Field(default_factory=list, alias="länkar", title="Länkar",
                              description="Lista med länkar, var och en med `titel` och `url`.")


class Method(Guide):
    phases: list[Phase] = Field(alias="faser", min_length=1, title="Faser",
                                description="I vilka faser metoden används: planering, genomförande, uppföljning.",
                                examples=[["planering", "uppföljning"]])
    steps: list[Step] = Field(alias="steg", min_length=1, title="Steg",
                              description="Stegen i ordning, vart och ett med `rubrik` och valfri `text`.")
    calculators: list[Text] = Field(default_factory=list, alias="räknare", title="Räknare",
                                    description="Namn på räknare som ska visas på sidan.",
                                    examples=[["quality_gap"]])


class Model(Guide):
    steps: list[Step] = Field(default_factory=list, alias="steg", title="Steg",
                              description="Stegen i ordning, vart och ett med `rubrik` och valfri `text`.")
    main_method: EntryId | None = Field(None, alias="huvudmetod", title="Huvudmetod",
                                        description="Id för modellens viktigaste metod (filnamn i handbook/metoder/).",
                                        examples=["processkartlaggning"])


class Role(Reviewed):
    name: Text = Field(alias="namn", title="Namn", description="Rollens namn.", examples=["Kvalitetssamordnare"])
    part_of: PartOf = Field(alias="del_av", title="Del av",
                            description="Var rollen finns: politisk_organisation, ledning, stöd eller verksamhet.",
                            examples=["stöd"])
    description: Markdown = Field(alias="beskrivning", title="Beskrivning",
                                  description="Vad rollen är (Markdown).")
    responsibilities: list[Markdown] = Field(alias="ansvar", min_length=1, title="Ansvar",
                                             description="Lista med rollens ansvar, en punkt per ansvar.")
    contacts: list[EntryId] = Field(default_factory=list, alias="kontakter", title="Kontakter",
                                    description="Id för kontakter som stödjer rollen (filnamn i handbook/kontakter/).",
                                    examples=[["kvalitetsenheten"]])
    reports_to: list[EntryId] = Field(default_factory=list, alias="rapporterar_till", title="Rapporterar till",
                                      description="Id för roller som den här rollen rapporterar till.",
                                      examples=[["forvaltningschef"]])


class Contact(Reviewed):
    name: Text = Field(alias="namn", title="Namn",
                       description="En funktion eller brevlåda, aldrig en enskild person.",
                       examples=["Kvalitetsenheten"])
    description: OneLine = Field(alias="beskrivning", title="Beskrivning",
                                 description="En rad om vad man kan fråga om.",
                                 examples=["Frågor om handboken och kommunens kvalitetsarbete."])
    email: Email | None = Field(None, alias="epost", title="E-post",
                                description="Funktionsbrevlåda.", examples=["kvalitet@exempelkommun.se"])
    phone: Phone | None = Field(None, alias="telefon", title="Telefon", description="Telefonnummer.",
                                examples=["010-123 45 67"])
    intranet: Url | None = Field(None, alias="intranät", title="Intranät",
                                 description="Adress till sidan på intranätet.",
                                 examples=["https://intranat.exempelkommun.se/kvalitet"])


class Decision(Strict):
    body: Text = Field(alias="organ", title="Beslutande organ", examples=["Kommunstyrelsen"],
                       description="Vem som fattade beslutet.")
    reference: Text = Field(alias="referens", title="Diarienummer", examples=["KS 2026/0142"],
                            description="Beslutets diarienummer eller referens.")
    date: dt.date = Field(alias="datum", title="Datum", examples=["2026-03-16"],
                          description="Beslutsdatum (ÅÅÅÅ-MM-DD).")


class Version(Strict):
    version: Text = Field(alias="version", title="Version", examples=["6.0"],
                          description="Versionsnummer inom citattecken.")
    date: dt.date = Field(alias="datum", title="Datum", examples=["2026-03-16"], description="ÅÅÅÅ-MM-DD.")
    decision: Text = Field(alias="beslut", title="Beslut", examples=["KS 2026/0142"],
                           description="Beslutets referens.")
    comment: Text | None = Field(None, alias="kommentar", title="Kommentar",
                                 description="Vad som är nytt i versionen.")


class Shortcoming(Strict):
    shortcoming: Text = Field(alias="brist", title="Brist",
                              description="Vad som inte är tillgängligt och för vem, i en eller två meningar.")
    reason: Literal["bristande förenlighet", "oskäligt betungande", "utanför lagens tillämpningsområde"] = Field(
        alias="orsak", title="Orsak",
        description="Varför innehållet inte är tillgängligt, med lagens tre skäl: bristande förenlighet, "
                    "oskäligt betungande eller utanför lagens tillämpningsområde.")
    plan: Text | None = Field(None, alias="åtgärd", title="Åtgärd",
                              description="Vad som görs åt bristen och när. Frivilligt.")


class Accessibility(Strict):
    """What Digg requires in an accessibility statement (lagen om tillgänglighet till digital offentlig service)."""

    service: Text = Field(alias="tjänst", title="Tjänst", examples=["Kvalitetshandboken på intranätet"],
                          description="Namnet på webbplatsen eller tjänsten som redogörelsen gäller.")
    status: Literal["fullt förenlig", "delvis förenlig", "inte förenlig"] = Field(
        alias="status", title="Förenlighet", description="Hur väl tjänsten uppfyller kraven: fullt förenlig, "
                                                         "delvis förenlig eller inte förenlig.")
    shortcomings: list[Shortcoming] = Field(default_factory=list, alias="brister", title="Kända brister",
                                            description="Innehåll som inte är tillgängligt, med orsak.")
    method: Text = Field(alias="bedömningsmetod", title="Bedömningsmetod",
                         examples=["Egen granskning med automatiska tester och manuell kontroll med skärmläsare."],
                         description="Hur tjänstens tillgänglighet har bedömts.")
    assessed: dt.date = Field(alias="bedömd", title="Bedömd", description="Dagen bedömningen gjordes (ÅÅÅÅ-MM-DD).")
    updated: dt.date = Field(alias="uppdaterad", title="Uppdaterad",
                             description="Dagen redogörelsen senast uppdaterades (ÅÅÅÅ-MM-DD).")
    response_days: Annotated[int, Field(ge=1, le=60)] = Field(
        alias="svarstid_arbetsdagar", title="Svarstid i arbetsdagar", examples=[5],
        description="Inom hur många arbetsdagar den som rapporterar ett problem får svar.")


class HandbookMeta(Strict):
    organisation: Text = Field(alias="organisation", title="Organisation", examples=["Exempelkommun"],
                               description="Organisationens namn, visas på varje sida.")
    title: Text = Field(alias="titel", title="Titel", examples=["Kvalitetshandbok"],
                        description="Handbokens titel.")
    subtitle: Text | None = Field(None, alias="undertitel", title="Undertitel",
                                  description="En rad under titeln. Frivilligt.")
    version: Text = Field(alias="version", title="Version", examples=["6.0"],
                          description="Handbokens version inom citattecken, t.ex. \"6.0\".")
    decision: Decision = Field(alias="beslut", title="Beslut",
                               description="Beslutet om handboken: `organ`, `referens` och `datum`.")
    introduction: Markdown = Field(alias="introduktion", title="Introduktion",
                                   description="Inledande text (Markdown).")
    owner: EntryId = Field(alias="ägare", title="Ägare", examples=["kvalitetssamordnare"],
                           description="Id för rollen som äger handboken och dess samlingssidor (översikt, register, "
                                       "startsida).")
    last_reviewed: dt.date = Field(alias="senast_granskad", title="Senast granskad", examples=["2026-03-16"],
                                   description="Datum då samlingssidorna senast granskades (ÅÅÅÅ-MM-DD).")
    feedback_email: Email = Field(alias="återkoppling_epost", title="E-post för synpunkter",
                                  examples=["kvalitet@exempelkommun.se"],
                                  description="Dit synpunkter på en sida går när sidans ägare saknar e-post.")
    accessibility: Accessibility = Field(alias="tillgänglighet", title="Tillgänglighetsredogörelse",
                                         description="Uppgifterna i tillgänglighetsredogörelsen.")
    review_months: Months = Field(12, alias="granskningsintervall_månader",
                                  title="Granskningsintervall i månader",
                                  description="Standardintervall mellan granskningar (1–60).", examples=[12])
    versions: list[Version] = Field(default_factory=list, alias="versionshistorik", title="Versionshistorik",
                                    description="Lista över handbokens versioner.")
    internal_domains: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]] = Field(
        default_factory=list, alias="interna_domäner", title="Interna domäner",
        description="Domäner som räknas som egna: länkar dit märks inte som externa (underdomäner ingår).",
        examples=[["exempelkommun.se"]])
    risk_matrices: dict[str, Any] | None = Field(
        None, alias="riskmatriser", title="Riskmatriser",
        description="Egna riskmatriser för riskräknaren. Frivilligt.")

