"""The whole check of a handbook: the content layer's validation, with links judged against the real pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok.content import check as content
from handbok.content.errors import ContentError
from handbok.content.handbook import Handbook
from handbok.site.pages import render_pages


def check(content_dir: Path, docs_dir: Path | None = None,
          today: dt.date | None = None) -> tuple[Handbook | None, list[ContentError]]:
    """`handbok check`: the handbook if there are no errors, and all errors sorted by place."""
    return content.check(content_dir, docs_dir, today, render_pages)


def readable(content_dir: Path, docs_dir: Path | None = None,
             today: dt.date | None = None) -> tuple[Handbook | None, list[ContentError]]:
    """Like `check`, but with every valid entry even when other files have errors (for reports)."""
    return content.readable(content_dir, docs_dir, today, render_pages)
