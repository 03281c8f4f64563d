"""The report batch end to end on the small corpus (with one deliberately failing report): the
pages, their language, their weight and links, the figures' SVGs, the citation lines, the
downloads, the index; and, on two plans, that a forced re-run with unchanged inputs writes the
same bytes."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager

from analysis import paths
from analysis.data.bundle import BUNDLE_NAME, FOLDER
from analysis.presentation.style import FONT, set_style
from analysis.report.kernel import JobResult
from analysis.report.output import remove_stale, write_report
from analysis.report.plan import Job
from tests.helpers import expected_reports, report_command, snapshot, write_subset

FAILING = "public_measurement_standards"
LANGS = ("zh", "en")
MQCI = "mfg_quality_competitiveness_index"


def run_batch(data: Path, notebooks: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    command = report_command(data, notebooks, out, "--workers", "2", *extra)
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def batch(tmp_path_factory, small_data):
    """`analysis report` once, on the small corpus, with a copy of the notebooks in which one report fails."""
    tmp = tmp_path_factory.mktemp("batch")
    notebooks = tmp / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, notebooks)
    nb = nbformat.read(notebooks / "indicator_comparison.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell(f'assert indicator_id != "{FAILING}", "deliberate failure"'))
    nbformat.write(nb, notebooks / "indicator_comparison.ipynb")
    out = tmp / "reports"
    (out / "zh" / "indicator" / "retired_indicator").mkdir(parents=True)  # from an earlier run, no longer planned
    run = run_batch(small_data, notebooks, out)
    return run, out, expected_reports(small_data, LANGS), (small_data, notebooks)


def report_pages(out: Path) -> list[Path]:
    return sorted(p for lang in LANGS for p in (out / lang).rglob("*.html"))


def test_one_failure_does_not_stop_the_batch(batch):
    run, out, expected, _ = batch
    assert run.returncode == 1
    for lang in LANGS:
        assert f"FAILED {lang}/indicator/{FAILING}: AssertionError: deliberate failure" in run.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert {m["folder"] for m in manifest if not m["ok"]} == {f"{lang}/indicator/{FAILING}" for lang in LANGS}
    assert {m["folder"] for m in manifest} == expected
    n = len(expected)
    assert f"{n - 2} of {n} reports ok ({n} executed, 0 unchanged)" in run.stdout


def test_the_index_lists_every_report_and_marks_the_failure(batch):
    _, out, _, _ = batch
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in index and (out / "index-en.html").is_file()
    assert "× AssertionError: deliberate failure" in index
    for m in json.loads((out / "manifest.json").read_text()):
        if m["ok"]:
            assert f'href="{m["folder"]}/' in index
    for headline in (
        "江门市 85 (2020)",
        "吉安市 86.5 (2026)",
        "江苏省 88 (2025)",
        "宜昌市 ≥89 (2025)",
        "中国 86 (2025)",
    ):
        assert headline in index
    assert "Jiangmen 85 (2020)" in index  # the English reports are listed too, with a language filter
    assert 'name="lang"' in index and 'name="province"' in index and 'name="category"' in index


def test_a_page_per_province_lists_its_cities(batch):
    _, out, _, _ = batch
    jiangxi = (out / "provinces" / "jiangxi.html").read_text(encoding="utf-8")
    assert 'href="../zh/jurisdiction/jian/' in jiangxi and 'href="../zh/jurisdiction/jiangxi/' in jiangxi
    assert "jurisdiction/yichang/" not in jiangxi  # Hubei's city
    assert (out / "provinces" / "hubei-en.html").is_file()


def test_each_report_is_in_one_language_without_an_index_column(batch):
    _, out, _, _ = batch
    zh = (out / "zh" / "indicator" / MQCI / "indicator_comparison.html").read_text(encoding="utf-8")
    en = (out / "en" / "indicator" / MQCI / "indicator_comparison.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in zh and "各地目标并列" in zh and "The targets side by side" not in zh
    assert '<html lang="en">' in en and "The targets side by side" in en and "各地目标并列" not in en
    assert "<th>地区</th>" in zh and "<th>Jurisdiction</th>" in en
    for page in (zh, en):
        first_header = re.search(r"<thead>\s*<tr[^>]*>\s*<th[^>]*>(.*?)</th>", page, re.S)
        assert first_header and first_header.group(1).strip(), "a blank first header is a row index"


def test_pages_are_light_and_link_their_figures_and_tables_as_files(batch):
    _, out, _, _ = batch
    folder = out / "zh" / "indicator" / MQCI
    page = (folder / "indicator_comparison.html").read_text(encoding="utf-8")
    assert len(page.encode()) < 60_000 and "data:image" not in page and "<style" not in page
    for figure in ("spread", "vertical", "ranking"):
        assert f'src="figures/{figure}.png"' in page and (folder / "figures" / f"{figure}.png").stat().st_size > 10_000
    for table in ("measures", "targets"):
        assert f'href="tables/{table}.csv"' in page and f'href="tables/{table}.xlsx"' in page
        assert (folder / "tables" / f"{table}.csv").read_text(encoding="utf-8").startswith("地区,")
    for page_path in report_pages(out):
        assert page_path.stat().st_size < 60_000, page_path


def test_every_figure_has_its_svg_beside_it_linked_from_its_page(batch):
    """The SVG holds the chart's Chinese as outlines (no text for a reader's fonts to draw): here
    the outline of 江 (in 江门 and 江苏), as the bundled font's character map finds its glyph, in
    the index's spread chart."""
    _, out, _, _ = batch
    pngs = [p for lang in LANGS for p in (out / lang).rglob("figures/*.png")]
    with_svg = [p for p in pngs if p.with_suffix(".svg").is_file()]
    assert len(pngs) > 100 and len(with_svg) == len(pngs)
    for page_path in report_pages(out):
        page = page_path.read_text(encoding="utf-8")
        shown = re.findall(r'<img src="(figures/[^"]+)\.png"', page)
        assert shown == re.findall(r'<a href="(figures/[^"]+)\.svg">SVG</a>', page), page_path
    svg = (out / "zh" / "indicator" / MQCI / "figures" / "spread.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<text" not in svg and "<dc:date>" not in svg
    set_style()  # registers the bundled font
    font = font_manager.get_font(font_manager.findfont(FONT, fallback_to_default=False))
    assert f'<path id="{font.postscript_name}-{font.get_char_index(ord("江")):x}"' in svg


def test_every_report_page_says_how_to_cite_it(batch):
    """With the dataset's version (pyproject's), the page's path and the date of the data: the
    latest issue date of a plan the reports compare (drafts left out), read from the corpus."""
    _, out, _, (data, _) = batch
    version = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    with (data / "documents.csv").open(encoding="utf-8", newline="") as f:
        date = max(r["issued"] for r in csv.DictReader(f) if r["issued"] and r["standing"] != "draft")
    for page_path in report_pages(out):
        page = page_path.read_text(encoding="utf-8")
        cite = re.findall(r'<footer class="cite"><p>(.*?)</p></footer>', page, re.S)
        assert len(cite) == 1, page_path
        line = html.unescape(cite[0])
        path = page_path.relative_to(out).as_posix()
        if page_path.parts[len(out.parts)] == "zh":
            assert line.startswith("引用本页:") and f"版本 {version} " in line
            assert line.endswith(f"{path}。数据收录至 {date} 发布的规划。"), line
        else:
            assert line.startswith("How to cite this page:") and f"version {version} " in line
            assert line.endswith(f"{path}. Data: plans issued up to {date}."), line


def test_the_index_offers_the_dataset_as_a_zip_of_the_data_it_was_built_from(batch):
    _, out, _, (data, _) = batch
    assert f'href="downloads/{BUNDLE_NAME}"' in (out / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "downloads" / BUNDLE_NAME) as bundle:
        names = set(bundle.namelist())
        assert {f"{FOLDER}/{n}" for n in ("README.md", "CITATION.cff", "datapackage.json")} <= names
        assert bundle.read(f"{FOLDER}/targets.csv") == (data / "targets.csv").read_bytes()


def test_every_link_stays_inside_the_folder_and_resolves(batch):
    """The whole reports/ folder can be zipped and opened elsewhere: every link is relative and
    points at a file that exists."""
    _, out, _, _ = batch
    for page in sorted(out.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=", html), page
        assert not re.search(r"""(src|href|srcset)=["']?(https?:)?//""", html), page
        for target in re.findall(r"""(?:src|href)="([^"#]+)\"""", html):
            assert not target.startswith("/"), (page, target)
            assert (page.parent / unquote(target)).resolve().is_file(), (page, target)


def test_images_have_alt_text_and_pages_link_the_shared_assets(batch):
    _, out, _, _ = batch
    for page in report_pages(out):
        html = page.read_text(encoding="utf-8")
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'alt="[^"]+"', img), (page, img[:120])
        assert 'assets/fonts.css"' in html and 'assets/report.css"' in html
    assert (out / "assets" / "cjk.woff").stat().st_size > 10_000


def test_the_subset_font_holds_every_character_a_page_shows(batch):
    """Characters are read as a browser reads them (references resolved), so one the pages spell
    as ``&#20505;`` cannot slip past the scan that picks the font's glyphs."""
    _, out, _, _ = batch
    font = TTFont(out / "assets" / "cjk.woff")
    covered = set(font.getBestCmap())
    for page in sorted(out.rglob("*.html")):
        shown = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        missing = sorted({c for c in shown if ord(c) > 0x7F and ord(c) not in covered})
        assert not missing, (page, "".join(missing))


def test_failed_report_keeps_its_executed_notebook_and_is_not_cached(batch):
    _, out, _, _ = batch
    folder = out / "zh" / "indicator" / FAILING
    nb = nbformat.read(folder / "indicator_comparison.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert json.loads((folder / ".report.json").read_text())["key"] == ""  # never matches: re-run next time


def test_stale_reports_are_removed(batch):
    _, out, _, _ = batch
    assert not (out / "zh" / "indicator" / "retired_indicator").exists()


def test_a_forced_rerun_with_unchanged_inputs_writes_the_same_bytes(tmp_path):
    """Byte for byte, on two plans in Chinese (the language whose glyphs are subset into the
    figures): pages, figures, tables, workbooks, notebooks, the index and the dataset zip."""
    data = write_subset(paths.DATA_DIR, tmp_path / "data", ("national-2023", "jiangsu-2023"))
    out = tmp_path / "reports"
    first = run_batch(data, paths.NOTEBOOKS_DIR, out, "--lang", "zh")
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    run_batch(data, paths.NOTEBOOKS_DIR, out, "--lang", "zh", "--force")
    after = snapshot(out)
    run_records = {"manifest.json"} | {p for p in before if p.endswith(".report.json")}  # timings of the run
    assert {p: h for p, h in after.items() if p not in run_records} == {
        p: h for p, h in before.items() if p not in run_records
    }
    assert {p.rsplit(".", 1)[-1] for p in before} >= {"html", "png", "svg", "csv", "xlsx", "ipynb", "zip"}


def result(key: str, files: dict[str, bytes]) -> JobResult:
    return JobResult(Job("indicator", key, "indicator_comparison.ipynb", {}), True, "", 0.1, files)


def test_rerun_replaces_a_report_folder_whole(tmp_path):
    write_report(tmp_path, result("x", {"a.txt": b"old", "figures/old.png": b"1"}))
    write_report(tmp_path, result("x", {"a.txt": b"new"}))
    folder = tmp_path / "zh" / "indicator" / "x"
    assert (folder / "a.txt").read_bytes() == b"new"
    assert not (folder / "figures").exists()
    assert [p.name for p in (tmp_path / "zh" / "indicator").iterdir()] == ["x"]  # no staging or old folders left


def test_remove_stale_only_touches_report_folders(tmp_path):
    for rel in ("zh/indicator/keep", "zh/indicator/gone", "en/jurisdiction/gone", "notes", "assets"):
        (tmp_path / rel).mkdir(parents=True)
    for single in ("overview", "progress"):  # one report per language: its subfolders are its own
        (tmp_path / "zh" / single / "figures").mkdir(parents=True)
    jobs = [
        Job("indicator", "keep", "indicator_comparison.ipynb", {}),
        Job("jurisdiction", "j", "jurisdiction_profile.ipynb", {}),
        Job("overview", "overview", "overview.ipynb", {}),
        Job("progress", "progress", "progress_report.ipynb", {}),
    ]
    removed = remove_stale(tmp_path, jobs)
    assert removed == ["en/jurisdiction/gone", "zh/indicator/gone"]
    assert (tmp_path / "zh" / "indicator" / "keep").is_dir() and (tmp_path / "notes").is_dir()
    assert (tmp_path / "zh" / "overview" / "figures").is_dir() and (tmp_path / "zh" / "progress" / "figures").is_dir()
