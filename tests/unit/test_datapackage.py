"""The Frictionless descriptor is current, and an independent tool accepts the data with it."""

from __future__ import annotations

import json

import frictionless
import pytest

from analysis import load, paths
from analysis.data.datapackage import dataset_descriptor
from analysis.data.fields import FIELDS
from analysis.data.schema import DERIVED_TABLES, TABLES, pandera_schema


def test_committed_descriptor_is_current():
    committed = (paths.DATA_DIR / "datapackage.json").read_text(encoding="utf-8")
    assert committed == dataset_descriptor(load().documents), "run `python -m analysis datapackage`"


def test_descriptor_and_pandera_schemas_describe_the_same_columns():
    descriptor = json.loads(dataset_descriptor(load().documents))
    for resource in descriptor["resources"]:
        if "schema" not in resource:
            continue
        table = TABLES[resource["name"]]
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert names == list(pandera_schema(table).columns) == list(table.columns)
        for f in resource["schema"]["fields"]:
            assert f["description"] == table.field(f["name"]).description
            required = f.get("constraints", {}).get("required", False)
            assert required == (not pandera_schema(table).columns[f["name"]].nullable)


def test_every_field_is_used_by_a_table():
    used = {c for t in [*TABLES.values(), *DERIVED_TABLES] for c in t.columns}
    assert used == set(FIELDS)


@pytest.fixture(scope="module")
def report():
    return frictionless.validate(str(paths.DATA_DIR / "datapackage.json"))


def test_frictionless_accepts_the_data(report):
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_frictionless_rejects_what_the_descriptor_forbids(data_copy):
    path = data_copy / "targets.csv"
    text = path.read_text(encoding="utf-8").replace(",>=,", ",≥,", 1)
    path.write_text(text, encoding="utf-8")
    report = frictionless.validate(str(data_copy / "datapackage.json"))
    assert not report.valid
    assert [e[1] for e in report.flatten(["type", "fieldName"]) if e[0] == "constraint-error"] == ["comparator"]
