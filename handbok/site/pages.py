"""Render the validated handbook into Markdown pages (site path -> Markdown) through Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from functools import cache

import jinja2

from handbok.content import changes, chapters
from handbok.content.handbook import Handbook
from handbok.content.kinds import KINDS, OVERVIEW, Ref, page_path
from handbok.content.model import NEED_NAMES, PART_OF_NAMES, PHASE_NAMES, Model, Reviewed, Term

INDEX_PAGES = {kind.folder: kind.index for kind in KINDS.values() if kind.own_pages}
CONTACTS = KINDS["kontakter"].index
CARDS = "metodkort"
"""Folder of the printable method cards, one page per method."""
STATEMENT = "om/tillganglighet.md"
GLOSSARY = "ordlista.md"
LIST_TITLES = {
    "modeller": ("Modeller", ("Modellerna beskriver hur vi arbetar i stort. De gäller hela organisationen, och de "
                              "flesta har en huvudmetod.")),
    "metoder": ("Metoder och verktyg", "Metoderna och verktygen hjälper dig att planera, genomföra och följa upp."),
}


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbok.site", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown, and Markdown from YAML is inserted as-is
    )
    env.filters.update(cell=table_cell, tel=tel_uri, phase=PHASE_NAMES.__getitem__,
                       part_of=PART_OF_NAMES.__getitem__, need=NEED_NAMES.__getitem__, slug=slug)
    return env


def table_cell(text: str) -> str:
    """Make text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def slug(value: str) -> str:
    """`förstå_nuläget` -> `forsta-nulaget`: an id the HTML policy accepts (ASCII letters, digits, hyphens)."""
    ascii_only = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


def tel_uri(phone: str) -> str:
    """`010-123 45 67` -> `+46101234567` (Swedish numbers in international form for tel: links)."""
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits if digits.startswith("+") else "+46" + digits.removeprefix("0")



def card_path(method_id: str) -> str:
    """Site path of a method's printable card."""
    return f"{CARDS}/{method_id}.md"


def _linker(handbook: Handbook, here: str) -> Callable[[Ref], str]:
    base = posixpath.dirname(here)

    def link(ref: Ref) -> str:
        target = page_path(ref)
        path, _, fragment = target.partition("#")
        relative = posixpath.relpath(path, base or ".") + (f"#{fragment}" if fragment else "")
        name = handbook.name(ref).replace("[", "\\[").replace("]", "\\]")
        return f"[{name}]({relative})"

    return link


def page_url(here: str) -> str:
    """Site path `metoder/swot.md` -> the page's address relative to the site, `metoder/swot/`."""
    path = here.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def feedback_address(handbook: Handbook, role_id: str) -> str:
    """The e-mail of the owner role's first contact that has one, else the handbook's feedback address."""
    role = handbook.roles.get(role_id)
    emails = [handbook.contacts[c].email for c in (role.contacts if role else []) if c in handbook.contacts]
    return next((email for email in emails if email), handbook.meta.feedback_email)


def _mailer(handbook: Handbook, here: str) -> Callable[[str, str, str], str]:
    def mailto(role_id: str, topic: str, title: str) -> str:
        """A mailto: link to the page owner with the page's title and address; readers.js makes it absolute."""
        query = urllib.parse.urlencode({"subject": f"{topic}: {title}",
                                        "body": f"Sida: {title}\nAdress: {page_url(here) or './'}\n\n"},
                                       quote_via=urllib.parse.quote)
        return f"mailto:{feedback_address(handbook, role_id)}?{query}"

    return mailto


def _by_name(items: dict) -> list:
    return sorted(items.items(), key=lambda item: item[1].name.casefold())


def render_pages(handbook: Handbook, today: dt.date | None = None) -> dict[str, str]:
    """Every generated page: site path (relative to docs) -> Markdown."""
    renderer = _Renderer(handbook, today or dt.date.today())
    pages = {OVERVIEW: renderer.render("overview.md.j2", OVERVIEW, models=_by_name(handbook.models),
                                       methods=_by_name(handbook.methods)),
             CONTACTS: renderer.render("contacts.md.j2", CONTACTS, contacts=_by_name(handbook.contacts))}
    title, intro = LIST_TITLES["modeller"]
    pages[INDEX_PAGES["modeller"]] = renderer.render("list.md.j2", INDEX_PAGES["modeller"], title=title, intro=intro,
                                                     kind="modeller", entries=_by_name(handbook.models))
    pages[INDEX_PAGES["metoder"]] = renderer.methods_index()
    groups = [(part, [(i, r) for i, r in _by_name(handbook.roles) if r.part_of == part]) for part in PART_OF_NAMES]
    pages[INDEX_PAGES["roller"]] = renderer.render("roles_index.md.j2", INDEX_PAGES["roller"],
                                                   groups=[(part, roles) for part, roles in groups if roles])
    for kind in ("modeller", "metoder"):
        for entry_id in handbook.entries(kind):
            pages[page_path((kind, entry_id))] = renderer.guide(kind, entry_id)
    for method_id, method in handbook.methods.items():
        pages[card_path(method_id)] = renderer.render("method_card.md.j2", card_path(method_id), entry_id=method_id,
                                                      entry=method)
    for role_id in handbook.roles:
        pages[page_path(("roller", role_id))] = renderer.role(role_id)
    pages[changes.PAGE] = renderer.render("nytt.md.j2", changes.PAGE, changes=changes.latest(handbook))
    pages[STATEMENT] = renderer.render("statement.md.j2", STATEMENT)
    if handbook.glossary:
        pages[GLOSSARY] = renderer.render("glossary.md.j2", GLOSSARY, terms=handbook.glossary)
    return pages


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """Term -> the explanation its `<abbr title>` shows wherever a page uses it (Python-Markdown's `abbr`)."""
    return {t.term: f"{t.stands_for}: {t.explanation}" if t.stands_for else t.explanation for t in terms}


