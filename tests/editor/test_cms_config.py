"""The form editor's configuration comes from the content model: every field of every kind, with its Swedish
label, help, required flag and references, and nothing the model does not have."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from handbok.content import model, schema
from handbok.content.kinds import KINDS, REFERENCES, calculator_names
from handbok.site import cms

ROOT = Path(__file__).resolve().parents[2]
REPO = "https://git.exempelkommun.se/kvalitet/kvalitetshandboken"


@pytest.fixture(scope="module")
def cfg() -> dict:
    return cms.config(REPO, ROOT / "docs")


def nested(annotation) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `list[X]`, if any."""
    for candidate in (annotation, *typing.get_args(annotation)):
        for inner in (candidate, *typing.get_args(candidate)):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def assert_covers(cls: type[BaseModel], fields: list[dict], where: str) -> None:
    by_name = {f["name"]: f for f in fields}
    aliases = [info.alias for info in cls.model_fields.values()]
    assert sorted(by_name) == sorted(aliases), where
    for info in cls.model_fields.values():
        field = by_name[info.alias]
        assert field["label"] == info.title, f"{where}.{info.alias}"
        assert field.get("hint") == info.description, f"{where}.{info.alias}"
        assert field["required"] == (info.is_required() and type(None) not in typing.get_args(info.annotation))
        inner = nested(info.annotation)
        if inner is not None:
            assert_covers(inner, field["fields"], f"{where}.{info.alias}")


def collection(cfg: dict, name: str) -> dict:
    return next(c for c in cfg["collections"] if c["name"] == name)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_of_every_kind_is_in_the_form(cfg: dict, kind: str):
    found = collection(cfg, kind)
    assert found["folder"] == f"handbook/{kind}" and found["extension"] == "yml"
    assert_covers(KINDS[kind].model, found["fields"], kind)


def test_every_field_of_handbook_yml_is_in_the_form(cfg: dict):
    file = collection(cfg, "handboken")["files"][0]
    assert file["file"] == "handbook/handbook.yml"
    assert_covers(model.HandbookMeta, file["fields"], "handbook.yml")


def all_fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from all_fields(field.get("fields", []))


def test_references_are_relations_to_the_right_collection(cfg: dict):
    names = {c["name"] for c in cfg["collections"]}
    seen = set()
    for kind in KINDS:
        for field in all_fields(collection(cfg, kind)["fields"]):
            target = REFERENCES.get(field["name"])
            if target == "räknare":
                assert field["widget"] == "select" and field["options"] == sorted(calculator_names())
            elif target:
                assert field["widget"] == "relation" and field["collection"] == target in names
                assert field["value_field"] == "{{slug}}"  # the id is the file name
                seen.add(field["name"])
            else:
                assert field["widget"] != "relation"
    assert seen == {alias for alias, target in REFERENCES.items() if target != "räknare"}


def test_closed_lists_are_selects_with_the_models_values(cfg: dict):
    method = {f["name"]: f for f in collection(cfg, "metoder")["fields"]}
    assert method["faser"]["widget"] == "select" and method["faser"]["multiple"]
    assert method["faser"]["options"] == list(typing.get_args(model.Phase))
    assert method["steg"]["min"] == 1 and method["faser"].get("min") in (None, 1)
    role = {f["name"]: f for f in collection(cfg, "roller")["fields"]}
    assert role["del_av"]["options"] == list(typing.get_args(model.PartOf))


def test_new_files_get_their_schema_line(cfg: dict):
    for kind in KINDS.values():
        fmt = collection(cfg, kind.folder)["format"]
        assert cms.headers()[fmt] == schema.header(kind.word)
    assert cms.headers()[collection(cfg, "handboken")["files"][0]["format"]] == schema.header("handbok", nested=False)


def test_chapters_are_editable_per_folder_except_the_sites_own_pages(cfg: dict):
    folders = {c["folder"] for c in cfg["collections"] if c["name"].startswith("kapitel-")}
    expected = {f"docs/{p.name}" for p in (ROOT / "docs").iterdir() if p.is_dir() and any(p.glob("*.md"))}
    assert folders == expected - {"docs/om"}


def test_backend_follows_the_repository_address():
    gitlab = cms.config(REPO, ROOT / "docs")["backend"]
    assert gitlab == {"name": "gitlab", "repo": "kvalitet/kvalitetshandboken", "branch": "main",
                      "base_url": "https://git.exempelkommun.se", "api_root": "https://git.exempelkommun.se/api/v4",
                      "auth_type": "pkce", "auth_endpoint": "oauth/authorize"}
    github = cms.config("https://github.com/exempel/handbok.git", ROOT / "docs", backend={"branch": "trunk"})
    assert github["backend"] == {"name": "github", "repo": "exempel/handbok", "branch": "trunk"}
    assert github["publish_mode"] == "editorial_workflow"


def test_the_editors_policy_allows_only_its_git_service_and_the_local_proxy(cfg: dict):
    policy = cms.csp(cfg)
    connect = next(p for p in policy.split("; ") if p.startswith("connect-src"))
    assert connect.split()[1:] == ["'self'", "https://git.exempelkommun.se", "http://127.0.0.1:8081",
                                   "http://localhost:8081"]
    assert "script-src 'self' 'unsafe-eval';" in policy and "default-src 'self';" in policy
