"""The PDF of the shipped handbook, built once per session from the session's built site."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.sitecheck import ROOT
from handbok.content.handbook import Handbook
from handbok.site import pdf
from handbok.site.validate import check

BUILT = dt.date(2026, 12, 1)


@dataclass
class Built:
    result: pdf.Result
    reader: PdfReader
    pages: list[str]
    """Each page's text, whitespace collapsed."""

    @property
    def text(self) -> str:
        return " ".join(self.pages)


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    handbook, errors = check(ROOT / "handbook")
    assert not errors, errors
    return handbook


@pytest.fixture(scope="session")
def built_pdf(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The PDF written into a copy of the shared site (without the calculators' runtime, which the PDF does
    not use): other workers copy and serve the shared site meanwhile, so it is never written to."""
    site = Path(shutil.copytree(built_site, tmp_path_factory.mktemp("pdf") / "site",
                                ignore=shutil.ignore_patterns("pyodide")))
    result = pdf.build(site, ROOT / "mkdocs.yml", built=BUILT)
    reader = PdfReader(result.path)
    return Built(result, reader, [" ".join(page.extract_text().split()) for page in reader.pages])
