"""The whole handbook as one PDF for print and archive: a post-step on the built site.

The PDF shows what the site shows: each page's <article> is read from the built HTML, whichever
engine wrote it. The handbook model gives the order and the title page: the chapters in the order
of mkdocs.yml's nav, then models, methods, calculators, roles, contacts, appendices, and last
"Nytt i handboken" with the version history. WeasyPrint lays it out as tagged PDF/A-2u and may read
only files inside the site folder, so the build makes no network request.

Run `python -m handbok.site.pdf [site]` after the site is built; `make pdf` does both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import jinja2
import tinyhtml5
import weasyprint
import yaml
from markupsafe import Markup
from weasyprint.urls import FatalURLFetchingError

from handbok.content import changes
from handbok.content.handbook import Handbook
from handbok.site.pages import CONTACTS, INDEX_PAGES, OVERVIEW, page_path
from handbok.site.validate import check

PDF_DIR = "pdf"
OPTIONS = {"pdf_variant": "pdf/a-2u", "pdf_tags": True}
"""PDF/A-2u for the archive, tagged (structure tree, language, headings) for screen readers."""
EXCLUDED = ("om/",)
"""Pages about the website itself (editor guide, design decisions); "Nytt i handboken" is placed last."""
APPENDICES = "bilagor/"
CALCULATORS = "raknare/"
TEMPLATES = Path(__file__).resolve().parent / "templates" / "pdf"
DROPPED = {"headerlink", "md-content__button", "md-source-file", "handbok-calc__nojs"}
"""Classes of elements that mean nothing on paper: permalinks, edit buttons, the no-JavaScript note."""


class PdfError(Exception):
    """A reason the PDF cannot be made, in Swedish, for the person building."""


def pdf_name(version: str) -> str:
    """Each adopted version gets its own file name, so earlier versions can be kept side by side."""
    return f"kvalitetshandbok-{version}.pdf"


def page_url(src: str) -> str:
    """`metoder/swot.md` -> `metoder/swot/`, `kvalitet/index.md` -> `kvalitet/`, `index.md` -> `` (directory URLs)."""
    stem = src.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"{stem}/" if stem else ""


def anchor(src: str) -> str:
    """The id a page gets in the PDF; its own ids are prefixed with it, so they stay unique."""
    return "s-" + (page_url(src).strip("/").replace("/", "-") or "start")


@dataclass(frozen=True)
class Section:
    src: str | None
    """The page (Markdown path in docs); None for a heading of its own, like "Bilagor"."""
    level: int
    """1: a part that starts on a new page; 2: a chapter in it."""
    title: str = ""


def _part(pages: list[str]) -> list[Section]:
    return [Section(src, 1 if position == 0 else 2) for position, src in enumerate(pages)]


def nav_groups(nav: list) -> list[list[str]]:
    """The pages under each top-level item of mkdocs.yml's nav, in order."""
    def pages(item) -> Iterator[str]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from pages(value)
        elif isinstance(item, list):
            for child in item:
                yield from pages(child)
    return [list(pages(item)) for item in nav]


def handbook_order(groups: list[list[str]], handbook: Handbook) -> list[Section]:
    """The document's sections: chapters (nav order), models, methods, calculators, roles, contacts,
    appendices, then "Nytt i handboken"."""
    generated = {OVERVIEW, CONTACTS, *INDEX_PAGES.values(), changes.PAGE}
    own = [[src for src in group if src not in generated and not src.startswith(EXCLUDED)] for group in groups]
    order = [section for group in own for section in _part([s for s in group if not s.startswith((APPENDICES,
                                                                                                   CALCULATORS))])]
    order.append(Section(OVERVIEW, 1))
    for kind in ("modeller", "metoder"):
        order += _part([INDEX_PAGES[kind], *_entry_pages(handbook, kind)])
    order += _part([src for group in own for src in group if src.startswith(CALCULATORS)])
    order += _part([INDEX_PAGES["roller"], *_entry_pages(handbook, "roller")])
    order.append(Section(CONTACTS, 1))
    appendices = [src for group in own for src in group if src.startswith(APPENDICES)]
    if appendices:
        order += [Section(None, 1, "Bilagor"), *(Section(src, 2) for src in appendices)]
    order.append(Section(changes.PAGE, 1))
    return order


