"""mkdocs-material's built output, made to work on any host, port and base path.

The theme's instant navigation only takes over links it finds in `sitemap.xml`, compared as absolute
addresses with `site_url`'s port and path, so a site built for one address does full page loads (and
restarts the calculators) everywhere else. The build writes a list of its pages with relative addresses
and points the theme's bundle at it, resolved against the address the reader actually uses. The patches
are exact string replacements for the pinned theme versions (mkdocs-material's bundle, and the newer one
Zensical ships, which keeps the port and rebases paths itself but still reads `sitemap.xml` and wants absolute
entries); a changed bundle stops the build with a Swedish message instead of silently losing instant
navigation.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

PAGE_LIST = "assets/handbok/sidor.xml"
SITEMAP = ('new URL("sitemap.xml",e)', f'new URL("{PAGE_LIST}",e)')
PATCHES = {
    "mkdocs-material": (
        SITEMAP,
        ("fi(new URL(n.textContent),t)", "fi(n.textContent,t)"),
        ("function fi(e,t){return e.protocol=t.protocol,e.hostname=t.hostname,e}",
         "function fi(e,t){return new URL(e,t)}"),
    ),
    "Zensical": (
        SITEMAP,
        ('Rc(new URL(Y("loc",a).textContent),t)', 'Rc(new URL(Y("loc",a).textContent,t),t)'),
        # its search dialog styles its shadow root with an inline <style>, which the strict CSP blocks; a
        # constructed style sheet carries the same rules and needs no 'unsafe-inline'
        ('o.appendChild(C("style",{},Tc.toString()))',
         "(s=>(s.replaceSync(Tc),o.adoptedStyleSheets=[s]))(new CSSStyleSheet)"),
    ),
}
"""Theme -> (theme code, replacement): read the page list, and resolve its relative addresses against the
site's base. The first set whose every part the bundle holds is applied.
The search dialog of Zensical's bundle gets its styles without an inline <style> (docs/om/publicera.md's CSP)."""


class ThemeError(RuntimeError):
    """The theme's bundle is not the one the patches were written for; the message is for the builder."""


def adapt(site_dir: Path, page_urls: Iterable[str], site_url: str | None) -> None:
    """Patch the bundle, write the page list, and drop the sitemap when no real address is configured."""
    _patch_bundle(site_dir)
    entries = "".join(f"<url><loc>{html.escape(url)}</loc></url>" for url in page_urls)
    (site_dir / PAGE_LIST).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / PAGE_LIST).write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset>{entries}</urlset>\n',
                                      encoding="utf-8")
    if not site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / name).unlink(missing_ok=True)


def _patch_bundle(site_dir: Path) -> None:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise ThemeError("Hittar inte temats skript (assets/javascripts/bundle.*.min.js) i det byggda webbplatsen.")
    text = bundles[0].read_text(encoding="utf-8")
    for patches in PATCHES.values():
        if all(text.count(old) == 1 or text.count(new) == 1 for old, new in patches):
            for old, new in patches:
                text = text.replace(old, new)
            bundles[0].write_text(text, encoding="utf-8")
            return
    raise ThemeError(f"Temats skript {bundles[0].name} är inte den version handboken är anpassad för. Lås "
                     "mkdocs-material och zensical till versionerna i uv.lock, eller uppdatera PATCHES i "
                     "handbok/site/theme.py.")


NO_ADDRESS = ("Ingen adress för webbplatsen (site_url i mkdocs.yml). Handboken fungerar på vilken adress och "
              "sökväg som helst, men får inga kanoniska länkar och ingen sitemap.xml. Ange site_url när du "
              "bygger för publicering (se Om handboken > Publicera på intranätet).")
