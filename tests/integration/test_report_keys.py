"""Report inputs cannot go stale: after each of 50 random edits to the data (targets,
observations, indicators, jurisdictions, documents, source texts), the incremental build equals
a clean build, report by report.

The clean build runs every notebook on all of the data (no scope), as an analyst would in
JupyterLab; the incremental build is the batch's own, which hands each report its data scope
and skips the reports whose key is unchanged. So the test checks two things at once: a report
reads nothing outside the slice it is keyed by, and its key changes whenever that slice does.
Notebooks run in worker processes here (their code cells, each figure recorded by its alt text
and each table by its CSV instead of drawn), so that 50 rounds stay cheap: the keys and the
cache are under test; kernels, papermill and the HTML are tested in test_report_batch.py.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import multiprocessing
import multiprocessing.pool
import random
from pathlib import Path
from unittest import mock

import nbformat
import pandas as pd
import pytest

from analysis import paths, validate
from analysis.data.kinds import read_kind
from analysis.presentation.display import ReportDisplay
from analysis.report.batch import build_reports
from analysis.report.kernel import JobResult
from analysis.report.plan import Job
from tests.helpers import read_rows, write_rows, write_subset

EDITS = 50
# a quoted plan (the nation's), a province with two successive plans and a city under it: every
# kind of report, at the smallest number of reports per round (12)
CORPUS = ("national-2023", "jiangxi-2017", "jiangxi-2023", "nanchang-2024")
CONTENT = "content.json"


def report_content(notebook: str, parameters: dict) -> bytes:
    """What a report shows, from its notebook's code run in this process: printed text, tables
    (as CSV) and figures (by name and alt text, which lists every value drawn)."""
    cells = [c for c in nbformat.reads(notebook, as_version=4).cells if c.cell_type == "code"]
    shown: list[list[str]] = []
    namespace: dict = {}
    figures = mock.patch.object(
        ReportDisplay, "figure", lambda self, fig, name: shown.append(["figure", name, fig.alt_text])
    )
    tables = mock.patch.object(
        ReportDisplay, "table", lambda self, frame, name: shown.append(["table", name, frame.to_csv()])
    )
    stdout = io.StringIO()
    with figures, tables, contextlib.redirect_stdout(stdout):
        exec(cells[0].source, namespace)  # the parameters cell, then the job's values
        namespace.update(parameters)
        for cell in cells[1:]:
            tree = ast.parse(cell.source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, "<cell>", "exec"), namespace)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                if isinstance(value, pd.DataFrame):
                    shown.append(["table", value.to_csv()])
    shown.append(["printed", stdout.getvalue()])
    return json.dumps(shown, ensure_ascii=False, indent=0).encode()


def pool_executor(pool: multiprocessing.pool.Pool):
    """The batch's executor for this test: each report's content, computed in ``pool``."""

    def run(jobs: list[Job], sources: dict[str, str]):
        contents = pool.starmap(report_content, [(sources[j.notebook], j.parameters) for j in jobs])
        for job, content in zip(jobs, contents, strict=True):
            yield JobResult(job, True, "", 0.0, {CONTENT: content})

    return run


# --- edits that keep the data valid -----------------------------------------------------------


def cited_targets(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r["source_url"] and r["comparator"] != "range"]


def edit_target_value(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "targets.csv")
    row = rng.choice([r for r in cited_targets(rows) if r["value"] in r["evidence"]])
    new = f"{float(row['value']) + rng.choice([0.5, 1, 2]):g}"
    row["evidence"] = row["evidence"].replace(row["value"], new)  # the copy as if it had said so
    row["value"] = new
    write_rows(d / "targets.csv", rows)
    return f"value of {row['target_id']}"


def edit_target_comparator(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "targets.csv")
    row = rng.choice(cited_targets(rows))
    row["comparator"] = rng.choice([c for c in (">=", "=", "~") if c != row["comparator"]])
    write_rows(d / "targets.csv", rows)
    return f"comparator of {row['target_id']}"


def edit_target_year(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "targets.csv")
    row = rng.choice([r for r in cited_targets(rows) if r["target_year"]])
    row["target_year"] = str(int(row["target_year"]) + 1)
    write_rows(d / "targets.csv", rows)
    return f"target year of {row['target_id']}"


def move_target_to_another_indicator(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "targets.csv")
    indicators = {i["indicator_id"]: i for i in read_rows(d / "indicators.csv")}
    unit_of = {i: r["unit"] for i, r in indicators.items()}
    row = rng.choice([r for r in cited_targets(rows) if not r["change"]])

    def kind(indicator: str) -> str:  # the kind rule reads the catalogue's name too (每万人口… is a rate)
        return read_kind(f"{row['context']} {row['evidence']}", row["unit"], indicators[indicator]["name_zh"]).kind

    same_unit = sorted(
        i
        for i, u in unit_of.items()
        if u == unit_of[row["indicator_id"]] and i != row["indicator_id"] and kind(i) == row["kind"]
    )
    row["indicator_id"] = rng.choice(same_unit)
    write_rows(d / "targets.csv", rows)
    return f"indicator of {row['target_id']}"


def drop_a_target(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "targets.csv")
    row = rng.choice(cited_targets(rows))
    write_rows(d / "targets.csv", [r for r in rows if r is not row])
    return f"removed {row['target_id']}"


def edit_observation(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "observations.csv")
    row = rng.choice([r for r in rows if r["basis"] == "published"])
    new = f"{float(row['value']) + 0.25:g}"
    row["evidence"] = row["evidence"].replace(row["value"], new) if row["value"] in row["evidence"] else new
    row["value"] = new
    write_rows(d / "observations.csv", rows)
    return f"value of {row['observation_id']}"


def edit_indicator(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "indicators.csv")
    used = {t["indicator_id"] for t in read_rows(d / "targets.csv")}
    row = rng.choice([r for r in rows if r["indicator_id"] in used])
    column = rng.choice(["name_zh", "name_en", "category"])
    categories = ["economy", "industry", "products", "services", "governance"]
    row[column] = rng.choice([c for c in categories if c != row[column]]) if column == "category" else row[column] + "·"
    write_rows(d / "indicators.csv", rows)
    return f"{column} of {row['indicator_id']}"


def edit_jurisdiction(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "jurisdictions.csv")
    if rng.random() < 0.5:  # names
        row = rng.choice(rows)
        row["name_zh"] += "·"
        write_rows(d / "jurisdictions.csv", rows)
        return f"name of {row['jurisdiction_id']}"
    a, b = rng.sample(range(1, len(rows)), 2)  # order: it fixes each jurisdiction's colour
    rows[a], rows[b] = rows[b], rows[a]
    write_rows(d / "jurisdictions.csv", rows)
    return f"order of {rows[a]['jurisdiction_id']} and {rows[b]['jurisdiction_id']}"


def edit_document(d: Path, rng: random.Random) -> str:
    rows = read_rows(d / "documents.csv")
    row = rng.choice(rows)
    if rng.random() < 0.5:
        row["title_zh"] += "·"
        what = "title"
    else:
        row["coverage"] = "full" if row["coverage"] == "excerpt" else "excerpt"
        what = "coverage"
    write_rows(d / "documents.csv", rows)
    return f"{what} of {row['doc_id']}"


def edit_source_text(d: Path, rng: random.Random) -> str:
    import hashlib

    rows = read_rows(d / "documents.csv")
    row = rng.choice([r for r in rows if r["source_file"]])
    path = d / row["source_file"]
    path.write_text(path.read_text(encoding="utf-8") + "\n(附)", encoding="utf-8")  # after every quote
    row["sha256"] = row["original_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    write_rows(d / "documents.csv", rows)
    return f"source text of {row['doc_id']}"


EDIT_KINDS = [
    edit_target_value,
    edit_target_comparator,
    edit_target_year,
    move_target_to_another_indicator,
    drop_a_target,
    edit_observation,
    edit_indicator,
    edit_jurisdiction,
    edit_document,
    edit_source_text,
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("keys")
    data = write_subset(paths.DATA_DIR, root / "data", CORPUS)
    sources = {p.name: p.read_text(encoding="utf-8") for p in paths.NOTEBOOKS_DIR.glob("*.ipynb")}
    return data, root / "reports", sources


def clean_build(pool: multiprocessing.pool.Pool, jobs: list[Job], sources: dict[str, str]) -> dict[str, bytes]:
    """Every report's content on all of the data (no scope)."""
    arguments = [(sources[j.notebook], {**j.parameters, "data_scope": ""}) for j in jobs]
    contents = pool.starmap(report_content, arguments)
    return {j.folder: c for j, c in zip(jobs, contents, strict=True)}


