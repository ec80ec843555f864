"""The PDF of the shipped handbook, checked with pypdf: archive and accessibility markers, the title
page, contents and bookmarks, the handbook's order, page references and what reaches the paper."""

from __future__ import annotations

import re

from pypdf.generic import Destination

import calculators
from generator.sitecheck import ROOT
from handbok.site import pdf

from .conftest import BUILT, Built

SECTIONS = ["Modeller", "Metoder och verktyg", "Räknare", "Roller", "Vem frågar jag?", "Bilagor", "Nytt i handboken"]


def _outline(built: Built) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                found.append((depth, item.title, built.reader.get_destination_page_number(item)))
    walk(built.reader.outline, 1)
    return found


def _start(built: Built, title: str, depth: int | None = None) -> int:
    return next(page for d, t, page in _outline(built) if t == title and (depth is None or d == depth))


def _range(built: Built, title: str) -> str:
    """Text from the page where `title`'s bookmark points to the page before the next bookmark of its depth."""
    outline = _outline(built)
    index = next(i for i, (_, t, _) in enumerate(outline) if t == title)
    depth, _, first = outline[index]
    last = next((page for d, _, page in outline[index + 1:] if d <= depth), len(built.pages) - 1)
    return " ".join(built.pages[first:max(first, last) + 1])


def test_versioned_file_in_the_site(built_pdf: Built, handbook) -> None:
    assert built_pdf.result.path.name == f"kvalitetshandbok-{handbook.meta.version}.pdf"
    assert built_pdf.result.path.parent.name == "pdf"
    assert len(built_pdf.reader.pages) == built_pdf.result.pages >= 60


def test_pdfa_identification_tags_and_language(built_pdf: Built) -> None:
    root = built_pdf.reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", xmp), xmp[:2000]
    assert re.search(r"pdfaid:conformance(>|=\")U", xmp), xmp[:2000]
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/K"], "strukturträdet är tomt"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"


def test_title_and_author_metadata(built_pdf: Built, handbook) -> None:
    meta = built_pdf.reader.metadata
    assert handbook.meta.title in meta.title and handbook.meta.version in meta.title
    assert meta.author == handbook.meta.organisation


def test_fonts_embedded(built_pdf: Built) -> None:
    fonts = {}
    for page in built_pdf.reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font)
            descriptor = descriptor["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


def test_title_page(built_pdf: Built, handbook) -> None:
    first, meta = built_pdf.pages[0], handbook.meta
    for fact in (meta.organisation, meta.title, f"Version {meta.version}", meta.decision.body,
                 meta.decision.reference, meta.decision.date.isoformat(), BUILT.isoformat()):
        assert fact in first, fact


def test_bookmarks_for_every_chapter_model_and_method(built_pdf: Built, handbook) -> None:
    titles = {title for _, title, _ in _outline(built_pdf)}
    settings = pdf.read_config(ROOT / "mkdocs.yml")
    chapters = [src for group in pdf.nav_groups(settings["nav"]) for src in group
                if (ROOT / "docs" / src).is_file() and not src.startswith(pdf.EXCLUDED)]
    headings = [next(line[2:].strip() for line in (ROOT / "docs" / src).read_text("utf-8").splitlines()
                     if line.startswith("# ")) for src in chapters]
    assert len(headings) > 20
    names = [entry.name for kind in ("modeller", "metoder", "roller") for entry in handbook.entries(kind).values()]
    missing = [title for title in [*headings, *names, *SECTIONS] if title not in titles]
    assert not missing, missing
    for entry in [*handbook.models.values(), *handbook.methods.values()]:
        assert entry.name in built_pdf.text


def test_handbook_order(built_pdf: Built) -> None:
    top = [title for depth, title, _ in _outline(built_pdf) if depth == 1]
    assert top[:3] == ["Kvalitetshandbok", "Innehåll", "Om kvalitetshandboken"]
    assert top.index("Styrning") < top.index("Modeller")
    assert [top.index(title) for title in SECTIONS] == sorted(top.index(title) for title in SECTIONS)
    assert top[-1] == "Nytt i handboken"
    assert "Så redigerar du handboken" not in top


def test_contents_page_numbers_match_the_bookmarks(built_pdf: Built, handbook) -> None:
    contents = " ".join(built_pdf.pages[1:_start(built_pdf, "Om kvalitetshandboken")])  # title page, then contents
    for entry in [*handbook.models.values(), *handbook.methods.values()]:
        found = re.search(re.escape(entry.name) + r" ?\.{3,} ?(\d+)", contents)
        assert found, entry.name
        assert int(found.group(1)) == _start(built_pdf, entry.name, depth=2) + 1, entry.name


def test_internal_links_become_page_references(built_pdf: Built, handbook) -> None:
    checked = 0
    for model in handbook.models.values():
        if model.main_method:
            method = handbook.methods[model.main_method].name
            found = re.search(rf"Huvudmetod: {re.escape(method)} \(se sidan (\d+)\)", built_pdf.text)
            assert found, model.name
            assert int(found.group(1)) == _start(built_pdf, method, depth=2) + 1
            checked += 1
    assert checked >= 2
    assert built_pdf.text.count("(se sidan ") > 200


def test_owner_and_review_date_on_each_model_and_method(built_pdf: Built, handbook) -> None:
    for entry in [*handbook.models.values(), *handbook.methods.values()]:
        text = _range(built_pdf, entry.name)
        owner = handbook.roles[entry.owner].name
        assert f"Ägare: {owner}" in text, entry.name
        assert f"Senast granskad: {entry.last_reviewed.isoformat()}" in text, entry.name


def test_intranet_link_addresses_printed(built_pdf: Built, handbook) -> None:
    joined = re.sub(r"[\s\u2010\u00ad]", "", built_pdf.text)
    urls = [link.url for kind in ("modeller", "metoder") for entry in handbook.entries(kind).values()
            for link in entry.links]
    urls += [contact.intranet for contact in handbook.contacts.values() if contact.intranet]
    assert len(urls) > 10
    missing = [url for url in urls if f"({url})" not in joined]
    assert not missing, missing


def test_calculators_printed_with_a_note_on_where_to_use_them(built_pdf: Built, handbook) -> None:
    text = built_pdf.text
    embedded = sum(len(method.calculators) for method in handbook.methods.values())
    assert text.count("Räkna på webben:") >= embedded >= 4
    for name in calculators.NAMES:
        assert f"Räknare: {calculators.spec(name)['title']}" in text


def test_contact_cards_are_not_split(built_pdf: Built, handbook) -> None:
    outline = _outline(built_pdf)
    first = _start(built_pdf, "Vem frågar jag?", depth=1)
    last = next(page for depth, title, page in outline if title == "Bilagor" and depth == 1)
    for contact in handbook.contacts.values():
        facts = [contact.name, *(f for f in (contact.email, contact.phone) if f)]
        assert any(all(fact in page for fact in facts) for page in built_pdf.pages[first:last + 1]), contact.name


def test_no_script_leftovers_or_markers(built_pdf: Built) -> None:
    text = built_pdf.text
    for marker in ("undefined", "NaN", "[[räknare", "{{", "{%", "Räknaren behöver JavaScript", "¶"):
        assert marker not in text, marker


def test_version_history_and_news_at_the_end(built_pdf: Built, handbook) -> None:
    end = _range(built_pdf, "Nytt i handboken")
    assert "Versionshistorik" in end
    for version in handbook.meta.versions:
        assert version.decision in end
