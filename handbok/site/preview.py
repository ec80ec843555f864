"""The page `make serve` shows while the handbook has errors, so an editor sees them where they look.

A failed rebuild would leave the browser waiting on the old page; instead every page of the preview becomes
this list, and the next save that fixes the files brings the real pages back (live reload does both).
"""

from __future__ import annotations

import html

from handbok.content.errors import ContentError, plural

TITLE = "Handboken går inte att bygga just nu"


def summary(errors: list[ContentError]) -> str:
    """The errors as the terminal shows them, with the count of files."""
    files = len({error.path for error in errors})
    return "\n".join(map(str, errors)) + f"\n{len(errors)} fel i {plural(files, 'fil', 'filer')}."


def error_page(errors: list[ContentError]) -> str:
    """Markdown for every page of the preview: what to fix, file by file. The messages quote the editor's text,
    so they are escaped and shown as text, never as markup."""
    items = "\n".join(f"<li><p><strong>{html.escape(error.path)}</strong>, rad {error.line}, kolumn {error.column}"
                      f"</p><p>{html.escape(error.message)}</p></li>" for error in errors)
    files = len({error.path for error in errors})
    return (f"# {TITLE}\n\n"
            f"Förhandsvisningen hittade {len(errors)} fel i {plural(files, 'fil', 'filer')}. Rätta felen nedan och "
            "spara filen. Sidan laddas om av sig själv när allt är rätt.\n\n"
            f"<ol>\n{items}\n</ol>\n")
