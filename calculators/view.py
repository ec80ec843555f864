"""What a result page shows, declared in Python: one generic renderer in the browser builds it.

A calculator's `compute()` returns its numbers and a `view`: a headline (announced to screen
readers), optionally a verdict, and a list of blocks. Every text is final Swedish with decimal
commas, so the browser only creates elements and sets their text; a new calculator needs no
JavaScript. Block types: text, formula, subhead, table, ranking, bars, heatmap, checklist.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MINUS = "\u2212"
GROUP = "\u00a0"
"""Swedish typography, as Intl.NumberFormat("sv-SE") writes it: real minus, no-break space."""

Block = dict[str, Any]
Cell = str | dict[str, str]


def fixed(value: float | int, decimals: int = 2) -> str:
    """A number with exactly `decimals` decimals: the exact value rounded half away from zero."""
    quantum = Decimal(1).scaleb(-decimals)
    text = str(Decimal(value).quantize(quantum, ROUND_HALF_UP))
    negative = text.startswith("-")
    whole, _, part = text.lstrip("-").partition(".")
    if len(whole) > 4:
        whole = f"{int(whole):,}".replace(",", GROUP)
    shown = whole + ("," + part if part else "")
    if negative and any(c not in "0," for c in shown):
        shown = MINUS + shown
    return shown


def num(value: float | int, decimals: int = 2) -> str:
    """A number with at most `decimals` decimals and no trailing zeros: "4,25", "4", "−0,5"."""
    text = fixed(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def percent(value: float | int) -> str:
    """A share in percent with at most one decimal: "33,3 %"."""
    return f"{num(value, 1)}\u00a0%"


def view(headline: str, blocks: list[Block], verdict: str | None = None) -> dict[str, Any]:
    """The whole description: the headline is what the live region announces."""
    return {"headline": headline, "verdict": verdict, "blocks": [b for b in blocks if b]}


def text(content: str) -> Block:
    return {"type": "text", "text": content}


def formula(content: str) -> Block:
    return {"type": "formula", "text": content}


def subhead(content: str) -> Block:
    return {"type": "subhead", "text": content}


def table(caption: str, head: list[str], rows: Sequence[Sequence[Cell]]) -> Block:
    """A table whose first column heads its row; a cell may be a coloured badge
    `{"text", "color", "text_color"}`."""
    return {"type": "table", "caption": caption, "head": head, "rows": rows}


def badge(content: str, color: str, text_color: str) -> dict[str, str]:
    return {"text": content, "color": color, "text_color": text_color}


def ranking(items: list[str]) -> Block:
    """An ordered list, first is most important."""
    return {"type": "ranking", "items": items}


def bars(title: str, description: str, rows: list[dict[str, Any]]) -> Block:
    """Horizontal bars: each `{"label", "value", "share"}` (share 0–100 % of the track), and
    optionally `"marker"` (0–100, a target line). `description` is the chart's text alternative."""
    return {"type": "bars", "title": title, "description": description, "bars": rows}


def bar(label: str, value: str, share: float, marker: float | None = None) -> dict[str, Any]:
    """One bar; share and marker are clamped to the track."""
    row = {"label": label, "value": value, "share": _clamp(share)}
    if marker is not None:
        row["marker"] = _clamp(marker)
    return row


def _clamp(share: float) -> float:
    return round(max(0.0, min(100.0, share)), 1)


def heatmap(caption: str, corner: str, columns: list[str], rows: list[dict[str, Any]]) -> Block:
    """A coloured matrix: rows `{"label", "cells": [{"text", "marks", "color", "text_color"}]}`."""
    return {"type": "heatmap", "caption": caption, "corner": corner, "columns": columns, "rows": rows}


STATES = {True: ("met", "✓", "uppfyllt"), False: ("unmet", "✗", "inte uppfyllt"), None: ("unknown", "?", "ej bedömt")}


def checklist(items: Sequence[tuple[str, bool | None, str, str | None]]) -> Block:
    """Criteria as (name, met, hint, evidence): met True, False or None (not decided)."""
    rows = []
    for name, met, hint, evidence in items:
        state, mark, word = STATES[met]
        rows.append({"state": state, "mark": mark, "name": name, "status": word, "text": hint,
                     "evidence": evidence if evidence and evidence not in hint else None})
    return {"type": "checklist", "items": rows}
