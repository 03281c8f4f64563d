"""The dataset as a download: the zip holds exactly the data folder's tables and texts, the
descriptor, a README of every column, the licence and the citation; identical data gives a
byte-identical zip; and an independent tool accepts the data unzipped."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

import frictionless
import pytest
import yaml

from analysis import paths
from analysis.cli import main
from analysis.data.bundle import BUNDLE_NAME, FOLDER, write_bundle
from analysis.data.licence import DATA_LICENCE
from analysis.data.schema import MEASURES, TABLE_ORDER, TABLES
from tests.helpers import read_rows

TABLE_FILES = [
    f"{name}.csv" for name in ("jurisdictions", "documents", "indicators", "vintages", "targets", "observations")
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> bytes:
    """The zip as a user makes it: ``python -m analysis bundle`` (with the derived measures.csv)."""
    out = tmp_path_factory.mktemp("downloads")
    assert main(["bundle", "--out", str(out)]) == 0
    return (out / BUNDLE_NAME).read_bytes()


@pytest.fixture(scope="module")
def archive(bundle) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(bundle))


def member(archive: zipfile.ZipFile, name: str) -> bytes:
    return archive.read(f"{FOLDER}/{name}")


def test_the_zip_holds_the_descriptions_then_the_tables_then_the_texts_in_one_folder(archive):
    sources = sorted(d["source_file"] for d in read_rows(paths.DATA_DIR / "documents.csv") if d["source_file"])
    expected = ["README.md", "LICENSE-DATA.md", "CITATION.cff", "datapackage.json", *TABLE_FILES, "measures.csv"]
    expected += ["hierarchy.csv"]
    expected += sources
    assert archive.namelist() == [f"{FOLDER}/{name}" for name in expected]


def test_tables_and_texts_are_the_data_folders_bytes(archive):
    for name in TABLE_FILES:
        assert member(archive, name) == (paths.DATA_DIR / name).read_bytes()
    for d in read_rows(paths.DATA_DIR / "documents.csv"):
        if d["source_file"]:
            assert hashlib.sha256(member(archive, d["source_file"])).hexdigest() == d["sha256"]
    assert member(archive, "datapackage.json") == (paths.DATA_DIR / "datapackage.json").read_bytes()
    assert member(archive, "CITATION.cff") == (paths.REPO_ROOT / "CITATION.cff").read_bytes()


def test_the_licence_is_the_one_the_repository_states(archive):
    assert member(archive, "LICENSE-DATA.md").decode() == DATA_LICENCE
    assert (paths.DATA_DIR / "LICENSE.md").read_text(encoding="utf-8") == DATA_LICENCE
    for promise in ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "remain with their", "MIT"):
        assert promise in DATA_LICENCE


def test_identical_data_gives_a_byte_identical_zip(bundle, archive, data_copy, tmp_path):
    out = tmp_path / "elsewhere"
    assert main(["--data-dir", str(data_copy), "bundle", "--out", str(out)]) == 0
    assert (out / BUNDLE_NAME).read_bytes() == bundle  # another folder, another time, another path: the same bytes
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}


def test_a_changed_table_changes_the_zip(bundle, data_copy, tmp_path):
    path = data_copy / "jurisdictions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Ji'an", "Jian", 1), encoding="utf-8")
    assert write_bundle(tmp_path / BUNDLE_NAME, data_dir=data_copy).read_bytes() != bundle


def test_frictionless_accepts_the_data_unzipped(archive, tmp_path):
    archive.extractall(tmp_path)
    report = frictionless.validate(str(tmp_path / FOLDER / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


# --- the README --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def readme(archive) -> str:
    return member(archive, "README.md").decode()


def test_the_readme_describes_every_column_of_every_table(readme):
    for name in TABLE_ORDER:
        table = TABLES[name]
        section = readme.split(f"### `{table.file}`")[1].split("### ")[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [r.split("|")[1].strip() for r in rows] == [f"`{c}`" for c in table.columns]
        for row, column in zip(rows, table.columns, strict=True):
            field = table.field(column)
            assert row.split("|")[2].strip() == field.type
            assert field.description.replace("|", "\\|") in row


def test_the_readme_gives_allowed_values_units_and_ranges(readme):
    targets = readme.split("### `targets.csv`")[1].split("### ")[0]
    row = {line.split("|")[1].strip(): line for line in targets.splitlines() if line.startswith("| `")}
    for comparator in (">=", "=", "~", "range", "<="):
        assert f"`{comparator}`" in row["`comparator`"]
    assert "`>=` (at least)" in row["`comparator`"]
    assert "`万件` (10,000 items)" in row["`unit`"]
    assert "1949 to 2100" in row["`target_year`"] and "| year |" in row["`target_year`"]
    assert "the row's unit" in row["`value`"]
    assert "`true`, `false`" in readme.split("### `indicators.csv`")[1].split("### ")[0]


def test_the_readme_says_how_to_cite_from_the_citation_file(readme):
    cff = yaml.safe_load((paths.REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    cite = readme.split("## How to cite")[1].split("## ")[0]
    author = cff["authors"][0]["name"]
    year = str(cff["date-released"])[:4]
    assert f"{author} ({year}). {cff['title']} (version {cff['version']}) [Data set]." in cite
    assert "@misc{" in cite and f"version = {{{cff['version']}}}" in cite


def test_the_readme_counts_what_the_tables_hold(readme):
    targets = read_rows(paths.DATA_DIR / "targets.csv")
    documents = read_rows(paths.DATA_DIR / "documents.csv")
    plans, jurisdictions = len({d["family"] for d in documents}), len({d["jurisdiction_id"] for d in documents})
    assert f"{plans} plans ({len(documents)} documents) of {jurisdictions} jurisdictions" in readme
    assert f"{len(targets)} targets" in readme
    assert f"| `targets.csv` | {TABLES['targets'].description} | {len(targets)} |" in readme


def test_measures_csv_has_a_row_per_target_and_says_why_a_measure_is_missing(archive):
    rows = list(csv.DictReader(io.StringIO(member(archive, "measures.csv").decode())))
    targets = read_rows(paths.DATA_DIR / "targets.csv")
    nation = {d["doc_id"] for d in read_rows(paths.DATA_DIR / "documents.csv") if d["jurisdiction_id"] == "china"}
    assert [r["target_id"] for r in rows] == [t["target_id"] for t in targets if t["doc_id"] not in nation]
    assert list(rows[0]) == list(MEASURES.columns)
    for r in rows:
        compared = not r["notes"].startswith("compared=")
        for measure, column in (("peer_rank", "peer_rank"), ("implied_annual_change", "implied_annual_change")):
            assert r[column] or f"{measure}=" in r["notes"] or not compared, (r["target_id"], measure)
        assert r["progress_status"] or "progress=" in r["notes"] or not compared, r["target_id"]
    readme = member(archive, "README.md").decode()
    assert "### `measures.csv`" in readme and f"| `measures.csv` | {MEASURES.description} | {len(rows)} |" in readme


def test_the_derived_tables_of_a_corpus_with_no_local_plan_are_empty_with_every_column(tmp_path):
    """Only the national plan: no target below the nation, so measures.csv and hierarchy.csv have
    their header and no row (a column set on an empty frame once took another frame's rows)."""
    from analysis import load
    from analysis.data.schema import HIERARCHY
    from analysis.measures.table import derived_files
    from tests.helpers import write_subset

    derived = derived_files(load(write_subset(paths.DATA_DIR, tmp_path / "data", ("national-2023",))))
    assert derived["measures.csv"].decode() == ",".join(MEASURES.columns) + "\n"
    assert derived[HIERARCHY.file].decode() == ",".join(HIERARCHY.columns) + "\n"
