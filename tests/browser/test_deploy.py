"""The built site under the headers the deployment page recommends, on a random port, at / and /handbok/.

The headers are read from docs/om/publicera.md (the nginx example), so the page and the test cannot drift:
search returns results, the saved palette is restored, instant navigation keeps the page (and the
calculator runtime) alive, a calculator computes (its heat map sets colours from script), and the browser reports no
CSP violation at all, with `'unsafe-inline'` neither for scripts nor for styles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import LOAD_TIMEOUT_MS
from .server import serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "om" / "publicera.md"
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));"""


def nginx_headers() -> dict[str, str]:
    """The `add_header` lines of the guide's first nginx block."""
    block = re.search(r"```nginx[^\n]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL).group(1)
    return dict(re.findall(r'^add_header ([\w-]+) "(.*)" always;$', block, re.MULTILINE))


def nginx_precompressed() -> tuple[str, ...]:
    """The codings the guide's nginx server block sends from the build's copies (brotli_static, gzip_static)."""
    blocks = re.findall(r"```nginx[^\n]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    on = set(re.findall(r"^(brotli|gzip)_static on;$", blocks[1], re.MULTILINE))
    return tuple(coding for name, coding in (("brotli", "br"), ("gzip", "gzip")) if name in on)


def test_apache_sends_every_kind_of_copy_the_build_writes_with_its_type(built_site: Path):
    apache = re.search(r"```apache[^\n]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL).group(1)
    copied = {p.name.rsplit(".", 2)[1] for p in (built_site / "assets").rglob("*.br")}
    assert {"wasm", "mjs", "zip", "js", "css"} <= copied
    rewritten = set(re.search(r"RewriteRule \^\(\.\+\\\.\(([\w|]+)\)\)\$ \$1\.br", apache).group(1).split("|"))
    typed = {ext for pattern in re.findall(r'<FilesMatch "\\\.(\S+?)\\\.\(br\|gz\)\$">', apache)
             for ext in ({"m?js": ["js", "mjs"]}.get(pattern) or [pattern])}
    assert copied - {"json", "svg", "xml", "txt"} <= rewritten == typed


def test_every_server_example_has_the_same_policy():
    text = GUIDE.read_text(encoding="utf-8")
    policies = set(re.findall(r"Content-Security-Policy\"? (?:value=)?\"([^\"]+)\"", text))
    assert policies == {nginx_headers()["Content-Security-Policy"]}
    assert "'unsafe-inline'" not in policies.pop()


def test_build_without_address_has_no_sitemap_or_canonical(built_site: Path):
    assert not (built_site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (built_site / "index.html").read_text(encoding="utf-8")
    assert "<loc>metoder/swot/</loc>" in (built_site / "assets" / "handbok" / "sidor.xml").read_text(encoding="utf-8")


@pytest.fixture(params=["", "/handbok"], ids=["rot", "handbok"])
def deployed(request, built_site: Path) -> Iterator[str]:
    with serve(built_site, prefix=request.param, headers=nginx_headers(), precompressed=nginx_precompressed()) as url:
        yield url


@pytest.fixture
def strict_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(locale="sv-SE", service_workers="block")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    yield page, console
    context.close()


def palette_survives_a_reload(page: Page) -> None:
    """Switch the colour scheme; the saved choice is restored after a reload."""
    page.locator("form[data-md-component=palette] label:visible").first.click()
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme


def navigate_to_a_calculator(page: Page, base: str) -> None:
    """From the method list to the risk analysis by instant navigation (no reload), then its heat map."""
    page.goto(base + "metoder/")
    page.evaluate("window.__sammaSida = true")
    page.locator("article a[href$='riskanalys/']").first.click()
    expect(page).to_have_url(base + "metoder/riskanalys/")
    assert page.evaluate("window.__sammaSida === true"), "sidbytet laddade om hela sidan"
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    calc.get_by_role("button", name="Fyll i exempel").click()
    expect(calc.locator(".handbok-calc__heatmap").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def test_strict_policy_search_palette_navigation_and_calculator(deployed: str, strict_page):
    page, console = strict_page
    assert not deployed.startswith("http://127.0.0.1:8000/")
    page.goto(deployed)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))

    page.keyboard.press("s")
    page.keyboard.type("riskanalys")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")

    palette_survives_a_reload(page)
    assert _violations(page) == []

    encodings: dict[str, str | None] = {}
    page.context.on("response", lambda r: encodings.update({r.url.split("/")[-1]: r.headers.get("content-encoding")}))
    navigate_to_a_calculator(page, deployed)
    assert nginx_precompressed() == ("br", "gzip")
    # the WebAssembly came as the build's brotli copy; the snapshot as its own gzip file, unpacked by the worker
    assert encodings["pyodide.asm.wasm"] == encodings["pyodide.asm.mjs"] == "br", encodings
    assert [encodings[name] for name in encodings if name.endswith(".snapshot.gz")] == [None]
    assert _violations(page) == []
    assert [c for c in console if "Content Security Policy" in c or "Refused" in c] == []


def test_missing_page_gets_the_sites_404(deployed: str, strict_page):
    page, _ = strict_page
    response = page.goto(deployed + "finns-inte/")
    assert response.status == 404
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert _violations(page) == []
