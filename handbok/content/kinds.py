"""The one registry of content kinds: each kind's folder, word, model, schema, pages and references.

Validation, schemas, backlinks, `handbok new`, the review report and the page generator all derive from it,
so a new kind (or a renamed folder) is one entry here and a model in `model.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbok.content.model import Contact, Method, Model, Reviewed, Role


@dataclass(frozen=True)
class Kind:
    folder: str
    """Content folder (`handbook/<folder>/<id>.yml`), also the URL prefix of the kind's pages."""
    word: str
    """Singular Swedish word: the schema file stem and the word `handbok new` takes."""
    model: type[Reviewed]
    attribute: str
    """The `Handbook` attribute holding the kind's entries."""
    title: str
    description: str
    """Title and hover text of the kind's JSON schema."""
    index: str
    """The page that lists every entry of the kind."""
    own_pages: bool = True
    """Whether each entry gets a page of its own; otherwise it is a section of the index page."""

    def page(self, entry_id: str) -> str:
        """Site path of an entry's page: `metoder/swot.md`, or `kontakter.md#it-stod` for a section."""
        return f"{self.folder}/{entry_id}.md" if self.own_pages else f"{self.index}#{entry_id}"


KINDS: dict[str, Kind] = {kind.folder: kind for kind in (
    Kind("modeller", "modell", Model, "models", "Modell",
         "En gemensam modell i kvalitetshandboken (handbook/modeller/<id>.yml).", "modeller/index.md"),
    Kind("metoder", "metod", Method, "methods", "Metod",
         "En metod eller ett verktyg i kvalitetshandboken (handbook/metoder/<id>.yml).", "metoder/index.md"),
    Kind("roller", "roll", Role, "roles", "Roll",
         "En roll i organisationen (handbook/roller/<id>.yml).", "roller/index.md"),
    Kind("kontakter", "kontakt", Contact, "contacts", "Kontakt",
         "En funktion eller brevlåda man kan vända sig till (handbook/kontakter/<id>.yml).", "kontakter.md",
         own_pages=False),
)}
"""Content folder -> kind, in the handbook's order."""
BY_WORD: dict[str, Kind] = {kind.word: kind for kind in KINDS.values()}

CALCULATORS = "räknare"
REFERENCES: dict[str, str] = {"ägare": "roller", "roller": "roller", "rapporterar_till": "roller",
                              "kontakter": "kontakter", "relaterade_metoder": "metoder", "huvudmetod": "metoder",
                              "räknare": CALCULATORS}
"""Field alias -> what its value names: a content folder, or the calculators."""

OVERVIEW = "oversikt.md"
"""The generated overview of models and methods; with the index pages, the pages made from the content."""

Ref = tuple[str, str]
"""(kind folder, id), e.g. ("metoder", "swot")."""


def calculator_names() -> tuple[str, ...]:
    """What a `räknare` reference may name; imported lazily so the core stays light."""
    import calculators

    return tuple(calculators.NAMES)


def page_path(ref: Ref) -> str:
    """Site path of the page (or section) showing an entry."""
    return KINDS[ref[0]].page(ref[1])
