"""CITATION.cff: valid Citation File Format 1.2.0 as far as its required keys go, the version
pyproject.toml gives, and the citation the library reads from it."""

from __future__ import annotations

import datetime
import tomllib

import pytest
import yaml

from analysis import paths
from analysis.citation import read_citation
from analysis.errors import AnalysisError

CFF = paths.REPO_ROOT / "CITATION.cff"


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load(CFF.read_text(encoding="utf-8"))


def test_the_citation_file_has_what_cff_1_2_0_requires(cff):
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"]
    assert isinstance(cff["title"], str) and cff["title"]
    assert cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])
    assert isinstance(cff["date-released"], datetime.date)  # an unquoted YYYY-MM-DD
    assert cff["type"] in ("software", "dataset")
    assert cff["abstract"].strip()


def test_the_citation_file_names_the_project_as_its_authors_and_both_licences(cff):
    assert cff["authors"] == [{"name": "Quality-plan targets contributors"}]
    assert set(cff["license"]) == {"MIT", "CC-BY-4.0"}  # the code, and the curated tables


def test_the_citation_version_is_pyprojects(cff):
    pyproject = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert str(cff["version"]) == pyproject["project"]["version"]


def test_the_library_reads_the_citation(cff):
    c = read_citation()
    assert (c.title, c.version, c.released, c.authors) == (
        cff["title"],
        str(cff["version"]),
        cff["date-released"].isoformat(),
        ("Quality-plan targets contributors",),
    )
    assert c.reference() == (
        f"Quality-plan targets contributors ({cff['date-released'].year}). {cff['title']}"
        f" (version {cff['version']}) [Data set]."
    )


def test_a_missing_citation_file_is_named(tmp_path):
    with pytest.raises(AnalysisError, match=f"^no such citation file: {tmp_path / 'CITATION.cff'}$"):
        read_citation(tmp_path / "CITATION.cff")
