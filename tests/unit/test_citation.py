"""CITATION.cff: valid Citation File Format 1.2.0 as far as its required keys go, the version
pyproject.toml gives, the citation the library reads from it, and the line that cites a report
page with it."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import tomllib

import pandas as pd
import pytest
import yaml

from analysis import paths
from analysis.citation import Citation, read_citation
from analysis.errors import AnalysisError
from analysis.report.citing import data_date, page_citation

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


def test_the_data_is_dated_by_its_latest_plan(dataset):
    """The latest issue date in documents.csv, read here from the file itself; a recorded issue
    month sorts before the days of that month, and an undated plan is passed over."""
    with (paths.DATA_DIR / "documents.csv").open(encoding="utf-8", newline="") as f:
        issued = [row["issued"] for row in csv.DictReader(f) if row["issued"]]
    assert data_date(dataset) == max(issued)
    documents = pd.DataFrame({"issued": ["2023-02", "2024-04", "2024-03-31", None]})
    assert data_date(dataclasses.replace(dataset, documents=documents)) == "2024-04"
    assert data_date(dataclasses.replace(dataset, documents=documents.iloc[3:])) == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "How to cite this page: Quality-plan targets contributors (2026). Plan targets, version 0.9.1 "
            "[Data set]: “Overview”, en/overview/overview.html. Data: plans issued up to 2024-04-29.",
        ),
        (
            "zh",
            "引用本页:Quality-plan targets contributors(2026).Plan targets,版本 0.9.1 [数据集]:《总览》,"
            "zh/overview/overview.html。数据收录至 2024-04-29 发布的规划。",
        ),
    ],
)
def test_a_page_is_cited_with_the_dataset_version_the_page_and_the_date_of_the_data(lang, expected):
    citation = Citation("Plan targets", "0.9.1", "2026-03-01", ("Quality-plan targets contributors",))
    title = {"en": "Overview", "zh": "总览"}[lang]
    line = page_citation(citation, title, f"{lang}/overview/overview.html", "2024-04-29", lang)
    assert line == expected
