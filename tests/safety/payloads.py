"""Payloads an editor could paste, by mistake or on purpose, into every place that reaches a page.

Each would run script, load something from another origin, or break the theme if it reached the browser
unchanged. `handbok check` must reject every one with file and line; with the check bypassed, the built
pages must still run none of them (tests/safety/test_browser.py). `alert(...)` names its payload, so a
dialog in the browser says which one got through.
"""

from __future__ import annotations

EVIL = "https://evil.example"

MARKDOWN: dict[str, str] = {
    "script-tag": "Text före.\n\n<script>alert('script-tag')</script>\n",
    "script-versaler": "<SCRIPT>alert('script-versaler')</SCRIPT>",
    "script-src": "<script src=\"data:text/javascript,alert('script-src')\"></script>",
    "script-nastlad": "<scr<script>ipt>alert('script-nastlad')</scr</script>ipt>",
    "img-onerror": "<img src=x onerror=\"alert('img-onerror')\">",
    "img-snedstreck": "<img/src=x/onerror=alert('img-snedstreck')>",
    "img-backtick": "<img src=`x`onerror=alert('img-backtick')>",
    "svg-onload": "<svg onload=\"alert('svg-onload')\"></svg>",
    "svg-script": "<svg><script>alert('svg-script')</script></svg>",
    "details-ontoggle": "<details open ontoggle=\"alert('details-ontoggle')\"><summary>x</summary></details>",
    "div-onmouseover": "<div onmouseover=\"alert('div-onmouseover')\" style=\"position:fixed;inset:0\">x</div>",
    "body-onload": "<body onload=\"alert('body-onload')\">",
    "input-autofocus": "<input autofocus onfocus=\"alert('input-autofocus')\">",
    "md-javascript-lank": "[Klicka här](javascript:alert('md-javascript-lank'))",
    "md-javascript-bild": "![bild](javascript:alert('md-javascript-bild'))",
    "md-referenslank": "[Klicka][ref]\n\n[ref]: javascript:alert('md-referenslank')\n",
    "md-vinkellank": "<javascript:alert('md-vinkellank')>",
    "html-javascript-lank": "<a href=\"javascript:alert('html-javascript-lank')\">Klicka</a>",
    "entitet-javascript": "<a href=\"jav&#x61;script:alert('entitet-javascript')\">Klicka</a>",
    "entitet-decimal": ("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;"
                        ":alert('entitet-decimal')\">x</a>"),
    "tabb-i-schema": "<a href=\"java\tscript:alert('tabb-i-schema')\">Klicka</a>",
    "entitet-tabb": "<a href=\"java&#09;script:alert('entitet-tabb')\">Klicka</a>",
    "entitet-kolon": "<a href=\"javascript&colon;alert('entitet-kolon')\">Klicka</a>",
    "vbscript-lank": "<a href=\"vbscript:msgbox('vbscript-lank')\">Klicka</a>",
    "data-url-lank": "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+\">Klicka</a>",
    "md-data-url": "[Klicka](data:text/html,<script>alert('md-data-url')</script>)",
    "iframe-srcdoc": "<iframe srcdoc=\"<script>parent.alert('iframe-srcdoc')</script>\"></iframe>",
    "iframe-javascript": "<iframe src=\"javascript:alert('iframe-javascript')\"></iframe>",
    "iframe-extern": f"<iframe src=\"{EVIL}/ram\"></iframe>",
    "object-data": "<object data=\"javascript:alert('object-data')\"></object>",
    "embed-svg": "<embed src=\"data:image/svg+xml,<svg onload=alert('embed-svg')>\">",
    "style-import": "<style>@import 'javascript:alert(\"style-import\")';</style>",
    "style-extern": f"<style>body {{ background: url({EVIL}/bg.png) }}</style>",
    "link-stylesheet": f"<link rel=\"stylesheet\" href=\"{EVIL}/x.css\">",
    "meta-refresh": "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta-refresh')\">",
    "base-href": f"<base href=\"{EVIL}/\">",
    "form-action": "<form action=\"javascript:alert('form-action')\"><button>Skicka</button></form>",
    "attr-list-onclick": "Klicka på stycket.\n{: onclick=\"alert('attr-list-onclick')\" }\n",
    "attr-list-style": "Stycket täcker sidan.\n{: style=\"position:fixed;inset:0;z-index:9\" }\n",
    "attr-list-id": "Stycket tar sökrutans plats.\n{: #__search }\n",
    "math-mglyph": "<math><mtext><table><mglyph><style><img src=x onerror=alert('math-mglyph')>",
    "video-source": "<video><source onerror=\"alert('video-source')\"></video>",
    "video-extern": f"<video src=\"{EVIL}/film.mp4\" autoplay></video>",
    "audio-extern": f"<audio src=\"{EVIL}/ljud.mp3\" autoplay></audio>",
    "button-formaction": "<button formaction=\"javascript:alert('button-formaction')\">Skicka</button>",
    "img-extern": f"<img src=\"{EVIL}/spar.png\" alt=\"spårning\">",
    "img-protokollrelativ": "<img src=\"//evil.example/spar.png\" alt=\"x\">",
    "img-snedstreck-host": "<img src=\"/\\evil.example/spar.png\" alt=\"x\">",
    "img-srcset": f"<img src=\"bild.png\" srcset=\"{EVIL}/spar.png 2x\" alt=\"x\">",
    "md-bild-extern": f"![spårning]({EVIL}/spar.png)",
    "md-bild-protokollrelativ": "![spårning](//evil.example/spar.png)",
    "md-bild-referens": f"![spårning][bild]\n\n[bild]: {EVIL}/spar.png\n",
    "picture-source": f"<picture><source srcset=\"{EVIL}/spar.png\"><img src=\"bild.png\" alt=\"x\"></picture>",
    "pre-mermaid": "<pre class=\"mermaid\">graph TD; A-->B</pre>",
    "attr-list-mermaid": "```\ngraph TD\n```\n{: .mermaid }\n\nText.\n{: .mermaid }\n",
    "span-fixed": "<span style=\"position:fixed;inset:0;background:#fff\">Sidan är flyttad</span>",
    "plaintext": "Text <plaintext>",
    "kommentar-oppen": "Text <!-- resten av sidan försvinner",
    "template-tag": "<template><img src=x onerror=\"alert('template-tag')\"></template>",
    "noscript-mxss": "<noscript><p title=\"</noscript><img src=x onerror=alert('noscript-mxss')>\"></noscript>",
    "textarea-mxss": "<textarea><img title=\"</textarea><img src=x onerror=alert('textarea-mxss')>\"></textarea>",
    "a-ping": f"<a href=\"../index.md\" ping=\"{EVIL}/ping\">Start</a>",
    "klass-tema": "<div class=\"md-dialog md-dialog--active\">Falsk dialog</div>",
}
"""Markdown text: YAML description, steps and tips, and a docs page's body."""

