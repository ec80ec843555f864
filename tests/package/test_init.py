"""`handbok init` and the paths an installed package finds on its own (no build here: test_wheel.py builds)."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
import yaml

from handbok.browser import embed, snapshot
from handbok.cli import main
from handbok.content import safety
from handbok.site import scaffold
from handbok.site.validate import check

TODAY = dt.date(2026, 12, 2)


def test_init_writes_a_handbook_that_passes_the_check(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["init", str(tmp_path / "ny"), "--organisation", "Åby kommun: stab", "--domän", "aby.se"]) == 0
    project = tmp_path / "ny"
    handbook, errors = check(project / "handbook", project / "docs")
    assert errors == []
    assert handbook.meta.organisation == "Åby kommun: stab"
    assert handbook.meta.internal_domains == ["aby.se"]
    assert {kind: len(handbook.entries(kind)) for kind in ("modeller", "metoder", "roller", "kontakter")} == {
        "modeller": 1, "metoder": 1, "roller": 1, "kontakter": 1}
    assert any(method.calculators for method in handbook.methods.values())
    assert "Skapade 19 filer" in capsys.readouterr().out


def test_init_writes_every_part_of_a_repository(tmp_path: Path) -> None:
    files = scaffold.planned("Åby kommun", "aby.se", TODAY)
    for name in ("README.md", "Makefile", ".gitignore", ".github/workflows/handbok.yml", ".gitlab-ci.yml",
                 "mkdocs.yml", "docs/index.md", "requirements.txt", "schemas/metod.schema.json"):
        assert name in files, name
    readme = files["README.md"]
    assert "make serve" in readme and "make test" in readme
    assert {"serve:", "test:"} <= set(files["Makefile"].split())
    config = yaml.load(files["mkdocs.yml"], Loader=yaml.SafeLoader)
    assert config["site_name"] == "Kvalitetshandbok – Åby kommun"
    assert [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]] == \
        safety.MARKDOWN_EXTENSIONS
    assert "custom_dir" not in config["theme"]  # the plugin brings the package's theme templates
    for name in (".github/workflows/handbok.yml", ".gitlab-ci.yml"):
        assert yaml.load(files[name], Loader=yaml.SafeLoader), name
    # Only the schemas' help examples (from the model) name the fictional Exempelkommun.
    assert not any("exempelkommun" in text.lower() for name, text in files.items() if not name.startswith("schemas/"))


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Vår egen\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "mkdocs.yml" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Vår egen\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


@pytest.mark.parametrize("option", [["--domän", "Åby.se"], ["--organisation", "  "]])
def test_init_refuses_bad_placeholders(tmp_path: Path, option: list[str], capsys: pytest.CaptureFixture) -> None:
    assert main(["init", str(tmp_path / "ny"), *option]) == 1
    assert "handbok init:" in capsys.readouterr().err
    assert not (tmp_path / "ny").exists()


def test_pyodide_is_found_without_the_source_layout() -> None:
    assert (embed.default_pyodide_dir() / "pyodide.asm.wasm").is_file()
    assert embed.default_pyodide_dir() == embed.PYODIDE_SRC


def test_snapshot_cache_is_configurable(tmp_path: Path) -> None:
    """A cached snapshot in the configured folder is used as is, without Node."""
    wheel = tmp_path / "calculators-9.9.9+abc-py3-none-any.whl"
    stdlib = tmp_path / "python_stdlib.zip"
    stdlib.write_bytes(b"trimmed library")
    cached = snapshot.cached_path("314.0.7", wheel, stdlib, tmp_path / "cache")
    assert cached.name == "calculators-9.9.9+abc.snapshot.gz"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(gzip.compress(b"snapshot"))
    out = tmp_path / "site"
    out.mkdir()
    written = snapshot.build_snapshot(tmp_path, "314.0.7", wheel, stdlib, out, tmp_path / "cache")
    assert written.read_bytes() == cached.read_bytes()
    assert not snapshot.CACHE.is_relative_to(Path(snapshot.__file__).resolve().parents[2])


def test_without_node_the_snapshot_fails_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert snapshot.node() is None
    with pytest.raises(RuntimeError, match="Node.js saknas"):
        stdlib = tmp_path / "python_stdlib.zip"
        stdlib.write_bytes(b"trimmed library")
        snapshot.build_snapshot(tmp_path, "0", tmp_path / "calculators-1-py3-none-any.whl", stdlib, tmp_path, tmp_path)
