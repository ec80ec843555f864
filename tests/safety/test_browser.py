"""With the check bypassed, no payload runs, loads anything off-origin or breaks the theme in Chromium.

Every page built from a payload is loaded, hovered and tabbed through; the start page's search is used
with the payloads' titles in the index. Dialogs, page errors, requests that leave the test server, unsafe
elements in the content and signs of a broken theme are all counted, and must all be zero. The same build
shows editor features end to end (overdue notice, news page, editor guide, external-link marker).
"""

from __future__ import annotations

import asyncio
import html
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from handbok.site import examples

from . import payloads

pytestmark = pytest.mark.browser

UNSAFE_IN_PAGE = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('article *, footer *, title')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'meta', 'base'].includes(tag)
                && el.closest('article, footer')
                && !el.closest('.md-content__button, .handbok-calc, .md-footer__link, .md-social')) bad.push(tag);
        for (const attr of el.attributes) {
            const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (attr.name.startsWith('on')) bad.push(tag + '[' + attr.name + ']');
            if (/^(javascript|vbscript|data):/.test(value)) bad.push(tag + '[' + attr.name + '=' + value + ']');
        }
        const style = getComputedStyle(el);
        if (el.closest('article, footer .md-copyright') && style.position === 'fixed') bad.push(tag + '[fixed]');
    }
    const theme = document.documentElement.classList.contains('js') && document.querySelector('.md-copyright')
        && document.querySelector('.md-search');
    if (!theme) bad.push('theme-broken');
    return bad;
}"""
"""Script-capable elements and attributes, fixed overlays in the content, and a theme whose bundle did not
run (it adds `js` to <html>) or whose footer or search is gone."""


async def _visit_all(base: str, paths: list[str], query: str) -> dict[str, list]:
    from playwright.async_api import async_playwright

    from tests.browser.server import CHROMIUM, CHROMIUM_ARGS

    seen: dict[str, list] = {"dialogs": [], "errors": [], "outside": [], "unsafe": []}
    slots = asyncio.Semaphore(6)

    async def dialog(dialog) -> None:
        seen["dialogs"].append(dialog.message)
        await dialog.dismiss()

    async def visit(context, path: str, search: bool = False) -> None:
        async with slots:
            page = await context.new_page()
            page.on("dialog", dialog)
            page.on("pageerror", lambda error: seen["errors"].append(f"{path}: {error}"))
            await page.goto(base + path, wait_until="load")
            await page.mouse.move(10, 10)
            await page.mouse.move(400, 400)
            await page.keyboard.press("Tab")
            if search:
                await page.keyboard.press("s")
                await page.keyboard.type(query)
                await page.wait_for_selector(".md-search-result__item", timeout=20_000)
            await page.wait_for_timeout(150)
            seen["unsafe"] += [f"{path}: {item}" for item in await page.evaluate(UNSAFE_IN_PAGE)]
            await page.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context()
        context.on("request", lambda request: None if request.url.startswith(base)
                   else seen["outside"].append(request.url))
        await asyncio.gather(visit(context, "", search=True), *(visit(context, path) for path in paths))
        await browser.close()
    return seen


def _run(site: Path, paths: list[str], query: str = "SWOT") -> dict[str, list]:
    from tests.browser.server import serve

    # a thread of its own: a sync Playwright fixture elsewhere in the session may own this thread's loop
    with serve(site) as base, ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _visit_all(base, paths, query)).result()


def test_payloads_reached_the_build(unchecked_site):
    """Guard against a vacuous pass: every page built from a payload exists."""
    site, placed = unchecked_site
    pages = {item.page for item in placed if item.page is not None}
    assert len(pages) >= len(payloads.MARKDOWN) * 2
    for page in pages:
        assert (site / page / "index.html").is_file(), page


def test_nothing_runs_loads_or_breaks(unchecked_site):
    site, placed = unchecked_site
    (site / "kontroll.html").write_text("<html class='js'><article><img src=x onerror=\"alert('kontroll')\">"
                                        "</article></html>", encoding="utf-8")
    paths = sorted({item.page for item in placed if item.page is not None}) + ["kontroll.html"]
    seen = _run(site, paths)
    # the control page proves the listeners work: its unsanitised payload must be caught
    assert seen["dialogs"] == ["kontroll"]
    assert [u for u in seen["unsafe"] if not u.startswith("kontroll.html")] == []
    assert "kontroll.html: img[onerror]" in seen["unsafe"]
    assert seen["errors"] == []
    assert seen["outside"] == []


def test_unsafe_files_are_not_published(unchecked_site):
    site, _ = unchecked_site
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for name in payloads.STATIC_FILES:
        assert f"filer/{name}" not in published
    assert not {"miljo/index.html", "losenord.png"} & published  # the docs/ symlinks
    assert not any(p.startswith(('"', "sida med", "Versaler")) for p in published)  # the unsafe file names
    for name in payloads.FRONT_MATTER:
        page = (site / "sidhuvud" / name / "index.html").read_text(encoding="utf-8")
        assert "http-equiv" not in page and "location.replace" not in page, name


def test_overdue_notice_on_built_page(unchecked_site):
    swot = (unchecked_site[0] / "metoder" / "swot" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in swot and "Sidan behöver granskas" in swot
    assert "Senast granskad: 2019-01-01" in swot


def _without_glossary(page: str) -> str:
    """The page without the glossary's `<abbr>` around terms such as SIQ and SWOT."""
    return re.sub(r"</?abbr\b[^>]*>", "", page)


def test_external_link_is_marked(unchecked_site):
    page = _without_glossary((unchecked_site[0] / "xss" / "script-tag" / "index.html").read_text(encoding="utf-8"))
    assert '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ <span ' \
           'class="extern-lank__markor">(extern länk)</span></a>' in page


def test_editor_guide_shows_real_messages(unchecked_site):
    guide = html.unescape((unchecked_site[0] / "om" / "redigera" / "index.html").read_text(encoding="utf-8"))
    assert "[[felexempel]]" not in guide
    for example in examples.EXAMPLES:
        assert example.title in guide and examples.message(example) in guide


def test_news_page_is_built(unchecked_site):
    news = _without_glossary((unchecked_site[0] / "om" / "nytt" / "index.html").read_text(encoding="utf-8"))
    assert "Versionshistorik" in news and ">SWOT-analys</a>" in news
