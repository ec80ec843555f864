"""Keep script, off-site requests and theme breakage out of the handbook, with one policy (handbok/policy.py).

`sanitize` cleans every rendered page. `content_errors` is `handbok check`'s side: it renders each text an
editor wrote with the site's Markdown and reports, with file, line and column, everything the policy would
drop or change, so nothing vanishes silently from a page. It also covers what never passes through Markdown:
names and titles (printed by the theme), docs front matter, URL fields, file names, static files and symlinks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import ada_url
import markdown
import nh3

from handbok.content import policy

MARKDOWN_EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "def_list", "tables",
                       "pymdownx.details", "pymdownx.superfences"]
"""The Markdown extensions of mkdocs.yml (a test keeps the two lists equal): the check renders with them."""

MESSAGES: dict[str, tuple[str, str]] = {
    "skript": ("innehåller en `<{detail}>`-tagg. Skript är inte tillåtna i handboken",
               "Ta bort taggen. Vill du visa taggen som text, skriv den inom backticks: `` `<{detail}>` ``"),
    "inbäddat": ("innehåller en `<{detail}>`-tagg. Inbäddat innehåll från andra sidor är inte tillåtet",
                 "Ta bort taggen och länka i stället: `[Länktext](https://intranat.exempelkommun.se/...)`"),
    "grafik": ("innehåller en `<{detail}>`-tagg. Grafik som kod kan köra skript och är inte tillåten",
               "Ta bort taggen. Lägg bilden som fil i docs/ och visa den med `![Beskrivning](bild.png)`"),
    "sidmall": ("innehåller en `<{detail}>`-tagg. Sidans utseende och inställningar styrs av temat",
                "Ta bort taggen. Använd Markdown för rubriker, fetstil och listor"),
    "formulär": ("innehåller en `<{detail}>`-tagg. Formulär och fält är inte tillåtna i texten",
                 "Ta bort taggen. Räknare läggs in med en rad `[[räknare: namn]]`"),
    "media": ("innehåller en `<{detail}>`-tagg. Ljud och film spelas inte upp i handboken",
              "Ta bort taggen. Lägg filmen på intranätet och länka till den"),
    "tagg": ("innehåller en `<{detail}>`-tagg, som inte är tillåten och tas bort från sidan",
             "Skriv texten i Markdown i stället. Vill du visa taggen som text, skriv den inom backticks"),
    "händelse": ("har attributet `{detail}` i en HTML-tagg. Det kör skript när läsaren använder sidan",
                 "Ta bort attributet `{detail}`. Skriv helst texten i Markdown utan HTML"),
    "attribut": ("har attributet `{detail}`, som inte är tillåtet och tas bort från sidan",
                 "Ta bort attributet. Utseendet styrs av temat; i tabeller justerar du kolumner med `:---:`"),
    "klass": ("har klassen `{detail}`, som inte finns i handbokens utseende och tas bort",
              "Ta bort klassen. För en ruta med rubrik, skriv `!!! tip \"Rubrik\"` och texten indragen under"),
    "id": ("har id `{detail}`, som inte är tillåtet (det kan krocka med sidans egna delar)",
           "Ta bort id:t, eller använd små bokstäver, siffror och bindestreck som inte börjar med `__`"),
    "länk": ("har en länk som börjar med `{detail}:`. Sådana länkar kan köra skript eller dölja innehåll",
             "Använd en adress som börjar med https:// eller en relativ länk som `../metoder/swot.md`"),
    "bild": ("hämtar en bild från en annan webbplats (`{detail}`). Handboken hämtar aldrig något utifrån",
             "Spara bilden i docs/, t.ex. docs/bilder/namn.png, och skriv `![Beskrivning](../bilder/namn.png)`"),
    "ändras": ("innehåller HTML som ändras när sidan byggs ({detail})",
               "Skriv texten i Markdown utan HTML"),
    "kommentar": ("innehåller `<!--` utan ett avslutande `-->`. Resten av texten kan försvinna från sidan",
                  "Ta bort `<!--`, eller avsluta kommentaren med `-->`"),
    "vinkel": ("innehåller `{detail}`. Namn och rubriker får inte innehålla `<` eller `>`, inte heller som "
               "`&lt;` eller `&gt;`", "Skriv om utan vinkelparenteser, t.ex. `mindre än`"),
    "adress": ("innehåller tecknet `{detail}`, som inte får stå i en adress", "Skriv adressen utan mellanslag, "
               "parenteser, hakparenteser, citattecken och vinkelparenteser, eller koda tecknet (`(` blir `%28`)"),
}
"""Finding kind -> (what is wrong, how to fix it). The editor guide shows them through the real check."""

TAG_KINDS = {
    "script": "skript", "noscript": "skript", "template": "skript",
    "iframe": "inbäddat", "frame": "inbäddat", "frameset": "inbäddat", "object": "inbäddat", "embed": "inbäddat",
    "applet": "inbäddat", "portal": "inbäddat",
    "svg": "grafik", "math": "grafik", "canvas": "grafik",
    "style": "sidmall", "link": "sidmall", "meta": "sidmall", "base": "sidmall", "body": "sidmall",
    "html": "sidmall", "head": "sidmall", "title": "sidmall",
    "form": "formulär", "input": "formulär", "button": "formulär", "select": "formulär",
    "textarea": "formulär", "option": "formulär", "label": "formulär",
    "video": "media", "audio": "media", "source": "media", "track": "media", "picture": "media",
}
"""A tag the policy drops -> the message that explains why; any other dropped tag gets the general one."""


@dataclass(frozen=True, order=True)
class Finding:
    """One thing the policy drops or changes; line and column are 1-based within the scanned text."""

    line: int
    column: int
    kind: str
    detail: str

    @property
    def message(self) -> str:
        """`<problem>. <fix>.`, to follow a subject such as "fältet `beskrivning`"."""
        problem, fix = MESSAGES[self.kind]
        return f"{problem.format(detail=self.detail)}. {fix.format(detail=self.detail)}."


# --- Reading what an editor wrote the way the page will show it ------------------------------------------

_MARKDOWN = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


def render(text: str) -> str:
    """The HTML the site's Markdown makes of `text`."""
    _MARKDOWN.reset()
    return policy.aligned_by_class(_MARKDOWN.convert(text))


