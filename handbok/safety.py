"""Keep script out of the handbook.

Two layers. `scan` rejects unsafe markup in editor-written Markdown (YAML text fields and docs/*.md) so
`handbok check` can name the file, line and column. `sanitize` cleans the rendered HTML of every page with nh3
as defence in depth, and marks links that leave the municipality's own sites.

The scan is deliberately conservative: it does not try to guess which parts of a text Markdown will treat as
code, so a forbidden tag is rejected even inside backticks. Write `&lt;script&gt;` to show such a tag as text.
"""

from __future__ import annotations

import html
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from handbok.errors import ContentError, field_name
from handbok.loader import refusal

SKIP_ENV = "HANDBOK_SKIP_SAFETY"
"""Test-only switch: when set to 1, the check skips `scan` so the browser test can prove `sanitize` alone holds."""

INTERNAL_DOMAIN = "exempelkommun.se"
"""Links to this domain and its subdomains (the intranet) are internal; all other absolute links are external."""

FORBIDDEN_TAGS: dict[str, str] = {
    "script": "skript",
    "iframe": "inbäddat innehåll", "frame": "inbäddat innehåll", "frameset": "inbäddat innehåll",
    "object": "inbäddat innehåll", "embed": "inbäddat innehåll", "applet": "inbäddat innehåll",
    "portal": "inbäddat innehåll",
    "svg": "svg-grafik", "math": "svg-grafik",
    "style": "sidmall", "link": "sidmall", "meta": "sidmall", "base": "sidmall",
    "form": "formulär",
}
"""Tag -> error class. Everything else is left to `sanitize`."""

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "background", "poster", "srcset",
                            "lowsrc", "dynsrc", "codebase", "cite", "xlink:href", "ping"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")

MESSAGES: dict[str, tuple[str, str]] = {
    "skript": ("innehåller en `<{tag}>`-tagg. Skript är inte tillåtna i handboken",
               "Ta bort taggen. Vill du visa en tagg som text, skriv `&lt;{tag}&gt;`"),
    "inbäddat innehåll": ("innehåller en `<{tag}>`-tagg. Inbäddat innehåll från andra sidor är inte tillåtet",
                          "Ta bort taggen och länka i stället: `[Länktext](https://intranat.exempelkommun.se/...)`"),
    "svg-grafik": ("innehåller en `<{tag}>`-tagg. Grafik som kod kan köra skript och är inte tillåten",
                   "Ta bort taggen. Lägg bilden som fil i docs/ och visa den med `![Beskrivning](bild.png)`"),
    "sidmall": ("innehåller en `<{tag}>`-tagg. Sidans utseende och inställningar styrs av temat",
                "Ta bort taggen. Använd Markdown för rubriker, fetstil och listor"),
    "formulär": ("innehåller en `<{tag}>`-tagg. Formulär är inte tillåtna i texten",
                 "Ta bort taggen. Räknare läggs in med en rad `[[räknare: namn]]`"),
    "händelse": ("har attributet `{attribute}` i en HTML-tagg. Det kör skript när läsaren använder sidan",
                 "Ta bort attributet `{attribute}`. Skriv helst texten i Markdown utan HTML"),
    "länk": ("har en länk som börjar med `{scheme}`. Sådana länkar kan köra skript eller dölja innehåll",
             "Använd en adress som börjar med https:// eller en relativ länk som `../metoder/swot.md`"),
}
"""Error class -> (what is wrong, how to fix it). `handbok check` and the editor guide use these."""


@dataclass(frozen=True, order=True)
class Finding:
    """One piece of unsafe markup; line and column are 1-based within the scanned text."""

    line: int
    column: int
    kind: str
    detail: str

    @property
    def problem(self) -> str:
        return MESSAGES[self.kind][0].format(tag=self.detail, attribute=self.detail, scheme=self.detail)

    @property
    def fix(self) -> str:
        return MESSAGES[self.kind][1].format(tag=self.detail, attribute=self.detail, scheme=self.detail)

    @property
    def message(self) -> str:
        """`<problem>. <fix>.`, to follow a subject such as "fältet `beskrivning`"."""
        return f"{self.problem}. {self.fix}."


