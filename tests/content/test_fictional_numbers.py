"""Every phone number in the example handbook is one that no subscriber can have.

The Swedish Post and Telecom Authority (PTS) reserves number series for use in books, films and the like;
they are never assigned, so a reader who dials an example reaches nobody.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.sitecheck import ROOT
from handbok.site.validate import check

HANDBOOK, ERRORS = check(ROOT / "handbook", ROOT / "docs")
# PTS's series for fiction, as (first, last) in national digits.
FICTION_SERIES = (
    ("0846500400", "0846500499"),
    ("0313900600", "0313900699"),
    ("0406280400", "0406280499"),
    ("0980319200", "0980319299"),
    ("0701740605", "0701740699"),
)
PHONE_LIKE = re.compile(r"(?<![\w/.-])0\d{1,3}-\d[\d ]{4,10}\d(?![\w/-])")
CONTENT = sorted([*(ROOT / "handbook").rglob("*.yml"), *(ROOT / "docs").rglob("*.md")])


def is_fictional(phone: str) -> bool:
    digits = re.sub(r"\D", "", phone)
    return any(first <= digits <= last and len(digits) == len(first) for first, last in FICTION_SERIES)


def test_the_series_check() -> None:
    assert is_fictional("08-465 004 00") and is_fictional("070-174 06 99") and is_fictional("0980-31 92 50")
    assert not is_fictional("010-123 40 00") and not is_fictional("08-465 004 500")
    assert not is_fictional("070-174 06 04")


def test_every_contact_has_a_fictional_number() -> None:
    numbers = {cid: c.phone for cid, c in HANDBOOK.contacts.items() if c.phone}
    assert len(numbers) >= 10 and {cid: n for cid, n in numbers.items() if not is_fictional(n)} == {}


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_real_looking_number_in_the_text(path: Path) -> None:
    found = [n for n in PHONE_LIKE.findall(path.read_text(encoding="utf-8")) if not is_fictional(n)]
    assert not found, f"{path.relative_to(ROOT)}: {found}"
