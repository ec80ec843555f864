"""Swedish non-working days for deadlines: weekends, the public holidays of lag (1989:253) and the
eves that lag (1930:173) treats as holidays for time limits (midsommarafton, julafton, nyårsafton).

Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher); everything
movable follows from it or from a fixed weekday window. Whit Monday stopped being a public
holiday in 2005 (the National Day took its place), so it is a working day.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    w = (2 * e + 2 * i - h - k + 32) % 7
    m = (a + 11 * h + 19 * w) // 433
    month = (h + w - 7 * m + 90) // 25
    return date(year, month, (h + w - 7 * m + 33 * month + 19) % 32)


def _saturday_from(first: date) -> date:
    """The first Saturday on or after `first`."""
    return first + timedelta(days=(5 - first.weekday()) % 7)


@lru_cache(maxsize=64)
def holidays(year: int) -> dict[date, str]:
    """Public holidays and the three eves, date -> Swedish name."""
    sunday = easter(year)
    midsummer = _saturday_from(date(year, 6, 20))
    days = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        sunday - timedelta(days=2): "långfredagen",
        sunday: "påskdagen",
        sunday + timedelta(days=1): "annandag påsk",
        sunday + timedelta(days=39): "Kristi himmelsfärdsdag",
        date(year, 5, 1): "första maj",
        sunday + timedelta(days=49): "pingstdagen",
        date(year, 6, 6): "Sveriges nationaldag",
        midsummer - timedelta(days=1): "midsommarafton",
        midsummer: "midsommardagen",
        _saturday_from(date(year, 10, 31)): "alla helgons dag",
        date(year, 12, 24): "julafton",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
        date(year, 12, 31): "nyårsafton",
    }
    return days


def holiday_name(day: date) -> str | None:
    """The holiday's Swedish name, or None on an ordinary day."""
    return holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a holiday or one of the three eves."""
    return day.weekday() < 5 and holiday_name(day) is None
