"""Build-time side of the calculators in the page (no browser): markers, forms from the SPEC,
the wheel and the assets written into the site."""

from __future__ import annotations

import json
import re
import shutil
import time
import zipfile
from pathlib import Path

import markdown
import pytest

import calculators
from handbok.browser import embed
from handbok.browser.stdlib import EMPTY_STDLIB, STDLIB, kept_files
from handbok.browser.wheel import build_wheel, wheel_name

ROOT = Path(__file__).resolve().parents[2]


def forms(html: str) -> list[str]:
    return re.findall(r'<div class="handbok-calc" data-calc="([a-z_]+)" id="([^"]+)"', html)


def test_marker_as_markdown_line_and_as_html_paragraph() -> None:
    text = "# Sida\n\n[[räknare: risk]]\n\nText.\n\n<p>[[räknare: smart]]</p>\n"
    html = embed.render_markers(text)
    assert [name for name, _ in forms(html)] == ["risk", "smart"]
    assert "[[räknare" not in html


def test_marker_inside_a_sentence_is_left_alone() -> None:
    text = "Skriv [[räknare: risk]] på en egen rad.\n"
    assert embed.render_markers(text) == text


def test_two_forms_on_a_page_have_distinct_ids() -> None:
    html = embed.render_markers("[[räknare: quality_gap]]\n\n[[räknare: quality_gap]]\n")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(forms(html)) == 2
    assert len(ids) == len(set(ids))


def test_unknown_calculator_is_a_visible_swedish_error() -> None:
    html = embed.render_markers("[[räknare: budget]]\n")
    assert forms(html) == []
    assert "Okänd räknare" in html and "budget" in html and "quality_gap" in html


@pytest.mark.parametrize("name", calculators.NAMES)
def test_form_follows_the_spec(name: str) -> None:
    spec = calculators.spec(name)
    html = embed.render_markers(f"[[räknare: {name}]]\n")
    assert spec["title"] in html and spec["formula"] in html
    assert "Räknaren behöver JavaScript för att räkna" in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    # every control has a label (or is a radio inside a labelled group) and all references resolve
    for control_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html or 'type="radio"' in html.split(f'id="{control_id}"')[0][-120:]
    for refs in re.findall(r'aria-describedby="([^"]+)"', html):
        assert set(refs.split()) <= ids
    for field in spec["fields"]:
        assert field["label"] in html
        if field["type"] == "list":
            for sub in field["item_fields"]:
                value = f'{field["name"]}[0].{sub["name"]}' + ("[0]" if sub["type"] == "array" else "")
                assert f'name="{value}"' in html
                assert f'data-error-for="{value}"' in html
        elif field["type"] == "group":
            for sub in field["item_fields"]:
                assert f'name="{field["name"]}.{sub["name"]}"' in html
        elif field["type"] == "array" and field["min_items"] == field["max_items"]:
            assert f'name="{field["name"]}[{field["min_items"] - 1}]"' in html
        else:
            assert f'name="{field["name"]}"' in html


def test_example_numbers_are_shown_with_decimal_comma_and_rows() -> None:
    html = embed.render_markers("[[räknare: quality_gap]]\n")
    example = calculators.spec("quality_gap")["example"]
    assert html.count('class="handbok-calc__row" data-row>') == len(example["items"]) + 1  # + the <template> row
    assert 'name="items[0].experience" value=""' in html  # empty: the example is only the placeholder
    assert re.search(r'name="items\[0\]\.experience" value=""[^>]*placeholder="4"', html)
    numbers = re.findall(r'inputmode="(?:decimal|numeric)"[^>]*placeholder="([^"]*)"', html)
    assert numbers and not any("." in value for value in numbers)


def test_handbook_matrices_are_offered_as_definitions() -> None:
    custom = {"stor": {"label": "Kommunens 5 × 5", "cells": [["low"]]}}
    html = embed.render_markers("[[räknare: risk]]\n", matrices=custom)
    option = re.search(r'<option value="egen:stor" data-definition="([^"]+)">Kommunens 5 × 5</option>', html)
    assert option
    assert json.loads(option.group(1).replace("&#34;", '"')) == custom["stor"]


def test_markdown_passes_the_form_through_untouched() -> None:
    form = embed.render_markers("[[räknare: risk]]\n")
    html = markdown.markdown("# Risk\n\nText före.\n" + form + "\nText efter.\n", extensions=["md_in_html"])
    assert html.count("<input") == form.count("<input")
    assert "<p><div" not in html and "&lt;" not in html.split("<template>")[0]