def page_sources(handbook: Handbook) -> dict[str, str]:
    """Generated page -> the YAML file (relative to the content folder) an editor changes to edit it."""
    sources = {page_path(ref): source for ref, source in handbook.sources.items() if ref[0] != "kontakter"}
    return sources | {card_path(ref[1]): source for ref, source in handbook.sources.items() if ref[0] == "metoder"}


def with_review(markdown: str, handbook: Handbook, here: str, review: Reviewed, today: dt.date) -> str:
    """A hand-written chapter with the overdue notice under its heading, owner, dates and feedback at its end."""
    heading = re.search(r"^# (.*)$", markdown, re.MULTILINE)
    macros = _Renderer(handbook, today).macros(here)
    title = heading.group(1).strip() if heading else handbook.meta.title
    warning, footer = macros.review_warning(review), macros.review_footer(review, title)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n\n{warning}\n{markdown[at:].rstrip()}\n\n{footer}\n"


class _Renderer:
    def __init__(self, handbook: Handbook, today: dt.date) -> None:
        self.handbook = handbook
        self.today = today

    def render(self, template: str, here: str, **context) -> str:
        return _environment().get_template(template).render(
            handbook=self.handbook, today=self.today, link=_linker(self.handbook, here),
            mailto=_mailer(self.handbook, here), page_review=chapters.handbook_review(self.handbook), **context)

    def macros(self, here: str):
        """The review macros of `_macros.md.j2`, bound to this page's links."""
        return _environment().get_template("_macros.md.j2").make_module(
            {"handbook": self.handbook, "today": self.today, "link": _linker(self.handbook, here),
             "mailto": _mailer(self.handbook, here)})

    def guide(self, kind: str, entry_id: str) -> str:
        entry = self.handbook.models[entry_id] if kind == "modeller" else self.handbook.methods[entry_id]
        backlinks = self.handbook.backlinks.get((kind, entry_id), [])
        related = [("metoder", m) for m in entry.related_methods]
        if isinstance(entry, Model) and entry.main_method:
            related.insert(0, ("metoder", entry.main_method))
        if kind == "metoder":
            related += [ref for ref in backlinks if ref[0] == "metoder"]
        here = page_path((kind, entry_id))
        return self.render("guide.md.j2", here, kind=kind, entry=entry,
                           card=posixpath.relpath(card_path(entry_id), posixpath.dirname(here)),
                           related=list(dict.fromkeys(related)),
                           models=[ref for ref in backlinks if ref[0] == "modeller"] if kind == "metoder" else [])

    def methods_index(self) -> str:
        """The method finder: every method grouped by phase and by need; metodval.js adds filters."""
        methods = _by_name(self.handbook.methods)
        by_phase = [(phase, [(i, m) for i, m in methods if phase in m.phases]) for phase in PHASE_NAMES]
        by_need = [(need, [(i, m) for i, m in methods if need in m.needs]) for need in NEED_NAMES]
        title, intro = LIST_TITLES["metoder"]
        return self.render("methods_index.md.j2", INDEX_PAGES["metoder"], title=title, intro=intro,
                           by_phase=[group for group in by_phase if group[1]],
                           by_need=[group for group in by_need if group[1]])

    def role(self, role_id: str) -> str:
        backlinks = self.handbook.backlinks.get(("roller", role_id), [])
        role = self.handbook.roles[role_id]
        return self.render("role.md.j2", page_path(("roller", role_id)), entry=role,
                           reports_to=[("roller", r) for r in role.reports_to],
                           reporting=[ref for ref in backlinks if ref[0] == "roller"],
                           users=[ref for ref in backlinks if ref[0] != "roller"],
                           owned=self.handbook.owned.get(role_id, []))