_enforced: ContextVar[bool] = ContextVar("enforced", default=False)


def skipped() -> bool:
    """True when the test-only switch turns the scan off (and no `enforced()` block turns it back on)."""
    return os.environ.get(SKIP_ENV) == "1" and not _enforced.get()


@contextmanager
def enforced():
    """Scan even under the test-only switch: the editor guide's examples must show the real messages."""
    token = _enforced.set(True)
    try:
        yield
    finally:
        _enforced.reset(token)


def scan(text: str) -> list[Finding]:
    """Every unsafe construct in a Markdown text, sorted by position, one finding per construct."""
    found: dict[tuple[int, str, str], Finding] = {}
    for offset, kind, detail in (*_tags(text), *_attributes(text), *_markdown_urls(text)):
        line, column = _position(text, offset)
        found.setdefault((offset, kind, detail), Finding(line, column, kind, detail))
    return sorted(found.values())


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_TAG = re.compile(r"<([a-zA-Z][\w:-]*)")
_HANDLER = re.compile(r"""<[a-zA-Z!][^>]*?[\s/"'`](on[a-zA-Z]+)\s*=""")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_IN_LIST = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]*)""")
_MD_INLINE_URL = re.compile(r"\]\s*\(([^)]*)\)")
_MD_REFERENCE_URL = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*(.+)$", re.MULTILINE)
_ANGLE_URL = re.compile(r"<([^<>\s]+:[^<>]*)>")


def _tags(text: str):
    """Forbidden tags, found by a plain pattern so that unclosed or malformed tags are caught too."""
    for match in _TAG.finditer(text):
        tag = match.group(1).lower()
        if tag in FORBIDDEN_TAGS:
            yield match.start(), FORBIDDEN_TAGS[tag], tag


def _attributes(text: str):
    """Event handlers and unsafe URLs in HTML tags and in attribute lists (`{: onclick=... }`)."""
    parser = _AttributeCollector(text)
    yield from parser.findings
    for match in _HANDLER.finditer(text):
        yield match.start(), "händelse", match.group(1).lower()
    for match in _ATTR_LIST.finditer(text):
        for attribute in _ATTR_IN_LIST.finditer(match.group(1)):
            name, value = attribute.group(1).lower(), attribute.group(2).strip("\"'")
            if name.startswith("on"):
                yield match.start(), "händelse", name
            elif scheme := unsafe_scheme(value):
                yield match.start(), "länk", scheme


def _markdown_urls(text: str):
    for pattern in (_MD_INLINE_URL, _MD_REFERENCE_URL, _ANGLE_URL):
        for match in pattern.finditer(text):
            if scheme := unsafe_scheme(match.group(1)):
                yield match.start(1), "länk", scheme


def unsafe_scheme(url: str) -> str | None:
    """The unsafe scheme a browser would see in `url` (after entities and invisible characters), if any."""
    cleaned = re.sub(r"[\x00-\x20\x7f\u00a0\u200b-\u200d\u2060\ufeff]", "", html.unescape(url)).lower()
    cleaned = cleaned.lstrip("<\"'")
    return next((scheme for scheme in UNSAFE_SCHEMES if cleaned.startswith(scheme)), None)


class _AttributeCollector(HTMLParser):
    """Reads attributes the way a browser does (entities decoded), which a pattern alone cannot."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[int, str, str]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        offset = self._line_starts[line - 1] + column
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append((offset, "händelse", name))
            elif name in URL_ATTRIBUTES and value and (scheme := unsafe_scheme(value)):
                self.findings.append((offset, "länk", scheme))
            elif name == "srcdoc":
                self.findings.append((offset, "inbäddat innehåll", tag))

    handle_startendtag = handle_starttag


# --- `handbok check`: every YAML text value and every docs page -----------------------------------------

