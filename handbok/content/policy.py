"""The one HTML policy: what may reach a page from anything an editor writes.

`sanitize` (handbok/safety.py) applies it to every rendered page; `handbok check` reports, with file and line,
everything it would drop or change. Both call `allowed_value`, so the check and the page cannot disagree.
Nothing here may load from another origin: images and other sources must be paths within the site.
"""

from __future__ import annotations

import html
import re

from pygments.token import STANDARD_TYPES

ADMONITIONS = frozenset({"note", "abstract", "info", "tip", "success", "question", "warning", "failure",
                         "danger", "bug", "example", "quote"})
"""Admonition and details types (`!!! tip`, `??? note`); the theme styles each."""

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
"""What Python-Markdown, our extensions and the page templates produce, and what an editor may write."""

ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "scope", "headers"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
}
ARIA_PREFIX = "aria-"

CLASSES = frozenset({
    "admonition", "admonition-title", *ADMONITIONS, "headerlink", "grid", "cards", "highlight", "filename",
    "handbok-granskning", "handbok-feedback", *(f"handbok-justera-{side}" for side in ("left", "right", "center")),
})
"""Classes content may carry: the theme's boxes and grids and our own page templates' blocks. Any other
class could switch on theme behaviour (`mermaid` loads a script from a CDN) or restyle the page."""
CODE_CLASS = re.compile(r"^language-[a-z0-9+#-]+$")
_TOKENS = "|".join(sorted({re.escape(name) for name in STANDARD_TYPES.values() if name}, key=len, reverse=True))
TOKEN_CLASS = re.compile(rf"^(?:{_TOKENS})(?:-[A-Z][A-Za-z]*)*$")
"""Pygments' highlighting classes (`nt`, `l-Scalar-Plain`), allowed on `span` in code blocks only."""

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src"})
ALIGNMENT = re.compile(r'(<t[hd]\b[^>]*?) style="text-align: ?(left|right|center);?"')
"""Markdown's column alignment, the one inline style content needs: it becomes a class (`handbok-justera-left`),
so the site works under `style-src 'self'` without 'unsafe-inline'."""


def aligned_by_class(fragment: str) -> str:
    """`<th style="text-align: left;">` -> `<th class="handbok-justera-left">`."""
    return ALIGNMENT.sub(r'\1 class="handbok-justera-\2"', fragment)

ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$", re.IGNORECASE)
"""Ids from headings and footnotes; never `__search` and the like, which the theme's script looks up."""

_INVISIBLE = re.compile(r"[\x00-\x20\x7f\u00a0\u200b-\u200d\u2060\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` (after entities and invisible characters), lower case."""
    cleaned = _INVISIBLE.sub("", html.unescape(url)).replace("&colon;", ":")
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def is_local(url: str) -> bool:
    """A path within the site: no scheme and no host (`//host`, `/\\host` and `\\\\host` name a host)."""
    cleaned = _INVISIBLE.sub("", html.unescape(url))
    return url_scheme(url) is None and not re.match(r"^[/\\]{2}", cleaned)


def allowed_value(tag: str, name: str, value: str) -> str | None:
    """The value the policy lets through for an attribute already on the allow-list, or None to drop it."""
    if name == "class":
        kept = [c for c in value.split() if _class_allowed(tag, c)]
        return " ".join(kept) or None
    if name == "id":
        return value if ID.match(value) and not value.startswith("__") else None
    if name == "src":
        return value if is_local(value) else None
    if name == "href":
        scheme = url_scheme(value)
        return value if scheme is None or scheme in LINK_SCHEMES else None
    return value


def attribute_allowed(tag: str, name: str) -> bool:
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, ()) or name.startswith(ARIA_PREFIX)


def _class_allowed(tag: str, name: str) -> bool:
    if name in CLASSES:
        return True
    if tag == "code":
        return bool(CODE_CLASS.match(name))
    return tag == "span" and bool(TOKEN_CLASS.match(name))
