"""The editor guide's error examples come from the real check, one per error class."""

from __future__ import annotations

import re

from handbok.site import examples

from .conftest import ROOT


def test_guide_has_the_marker():
    assert examples.MARKER.search((ROOT / "docs" / "om" / "redigera.md").read_text(encoding="utf-8"))


def test_every_example_yields_a_distinct_real_message():
    messages = [examples.message(example) for example in examples.EXAMPLES]
    assert len(set(messages)) == len(messages) >= 8
    for message in messages:
        assert re.match(r"^handbook/metoder/exempel\.ya?ml:\d+:\d+: \S", message), message


def test_section_shows_snippet_message_and_fix():
    section = examples.insert("Inledning\n\n[[felexempel]]\n")
    assert "[[felexempel]]" not in section
    for example in examples.EXAMPLES:
        assert f"### {example.title}" in section
        assert examples.message(example) in section and f"**Så rättar du:** {example.fix}" in section
