"""`make serve` with broken content: every page shows the errors in Swedish, and the next good save recovers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .sitecheck import ROOT
from .test_build import fixture_project

pytestmark = pytest.mark.build
BROKEN = 'namn: "SWOT-analys\nsyfte: <script>alert(1)</script>\n'


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, condition, seconds: float = 240) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = _get(url)
        if text is not None and condition(text):
            return text
        time.sleep(1)
    raise AssertionError(f"{url} did not reach the expected state within {seconds} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    config = fixture_project(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield tmp_path, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_broken_file_shows_its_errors_on_the_page_and_a_fix_brings_the_page_back(served) -> None:
    project, url = served
    page = url + "metoder/swot/"
    _wait_for(page, lambda text: "SWOT-analys" in text)
    source = project / "handbook" / "metoder" / "swot.yml"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("namn: SWOT-analys\n", BROKEN, 1), encoding="utf-8")
    shown = _wait_for(page, lambda text: "går inte att bygga" in text)
    assert "handbook/metoder/swot.yml" in shown and "rad " in shown
    assert "<script>alert(1)</script>" not in shown  # the message quotes the editor's text as text only
    assert "går inte att bygga" in (_get(url) or "")  # every page of the preview, not only the broken one
    source.write_text(good, encoding="utf-8")
    _wait_for(page, lambda text: "går inte att bygga" not in text and "SWOT-analys" in text)
    assert "data-calc=" in (_get(url + "metoder/riskanalys/") or "")
