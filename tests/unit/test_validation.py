"""The validator on broken copies of the data: each break gives one precise message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import DataValidationError, load, validate
from tests.helpers import read_rows, write_rows


def problems_of(data_dir) -> list[str]:
    dataset, problems = validate(data_dir)
    assert dataset is None
    return [str(p) for p in problems]


def first_target(data_dir, doc_id="jian-2024", indicator_id="mfg_quality_competitiveness_index"):
    rows = read_rows(data_dir / "targets.csv")
    i = next(i for i, r in enumerate(rows) if r["doc_id"] == doc_id and r["indicator_id"] == indicator_id)
    return rows, i, i + 2  # file line: header is line 1


def test_real_data_is_valid():
    dataset, problems = validate()
    assert problems == []
    assert len(dataset.targets) == len(read_rows(dataset.data_dir / "targets.csv"))


def test_wrong_type(data_copy):
    rows, i, line = first_target(data_copy)
    rows[i]["value"] = "86,5"
    write_rows(data_copy / "targets.csv", rows)
    assert problems_of(data_copy) == [f"targets.csv:{line}: value: expected a number, got '86,5'"]


def test_dangling_indicator_id(data_copy):
    rows, i, line = first_target(data_copy)
    rows[i]["indicator_id"] = "mfg_quality_index"
    write_rows(data_copy / "targets.csv", rows)
    assert problems_of(data_copy) == [
        f"targets.csv:{line}: indicator_id: unknown indicator_id 'mfg_quality_index' (not in indicators.csv)"
    ]


def test_duplicate_id(data_copy):
    rows = read_rows(data_copy / "targets.csv")
    rows[5]["target_id"] = rows[4]["target_id"]
    write_rows(data_copy / "targets.csv", rows)
    assert problems_of(data_copy) == [
        f"targets.csv:7: target_id: duplicate id '{rows[4]['target_id']}' (first on line 6)"
    ]


def test_quote_moved_by_one_character(data_copy):
    rows, i, line = first_target(data_copy)
    offset = int(rows[i]["char_offset"])
    rows[i]["char_offset"] = str(offset + 1)
    write_rows(data_copy / "targets.csv", rows)
    assert problems_of(data_copy) == [
        f"targets.csv:{line}: char_offset: quote is not at offset {offset + 1} of jian-2024;"
        f" it occurs at offset {offset}"
    ]


def test_edited_source_file(data_copy):
    source = data_copy / "sources" / "jilin-2018.txt"
    source.write_bytes(source.read_bytes() + "。".encode())
    docs = read_rows(data_copy / "documents.csv")
    line = next(i for i, d in enumerate(docs) if d["doc_id"] == "jilin-2018") + 2
    recorded = docs[line - 2]["sha256"]
    (message,) = problems_of(data_copy)
    assert message.startswith(f"documents.csv:{line}: sha256: sources/jilin-2018.txt has sha256 ")
    assert message.endswith(f", not the recorded {recorded}: the source text was edited")


def test_value_missing_from_quote(data_copy):
    rows, i, line = first_target(data_copy)
    rows[i]["value"] = "87"
    write_rows(data_copy / "targets.csv", rows)
    quote = rows[i]["quote"]
    assert problems_of(data_copy) == [f"targets.csv:{line}: value: 87 does not appear in the quote {quote!r}"]


def test_byte_order_mark(data_copy):
    path = data_copy / "targets.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of(data_copy) == [
        "targets.csv:1: encoding: file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"
    ]


def test_gb18030_bytes(data_copy):
    path = data_copy / "targets.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    first_non_ascii_line = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    (message,) = [p for p in problems_of(data_copy) if p.startswith("targets.csv")]
    assert message.startswith(f"targets.csv:{first_non_ascii_line}: encoding: not valid UTF-8 (bytes ")
    assert message.endswith("); it decodes as GB18030: re-save it as UTF-8")


def test_every_problem_is_reported_in_one_run(data_copy):
    rows = read_rows(data_copy / "targets.csv")
    rows[0]["value"] = "x"
    rows[1]["comparator"] = "≥"
    rows[2]["target_year"] = "2010"
    write_rows(data_copy / "targets.csv", rows)
    problems = problems_of(data_copy)
    assert problems == [
        "targets.csv:2: value: expected a number, got 'x'",
        "targets.csv:3: comparator: must be one of: >=, =, ~, range, <=, got '≥'",
        f"targets.csv:4: target_year: 2010 is before the plan was issued ({read_issued(data_copy, rows[2]['doc_id'])})",
    ]


def read_issued(data_dir, doc_id):
    return next(d["issued"] for d in read_rows(data_dir / "documents.csv") if d["doc_id"] == doc_id)


def test_load_raises_with_every_problem(data_copy):
    rows = read_rows(data_copy / "targets.csv")
    rows[0]["value"] = "x"
    rows[1]["value"] = "y"
    write_rows(data_copy / "targets.csv", rows)
    with pytest.raises(DataValidationError) as info:
        load(data_copy)
    assert [str(p) for p in info.value.problems] == [
        "targets.csv:2: value: expected a number, got 'x'",
        "targets.csv:3: value: expected a number, got 'y'",
    ]


def test_cli_fails_loudly_on_a_broken_copy(data_copy):
    rows, i, line = first_target(data_copy)
    rows[i]["indicator_id"] = "nope"
    write_rows(data_copy / "targets.csv", rows)
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--data-dir", str(data_copy), "validate"], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stdout == f"targets.csv:{line}: indicator_id: unknown indicator_id 'nope' (not in indicators.csv)\n"
    assert "1 problem(s) found" in run.stderr


def test_cli_summary_on_the_real_data():
    run = subprocess.run([sys.executable, "-m", "analysis", "validate"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "jurisdictions.csv",
        "documents.csv",
        "indicators.csv",
        "vintages.csv",
        "targets.csv",
        "observations.csv",
    ]
