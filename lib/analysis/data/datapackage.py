"""The Frictionless descriptor (``data/datapackage.json``), built from the same field dictionary
as the validator, so the description users download and the checks the code runs agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..files import write_text
from .schema import TABLE_ORDER, TABLES, Table
from .vocabularies import UNITS


def frictionless_field(table: Table, name: str) -> dict[str, Any]:
    """One field of a Frictionless table schema."""
    f = table.field(name)
    out: dict[str, Any] = {"name": name, "type": f.type, "description": f.description}
    if f.type == "boolean":
        out.update(trueValues=["true"], falseValues=["false"])
    constraints: dict[str, Any] = {}
    if name in table.required:
        constraints["required"] = True
    if name == table.primary_key:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.pattern:
        constraints["pattern"] = f.pattern.strip("^$")
    if f.minimum is not None:
        constraints["minimum"] = int(f.minimum)
    if f.maximum is not None:
        constraints["maximum"] = int(f.maximum)
    if constraints:
        out["constraints"] = constraints
    if name == "unit":
        out["unitLabels"] = {u.code: u.en for u in UNITS}
    return out


def datapackage(sources: list[dict[str, str]]) -> dict[str, Any]:
    """The data package descriptor: every table and, as plain-text resources, the source texts.

    ``sources`` holds ``doc_id``, ``source_file`` and ``sha256`` for each source text, so the
    descriptor also lets a Frictionless tool verify the texts' checksums.
    """
    resources: list[dict[str, Any]] = []
    for name in TABLE_ORDER:
        t = TABLES[name]
        schema: dict[str, Any] = {
            "fields": [frictionless_field(t, c) for c in t.columns],
            "missingValues": [""],
            "primaryKey": [t.primary_key],
        }
        if t.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": [fk.column],
                    "reference": {"resource": "" if fk.table == t.name else fk.table, "fields": [fk.key]},
                }
                for fk in t.foreign_keys
            ]
        resources.append(
            {
                "name": t.name,
                "path": t.file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "schema": schema,
            }
        )
    for s in sources:
        resources.append(
            {
                "name": "source-" + s["doc_id"],
                "path": s["source_file"],
                "format": "txt",
                "mediatype": "text/plain",
                "encoding": "utf-8",
                "hash": "sha256:" + s["sha256"],
                "description": f"Source text of {s['doc_id']}, as obtained (immutable).",
            }
        )
    return {
        "profile": "data-package",
        "name": "quality-targets",
        "title": "Quantitative targets of Chinese quality-development plans (质量强市/质量强省)",
        "description": (
            "Curated targets of city and provincial quality plans and the national Quality Power "
            "Outline, each with an exact quote and character offset into its source text, plus an "
            "indicator catalogue and cited observed values."
        ),
        "resources": resources,
    }


def datapackage_json(sources: list[dict[str, str]]) -> str:
    """The descriptor as the text committed in ``data/datapackage.json``."""
    return json.dumps(datapackage(sources), ensure_ascii=False, indent=2) + "\n"


def dataset_descriptor(documents: pd.DataFrame) -> str:
    """The descriptor for a validated dataset, listing its source texts from its documents."""
    quoted = documents[documents["source_file"].notna()]  # cited plans hold no text
    columns = ["doc_id", "source_file", "sha256"]
    return datapackage_json([{k: str(v) for k, v in row.items()} for row in quoted[columns].to_dict("records")])


def write_descriptor(data_dir: Path, text: str) -> None:
    """Write ``datapackage.json`` atomically."""
    write_text(Path(data_dir) / "datapackage.json", text)
