"""The service worker's files (handbok/site/offline.py) and its one option, without a browser
(tests/browser/readers/test_offline.py drives them in Chromium)."""

from __future__ import annotations

from pathlib import Path

from handbok.site import offline, steps


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "metoder" / "swot").mkdir(parents=True)
    (site / "metoder" / "swot" / "index.html").write_text("<h1>SWOT</h1>", encoding="utf-8")
    return site


def test_on_writes_the_worker_with_the_builds_stamp_and_a_registering_script(tmp_path: Path) -> None:
    site = _site(tmp_path)
    offline.write(site, enabled=True, runtime=["assets/handbok/worker.js?v=1", "assets/pyodide/1/pyodide.mjs"])
    worker = (site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    assert 'const RUNTIME = ["assets/handbok/worker.js?v=1", "assets/pyodide/1/pyodide.mjs"];' in worker
    assert 'const CALCULATOR = "<div class=\\"handbok-calc\\" ";' in worker
    assert f'const BUILD = "{offline.build_stamp(site)}";' in worker
    assert 'const SKIPPED = ["redigera/", "livereload/"];' in worker
    assert "__" not in worker.replace("__md", "")  # every placeholder filled
    assert '("on")' in (site / offline.REGISTRATION).read_text(encoding="utf-8")


def test_off_writes_no_worker_removes_an_old_one_and_unregisters(tmp_path: Path) -> None:
    site = _site(tmp_path)
    offline.write(site, enabled=True)
    offline.write(site, enabled=False)
    assert not (site / offline.SERVICE_WORKER).exists()
    registration = (site / offline.REGISTRATION).read_text(encoding="utf-8")
    assert '("off")' in registration and "unregister()" in registration


def test_the_stamp_follows_the_files_not_their_copies_nor_the_form_editor(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stamp = offline.build_stamp(site)
    (site / "metoder" / "swot" / "index.html.gz").write_bytes(b"copy")
    (site / "redigera").mkdir()
    (site / "redigera" / "index.html").write_text("cms", encoding="utf-8")
    (site / offline.SERVICE_WORKER).write_text("old worker", encoding="utf-8")
    assert offline.build_stamp(site) == stamp
    (site / "metoder" / "swot" / "index.html").write_text("<h1>SWOT, ny</h1>", encoding="utf-8")
    assert offline.build_stamp(site) != stamp


def test_one_option_turns_it_off(tmp_path: Path) -> None:
    assert steps.runtime(tmp_path, {}).offline is True
    assert steps.runtime(tmp_path, {"offline": False}).offline is False