@pytest.fixture(scope="module")
def pool():
    """Both cores, for the two builds of each round (workers load the edited data afresh: the
    load cache is keyed by the folder's content)."""
    with multiprocessing.get_context("fork").Pool(2) as workers:
        yield workers


def test_after_each_random_edit_the_incremental_build_equals_a_clean_build(workspace, pool):
    data, reports, sources = workspace
    # one language: the language is a parameter of the page, not part of its data slice
    build = dict(data_dir=data, reports_dir=reports, langs=("zh",), progress=False, executor=pool_executor(pool))
    first = build_reports(**build)
    assert all(o.ok and not o.cached for o in first)
    rng = random.Random(20261125)
    skipped = 0
    for step in range(EDITS):
        edit = EDIT_KINDS[step % len(EDIT_KINDS)]  # each kind five times, on rows picked at random
        what = edit(data, rng)
        _, problems = validate(data)
        assert problems == [], (step, what, problems[:3])
        outcomes = build_reports(**build)
        skipped += sum(o.cached for o in outcomes)
        clean = clean_build(pool, [o.job for o in outcomes], sources)
        for o in outcomes:
            served = (reports / o.job.folder / CONTENT).read_bytes()
            how = "served from cache" if o.cached else "rebuilt"
            assert served == clean[o.job.folder], (
                f"edit {step} ({what}): {o.job.folder} {how} differs from a clean build"
            )
    assert skipped > 0, "the cache was never used: the test would not catch a stale report"
