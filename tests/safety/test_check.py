"""`handbok check` rejects every payload in every input place with a Swedish `file:line:column:` message."""

from __future__ import annotations

import re

import pytest

from handbok import cli

from . import payloads
from .corpus import copy_project, place_all


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, str, int]:
    work = tmp_path_factory.mktemp("check")
    copy_project(work, docs=False)
    placed = place_all(work, browser=False)
    before = {p: p.read_bytes() for p in work.rglob("*") if p.is_file() and not p.is_symlink()}
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["check", "--content", str(work / "handbook"), "--docs", str(work / "docs")])
    after = {p: p.read_bytes() for p in before}
    assert after == before, "handbok check ändrade en fil"
    return placed, out.getvalue(), code


def test_corpus_covers_every_input_place():
    assert payloads.count() >= 80
    for place in (payloads.MARKDOWN, payloads.PLAIN, payloads.URLS, payloads.EMAILS, payloads.HANDBOOK,
                  payloads.FRONT_MATTER, payloads.STATIC_FILES, payloads.FILE_NAMES, payloads.SYMLINKS):
        assert place


def test_check_fails(checked):
    _, out, code = checked
    assert code == 1 and "Traceback" not in out


def test_every_payload_is_rejected_on_its_lines(checked):
    placed, out, _ = checked
    missing = []
    for item in placed:
        lines = [int(n) for n in re.findall(rf"^{re.escape(item.path)}:(\d+):\d+: \S", out, re.MULTILINE)]
        if not any(line in item.lines for line in lines):
            missing.append(f"{item.name} i {item.path} (rader {item.lines.start}–{item.lines.stop - 1}): {lines}")
    assert missing == []


def test_messages_are_swedish_with_a_fix(checked):
    _, out, _ = checked
    errors = [line for line in out.splitlines() if re.match(r"^(handbook|docs)/", line)]
    assert len(errors) >= payloads.count()
    for line in errors:
        message = line.split(": ", 1)[1]
        assert message.endswith(".") and message[0].islower() or message.startswith(("YAML", "`")), line
        assert not re.search(r"\b(None|True|False|Traceback|error|expected)\b", message), line
