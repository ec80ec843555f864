"""The shared calculator vectors, computed by the site's own worker in Chromium on the trimmed
runtime, on both start paths: from the memory snapshot, and from the wheel when the snapshot is missing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

import calculators

from .conftest import LOAD_TIMEOUT_MS

pytestmark = pytest.mark.browser

VECTORS_DIR = Path(__file__).resolve().parents[1] / "calculators"
_CHECK = importlib.util.spec_from_file_location("vector_check", VECTORS_DIR / "vector_check.py")
vector_check = importlib.util.module_from_spec(_CHECK)
_CHECK.loader.exec_module(vector_check)

RUN_ALL = """async ([url, vectors]) => {
  const worker = new Worker(url, {type: "module"});
  const answers = new Map();
  let ready;
  const started = new Promise((resolve, reject) => {
    ready = resolve; worker.onerror = (e) => reject(String(e.message));
  });
  let via;
  worker.onmessage = (event) => {
    if (event.data.type === "ready") { via = event.data.via; ready(); }
    else if (event.data.type === "error") throw new Error(event.data.message);
    else answers.get(event.data.id)(event.data.result);
  };
  await started;
  const results = await Promise.all(vectors.map((vector, id) => new Promise((resolve) => {
    answers.set(id, resolve);
    worker.postMessage({id, name: vector.name, inputs: vector.inputs});
  })));
  worker.terminate();
  return {via, results};
}"""


@pytest.mark.parametrize("via", ["snapshot", "wheel"])
def test_vectors_pass_in_the_browser_worker(page: Page, base_url: str, via: str) -> None:
    if via == "wheel":
        page.route("**/*.snapshot.gz", lambda route: route.fulfill(status=404, body="saknas"))
    vectors = json.loads((VECTORS_DIR / "vectors.json").read_text(encoding="utf-8"))
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    page.goto(base_url + "metoder/dmaic/")
    answer = page.evaluate(RUN_ALL, [base_url + "assets/handbok/worker.js", vectors])
    assert answer["via"] == via
    results = answer["results"]
    assert len(results) == len(vectors)
    problems = [f"{v['description']}: {p}" for v, r in zip(vectors, results, strict=True)
                for p in vector_check.compare(v["expected"], r)]
    assert problems == []
    for vector, in_browser in zip(vectors, results, strict=True):
        in_cpython = json.loads(json.dumps(calculators.run(vector["name"], vector["inputs"]), allow_nan=False))
        assert in_browser == in_cpython, vector["description"]