def _entry_pages(handbook: Handbook, kind: str) -> list[str]:
    """Entry pages by name, as the site's navigation lists them."""
    entries = sorted(handbook.entries(kind).items(), key=lambda item: item[1].name.casefold())
    return [page_path((kind, entry_id)) for entry_id, _ in entries]


# --- Reading and reshaping the built pages ----------------------------------------------------------------

def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _element(tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.Element(tag, {key.rstrip("_"): value for key, value in attributes.items()})
    element.text = text
    return element


def _remove_where(root: ET.Element, condition: Callable[[ET.Element], bool]) -> None:
    """Remove matching elements; the text after each stays."""
    for parent in list(root.iter()):
        previous = None
        for child in list(parent):
            if condition(child):
                if child.tail:
                    if previous is None:
                        parent.text = (parent.text or "") + child.tail
                    else:
                        previous.tail = (previous.tail or "") + child.tail
                parent.remove(child)
            else:
                previous = child


def _replace(parent: ET.Element, old: ET.Element, new: ET.Element) -> None:
    new.tail = old.tail
    parent[list(parent).index(old)] = new


def _insert_after(parent: ET.Element, element: ET.Element, new: ET.Element) -> None:
    new.tail, element.tail = element.tail, None
    parent.insert(list(parent).index(element) + 1, new)


class _Book:
    """Turns the built pages into the sections of one HTML document."""

    def __init__(self, site: Path, sections: list[Section], site_url: str) -> None:
        self.site = site
        self.site_url = site_url
        self.anchors = {page_url(s.src): anchor(s.src) for s in sections if s.src}

    def article(self, src: str) -> ET.Element:
        path = self.site / page_url(src) / "index.html"
        if not path.is_file():
            raise PdfError(f"{path} finns inte. Bygg webbplatsen först med `make build`.")
        root = tinyhtml5.parse(path.read_text(encoding="utf-8"), namespace_html_elements=False)
        article = root.find(".//article")
        if article is None:
            raise PdfError(f"{path}: sidan har inget <article>-element med innehållet.")
        indexed = article.find("div[@data-pagefind-body]")  # overrides/main.html marks what search indexes
        return article if indexed is None else indexed

    def section(self, section: Section) -> tuple[str, ET.Element]:
        """The section's title and its <section> element."""
        if section.src is None:
            element = _element("section", class_=f"niva-{section.level}", id=anchor(section.title.lower() + ".md"))
            element.append(_element("h1", section.title))
            return section.title, element
        article = self.article(section.src)
        here = page_url(section.src)
        page = anchor(section.src)
        _remove_where(article, lambda e: bool(_classes(e) & DROPPED) or e.tag in ("script", "nav", "style"))
        for parent in list(article.iter()):
            for child in list(parent):
                if "handbok-calc" in _classes(child):
                    _replace(parent, child, self.calculator(child, here))
                elif child.tag == "details":
                    _replace(parent, child, _opened(child))
        for parent in list(article.iter()):
            for child in list(parent):
                if child.tag == "a" and child.get("href"):
                    self.link(parent, child, here)
        for element in article.iter():
            if element.get("id"):
                element.set("id", f"{page}--{element.get('id')}")
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                element.tag = f"h{min(6, int(element.tag[1]) + section.level - 1)}"
        heading = article.find(f"h{section.level}")
        title = _text(heading) if heading is not None else section.src
        element = _element("section", id=page, class_=f"niva-{section.level} sida-{here.split('/')[0] or 'start'}")
        element.text = article.text
        element.extend(_grouped(list(article)) if section.src == CONTACTS else list(article))
        return title, element

    def address(self, path: str) -> str:
        """The address of a site page or file that is not in the PDF."""
        return urljoin(self.site_url, path) if self.site_url else path

    def link(self, parent: ET.Element, link: ET.Element, here: str) -> None:
        """Internal links point into the PDF ("se sidan N" in the style sheet); other links get their address
        printed."""
        href = link.get("href", "")
        parts = urlsplit(href)
        if parts.scheme == "tel":
            return  # the number is the link text; the international form adds nothing on paper
        if parts.scheme == "mailto":
            address = parts.path
        elif parts.scheme or parts.netloc:
            address = href
        else:
            target = urlsplit(urljoin("/" + here, href))
            path = target.path.lstrip("/").removesuffix("index.html")
            if path in self.anchors:
                fragment = f"--{unquote(target.fragment)}" if target.fragment else ""
                link.set("href", f"#{self.anchors[path]}{fragment}")
                if path != here:
                    link.set("class", " ".join(sorted(_classes(link) | {"intern"})))
                return
            address = self.address(path + (f"#{target.fragment}" if target.fragment else ""))
            link.set("href", address)
        shown = _text(link)
        if shown.rstrip("/") not in (address.rstrip("/"), address.split("://")[-1].rstrip("/")):
            _insert_after(parent, link, _element("span", f" ({address})", class_="adress"))

    def calculator(self, calc: ET.Element, here: str) -> ET.Element:
        """A calculator on paper: what it does, its formula, what you need to fill in, and where it runs."""
        box = _element("div", class_="raknare")
        form = calc.find("form")
        for child in list(form if form is not None else []):
            kind = _classes(child)
            if kind & {"handbok-calc__title", "handbok-calc__summary", "handbok-calc__formula"}:
                box.append(child)
        fields = _element("dl", class_="raknare__uppgifter")
        for child in form if form is not None else []:
            fields.extend(_field_terms(child))
        if len(fields):
            box.append(_element("p", "Det här fyller du i:", class_="raknare__rubrik"))
            box.append(fields)
        note = _element("p", "Räkna på webben: ", class_="raknare__webb")
        note.append(_element("span", self.address(here + "#" + calc.get("id", "")), class_="adress"))
        box.append(note)
        return box


def _field_terms(child: ET.Element) -> list[ET.Element]:
    """A form field as <dt> label and <dd> help; a repeating list with its columns."""
    kind = _classes(child)
    if "handbok-calc__list" in kind:
        legend = child.find("legend")
        columns = child.find("dl")
        terms = [_element("dt", _text(legend) if legend is not None else "")]
        detail = _element("dd", "En rad per post, med:")
        if columns is not None:
            inner = _element("dl")
            for column in columns:
                term, help_ = column.find("dt"), column.find("dd")
                inner.append(_element("dt", _text(term) if term is not None else ""))
                inner.append(_element("dd", _text(help_) if help_ is not None else ""))
            detail.append(inner)
        return [*terms, detail]
    if "handbok-calc__field" not in kind:
        return []
    label = child.find("label") if child.tag != "fieldset" else child.find("legend")
    help_ = next((p for p in child.iter("p") if "handbok-calc__help" in _classes(p)), None)
    return [_element("dt", _text(label) if label is not None else ""),
            _element("dd", _text(help_) if help_ is not None else "")]


def _opened(details: ET.Element) -> ET.Element:
    """<details> as an open block: on paper nothing can be unfolded."""
    block = _element("div", class_=" ".join(["detaljer", *sorted(_classes(details))]))
    for child in details:
        if child.tag == "summary":
            block.append(_element("p", _text(child), class_="detaljer__rubrik"))
        else:
            block.append(child)
    return block


def _grouped(children: list[ET.Element]) -> list[ET.Element]:
    """Each <h2> with what follows it in one block, so a contact is never split across pages."""
    grouped: list[ET.Element] = []
    card = None
    for child in children:
        if child.tag == "h2":
            card = _element("div", class_="kort")
            grouped.append(card)
        (grouped if card is None else card).append(child)
    return grouped


# --- The document --------------------------------------------------------------------------------------------

class SiteFetcher(weasyprint.URLFetcher):
    """Serves WeasyPrint the site's own files and nothing else: no request leaves the machine."""

    def __init__(self, site: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.site = site.resolve()

    def fetch(self, url: str, headers: dict | None = None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        path = Path(url2pathname(unquote(parts.path))).resolve() if parts.scheme == "file" else None
        if path is None or not path.is_relative_to(self.site) or not path.is_file():
            raise OutsideSite(f"PDF:en får bara använda filer i {self.site}, men sidorna hänvisar till {url}. "
                              "Lägg filen i docs/ så att den kommer med i webbplatsen.")
        return super().fetch(url, headers)


class OutsideSite(FatalURLFetchingError):
    """Stops the rendering: the PDF would otherwise miss a picture or fetch from the network."""


def read_config(config: Path) -> dict:
    """mkdocs.yml as plain data; tags such as `!ENV` become None (the PDF needs only nav, site_url, plugins)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        return yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PdfError(f"{config}: kan inte läsa konfigurationen ({exc}).") from exc


def _content_dir(config: Path, settings: dict) -> Path:
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and "handbok" in plugin:
            return config.parent / ((plugin["handbok"] or {}).get("content_dir") or "handbook")
    return config.parent / "handbook"


def render_html(site: Path, config: Path, built: dt.date) -> tuple[str, Handbook]:
    """The whole handbook as one HTML document, and the handbook it was made from."""
    settings = read_config(config)
    handbook, errors = check(_content_dir(config, settings))
    if errors or handbook is None:
        raise PdfError("\n".join(map(str, errors)) + "\nRätta felen (make check) och försök igen.")
    sections = handbook_order(nav_groups(settings.get("nav") or []), handbook)
    book = _Book(site, sections, settings.get("site_url") or "")
    parts = [(section, *book.section(section)) for section in sections]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    html = env.get_template("handbook.html.j2").render(
        meta=handbook.meta, built=built, site_url=book.site_url,
        css=Markup((TEMPLATES / "handbook.css").read_text("utf-8")),
        toc=[(section.level, title, element.get("id")) for section, title, element in parts],
        sections=[Markup(ET.tostring(element, method="html", encoding="unicode"))
                  for _, _, element in parts])
    return html, handbook


@dataclass(frozen=True)
class Result:
    path: Path
    pages: int
    seconds: float


def build(site: Path, config: Path, built: dt.date | None = None) -> Result:
    """Write the PDF into `site`/pdf/ under the handbook version's name."""
    start = time.perf_counter()
    if not (site / "index.html").is_file():
        raise PdfError(f"{site}/index.html finns inte. Bygg webbplatsen först med `make build`.")
    html, handbook = render_html(site, config, built or dt.date.today())
    try:
        document = weasyprint.HTML(string=html, base_url=site.resolve().as_uri() + "/",
                                   url_fetcher=SiteFetcher(site)).render(**OPTIONS)
    except OutsideSite as exc:
        raise PdfError(str(exc)) from None
    target = site / PDF_DIR / pdf_name(handbook.meta.version)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, **OPTIONS)
    return Result(target, len(document.pages), time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbok.site.pdf",
                                     description="Skriv hela handboken som en PDF i den byggda webbplatsen.")
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="den byggda webbplatsen")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        result = build(args.site, args.config)
    except PdfError as exc:
        print(f"PDF: {exc}", file=sys.stderr)
        return 1
    size = result.path.stat().st_size / 1_000_000
    print(f"Skrev {result.path} ({result.pages} sidor, {size:.1f} MB) på {result.seconds:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
