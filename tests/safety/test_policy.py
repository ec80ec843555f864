"""The policy itself: what passes, what is dropped, and that the check and the sanitiser agree."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbok.content import model, policy, safety, scan

from . import payloads

ROOT = Path(__file__).resolve().parent.parent.parent


def test_literal_block_errors_point_at_the_exact_line():
    text = "beskrivning: |\n  Rad ett.\n\n  Rad <img src=x onerror=alert(1)> tre.\n"
    [error] = scan.yaml_errors("handbook/metoder/x.yml", text, model.Method)
    assert (error.line, error.column) == (4, 18)


def test_shipped_content_and_docs_are_clean():
    assert scan.content_errors(ROOT / "handbook", ROOT / "docs") == []


def test_markdown_extensions_match_mkdocs_yml():
    """The check renders with the site's extensions, or it would judge different HTML than the page gets."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == safety.MARKDOWN_EXTENSIONS


@pytest.mark.parametrize("text", [
    "Vanlig **text** med [länk](https://intranat.exempelkommun.se/x) och [relativ](../metoder/swot.md).",
    "Jämför a < b och c > d, och skriv `<script>` som kod.",
    "En tabell:\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n",
    "Se [SIQ](https://www.siq.se/) eller mejla [oss](mailto:kvalitet@exempelkommun.se), <https://www.siq.se/>.",
    "Svaret kommer [[räknare: risk]] här.",
    "!!! tip \"Tips\"\n\n    Text i rutan.\n",
    "![Processkarta](../bilder/karta.png)",
    "```yaml\nnamn: <img src=x onerror=alert(1)>\n```\n",
    "<div class=\"grid cards\" markdown>\n\n- Kort\n\n</div>\n",
])
def test_ordinary_markdown_passes(text: str):
    assert safety.scan(text) == []


@pytest.mark.parametrize("name", list(payloads.MARKDOWN))
def test_check_reports_what_the_sanitiser_changes(name: str):
    """No silent loss: where the sanitiser changes the rendered HTML, the check has a finding."""
    rendered = safety.render(payloads.MARKDOWN[name])
    assert safety.sanitize_fragment(rendered) != rendered or safety.scan(payloads.MARKDOWN[name])
    assert safety.scan(payloads.MARKDOWN[name]), name


@pytest.mark.parametrize("name", list(payloads.MARKDOWN))
def test_sanitizer_alone_removes_payload(name: str):
    found = _Unsafe()
    found.feed(safety.sanitize(safety.render(payloads.MARKDOWN[name])))
    assert found.problems == []


class _Unsafe(HTMLParser):
    """Independent of the policy: tags, handlers, URLs and classes as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "svg", "math", "style", "meta", "form", "base", "link",
                   "video", "audio", "source", "input", "button", "textarea", "noscript", "template"}:
            self.problems.append(tag)
        for attribute, value in attrs:
            squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value or "")).lower()
            if attribute.startswith("on") or re.match(r"(javascript|vbscript|data):", squeezed):
                self.problems.append(f"{tag}[{attribute}={value}]")
            risky = attribute != "src" or re.match(r"^(\w+:|//|/\\)", squeezed)
            if attribute in ("src", "srcset", "ping", "style") and risky:
                self.problems.append(f"{tag}[{attribute}={value}]")
            if attribute == "class" and re.search(r"\b(mermaid|md-[\w-]+)\b", value or ""):
                self.problems.append(f"{tag}[class={value}]")
            if attribute == "id" and (value or "").startswith("__"):
                self.problems.append(f"{tag}[id={value}]")


def test_sanitizer_keeps_theme_markup_and_marks_external_links():
    page = ('<h2 id="syfte">Syfte<a class="headerlink" href="#syfte" title="Länk">¶</a></h2>'
            '<div class="admonition warning"><p class="admonition-title">Obs</p></div>'
            '<details class="note"><summary>Mer</summary><p>x</p></details>'
            '<table><thead><tr><th style="text-align: left;">A</th></tr></thead></table>'
            '<p><a href="https://www.siq.se/">SIQ</a> <a href="https://intranat.exempelkommun.se/x">Intranät</a> '
            '<a href="../metoder/swot/">SWOT</a> <a href="https://exempelkommun.se.example.org/">Falsk</a></p>')
    clean = safety.sanitize(page, ("exempelkommun.se",))
    for kept in ('<h2 id="syfte">', 'class="headerlink" href="#syfte"', 'class="admonition warning"',
                 '<details class="note"><summary>Mer</summary>', '<th class="handbok-justera-left">'):
        assert kept in clean
    assert clean.count('<span class="extern-lank__markor">(extern länk)</span>') == 2
    assert '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ' in clean
    assert '<a href="https://intranat.exempelkommun.se/x">Intranät</a>' in clean
    assert '<a href="../metoder/swot/">SWOT</a>' in clean


@pytest.mark.parametrize("url, external", [
    ("//evil.example/x", True),
    ("/\\evil.example/x", True),
    ("\\\\evil.example/x", True),
    ("https://evil.example\\@intranat.exempelkommun.se/", True),
    ("https://intranat.exempelkommun.se@evil.example/", True),
    ("HTTPS://EVIL.EXAMPLE/", True),
    ("https://intranat.exempelkommun.se/x", False),
    ("https://exempelkommun.se/", False),
    ("../metoder/swot/", False),
    ("#syfte", False),
    ("mailto:kvalitet@exempelkommun.se", False),
])
def test_external_links_are_judged_as_browsers_parse_them(url: str, external: bool):
    assert safety.is_external(url, ("exempelkommun.se",)) is external


def test_plain_text_is_escaped_for_every_theme_context():
    for text in payloads.PLAIN.values():
        plain = safety.plain_text(text)
        assert "<" not in plain and ">" not in plain
        assert "<" not in html.unescape(plain).replace("<", "") and "&" not in plain.replace("&amp;", "").replace(
            "&lt;", "").replace("&gt;", "").replace("&quot;", "").replace("&#x27;", "")


def test_policy_classes_cover_every_template():
    """Every class our page templates write survives the sanitiser."""
    templates = (ROOT / "handbok" / "templates")
    for template in templates.glob("*.md.j2"):
        for classes in re.findall(r'class="([^"{]*)"|\{ ?\.([\w-]+) ?\}', template.read_text(encoding="utf-8")):
            for css_class in " ".join(classes).split():
                assert policy.allowed_value("div", "class", css_class) == css_class, (template.name, css_class)