PLAIN: dict[str, str] = {
    "titel-entitet": "SWOT &lt;/title&gt;&lt;img src=x onerror=alert('titel-entitet')&gt;",
    "titel-decimal": "SWOT &#60;/title&#62;&#60;img src=x onerror=alert('titel-decimal')&#62;",
    "titel-hex": "SWOT &#x3c;/title&#x3e;&#x3c;img src=x onerror=alert('titel-hex')&#x3e;",
    "titel-dubbel": "SWOT &amp;lt;/title&amp;gt;&amp;lt;img src=x onerror=alert('titel-dubbel')&amp;gt;",
    "titel-rak": "SWOT </title><img src=x onerror=alert('titel-rak')>",
    "titel-bild": f"SWOT ![x]({EVIL}/spar.png)",
    "titel-lank": "SWOT [klicka](javascript:alert('titel-lank'))",
}
"""Names and headings: the theme prints them in <title>, the navigation and the search index."""

URLS: dict[str, str] = {
    "url-bild": f"https://intranat.exempelkommun.se/x)![x]({EVIL}/t.png",
    "url-citat": "https://intranat.exempelkommun.se/x\"onmouseover=\"alert('url-citat')",
    "url-vinkel": "https://intranat.exempelkommun.se/<img/src=x/onerror=alert('url-vinkel')>",
    "url-hakparentes": f"https://intranat.exempelkommun.se/x] [y]({EVIL}/t.png",
    "url-mellanslag": "https://intranat.exempelkommun.se/x \"titel\"",
}
"""URL fields: a link's `url` and a contact's `intranät`, which the templates put inside `[text](url)`."""

