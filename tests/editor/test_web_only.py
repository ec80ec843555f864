"""The web-only path: an editor adds, renames or deletes an entry in the GitHub or GitLab web editor, runs
nothing locally, and every command of the shipped pull-request pipeline passes when the content is right."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.sitecheck import mkdocs_build
from handbok import cli

from .conftest import ROOT

SETUP = "make setup"


def pipeline_commands() -> dict[str, list[str]]:
    """The check commands of both shipped pipelines (GitHub's check job, GitLab's check job), setup left out."""
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "handbok.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return {
        "github": [step["run"] for step in github["jobs"]["kontroll"]["steps"] if "run" in step
                   and step["run"] != SETUP and "if" not in step],  # `if`: only the preview link
        "gitlab": [line for line in gitlab["handboken"]["script"]],
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The repository's content, chapters, schemas, theme and configuration, as a checkout would have them."""
    for folder in ("handbook", "docs", "schemas", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def add_contact_in_the_web_editor(project: Path) -> None:
    """What the web editor does: a copy of an existing file with new values, and the new id where it is used."""
    source = (project / "handbook" / "kontakter" / "kvalitetsenheten.yml").read_text(encoding="utf-8")
    text = source.replace("namn: Kvalitetsenheten", "namn: Ekonomistödet")
    text = text.replace("epost: kvalitet@", "epost: ekonomistod@")
    text = "\n".join(line if not line.startswith("beskrivning:") else "beskrivning: Frågor om budget och uppföljning."
                     for line in text.split("\n"))
    (project / "handbook" / "kontakter" / "ekonomistod.yml").write_text(text, encoding="utf-8")
    swot = project / "handbook" / "metoder" / "swot.yml"
    swot.write_text(swot.read_text(encoding="utf-8").replace("kontakter: [kvalitetsenheten]",
                                                             "kontakter: [kvalitetsenheten, ekonomistod]"),
                    encoding="utf-8")


def run_command(command: str, project: Path, capsys) -> tuple[int, str]:
    """One pipeline command in the project folder: `uv run handbok ...` in-process, `make build` as make runs it."""
    if command == "make build":
        result = mkdocs_build(project / "mkdocs.yml", project / "site")
        return result.returncode, result.stdout + result.stderr
    if command.startswith("uv run handbok "):
        words = command.removeprefix("uv run handbok ").split(" > ")[0].split(" || ")[0].split()
        summary = str(project / "sammanfattning.md")
        words = [str(project / w) if w == "site" else summary if w == '"$GITHUB_STEP_SUMMARY"' else w
                 for w in words]
        if words[0] in ("check", "schema"):
            words += ["--content", str(project / "handbook")] + (["--docs", str(project / "docs")]
                                                                if words[0] == "check" else [])
        code = cli.main(words)
        out = capsys.readouterr()
        return (0 if "|| true" in command else code), out.out + out.err
    raise AssertionError(f"the pipeline has a command this test does not know: {command}")


def test_both_pipelines_run_the_same_commands():
    commands = pipeline_commands()
    assert commands["github"] == [
        'uv run handbok check --format github --sammanfattning "$GITHUB_STEP_SUMMARY"',
        "uv run handbok schema --check", "make build",
        "uv run handbok links site"]
    assert [c for c in commands["gitlab"] if "codequality" not in c] == [
        "uv run handbok check", "uv run handbok schema --check", "make build", "uv run handbok links site"]


def test_contact_added_in_the_web_editor_passes_every_pipeline_command(project: Path, capsys):
    add_contact_in_the_web_editor(project)
    commands = dict.fromkeys(pipeline_commands()["github"] + pipeline_commands()["gitlab"])
    for command in commands:
        code, output = run_command(command, project, capsys)
        assert code == 0, f"{command}:\n{output}"
    page = (project / "site" / "kontakter" / "index.html").read_text(encoding="utf-8")
    assert "Ekonomistödet" in page and 'id="ekonomistod"' in page


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_rename_or_delete_in_the_web_editor_needs_no_schema(project: Path, capsys, change: str):
    folder = project / "handbook" / "kontakter"
    old = folder / "rosa-stodet.yml"
    users = [p for p in (project / "handbook").rglob("*.yml") if "rosa-stodet" in p.read_text(encoding="utf-8")
             and p != old]
    if change == "rename":
        old.rename(folder / "rosa-radgivning.yml")
    else:
        old.unlink()
    for path in users:
        text = path.read_text(encoding="utf-8")
        replaced = text.replace("rosa-stodet", "rosa-radgivning") if change == "rename" else \
            text.replace(", rosa-stodet", "").replace("rosa-stodet, ", "").replace("[rosa-stodet]", "[]")
        path.write_text(replaced, encoding="utf-8")
    for command in ("uv run handbok check --format github", "uv run handbok schema --check"):
        code, output = run_command(command, project, capsys)
        assert code == 0, f"{command}:\n{output}"



def owners(path: str) -> list[str]:
    """The owners CODEOWNERS.example gives a path: the last matching rule wins, as on GitHub and GitLab."""
    found: list[str] = []
    for line in (ROOT / "CODEOWNERS.example").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        anchored = pattern.lstrip("/")
        if pattern == "*" or path == anchored or (anchored.endswith("/") and path.startswith(anchored)):
            found = names
    return found


@pytest.mark.parametrize("path", ["handbook/kontakter/ekonomistod.yml", "handbook/metoder/swot.yml",
                                  "handbook/roller/chef.yml", "handbook/modeller/processledning.yml",
                                  "handbook/handbook.yml", "docs/styrning/index.md"])
def test_content_is_approved_by_content_owners_only(path: str):
    assert owners(path) and not any("utveckling" in owner for owner in owners(path))


def test_tooling_is_approved_by_its_maintainers():
    for path in ("schemas/roll.schema.json", "handbok/content/check.py", ".gitlab-ci.yml"):
        assert any("utveckling" in owner for owner in owners(path))
