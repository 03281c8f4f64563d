"""The dataset's README as the download carries it: what each file holds, how to cite it, its
licence, and one section per table with every column's type, unit, allowed values and meaning,
all generated from the field dictionary and the table schemas (so it cannot drift from the
validator), in English."""

from __future__ import annotations

from ..citation import Citation
from .dataset import Dataset
from .fields import Field
from .schema import DERIVED_TABLES, TABLE_ORDER, TABLES, VOCABULARY_OF, Table
from .vocabularies import UNITS

SOURCES_LINE = (
    "The text of each quoted plan, byte-identical to what was obtained (web-page debris included),"
    " checksummed in `documents.csv`"
)
OTHER_FILES = {
    "datapackage.json": "The Frictionless descriptor of the tables: types, constraints, keys and references"
    " (`frictionless validate datapackage.json` checks the tables and the texts' checksums)",
    "LICENSE-DATA.md": "The licence: the tables CC BY 4.0; the source texts remain their publishers'",
    "CITATION.cff": "How to cite the dataset, in the Citation File Format",
}


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def allowed_values(table: Table, column: str) -> str:
    """What a column may hold: its vocabulary (with the English name where it differs from the
    code), the units, a range, a pattern or true/false; empty where anything goes."""
    f = table.field(column)
    if column == "unit":
        return ", ".join(f"`{u.code}` ({u.en})" if u.en != u.code else f"`{u.code}`" for u in UNITS)
    if column in VOCABULARY_OF:
        return ", ".join(f"`{t.code}` ({t.en})" if t.en != t.code else f"`{t.code}`" for t in VOCABULARY_OF[column])
    if f.type == "boolean":
        return "`true`, `false`"
    if f.minimum is not None or f.maximum is not None:
        low = "" if f.minimum is None else f"{f.minimum:g}"
        return f"{low} to {f.maximum:g}" if f.maximum is not None else f"{low} or more"
    return f"pattern `{f.pattern}`" if f.pattern else ""


def _column_row(table: Table, column: str) -> str:
    f: Field = table.field(column)
    required = "yes" if column in table.required else ""
    cells = [f"`{column}`", f.type, required, f.unit or "", allowed_values(table, column), f.description]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def table_section(table: Table) -> list[str]:
    """One table: what a row is, its key and references, and a row per column."""
    refs = [
        f"`{fk.column}` → `{TABLES[fk.table].file}` `{fk.key}`" + (" (same table)" if fk.table == table.name else "")
        for fk in table.foreign_keys
    ]
    lines = [f"### `{table.file}`", "", table.description, "", f"Key: `{table.primary_key}` (unique)."]
    if refs:
        lines.append("References: " + "; ".join(refs) + ".")
    lines += [
        "",
        "| column | type | required | unit | allowed values | description |",
        "|---|---|---|---|---|---|",
        *(_column_row(table, c) for c in table.columns),
        "",
    ]
    return lines


def files_section(dataset: Dataset, derived_rows: dict[str, int] | None = None) -> list[str]:
    n_sources = int(dataset.documents["source_file"].notna().sum())
    lines = ["| file | what it holds | rows |", "|---|---|---|"]
    lines += [f"| `{TABLES[n].file}` | {_cell(TABLES[n].description)} | {len(dataset.table(n))} |" for n in TABLE_ORDER]
    derived_rows = derived_rows or {}
    lines += [
        f"| `{t.file}` | {_cell(t.description)} | {derived_rows[t.file]} |"
        for t in DERIVED_TABLES
        if t.file in derived_rows
    ]
    lines.append(f"| `sources/<doc_id>.txt` | {SOURCES_LINE} | {n_sources} files |")
    lines += [f"| `{name}` | {what} | |" for name, what in OTHER_FILES.items()]
    return lines


def codebook(dataset: Dataset, citation: Citation, derived_rows: dict[str, int] | None = None) -> str:
    """The README of the dataset bundle (Markdown); ``derived_rows`` holds the sizes of the derived
    tables the bundle carries, by file name."""
    docs = dataset.documents
    lines = [
        f"# {citation.title}",
        "",
        f"Version {citation.version}, released {citation.released}: {docs['family'].nunique()} plans"
        f" ({len(docs)} documents) of"
        f" {docs['jurisdiction_id'].nunique()} jurisdictions, {len(dataset.targets)} targets,"
        f" {len(dataset.indicators)} indicators in the catalogue, {len(dataset.observations)} published figures.",
        "",
        "Every target is traced to its plan. A *quoted* plan's text is in `sources/`, and each of its targets"
        " carries the exact quote and its character offset in that text"
        " (`text[char_offset:char_offset + len(quote)] == quote`). A *cited* plan is known from a published"
        " copy, whose URL each of its targets carries. A plan read only in part has coverage `excerpt`: its"
        " silence on an indicator means nothing.",
        "",
        "## Files",
        "",
        *files_section(dataset, derived_rows),
        "",
        "Tables are UTF-8 without a byte-order mark, comma-separated, with a header on line 1; an empty cell is"
        " a missing value. Values are as the plans write them: `value` is in the row's `unit`"
        " (6万件 is value 6, unit 万件).",
        "",
        "## How to cite",
        "",
        citation.reference(),
        "",
        "```bibtex",
        citation.bibtex(),
        "```",
        "",
        "## Licence",
        "",
        "The tables and their description: CC BY 4.0 (credit the dataset as above). The source texts in"
        " `sources/` are government documents whose rights remain with their publishers, included for"
        " verification. See `LICENSE-DATA.md`.",
        "",
        "## Tables",
        "",
    ]
    for name in TABLE_ORDER:
        lines += table_section(TABLES[name])
    for table in DERIVED_TABLES:
        if table.file in (derived_rows or {}):
            lines += table_section(table)
    return "\n".join(lines)
