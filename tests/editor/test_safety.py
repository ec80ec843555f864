"""Safe content: the check rejects every XSS payload with file:line, and the sanitiser holds on its own."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbok import safety, schema

from .conftest import ROOT
from .xss_payloads import PAYLOADS


def _method_with(payload: str) -> str:
    data = yaml.safe_load((ROOT / "handbook" / "metoder" / "swot.yml").read_text(encoding="utf-8"))
    data["beskrivning"] = payload
    return schema.header("metod") + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 20


def test_check_rejects_every_payload_in_yaml_and_docs(repo: Path, run):
    for name, payload in PAYLOADS.items():
        (repo / "handbook" / "metoder" / f"xss-{name}.yml").write_text(_method_with(payload), encoding="utf-8")
        (repo / "docs" / f"xss-{name}.md").write_text(f"# Sida\n\nInledning.\n\n{payload}\n", encoding="utf-8")
    code, out, _ = run("check", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    assert code == 1
    for name in PAYLOADS:
        text = (repo / "handbook" / "metoder" / f"xss-{name}.yml").read_text(encoding="utf-8").splitlines()
        field_line = next(i for i, line in enumerate(text, 1) if line.startswith("beskrivning:"))
        yaml_errors = re.findall(rf"^handbook/metoder/xss-{re.escape(name)}\.yml:(\d+):\d+: fältet `beskrivning` "
                                 r"(?:innehåller|har) .+\. .+\.$", out, re.MULTILINE)
        assert yaml_errors, name
        assert all(field_line <= int(line) <= len(text) for line in yaml_errors), name
        docs_errors = re.findall(rf"^docs/xss-{re.escape(name)}\.md:(\d+):\d+: sidan ", out, re.MULTILINE)
        assert docs_errors and all(int(line) >= 5 for line in docs_errors), name


def test_literal_block_errors_point_at_the_exact_line():
    text = "beskrivning: |\n  Rad ett.\n\n  Rad <img src=x onerror=alert(1)> tre.\n"
    [error] = safety.yaml_errors("handbook/metoder/x.yml", text)
    assert (error.line, error.column) == (4, 7)


def test_shipped_content_and_docs_are_clean():
    assert safety.content_errors(ROOT / "handbook", ROOT / "docs") == []


@pytest.mark.parametrize("text", [
    "Vanlig **text** med [länk](https://intranat.exempelkommun.se/x) och [relativ](../metoder/swot.md).",
    "Jämför a < b och c > d, och skriv `&lt;script&gt;` som text.",
    "En tabell:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
    "Se [SIQ](https://www.siq.se/) eller mejla [oss](mailto:kvalitet@exempelkommun.se).",
    "Svaret kommer [[räknare: risk]] här.",
])
def test_ordinary_markdown_passes(text: str):
    assert safety.scan(text) == []


def test_skip_switch_is_test_only_and_explicit(monkeypatch, repo: Path):
    (repo / "docs" / "x.md").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert safety.content_errors(repo / "handbook", repo / "docs")
    monkeypatch.setenv(safety.SKIP_ENV, "1")
    assert safety.content_errors(repo / "handbook", repo / "docs") == []


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_sanitizer_alone_removes_payload(name: str):
    import markdown

    rendered = markdown.markdown(PAYLOADS[name], extensions=["attr_list", "md_in_html", "tables"])
    found = _Unsafe()
    found.feed(safety.sanitize(rendered))
    assert found.problems == []


class _Unsafe(HTMLParser):
    """Independent of `safety`: tags, handlers and URLs as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "svg", "math", "style", "meta", "form", "base", "link"}:
            self.problems.append(tag)
        for attribute, value in attrs:
            squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value or "")).lower()
            if attribute.startswith("on") or re.match(r"(javascript|vbscript|data):", squeezed):
                self.problems.append(f"{tag}[{attribute}={value}]")


def test_sanitizer_keeps_theme_markup_and_marks_external_links():
    html = ('<h2 id="syfte">Syfte<a class="headerlink" href="#syfte" title="Länk">¶</a></h2>'
            '<div class="admonition warning"><p class="admonition-title">Obs</p></div>'
            '<details class="note"><summary>Mer</summary><p>x</p></details>'
            '<table><thead><tr><th style="text-align: left;">A</th></tr></thead></table>'
            '<p><a href="https://www.siq.se/">SIQ</a> <a href="https://intranat.exempelkommun.se/x">Intranät</a> '
            '<a href="../metoder/swot/">SWOT</a> <a href="https://exempelkommun.se.example.org/">Falsk</a></p>')
    clean = safety.sanitize(html)
    for kept in ('<h2 id="syfte">', 'class="headerlink" href="#syfte"', 'class="admonition warning"',
                 '<details class="note"><summary>Mer</summary>', 'style="text-align:left"'):
        assert kept in clean
    assert clean.count('<span class="extern-lank__markor">(extern länk)</span>') == 2
    assert '<a href="https://www.siq.se/" class="extern-lank" rel="noopener noreferrer">SIQ' in clean
    assert '<a href="https://intranat.exempelkommun.se/x">Intranät</a>' in clean
    assert '<a href="../metoder/swot/">SWOT</a>' in clean
