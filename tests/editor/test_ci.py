"""Pull-request checks: CI files are valid and run the documented commands; annotations; the link check."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml

from handbok import cli
from handbok.content.errors import ContentError
from handbok.site import ci

from .conftest import ROOT

GITHUB = ROOT / ".github" / "workflows" / "handbok.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def _documented() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "docs" / "om" / "redigera.md").read_text(
        encoding="utf-8")


SUMMARY_LINE = re.compile(r"^printf '[^']*' \"\$URL\" >> \"\$GITHUB_STEP_SUMMARY\"$", re.DOTALL)
"""The one shell line that is not a handbook command: it writes the preview link into GitHub's job summary."""


def _command(line: str) -> str:
    """`uv run handbok check --format gitlab > codequality.json || true` -> `uv run handbok check --format gitlab`."""
    return re.split(r"\s*(?:>|\|\||&&)", line, maxsplit=1)[0].strip()


def _commands() -> list[str]:
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    steps = [step["run"] for job in github["jobs"].values() for step in job["steps"]
             if "run" in step and not SUMMARY_LINE.match(step["run"])]
    scripts = gitlab["handboken"]["before_script"][1:] + gitlab["handboken"]["script"]
    hooks = [hook["entry"] for repo in yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))["repos"]
             for hook in repo["hooks"]]
    return [_command(line) for line in steps + scripts + hooks]


def test_ci_files_are_valid_yaml_with_the_expected_shape():
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    trigger = github[True] if True in github else github["on"]  # YAML 1.1 reads `on:` as true
    assert "handbook/**" in trigger["pull_request"]["paths"] and "docs/**" in trigger["pull_request"]["paths"]
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert gitlab["handboken"]["artifacts"]["reports"]["codequality"] == "codequality.json"
    assert any(r.get("if", "").startswith("$CI_PIPELINE_SOURCE == \"merge_request_event\"")
               for r in gitlab["handboken"]["rules"])


def test_ci_runs_check_strict_build_and_link_check_on_both_platforms():
    github = [_command(s["run"]) for job in yaml.safe_load(GITHUB.read_text(encoding="utf-8"))["jobs"].values()
              for s in job["steps"] if "run" in s]
    gitlab = [_command(s) for s in yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["handboken"]["script"]]
    for commands, fmt in ((github, "github"), (gitlab, "gitlab")):
        assert any(c.startswith(f"uv run handbok check --format {fmt}") for c in commands)
        assert "make build" in commands and "uv run handbok links site" in commands
        assert "uv run handbok schema --check" in commands
    assert "mkdocs build --strict" in (ROOT / "Makefile").read_text(encoding="utf-8")  # `make build` is strict


def test_every_ci_command_is_documented_and_exists():
    documented = _documented()
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    for command in _commands():
        assert command in documented, command
        words = shlex.split(command)
        if words[0] == "make":
            assert words[1] in targets, command
        else:
            assert words[:3] == ["uv", "run", "handbok"] and words[3] in cli.COMMANDS, command


def test_github_annotations_escape_and_point_at_file_and_line():
    error = ContentError("handbook/metoder/swot.yml", 12, 5, "`syfte` ska vara en rad, 100%\nnytt")
    assert ci.github_annotation(error) == ("::error file=handbook/metoder/swot.yml,line=12,col=5,title=Handboken::"
                                           "`syfte` ska vara en rad, 100%25%0Anytt")


