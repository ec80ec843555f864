"""GitHub: the pull request gets one comment linking its preview, updated on every push. The workflow's own
script runs here under Node against a recording stand-in for GitHub's API."""

from __future__ import annotations

import json
import subprocess

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "handbok.yml"
HARNESS = """
const calls = [];
const comments = JSON.parse(process.argv[1]);
const record = (name) => async (args) => { calls.push({ name, ...args }); return { data: {} }; };
const github = {
  paginate: async (method, args) => { calls.push({ name: "list", ...args }); return comments; },
  rest: { issues: { listComments: "listComments", createComment: record("create"), updateComment: record("update") } },
};
const context = { repo: { owner: "exempel", repo: "handbok" }, issue: { number: 7 },
                  payload: { pull_request: { head: { sha: "0123456789abcdef" } } } };
process.env.URL = "https://github.com/exempel/handbok/actions/runs/1/artifacts/2";
const script = require("fs").readFileSync(0, "utf8");
new (Object.getPrototypeOf(async () => {}).constructor)("github", "context", script)(github, context)
  .then(() => console.log(JSON.stringify(calls)));
"""


def comment_step() -> dict:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["kontroll"]["steps"]
    return next(s for s in steps if s.get("name") == "Kommentera med länken till förhandsvisningen")


def run(existing: list[dict]) -> list[dict]:
    result = subprocess.run(["node", "-e", HARNESS, json.dumps(existing)], input=comment_step()["with"]["script"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_step_is_pinned_and_skips_forks():
    step = comment_step()
    action, _, comment = step["uses"].partition("  ")
    assert len(action.split("@")[1]) == 40 and "github-script" in action
    assert "head.repo.full_name == github.repository" in step["if"]
    assert step["env"]["URL"] == "${{ steps.forhandsvisning.outputs.artifact-url }}"
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["kontroll"]
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_first_push_creates_the_comment_with_the_link():
    calls = run([{"id": 1, "body": "Snyggt!"}])
    assert [c["name"] for c in calls] == ["list", "create"]
    body = calls[1]["body"]
    assert calls[1]["issue_number"] == 7
    assert "(https://github.com/exempel/handbok/actions/runs/1/artifacts/2)" in body and "0123456" in body
    assert "Förhandsvisning" in body


def test_later_pushes_update_the_same_comment():
    first = run([])[1]["body"]
    calls = run([{"id": 1, "body": "Snyggt!"}, {"id": 5, "body": first}])
    assert [c["name"] for c in calls] == ["list", "update"] and calls[1]["comment_id"] == 5
