"""The form editor at /redigera/ in Chromium with Decap's local backend (decap-server writing real files): an
editor adds a contact and changes a method's purpose through the forms. The saved files pass `handbok check`,
keep their schema line and comments, and the method's diff is the changed line only."""

from __future__ import annotations

import difflib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from editor.conftest import repo  # noqa: F401  (a copy of handbook/, docs/ and schemas/)
from handbok.cli import main as handbok
from handbok.content.schema import header

from .conftest import LOAD_TIMEOUT_MS, Traffic

ROOT = Path(__file__).resolve().parents[2]
PROXY_PORT = 8081  # where the generated configuration looks for decap-server, as `npx decap-server` listens
NEW_PURPOSE = "Se styrkor, svagheter, möjligheter och hot innan ni planerar: #1 för en bra start."


@pytest.fixture
def decap_server(repo: Path) -> Iterator[Path]:  # noqa: F811 (the fixture imported above)
    """decap-server reading and writing a copy of the repository's content."""
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", PROXY_PORT)) != 0, f"Port {PROXY_PORT} är upptagen: stoppa decap-server."
    env = {**os.environ, "PORT": str(PROXY_PORT), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn"}
    server = subprocess.Popen(["node", str(ROOT / "node_modules/decap-server/dist/index.js")], env=env)
    try:
        deadline = time.monotonic() + 30
        while socket.socket().connect_ex(("127.0.0.1", PROXY_PORT)) != 0:
            assert time.monotonic() < deadline and server.poll() is None, "decap-server startade inte"
            time.sleep(0.2)
        yield repo
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def editor(browser: Browser, base_url: str, traffic: Traffic, decap_server: Path) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.route("**/*", traffic.route)
    page.violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.violations.append(m.text))
    page.goto(base_url + "redigera/")
    page.get_by_role("button", name="Logga in").click(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_role("link", name="Kontakter")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    yield page
    context.close()


def publish(page: Page, path: Path, before: str | None) -> str:
    """Publish the open entry and wait until decap-server has written `path`; returns its new text."""
    page.get_by_role("button", name="Publicera").first.click()
    page.get_by_text("Publicera nu").click()
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while not path.is_file() or path.read_text(encoding="utf-8") == before:
        assert time.monotonic() < deadline, f"{path.name} sparades inte"
        page.wait_for_timeout(200)
    return path.read_text(encoding="utf-8")


def check_passes(repository: Path, capsys) -> None:
    capsys.readouterr()
    code = handbok(["check", "--content", str(repository / "handbook"), "--docs", str(repository / "docs")])
    assert code == 0, capsys.readouterr().out


def test_add_a_contact_and_change_a_method_in_the_forms(editor: Page, decap_server: Path, traffic: Traffic,
                                                         capsys):
    repository = decap_server
    swot_before = (repository / "handbook/metoder/swot.yml").read_text(encoding="utf-8")

    editor.goto(editor.url.split("#")[0] + "#/collections/kontakter/new")
    editor.get_by_label("Namn").fill("Servicecenter för förskolan")
    editor.get_by_label("Beskrivning").fill("Frågor om platser, avgifter och schema i förskolan.")
    editor.get_by_label("E-post (frivillig)").fill("forskola@exempelkommun.se")
    editor.get_by_label("Ägare").fill("Kvalitetssamordnare")
    editor.get_by_role("option", name="Kvalitetssamordnare").first.click()
    editor.get_by_text("Nu", exact=True).click()
    text = publish(editor, repository / "handbook/kontakter/servicecenter-for-forskolan.yml", None)
    assert text.splitlines()[0] == header("kontakt")
    assert "namn: Servicecenter för förskolan\n" in text and "ägare: kvalitetssamordnare\n" in text
    assert "__handbok" not in text  # the source kept for saving never reaches the file

    editor.get_by_role("link", name="Redigerar i samlingen Kontakter", exact=False).click()
    editor.get_by_role("link", name="Metoder").click()
    editor.get_by_role("link", name="SWOT-analys").click()
    purpose = editor.get_by_label("Syfte")
    expect(purpose).to_have_value(swot_before.split("syfte: ")[1].split("\n")[0], timeout=LOAD_TIMEOUT_MS)
    purpose.fill(NEW_PURPOSE)
    swot_after = publish(editor, repository / "handbook/metoder/swot.yml", swot_before)
    changed = [line for line in difflib.unified_diff(swot_before.splitlines(), swot_after.splitlines(), lineterm="",
                                                     n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [next(f"-{line}" for line in swot_before.splitlines() if line.startswith("syfte:")),
                       f'+syfte: "{NEW_PURPOSE}"'], changed  # ` #` needs quotes, so the writer adds them

    check_passes(repository, capsys)
    assert traffic.outside == [] and editor.violations == []
