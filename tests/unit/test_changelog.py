"""The change log between two data folders: each kind of hand-made edit to a copy of the data
shows up exactly as expected, and nothing else does. Expected lines are written from the edited
CSV cells, not by the library."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.data.changelog import changelog
from analysis.errors import DataValidationError
from tests.helpers import append_row, read_rows, remove_row, update_row

TABLES = ("jurisdictions", "documents", "indicators", "vintages", "targets", "observations")


def counts(**changed: tuple[int, int, int]) -> list[str]:
    """The count table's rows: (added, removed, changed) for the tables named, zeros elsewhere."""
    return [f"| {t} | " + " | ".join(str(n) for n in changed.get(t, (0, 0, 0))) + " |" for t in TABLES]


def header(new) -> list[str]:
    return [
        f"# Data changes: {paths.DATA_DIR} → {new}",
        "",
        "| table | added | removed | changed |",
        "|---|---|---|---|",
    ]


def target_line(row: dict[str, str]) -> str:
    return (
        f"- `{row['target_id']}` {row['doc_id']} · {row['indicator_id']}:"
        f" {row['comparator']} {row['value']} {row['unit']} ({row['target_year']})"
    )


def test_identical_folders_have_no_changes(data_copy):
    assert changelog(paths.DATA_DIR, data_copy).splitlines() == [*header(data_copy), *counts(), "", "No changes."]


def test_a_value_written_another_way_is_no_change(data_copy):
    update_row(data_copy / "observations.csv", {"value": "81.3"}, observation_id="obs-002")  # was 81.30
    update_row(data_copy / "targets.csv", {"value": "89.0"}, target_id="hubei-2023-002")  # was 89
    assert changelog(paths.DATA_DIR, data_copy).endswith("No changes.\n")


def test_targets_added_changed_and_removed(data_copy):
    targets = data_copy / "targets.csv"
    added = {**next(r for r in read_rows(targets) if r["target_id"] == "hubei-2023-002"), "target_id": "hubei-2023-099"}
    append_row(targets, added)
    before = update_row(targets, {"target_year": "2026", "notes": "read again"}, target_id="hubei-2023-002")
    removed = remove_row(targets, target_id="hubei-2023-003")
    assert changelog(paths.DATA_DIR, data_copy).splitlines() == [
        *header(data_copy),
        *counts(targets=(1, 1, 1)),
        "",
        "## Targets",
        "",
        "### Added (1)",
        "",
        target_line(added),
        "",
        "### Changed (1)",
        "",
        f"- `hubei-2023-002`: target_year `{before['target_year']}` → `2026`; notes `{before['notes']}` → `read again`",
        "",
        "### Removed (1)",
        "",
        target_line(removed),
    ]


def test_an_emptied_cell_is_a_change_to_empty(data_copy):
    before = update_row(data_copy / "targets.csv", {"notes": ""}, target_id="hubei-2023-001")
    assert f"- `hubei-2023-001`: notes `{before['notes']}` → `(empty)`" in changelog(paths.DATA_DIR, data_copy)


def test_the_other_tables_are_counted_and_their_ids_listed(data_copy):
    jurisdictions = read_rows(data_copy / "jurisdictions.csv")
    append_row(
        data_copy / "jurisdictions.csv",
        {**next(j for j in jurisdictions if j["jurisdiction_id"] == "jingmen"), "jurisdiction_id": "testcity"},
    )
    first_indicator = read_rows(data_copy / "indicators.csv")[0]
    append_row(data_copy / "indicators.csv", {**first_indicator, "indicator_id": "test_indicator"})
    update_row(data_copy / "documents.csv", {"title_en": "Hubei's plan, retitled"}, doc_id="hubei-2023")
    update_row(data_copy / "observations.csv", {"notes": "checked again"}, observation_id="obs-001")
    remove_row(data_copy / "observations.csv", observation_id="obs-002")
    out = changelog(paths.DATA_DIR, data_copy).splitlines()
    assert out == [
        *header(data_copy),
        *counts(jurisdictions=(1, 0, 0), documents=(0, 0, 1), indicators=(1, 0, 0), observations=(0, 1, 1)),
        "",
        "## Jurisdictions",
        "",
        "- added: testcity",
        "",
        "## Documents",
        "",
        "- changed: hubei-2023",
        "",
        "## Indicators",
        "",
        "- added: test_indicator",
        "",
        "## Observations",
        "",
        "- removed: obs-002",
        "- changed: obs-001",
    ]


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_folder_that_does_not_validate_is_named(data_copy, which):
    update_row(data_copy / "targets.csv", {"value": "x"}, target_id="hubei-2023-002")
    folders = (data_copy, paths.DATA_DIR) if which == "old" else (paths.DATA_DIR, data_copy)
    with pytest.raises(DataValidationError) as e:
        changelog(*folders)
    assert str(e.value).startswith(f"1 problem(s) in the {which} data folder {data_copy}:\ntargets.csv:")
