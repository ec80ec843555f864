"""Every realistic mistake is understood: one error on the exact line, in Swedish, naming the field and the fix.

The check exits 1, never changes a file, and lets no English parser text or Python word through.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from .mistakes import ALL, Mistake

ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|could not|block end|scalar|token|stream|"
                     r"document start|alias|anchor|constructor|unhashable|line \d|column \d|input|value is)\b",
                     re.IGNORECASE)
PYTHON = re.compile(r"\b(None|True|False|datetime|Traceback|Error)\b|\[\s*'|\{\s*'|'\s*\]|\bdate\(")
LOCATION = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$", re.MULTILINE)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def expected_line(text: str, mistake: Mistake) -> int:
    """The first line that starts with the mistake's `at` text (which may span lines)."""
    lines = text.split("\n")
    for number in range(len(lines)):
        rest = "\n".join(lines[number:])
        if any(form.startswith(mistake.line_text()) for form in (rest, rest.lstrip(" "), rest.lstrip(" -"))):
            return number + 1
    raise AssertionError(f"{mistake.line_text()!r} is not in the file")


def apply(repo: Path, mistake: Mistake) -> str:
    """Make the mistake; returns the text of the file the error must point into."""
    path = repo / "handbook" / mistake.path
    if mistake.old == "":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(mistake.new, encoding="utf-8")
        return mistake.new
    text = path.read_text(encoding="utf-8")
    assert text.count(mistake.old) >= 1, f"the mistake's text is not in {mistake.path}"
    text = text.replace(mistake.old, mistake.new, 1)
    path.write_text(text, encoding="utf-8")
    return (repo / "handbook" / mistake.report).read_text(encoding="utf-8") if mistake.report else text


@pytest.mark.parametrize("mistake", ALL, ids=[m.name for m in ALL])
def test_mistake_is_understood(repo: Path, run, mistake: Mistake) -> None:
    text = apply(repo, mistake)
    before = snapshot(repo)
    code, out, err = run("check", "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    assert code == 1
    assert snapshot(repo) == before
    errors = [m.groupdict() for m in LOCATION.finditer(out)]
    assert len(errors) == 1, out
    error = errors[0]
    assert error["path"] == posixpath.normpath(f"handbook/{mistake.report or mistake.path}")
    assert int(error["line"]) == expected_line(text, mistake), out
    assert f"`{mistake.field}" in error["message"], out
    assert mistake.fix in error["message"], out
    assert not ENGLISH.search(out + err), out
    assert not PYTHON.search(out + err), out
    assert err == ""


def test_at_least_seventy_distinct_mistakes() -> None:
    assert len({m.name for m in ALL}) == len(ALL) >= 70