def content_errors(content_dir: Path, docs_dir: Path | None = None) -> list[ContentError]:
    """Unsafe markup in any text value of the content files and in the Markdown pages of `docs_dir`."""
    if skipped():
        return []
    errors = []
    for path in sorted(content_dir.rglob("*.y*ml")):
        errors += yaml_errors(f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}", _read(path))
    if docs_dir is not None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            shown = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            errors += [ContentError(shown, f.line, f.column, f"sidan {f.message}") for f in scan(_read(path))]
    return errors


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the scan reads every file on every build


def yaml_errors(shown: str, text: str) -> list[ContentError]:
    """Findings in every string value, placed on the file's own line where the value is a `|` block."""
    if refusal(shown, text) is not None:
        return []  # the loader reports it
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except (yaml.YAMLError, RecursionError):
        return []  # the loader reports these
    lines = text.splitlines()
    errors = []
    for loc, node in _scalars(root, ()):
        for finding in scan(node.value):
            line, column = _file_position(node, finding, lines)
            errors.append(ContentError(shown, line, column, f"fältet `{field_name(loc)}` {finding.message}"))
    return errors


def _scalars(node: Node | None, loc: tuple[int | str, ...]):
    """String values with their location (the loader refuses aliases, so the tree has no cycles)."""
    if node is None:
        return
    if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        yield loc, node
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*loc, index))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*loc, key.value))


def _file_position(node: ScalarNode, finding: Finding, lines: list[str]) -> tuple[int, int]:
    """In a literal block (`|`) text line n is file line n after the `|`; elsewhere the value's start."""
    start_line, start_column = node.start_mark.line + 1, node.start_mark.column + 1
    if node.style != "|":
        quote = 1 if node.style in ('"', "'") else 0
        return (start_line, start_column + quote + finding.column - 1) if finding.line == 1 else (start_line, start_column)
    line = start_line + finding.line
    source = lines[line - 1] if line <= len(lines) else ""
    return line, len(source) - len(source.lstrip(" ")) + finding.column


# --- Defence in depth: sanitise rendered HTML -------------------------------------------------------------

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"details", "summary", "section", "figure", "figcaption", "caption", "time",
                                   "abbr", "mark", "small", "sup", "sub", "nav", "span", "div", "hr", "br"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role", "tabindex"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
    "code": {"class"},
}
"""What Python-Markdown, our extensions (toc, admonition, tables, details, superfences, attr_list) and the
page templates produce. Calculator forms are inserted after sanitising, so they need nothing here."""

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"}
    - ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    generic_attribute_prefixes={"aria-"},
    url_schemes={"http", "https", "mailto", "tel"},
    filter_style_properties={"text-align"},
    link_rel=None,
    strip_comments=True,
    attribute_filter=lambda tag, name, value: None if name in URL_ATTRIBUTES and unsafe_scheme(value) else value,
)
"""`attribute_filter` closes a gap: nh3 passes `java<TAB>script:` through as a relative URL, and browsers
remove the tab."""

_ANCHOR = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
EXTERNAL_LABEL = "(extern länk)"


def sanitize(page_html: str) -> str:
    """Clean rendered page HTML and mark external links with a visible "(extern länk)"."""
    return _ANCHOR.sub(_mark_external, _CLEANER.clean(page_html))


def is_external(url: str) -> bool:
    """Absolute http(s) links outside exempelkommun.se and its subdomains."""
    parts = urlsplit(html.unescape(url))
    if parts.scheme not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower()
    return not (host == INTERNAL_DOMAIN or host.endswith("." + INTERNAL_DOMAIN))


def _mark_external(match: re.Match[str]) -> str:
    anchor = match.group(0)
    if not is_external(match.group(1)) or "extern-lank" in anchor:
        return anchor
    start_tag_end = anchor.index(">")
    start_tag = anchor[:start_tag_end]
    if ' class="' in start_tag:
        start_tag = start_tag.replace(' class="', ' class="extern-lank ', 1)
    else:
        start_tag += ' class="extern-lank"'
    start_tag += ' rel="noopener noreferrer"'
    return (f'{start_tag}>{match.group(2)} <span class="extern-lank__markor">{EXTERNAL_LABEL}</span></a>')