def scan(text: str) -> list[Finding]:
    """Everything the policy would drop or change in Markdown `text`, in order, one finding per construct."""
    return list(_scan(text))


@lru_cache(maxsize=65536)
def _scan(text: str) -> tuple[Finding, ...]:
    """Remembered per text: `make serve` checks the whole handbook on every save, and only the edited text is
    new (bench/preview.py)."""
    rendered = render(text)
    problems = _Problems(rendered).found + _raw_problems(text)
    if not problems and _shape(sanitize_fragment(rendered)) != _shape(rendered):
        problems = [("ändras", "kontrollera HTML-taggarna", "<")]
    found: dict[tuple[str, str], Finding] = {}
    for kind, detail, needle in problems:
        line, column = _locate(text, needle)
        found.setdefault((kind, detail), Finding(line, column, kind, detail))
    return tuple(sorted(found.values()))


def plain_findings(text: str) -> list[Finding]:
    """Names and titles: printed by the theme, which decodes entities, so `&lt;` counts as `<`."""
    decoded = html.unescape(html.unescape(text))
    if "<" not in decoded and ">" not in decoded:
        return scan(text)
    first = _ANGLE.search(text)
    return [Finding(*_position(text, first.start() if first else 0), "vinkel", first.group(0) if first else "<")]


_ANGLE = re.compile(r"<|>|&(?:amp;)?(?:lt|gt|#0*6[02]|#x0*3[ce]);", re.IGNORECASE)


URL_FORBIDDEN = " \t\r\n()<>[]{}\"'`\\|^"


