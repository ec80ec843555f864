"""Random YAML never makes the loader raise: it loads, or it reports errors in the editor's format."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from handbok.content.loader import load_text
from handbok.content.model import Method
from handbok.site.validate import check

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "handbook"
LINE = re.compile(r"^handbook/[^:]+:\d+:\d+: \S.*$")
KEYS = st.sampled_from([*(f.alias for f in Method.model_fields.values()), "syftet", "x", "1"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.dates().map(str), st.sampled_from(["planering", "swot", "risk", "2026-02-30"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(KEYS, inner, max_size=6)), max_leaves=20)
SNIPPETS = st.sampled_from(["a: b: c", "- [", "{", "\t- x", "&a [*a]", "*b", "!!python/object:x y", "'", '"',
                            "? ", "%YAML 1.1", "---", "...", "é", "\x00", ": :", "- - -"])
TEXT = st.one_of(DATA.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), st.text(max_size=80),
                 st.lists(SNIPPETS, max_size=6).map("\n".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_load_text_never_raises(text: str) -> None:
    document, errors = load_text("handbook/metoder/x.yml", text)
    assert document is not None or errors
    assert all(LINE.fullmatch(str(error)) for error in errors)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_check_never_raises(tmp_path_factory, text: str) -> None:
    content = Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("h") / "handbook"))
    (content / "metoder" / "swot.yml").write_text(text, encoding="utf-8", errors="surrogatepass")
    handbook, errors = check(content)
    assert (handbook is None) == bool(errors)
    assert all(LINE.fullmatch(str(error)) for error in errors)
