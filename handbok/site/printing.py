"""Marks for printing a single page: links that leave the site get their address printed (print.css).

Material's instant navigation makes every link's href absolute in the browser, so the print style
sheet alone cannot tell a link to another handbook page from one to the intranet. The build marks
the plain outbound links while their hrefs are still as written; links the sanitiser already marks
as external (`extern-lank`) keep their markup.
"""

from __future__ import annotations

import re

PLAIN_OUTBOUND = re.compile(r'<a href="(https?://[^"<>]*)">', re.IGNORECASE)
CLASS = "handbok-ut"


def mark_outbound_links(html: str) -> str:
    """`<a href="https://...">` -> `<a href="https://..." class="handbok-ut">` (the form sanitised HTML has)."""
    return PLAIN_OUTBOUND.sub(rf'<a href="\1" class="{CLASS}">', html)