def url_findings(url: str) -> list[Finding]:
    """URL and e-mail fields end up inside Markdown link syntax: a `)` or `]` would break out of it."""
    bad = next((c for c in url.strip() if c in URL_FORBIDDEN or ord(c) < 32), None)
    if bad is None:
        return []
    shown = {" ": "mellanslag", "\t": "tabb"}.get(bad, bad)
    return [Finding(*_position(url, url.index(bad)), "adress", shown)]


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _locate(text: str, pattern: str) -> tuple[int, int]:
    """Where `pattern` first matches the editor's text, or the text with entities decoded (same lines), else
    the start."""
    for haystack in (text, html.unescape(text)):
        match = re.search(pattern, haystack, re.IGNORECASE) if pattern else None
        if match:
            return _position(haystack, match.start())
    return 1, 1


def _tag(tag: str) -> str:
    return rf"<\s*{re.escape(tag)}\b"


def _attribute(name: str) -> str:
    return rf"(?<![\w-]){re.escape(name)}\s*="


def _word(word: str) -> str:
    return rf"(?<![\w-]){re.escape(word)}(?![\w-])"


def _value(value: str) -> str:
    """`value` as written, whatever whitespace Markdown has turned tabs into."""
    return r"\s*".join(re.escape(c) for c in value[:60] if not c.isspace())


class _Problems(HTMLParser):
    """Walks rendered HTML as a browser reads it (entities decoded) and asks the policy about each part."""

    def __init__(self, rendered: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self.feed(rendered)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in policy.TAGS:
            self.found.append((TAG_KINDS.get(tag, "tagg"), tag, _tag(tag)))
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.found.append(("händelse", name, _attribute(name)))
        elif tag not in policy.TAGS:
            return
        elif not policy.attribute_allowed(tag, name):
            self.found.append(("attribut", name, _attribute(name)))
        elif name == "class":
            for css_class in value.split():
                if policy.allowed_value(tag, name, css_class) is None:
                    self.found.append(("klass", css_class, _word(css_class)))
        elif policy.allowed_value(tag, name, value) is None:
            self._value_problem(name, value)

    def _value_problem(self, name: str, value: str) -> None:
        scheme = policy.url_scheme(value)
        if name == "src" and scheme in (None, "http", "https"):
            self.found.append(("bild", value, _value(value)))
        elif name in policy.URL_ATTRIBUTES:
            self.found.append(("länk", scheme or "", _value(value)))
        else:
            self.found.append(("id", value, _word(value)))


_CODE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[ \t]*$|\Z)|(`+)(?!`).+?(?<!`)\2(?!`)",
                   re.MULTILINE | re.DOTALL)
_HANDLER = re.compile(r"""<[a-zA-Z!/][^>]*?[\s/"'`](on[a-zA-Z]+)\s*=""")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*):[^\s<>]*>")
_TAG = re.compile(r"<([a-zA-Z][\w-]*)(?=[\s/>]|$)")


def _raw_problems(text: str) -> list[tuple[str, str, str]]:
    """Script-capable markup in the source as a browser would read it, outside code. Python-Markdown shows
    `<img/src=x/onerror=...>` as text, but another Markdown engine or a later edit may not: reject it anyway."""
    source = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    found = [(TAG_KINDS.get(tag, "tagg"), tag, _tag(tag)) for tag in
             (m.group(1).lower() for m in _TAG.finditer(source)) if tag not in policy.TAGS]
    found += [("händelse", m.group(1).lower(), _attribute(m.group(1))) for m in _HANDLER.finditer(source)]
    found += [("länk", m.group(1).lower(), re.escape(m.group(0))) for m in _AUTOLINK.finditer(source)
              if m.group(1).lower() not in policy.LINK_SCHEMES]
    if re.search(r"<!--(?![\s\S]*-->)", source):
        found.append(("kommentar", "<!--", "<!--"))
    return found


def _shape(fragment: str) -> list[tuple]:
    """Tags, attributes and text of a fragment, entities decoded, to compare two renderings."""
    shape: list[tuple] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            shape.append(("<", tag, tuple(sorted((n, v or "") for n, v in attrs))))

        def handle_endtag(self, tag):
            shape.append((">", tag))

        def handle_data(self, data):
            if data.strip():
                shape.append(("t", " ".join(data.split())))

    collector = Collect(convert_charrefs=True)
    collector.feed(fragment)
    collector.close()
    return [s for s in shape if s[:2] not in ((">", "br"), (">", "img"), (">", "hr"))]