EMAILS: dict[str, str] = {
    "epost-bild": f"kvalitet@exempelkommun.se)![x]({EVIL}/t.png?.se",
    "epost-vinkel": "kvalitet<img/src=x/onerror=alert('epost-vinkel')>@exempelkommun.se",
}

HANDBOOK: dict[str, str] = {
    "organisation": "Exempelkommun <plaintext>",
    "titel": "Kvalitetshandbok <!--",
    "undertitel": "<span style=\"position:fixed;inset:0;background:#fff;z-index:9\">Flyttad</span>",
    "version": "6.0</title><script>alert('version')</script>",
    "beslut.organ": "Kommunstyrelsen <img src=x onerror=alert('beslut-organ')>",
    "beslut.referens": "KS &lt;script&gt;alert('beslut-referens')&lt;/script&gt;",
    "introduktion": f"Välkommen. ![x]({EVIL}/spar.png)",
}
"""`handbook.yml` fields: printed on every page by the footer and the start page."""

FRONT_MATTER: dict[str, str] = {
    "fm-titel-escape": 'title: "\\x3cimg src=x onerror=alert(\'fm-titel-escape\')\\x3e"\n',
    "fm-beskrivning": 'description: "\\"><script>alert(\'fm-beskrivning\')</script>"\n',
    "fm-redirect-js": "template: redirect.html\nlocation: javascript:alert('fm-redirect-js')\n",
    "fm-redirect-extern": f"template: redirect.html\nlocation: {EVIL}/\n",
    "fm-ikon": "icon: ../../../../etc/passwd\n",
    "fm-alias": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b\n",
    "fm-hide-okand": "hide:\n  - header\n",
}
"""Docs front matter, between `---` lines at the top of a page."""

STATIC_FILES: dict[str, str] = {
    "sida.html": "<script>alert('sida.html')</script>",
    "sida.htm": "<script>alert('sida.htm')</script>",
    "bild.svg": "<svg xmlns='http://www.w3.org/2000/svg' onload=\"alert('bild.svg')\"/>",
    "skript.js": "alert('skript.js')",
    "sida.xhtml": "<html xmlns='http://www.w3.org/1999/xhtml'><script>alert('sida.xhtml')</script></html>",
    "data.xml": "<?xml version='1.0'?><x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert('data.xml')</x:script>",
}
"""Files in docs/ that the site would publish as they are."""

FILE_NAMES: tuple[str, ...] = (
    "\"><img src=x onerror=alert('filnamn')>.md",
    "sida med mellanslag.md",
    "Versaler.md",
)

SYMLINKS: dict[str, str] = {
    "docs/miljo.md": "/proc/self/environ",
    "docs/losenord.png": "/etc/passwd",
    "handbook/metoder/lank.yml": "/proc/self/environ",
}
"""Link -> target: a symlink would publish any file the build machine can read."""


def count() -> int:
    return sum(map(len, (MARKDOWN, PLAIN, URLS, EMAILS, HANDBOOK, FRONT_MATTER, STATIC_FILES, FILE_NAMES,
                         SYMLINKS)))
