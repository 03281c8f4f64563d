"""The report batch end to end (with one deliberately failing report), and its file handling."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from analysis import paths
from analysis.report.kernel import JobResult
from analysis.report.output import remove_stale, write_report
from analysis.report.plan import Job
from tests.helpers import expected_reports

FAILING = "public_measurement_standards"


@pytest.fixture(scope="module")
def batch(tmp_path_factory, small_data):
    """Run `analysis report` once, on the small corpus, with a copy of the notebooks in which one report fails."""
    tmp = tmp_path_factory.mktemp("batch")
    notebooks = tmp / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, notebooks)
    nb = nbformat.read(notebooks / "indicator_comparison.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell(f'assert indicator_id != "{FAILING}", "deliberate failure"'))
    nbformat.write(nb, notebooks / "indicator_comparison.ipynb")
    out = tmp / "reports"
    out.mkdir()
    (out / "indicator").mkdir()
    (out / "indicator" / "retired_indicator").mkdir()  # a report from an earlier run, no longer planned
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "--data-dir",
            str(small_data),
            "report",
            "--out",
            str(out),
            "--notebooks",
            str(notebooks),
            "--quiet",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return run, out, expected_reports(small_data)


def test_one_failure_does_not_stop_the_batch(batch):
    run, out, expected = batch
    assert run.returncode == 1
    assert f"FAILED indicator/{FAILING}: AssertionError: deliberate failure" in run.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert [m["folder"] for m in manifest if not m["ok"]] == [f"indicator/{FAILING}"]
    assert {m["folder"] for m in manifest} == expected
    n = len(expected)
    assert f"{n - 1} of {n} reports ok ({n} executed, 0 unchanged)" in run.stdout


def test_index_lists_every_report_and_marks_the_failure(batch):
    _, out, _ = batch
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "✗ AssertionError: deliberate failure" in index
    for m in json.loads((out / "manifest.json").read_text()):
        if m["ok"]:
            assert f'href="{m["folder"]}/' in index
    # the headline comparison, as the index states it
    assert (
        "江门市 85 (2020)" in index
        and "吉安市 86.5 (2026)" in index
        and "江苏省 88 (2025)" in index
        and "宜昌市 ≥89 (2025)" in index
        and "中国 86 (2025)" in index
        and "江西省 86.5 (2025)" in index
        and "湖北省 ≥89 (2025)" in index
    )


def test_reports_have_notebook_html_and_figures(batch):
    _, out, _ = batch
    folder = out / "indicator" / "mfg_quality_competitiveness_index"
    assert (folder / "indicator_comparison.ipynb").is_file()
    assert (folder / "indicator_comparison.html").is_file()
    for figure in ("spread", "vertical", "ranking"):
        assert (folder / "figures" / f"{figure}.png").stat().st_size > 10_000
        assert (folder / "figures" / f"{figure}.svg").read_text().startswith("<?xml")
    assert (out / "jurisdiction" / "yichang" / "jurisdiction_profile.html").is_file()
    assert (out / "overview" / "overview.html").is_file()


def test_failed_report_keeps_its_executed_notebook(batch):
    _, out, _ = batch
    nb = nbformat.read(out / "indicator" / FAILING / "indicator_comparison.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_stale_reports_are_removed(batch):
    _, out, _ = batch
    assert not (out / "indicator" / "retired_indicator").exists()


def test_pages_load_nothing_from_the_internet_and_images_have_alt_text(batch):
    _, out, expected = batch
    pages = list(out.rglob("*.html"))
    assert len(pages) == len(expected) + 1  # and the index
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=", html), page
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), page
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", html), page
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'alt="[^"]+"', img), (page, img[:120])
        assert 'assets/fonts.css"' in html
    assert (out / "assets" / "cjk.woff").stat().st_size > 10_000


def test_a_failed_report_is_not_cached(batch):
    _, out, _ = batch
    manifest = json.loads((out / "indicator" / FAILING / ".report.json").read_text())
    assert manifest["key"] == ""  # never matches: the next run executes it again


def result(folder_key: str, files: dict[str, bytes]) -> JobResult:
    return JobResult(Job("indicator", folder_key, "indicator_comparison.ipynb", {}), True, "", 0.1, files)


def test_rerun_replaces_a_report_folder_whole(tmp_path):
    write_report(tmp_path, result("x", {"a.txt": b"old", "figures/old.png": b"1"}))
    write_report(tmp_path, result("x", {"a.txt": b"new"}))
    folder = tmp_path / "indicator" / "x"
    assert (folder / "a.txt").read_bytes() == b"new"
    assert not (folder / "figures").exists()
    assert [p.name for p in (tmp_path / "indicator").iterdir()] == ["x"]  # no staging or old folders left


def test_remove_stale_only_touches_report_folders(tmp_path):
    for rel in ("indicator/keep", "indicator/gone", "jurisdiction/gone", "notes"):
        (tmp_path / rel).mkdir(parents=True)
    removed = remove_stale(tmp_path, [Job("indicator", "keep", "indicator_comparison.ipynb", {})])
    assert removed == ["indicator/gone", "jurisdiction/gone"]
    assert (tmp_path / "indicator" / "keep").is_dir() and (tmp_path / "notes").is_dir()