def test_wheel_is_deterministic_and_holds_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_wheel(tmp_path / "a")
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # a later clock must not change a byte
    second = build_wheel(tmp_path / "b")
    assert first.name == second.name == wheel_name()
    assert first.read_bytes() == second.read_bytes()
    assert {info.date_time for info in zipfile.ZipFile(first).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    names = zipfile.ZipFile(first).namelist()
    assert "calculators/__init__.py" in names
    assert any(n.endswith(".dist-info/RECORD") for n in names)
    assert any(n.endswith(".dist-info/METADATA") for n in names)
    assert re.fullmatch(r"calculators-[\d.]+\+[0-9a-f]{12}-py3-none-any\.whl", first.name)


def test_wheel_name_changes_with_the_sources(tmp_path: Path) -> None:
    package = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = wheel_name(package)
    (package / "__init__.py").write_text((package / "__init__.py").read_text() + "\n# ändrad\n")
    assert wheel_name(package) != before


def test_write_assets_puts_runtime_and_widget_into_the_site(tmp_path: Path) -> None:
    embed.write_assets(tmp_path)
    version = embed.pyodide_version()
    runtime = tmp_path / "assets" / "pyodide" / version
    ours = [*runtime.glob("calculators-*.whl"), *runtime.glob("calculators-*.snapshot.gz")]
    shipped = sorted(p.name for p in runtime.iterdir() if p not in ours)
    assert shipped == sorted([*embed.PYODIDE_FILES, STDLIB, EMPTY_STDLIB])
    with zipfile.ZipFile(runtime / STDLIB) as trimmed:
        assert sorted(n for n in trimmed.namelist() if not n.endswith("/")) == sorted(kept_files())
    with zipfile.ZipFile(runtime / EMPTY_STDLIB) as empty:
        assert empty.namelist() == []  # the snapshot has the whole library imported
    wheel, snapshot = ours
    assert snapshot.read_bytes()[:2] == b"\x1f\x8b"  # gzip, unzipped in the worker
    worker = (tmp_path / "assets" / "handbok" / "worker.js").read_text()
    assert f"../pyodide/{version}/pyodide.mjs" in worker and wheel.name in worker and snapshot.name in worker
    widget = (tmp_path / "assets" / "handbok" / "calculator.js").read_text()
    for text in (worker, widget):
        assert not re.search(r"__[A-Z_]+__", text)
        assert "http://" not in text and "https://" not in text
    for path in [*embed.ASSETS_CSS, embed.SCRIPT]:
        assert (tmp_path / path).is_file()


def test_without_snapshot_option_no_snapshot_is_shipped_or_named(tmp_path: Path) -> None:
    (tmp_path / "assets" / "pyodide" / embed.pyodide_version()).mkdir(parents=True)
    stale = tmp_path / "assets" / "pyodide" / embed.pyodide_version() / "calculators-0.0.1.snapshot.gz"
    stale.write_bytes(b"old")
    embed.write_assets(tmp_path, snapshot=False)
    assert list((tmp_path / "assets").rglob("*.snapshot.gz")) == []
    assert list((tmp_path / "assets").rglob(EMPTY_STDLIB)) == []
    worker = (tmp_path / "assets" / "handbok" / "worker.js").read_text(encoding="utf-8")
    assert worker == embed.worker_source(snapshot=False) != embed.worker_source()
    assert 'const snapshotName = "";' in worker and embed.wheel_name() in worker


def test_missing_pyodide_says_run_make_setup(tmp_path: Path) -> None:
    with pytest.raises(embed.MissingPyodide, match="make setup"):
        embed.write_assets(tmp_path / "site", pyodide_dir=tmp_path / "node_modules" / "pyodide")


@pytest.mark.parametrize("text", [
    "```\n[[räknare: risk]]\n```\n",
    "~~~markdown\nText\n[[räknare: risk]]\n~~~\n",
    "<pre><code>Exempel:\n[[räknare: risk]]\n</code></pre>\n",
    "    [[räknare: risk]]\n",
])
def test_marker_in_code_is_shown_not_replaced(text: str) -> None:
    assert embed.render_markers(text) == text


def test_marker_after_a_code_block_is_replaced() -> None:
    html = embed.render_markers("```\n[[räknare: risk]]\n```\n\n[[räknare: smart]]\n")
    assert [name for name, _ in forms(html)] == ["smart"]
    assert "```\n[[räknare: risk]]\n```" in html


def test_head_loads_the_widget_async_on_every_page() -> None:
    page = "<html><head><meta charset=utf-8><title>t</title></head><body>{}</body></html>"
    with_form = embed.add_script(page.format(embed.render_markers("[[räknare: risk]]")), "../c.js")
    without = embed.add_script(page.format("<p>text</p>"), "../c.js")
    for built in (with_form, without):  # the worker starts from the widget, never from the <head>
        assert built.startswith('<html><head><script src="../c.js" async></script><meta')
        assert built.count("<script") == 1


def test_worker_stamp_follows_the_worker_the_site_serves(tmp_path: Path) -> None:
    embed.write_assets(tmp_path)
    served = (tmp_path / "assets" / "handbok" / "worker.js").read_text(encoding="utf-8")
    assert served == embed.worker_source()
    widget = (tmp_path / "assets" / "handbok" / "calculator.js").read_text(encoding="utf-8")
    assert f"worker.js?v={embed.stamp(served)}" in widget
