"""The check reads YAML as VS Code does (YAML 1.2): only true/false are booleans, `no`/`on`/`yes`/`off` are text."""

from __future__ import annotations

import pytest

from handbok.content.loader import load_text


@pytest.mark.parametrize("word", ["no", "No", "NO", "on", "off", "yes", "Yes", "y", "n"])
def test_yes_no_words_stay_text(word: str):
    doc, errors = load_text("x.yml", f"del_av: {word}\nlista: [{word}]\n")
    assert errors == [] and doc.data == {"del_av": word, "lista": [word]}


@pytest.mark.parametrize(("word", "value"), [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_true_and_false_are_booleans(word: str, value: bool):
    doc, errors = load_text("x.yml", f"x: {word}\n")
    assert errors == [] and doc.data == {"x": value}


def test_value_is_shown_as_written():
    doc, _ = load_text("x.yml", "version: 6.10\nfaser:\n  - planering\n  -\n")
    assert doc.data["version"] == 6.1 and doc.source(("version",)) == "6.10"
    assert doc.source(("faser", 0)) == "planering"
