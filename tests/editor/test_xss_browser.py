"""With `handbok check` bypassed, no XSS payload runs in the built pages in Chromium (the sanitiser holds).

The same build shows the editor features end to end: the overdue notice, "Nytt i handboken", the editor guide
with real error messages, and the external-link marker.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from handbok import examples, safety, schema

from .conftest import ROOT
from .xss_payloads import PAYLOADS

pytestmark = pytest.mark.browser

FIXED_PAGES = ["metoder/swot/", "om/redigera/", "om/nytt/"]


def _page_paths() -> list[str]:
    """One generated method page and one docs page per payload, so no payload can hide another."""
    return FIXED_PAGES + [f"metoder/xss-{name}/" for name in PAYLOADS] + [f"xss/{name}/" for name in PAYLOADS]


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook plus every payload in YAML fields and in docs pages, built with the check skipped."""
    work = tmp_path_factory.mktemp("xss")
    for name in ("handbook", "docs", "overrides", "schemas"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    methods = work / "handbook" / "metoder"
    swot = yaml.safe_load((methods / "swot.yml").read_text(encoding="utf-8"))
    _write(methods / "swot.yml", {**swot, "senast_granskad": dt.date(2019, 1, 1)})  # overdue
    for name, payload in PAYLOADS.items():
        _write(methods / f"xss-{name}.yml", {
            **swot, "namn": f"XSS {name}", "beskrivning": payload, "när_använda": payload, "tips": [payload],
            "steg": [{"rubrik": "Steg", "text": payload}], "relaterade_metoder": []})
        page = work / "docs" / "xss" / f"{name}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"# XSS {name}\n\nSe [SIQ](https://www.siq.se/).\n\n{payload}\n", encoding="utf-8")
    env = {**os.environ, safety.SKIP_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(work / "mkdocs.yml"), "-d",
                             str(work / "site")], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return work / "site"


def _write(path: Path, data: dict) -> None:
    path.write_text(schema.header("metod") + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def test_payloads_reached_the_build(xss_site: Path):
    """Guard against a vacuous pass: every payload page was built."""
    for name in PAYLOADS:
        for path in (f"metoder/xss-{name}", f"xss/{name}"):
            assert f">XSS {name}<" in (xss_site / path / "index.html").read_text(encoding="utf-8")


UNSAFE_IN_ARTICLE = """() => {
    const bad = [];
    for (const el of document.querySelector('article').querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'meta', 'base'].includes(tag)
                && !el.closest('.md-content__button, .handbok-calc')) bad.push(tag);  // theme icon, calculators
        for (const attr of el.attributes) {
            const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (attr.name.startsWith('on')) bad.push(tag + '[' + attr.name + ']');
            if (/^(javascript|vbscript|data):/.test(value)) bad.push(tag + '[' + attr.name + '=' + value + ']');
        }
    }
    return bad;
}"""
"""Elements and attributes in the page content that could run script, as the browser parsed them."""


async def _visit_all(base: str, paths: list[str]) -> dict[str, list]:
    """Load every page (a few at a time), hover and tab through it; collect dialogs, errors, unsafe elements
    and requests that leave the test server (recorded, not intercepted: interception slows every request)."""
    from playwright.async_api import async_playwright

    from tests.browser.server import CHROMIUM, CHROMIUM_ARGS

    seen: dict[str, list] = {"dialogs": [], "errors": [], "outside": [], "unsafe": []}
    slots = asyncio.Semaphore(6)

    async def dialog(dialog) -> None:
        seen["dialogs"].append(dialog.message)
        await dialog.dismiss()

    async def visit(context, path: str) -> None:
        async with slots:
            page = await context.new_page()
            page.on("dialog", dialog)
            page.on("pageerror", lambda error: seen["errors"].append(f"{path}: {error}"))
            await page.goto(base + path, wait_until="load")
            await page.mouse.move(10, 10)
            await page.mouse.move(400, 400)
            await page.keyboard.press("Tab")
            await page.wait_for_timeout(150)
            seen["unsafe"] += [f"{path}: {item}" for item in await page.evaluate(UNSAFE_IN_ARTICLE)]
            await page.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context()
        context.on("request", lambda request: None if request.url.startswith(base)
                   else seen["outside"].append(request.url))
        await asyncio.gather(*(visit(context, path) for path in paths))
        await browser.close()
    return seen


def test_no_payload_runs_in_chromium(xss_site: Path):
    from tests.browser.server import serve

    (xss_site / "kontroll.html").write_text("<article><img src=x onerror=\"alert('kontroll')\"></article>",
                                            encoding="utf-8")
    with serve(xss_site) as base:
        # a thread of its own: a sync Playwright fixture elsewhere in the session may own this thread's loop
        with ThreadPoolExecutor(max_workers=1) as pool:
            seen = pool.submit(asyncio.run, _visit_all(base, [*_page_paths(), "kontroll.html"])).result()
    # the control page proves the listeners work: its unsanitised payload must be caught
    assert seen["dialogs"] == ["kontroll"]
    assert seen["unsafe"] == ["kontroll.html: img[onerror]"]
    assert seen["errors"] == []
    assert seen["outside"] == []


def test_overdue_notice_on_built_page(xss_site: Path):
    swot = (xss_site / "metoder" / "swot" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in swot and "Sidan behöver granskas" in swot
    assert "Senast granskad: 2019-01-01" in swot


def test_external_link_is_marked(xss_site: Path):
    html = (xss_site / "xss" / "script-tag" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ <span ' \
           'class="extern-lank__markor">(extern länk)</span></a>' in html


def test_editor_guide_shows_real_messages(xss_site: Path):
    import html as html_module

    guide = html_module.unescape((xss_site / "om" / "redigera" / "index.html").read_text(encoding="utf-8"))
    assert "[[felexempel]]" not in guide
    for example in examples.EXAMPLES:
        assert example.title in guide and examples.message(example) in guide


def test_news_page_is_built(xss_site: Path):
    news = (xss_site / "om" / "nytt" / "index.html").read_text(encoding="utf-8")
    assert "Versionshistorik" in news and ">SWOT-analys</a>" in news