def test_check_formats(repo: Path, run):
    (repo / "handbook" / "metoder" / "swot.yml").write_text(
        (repo / "handbook" / "metoder" / "swot.yml").read_text(encoding="utf-8").replace("syfte:", "syftet:", 1),
        encoding="utf-8")
    args = ("--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    code, out, _ = run("check", "--format", "github", *args)
    assert code == 1 and re.search(r"^::error file=handbook/metoder/swot\.yml,line=\d+,col=1,title=Handboken::"
                                   r"okänt fält `syftet`", out, re.MULTILINE)
    code, out, err = run("check", "--format", "gitlab", *args)
    report = json.loads(out)
    assert code == 1 and "fel i" in err
    issue = next(i for i in report if "syftet" in i["description"])
    assert issue["location"]["path"] == "handbook/metoder/swot.yml" and issue["location"]["lines"]["begin"] > 1
    assert len({i["fingerprint"] for i in report}) == len(report)


def test_clean_content_gives_empty_gitlab_report(repo: Path, run):
    code, out, _ = run("check", "--format", "gitlab", "--content", str(repo / "handbook"), "--docs",
                       str(repo / "docs"))
    assert (code, json.loads(out)) == (0, [])


def test_link_check(tmp_path: Path, run):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<h2 id="del">x</h2><a href="a/">ok</a><a href="#del">ok</a>'
                                         '<a href="https://www.siq.se/">extern</a><a href="mailto:x@y.se">m</a>',
                                         encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<a href="../">ok</a>\n<a href="../b/">trasig</a>\n'
                                               '<a href="../#saknas">ankare</a><img src="/bild.png">',
                                               encoding="utf-8")
    problems = ci.check_links(tmp_path)
    assert problems == ["a/index.html:2: länken `../b/` pekar på en sida eller fil som inte finns.",
                        "a/index.html:3: länken `../#saknas` pekar på avsnittet `#saknas`, som inte finns på sidan.",
                        "a/index.html:3: länken `/bild.png` pekar på en sida eller fil som inte finns."]
    assert run("links", str(tmp_path))[0] == 1
    (tmp_path / "bild.png").write_bytes(b"")
    (tmp_path / "a" / "index.html").write_text('<a href="../#del">ok</a>', encoding="utf-8")
    assert run("links", str(tmp_path))[0] == 0


def test_codeowners_example_covers_every_content_folder():
    rules = [line.split()[0] for line in (ROOT / "CODEOWNERS.example").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert all(len(line.split()) >= 2 and line.split()[1].startswith("@")
               for line in (ROOT / "CODEOWNERS.example").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#"))
    for folder in sorted(p for p in (ROOT / "handbook").iterdir() if p.is_dir()):
        assert f"/handbook/{folder.name}/" in rules, folder.name
    assert "/handbook/handbook.yml" in rules and "/docs/" in rules


def test_github_job_summary_lists_every_error_and_links_the_preview(repo: Path, run, tmp_path: Path):
    steps = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))["jobs"]["kontroll"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert 'uv run handbok check --format github --sammanfattning "$GITHUB_STEP_SUMMARY"' in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/" and upload["id"] == "forhandsvisning"
    assert any(SUMMARY_LINE.match(line) for line in runs)
    for index in range(12):  # more than the ten annotations GitHub shows
        (repo / "handbook" / "metoder" / f"fel-{index:02}.yml").write_text("namn: [\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    code, out, _ = run("check", "--format", "github", "--sammanfattning", str(summary),
                       "--content", str(repo / "handbook"), "--docs", str(repo / "docs"))
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert code == 1 and len(rows) == out.count("::error ") == 24  # each file: YAML error and missing first line
    assert all(f"fel-{index:02}.yml" in summary.read_text(encoding="utf-8") for index in range(12))


def test_gitlab_publishes_each_merge_request_as_a_pages_preview():
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    preview = gitlab["forhandsvisning"]
    assert preview["needs"] == [{"job": "handboken", "artifacts": True}]
    assert preview["pages"]["path_prefix"] == "mr-$CI_MERGE_REQUEST_IID"
    assert preview["environment"]["url"] == "$CI_PAGES_URL/mr-$CI_MERGE_REQUEST_IID/"
    assert preview["script"] == ["mv site public"] and "site/" in gitlab["handboken"]["artifacts"]["paths"]
    assert preview["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
