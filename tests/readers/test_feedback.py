"""The feedback address of a page's owner and a page's address relative to the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbok.site.pages import feedback_address, page_url
from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "handbook"


def test_a_role_without_e_mail_falls_back_to_the_handbook_address() -> None:
    handbook, errors = check(FIXTURE)
    assert errors == []
    without = [r for r, role in handbook.roles.items()
               if not any(handbook.contacts[c].email for c in role.contacts if c in handbook.contacts)]
    assert without, "the fixture needs a role without a contact e-mail"
    assert feedback_address(handbook, without[0]) == handbook.meta.feedback_email


@pytest.mark.parametrize(("here", "url"), [("index.md", ""), ("metoder/swot.md", "metoder/swot/"),
                                           ("roller/index.md", "roller/"),
                                           ("om/tillganglighet.md", "om/tillganglighet/")])
def test_page_url(here: str, url: str) -> None:
    assert page_url(here) == url
