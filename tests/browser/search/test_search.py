"""Search as employees use it, in the built site in Chromium: what they type finds the page they want.

Each query is typed into the search field of the start page, as a reader does, and the page expected must be
among the first three results. Editor pages never show up, and the index is fetched from the site only.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from ..readers.axe import WIDTHS, axe_all_rules
from .queries import QUERIES

pytestmark = pytest.mark.browser
PROMPT = "Skriv ett eller flera ord"
EDITOR_PAGES = ("om/redigera/", "om/publicera/", "om/raknare/", "om/beslut/", "om/nytt/")


def status(page: Page) -> Locator:
    """The search's live count (calculator pages have a status of their own)."""
    return page.locator("#handbok-sok-antal")


def results(page: Page, base_url: str, query: str) -> list[str]:
    """Site paths of the results shown for `query`, in order."""
    field = page.get_by_role("textbox", name="Sök i handboken")
    field.fill("")
    expect(status(page)).to_have_text(PROMPT)
    field.fill(query)
    expect(status(page)).not_to_have_text(PROMPT)
    links = page.get_by_role("list", name="Sökträffar").get_by_role("link")
    root = base_url.removeprefix(base_url.split("/", 3)[0] + "//" + base_url.split("/", 3)[2])
    return [href.removeprefix(root) for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")]


@pytest.fixture
def search_page(page: Page, base_url: str) -> Page:
    page.goto(base_url)
    page.get_by_role("textbox", name="Sök i handboken").focus()
    return page


def test_queries_find_the_expected_page_in_the_top_three(search_page: Page, base_url: str) -> None:
    assert len(QUERIES) >= 40
    misses = []
    for query, expected in QUERIES:
        found = results(search_page, base_url, query)
        if not set(found[:3]) & set(expected):
            misses.append(f"{query!r}: väntade {expected}, fick {found[:3]}")
    assert misses == []


def test_5_varfor_puts_orsaksanalys_first(search_page: Page, base_url: str) -> None:
    assert results(search_page, base_url, "5 varför")[0] == "metoder/orsaksanalys/"


def test_question_gives_a_short_list_with_the_right_page_first(search_page: Page, base_url: str) -> None:
    found = results(search_page, base_url, "vem ansvarar för intern kontroll")
    assert found[0] == "modeller/intern-kontroll/"
    assert len(found) <= 10
    count = int(status(search_page).inner_text().split()[0])
    assert count <= 25, f"{count} träffar är ingen kort lista"


@pytest.mark.parametrize(("base", "inflected"), [("klagomål", "klagomålen"), ("avvikelse", "avvikelserna"),
                                                 ("enkät", "enkäterna"), ("mål", "målen")])
def test_inflected_forms_find_about_as_many_pages(search_page: Page, base_url: str, base: str,
                                                  inflected: str) -> None:
    counts = []
    for query in (base, inflected):
        results(search_page, base_url, query)
        counts.append(int(status(search_page).inner_text().split()[0]))
    assert counts[1] >= 0.6 * counts[0], counts


@pytest.mark.parametrize("query", ["redigera handboken", "beslut om arkitekturen", "publicera", "Pyodide", "YAML"])
def test_editor_pages_stay_out_of_the_readers_search(search_page: Page, base_url: str, query: str) -> None:
    assert not [path for path in results(search_page, base_url, query) if path.startswith(EDITOR_PAGES)]


def test_search_by_keyboard_with_a_named_dialog(page: Page, base_url: str) -> None:
    page.goto(base_url + "metoder/swot/")
    expect(page.get_by_role("dialog", name="Sök i handboken", include_hidden=True)).to_have_count(1)
    page.keyboard.press("/")
    field = page.get_by_role("textbox", name="Sök i handboken")
    expect(field).to_be_focused()
    page.keyboard.type("fiskbensdiagram")
    expect(status(page)).to_contain_text("träff")
    page.keyboard.press("ArrowDown")
    first = page.get_by_role("list", name="Sökträffar").get_by_role("link").first
    expect(first).to_be_focused()
    expect(first).to_have_attribute("href", re.compile(r"metoder/orsaksanalys/$"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "metoder/orsaksanalys/")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("s")
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


@pytest.mark.parametrize("width", WIDTHS)
def test_open_search_with_results_is_axe_clean(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url)
    page.keyboard.press("s")
    page.keyboard.type("riskanalys")
    expect(status(page)).to_contain_text("träff")
    assert axe_all_rules(page) == []


def test_index_is_fetched_from_the_site_only(page: Page, base_url: str, traffic) -> None:
    page.goto(base_url)
    page.keyboard.press("s")
    page.keyboard.type("klagomål")
    expect(status(page)).to_contain_text("träff")
    assert any("/pagefind/" in url and url.endswith(".pagefind") for url in traffic.urls)
    assert traffic.outside == []


def test_the_site_ships_only_the_search_files_it_loads(page: Page, base_url: str, traffic, built_site) -> None:
    page.goto(base_url)
    page.keyboard.press("s")
    page.keyboard.type("klagomål")
    expect(status(page)).to_contain_text("träff")
    fetched = {url.rsplit("/pagefind/", 1)[1].split("?")[0] for url in traffic.urls if "/pagefind/" in url}
    shipped = {p.name for p in (built_site / "pagefind").iterdir() if p.is_file()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.sv.pagefind"} <= fetched
    # left unfetched: only the WebAssembly for pages without a language, which pagefind.js can ask for
    assert shipped - fetched - {name for name in shipped if name.endswith(".pf_meta")} == {"wasm.unknown.pagefind"}
