"""Parse and format numbers the way Swedish users type and read them.

Form fields deliver strings such as "4,5" or "40 000"; YAML and JSON deliver int and
float. Everything goes through `parse_number` so every calculator accepts the same forms.
"""

from __future__ import annotations

import math
import re

MAX_TEXT_LENGTH = 40
"""Longer strings are not numbers anyone types; refusing them early keeps parsing cheap."""

_SPACES = "\u0020\u00a0\u202f"
_PLAIN = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
_GROUPED = re.compile(rf"[+-]?\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?")


def parse_number(value: object) -> float | int | None:
    """Return the finite number in `value`, or None when it is not one.

    Accepts int, float and strings with a decimal comma or point and a space, no-break
    space or narrow no-break space as thousands separator. Booleans, NaN, infinity and
    numbers too large for a float are not numbers here, so no calculation can produce NaN.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**300 else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if not isinstance(value, str) or len(value) > MAX_TEXT_LENGTH:
        return None
    text = value.strip().replace("\u2212", "-")
    if _GROUPED.fullmatch(text):
        text = re.sub(f"[{_SPACES}]", "", text)
    elif not _PLAIN.fullmatch(text):
        return None
    text = text.replace(",", ".")
    if "." not in text:
        return int(text)
    return float(text)


def format_number(value: float | int) -> str:
    """Format a number for a Swedish message: decimal comma, no needless decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",")


DIGITS = 4
"""Results carry 4 decimals: enough for any display, short in JSON; the UI formats."""


def rounded(value: float, digits: int = DIGITS) -> float:
    """Round for output, turning -0.0 into 0.0 so a result never shows "-0"."""
    return round(value, digits) + 0.0