# --- Defence in depth: what the theme prints and the HTML it is given -------------------------------------

def plain_text(text: str) -> str:
    """`text` as escaped plain text: the theme prints titles raw and strips tags by decoding entities, so only
    text with every `<`, `>`, `&` and quote escaped is safe in all the places it ends up."""
    return html.escape(html.unescape(re.sub(r"<[^>]*>", "", html.unescape(text))))


def safe_front_matter(text: str) -> str:
    """A docs page's text with front matter that holds only allowed keys with plain-text values."""
    import yaml

    from handbok.content.loader import load_text
    from handbok.content.scan import FRONT_MATTER, FRONT_MATTER_KEYS, HIDE_VALUES

    match = FRONT_MATTER.match(text)
    data = load_text("", match.group(1))[0] if match else None
    meta = data.data if data is not None and isinstance(data.data, dict) else {}
    kept: dict[str, object] = {}
    for key, kind in FRONT_MATTER_KEYS.items():
        value = meta.get(key)
        if kind == "hide" and isinstance(value, list):
            kept[key] = [v for v in value if v in HIDE_VALUES]
        elif kind == "text" and isinstance(value, str):
            kept[key] = plain_text(value)
    body = text[match.end():] if match else text
    return "---\n" + yaml.safe_dump(kept, allow_unicode=True) + "---\n" + body


# --- Defence in depth: sanitise rendered HTML -------------------------------------------------------------

_CLEANER = nh3.Cleaner(
    tags=set(policy.TAGS),
    clean_content_tags={"script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript",
                        "textarea", "select", "title"},
    attributes={tag: set(names) for tag, names in policy.ATTRIBUTES.items()},
    generic_attribute_prefixes={policy.ARIA_PREFIX},
    url_schemes=set(policy.LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
    attribute_filter=policy.allowed_value,
)


def sanitize_fragment(fragment: str) -> str:
    """`fragment` with everything the policy does not allow removed."""
    return _CLEANER.clean(policy.aligned_by_class(fragment))


_ANCHOR = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
EXTERNAL_LABEL = "(extern länk)"
_PAGE = "https://handbok.invalid/sida/"
"""Relative links are resolved against this address, which no real link can name."""


def sanitize(page_html: str, internal_domains: tuple[str, ...] = ()) -> str:
    """Clean rendered page HTML and mark links that leave the site and `internal_domains` with a visible
    "(extern länk)"."""
    return _ANCHOR.sub(lambda m: _mark_external(m, internal_domains), sanitize_fragment(page_html))


def is_external(url: str, internal_domains: tuple[str, ...] = ()) -> bool:
    """True for a link a browser would take to another host than the site or one of `internal_domains`,
    parsed the way browsers do (WHATWG URL: `/\\host` and `https://evil\\@site` name another host)."""
    try:
        parsed = ada_url.URL(html.unescape(url), _PAGE)
    except ValueError:
        return False
    if parsed.protocol not in ("http:", "https:"):
        return False
    host = parsed.hostname.lower()
    if host == ada_url.URL(_PAGE).hostname:
        return False
    return not any(host == domain or host.endswith("." + domain) for domain in internal_domains)


def _mark_external(match: re.Match[str], internal_domains: tuple[str, ...]) -> str:
    anchor = match.group(0)
    if not is_external(match.group(1), internal_domains) or "extern-lank" in anchor:
        return anchor
    start_tag = anchor[:anchor.index(">")]
    if ' class="' in start_tag:
        start_tag = start_tag.replace(' class="', ' class="extern-lank ', 1)
    else:
        start_tag += ' class="extern-lank"'
    start_tag += ' rel="noopener noreferrer"'
    return f'{start_tag}>{match.group(2)} <span class="extern-lank__markor">{EXTERNAL_LABEL}</span></a>'
