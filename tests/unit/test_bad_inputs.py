"""A catalogue of bad inputs: each gives the exact error a user sees, and leaves no existing
file changed and nothing half-written.

Tables, source texts and encodings go through ``python -m analysis validate``'s code; notebook
parameters through the checks the notebooks call first; the command line as a user types it;
the batch through its worker pool and its writer.
"""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest

from analysis import files, load, paths, validate
from analysis.cli import main
from analysis.data.bundle import BUNDLE_NAME, write_bundle
from analysis.data.schema import TABLES
from analysis.errors import IntakeError, OutputError, ParameterError, ReportError
from analysis.intake.formats import read_original
from analysis.intake.textio import read_plan
from analysis.presentation.parameters import (
    check_indicator,
    check_jurisdiction,
    check_jurisdictions,
    check_lang,
    check_overrule,
    check_province,
    check_reject,
    check_reviewed,
    check_tiers,
)
from analysis.report.batch import build_reports
from analysis.report.kernel import JobResult
from analysis.report.output import write_report
from analysis.report.plan import Job
from tests.helpers import line_of, read_rows, snapshot, write_rows


def header(table: str) -> str:
    return ",".join(TABLES[table].columns)


# --- tables ------------------------------------------------------------------------------------


def set_cells(table, changes: dict[str, str], **match):
    """A mutation setting several cells of the row matching ``match``; it returns the row's line."""

    def mutate(d: Path):
        rows = read_rows(d / f"{table}.csv")
        line = line_of(rows, **match)
        rows[line - 2].update(changes)
        write_rows(d / f"{table}.csv", rows)
        return line

    return mutate


def set_cell(table, column, new_value, **match):
    return set_cells(table, {column: new_value}, **match)


def swap_range(d: Path) -> int:
    rows = read_rows(d / "targets.csv")
    line = line_of(rows, doc_id="jian-2024", comparator="range")
    row = rows[line - 2]
    row["value"], row["value_high"] = row["value_high"], row["value"]
    write_rows(d / "targets.csv", rows)
    return line


MQCI_JIAN = dict(doc_id="jian-2024", indicator_id="mfg_quality_competitiveness_index")
TABLE_CASES = {
    "empty file": (
        lambda d: (d / "targets.csv").write_bytes(b""),
        [f"targets.csv:1: header: file is empty; expected a header row: {header('targets')}"],
    ),
    "header only": (
        lambda d: (d / "observations.csv").write_text(header("observations") + "\n"),
        ["observations.csv:1: rows: the file has a header but no rows"],
    ),
    "extra column": (
        lambda d: (d / "jurisdictions.csv").write_text(
            "\n".join(line + ",x" for line in (d / "jurisdictions.csv").read_text().splitlines()) + "\n"
        ),
        [f"jurisdictions.csv:1: x: unexpected column; the columns are: {header('jurisdictions')}"],
    ),
    "missing column": (
        lambda d: (d / "jurisdictions.csv").write_text(
            "\n".join(line.rsplit(",", 1)[0] for line in (d / "jurisdictions.csv").read_text().splitlines()) + "\n"
        ),
        ["jurisdictions.csv:1: notes: missing column"],
    ),
    "byte-order mark": (
        lambda d: (d / "indicators.csv").write_bytes(b"\xef\xbb\xbf" + (d / "indicators.csv").read_bytes()),
        ["indicators.csv:1: encoding: file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"],
    ),
    "ragged row": (
        lambda d: (d / "observations.csv").write_text(
            (d / "observations.csv").read_text().replace("obs-005,", "obs-005,,", 1)
        ),
        ["observations.csv:6: row: has 17 fields, the header has 16"],
    ),
    "NaN value": (
        set_cell("targets", "value", "nan", **MQCI_JIAN),
        ["targets.csv:{line}: value: expected a finite number, got 'nan'"],
    ),
    "infinite value": (
        set_cell("targets", "value", "inf", **MQCI_JIAN),
        ["targets.csv:{line}: value: expected a finite number, got 'inf'"],
    ),
    "negative year": (
        set_cell("targets", "target_year", "-2026", **MQCI_JIAN),
        ["targets.csv:{line}: target_year: must be at least 1949, got -2026"],
    ),
    "absurd year": (
        set_cell("targets", "target_year", "20260", **MQCI_JIAN),
        ["targets.csv:{line}: target_year: must be at most 2100, got 20260"],
    ),
    "year with decimals": (
        set_cell("targets", "target_year", "2026.0", **MQCI_JIAN),
        ["targets.csv:{line}: target_year: expected a whole number, got '2026.0'"],
    ),
    "range with low above high": (swap_range, ["targets.csv:{line}: value_high: 2 is not above the low end 3"]),
    "comparator outside the vocabulary": (
        set_cell("targets", "comparator", "≥", **MQCI_JIAN),
        ["targets.csv:{line}: comparator: must be one of: >=, =, ~, range, <=, got '≥'"],
    ),
    "change outside the vocabulary": (
        set_cell("targets", "change", "more", **MQCI_JIAN),
        ["targets.csv:{line}: change: must be one of: increase, decrease, annual_growth, got 'more'"],
    ),
    "required quote missing": (
        set_cell("targets", "quote", "", **MQCI_JIAN),
        ["targets.csv:{line}: quote: missing value (required for a target of a quoted plan)"],
    ),
    "dangling document id": (
        set_cell("targets", "doc_id", "jian-2025", **MQCI_JIAN),
        ["targets.csv:{line}: doc_id: unknown doc_id 'jian-2025' (not in documents.csv)"],
    ),
    "target year before the plan": (
        set_cell("targets", "target_year", "2023", **MQCI_JIAN),
        ["targets.csv:{line}: target_year: 2023 is before the plan was issued (2024-04-29)"],
    ),
    "baseline after the target year": (
        set_cell("targets", "baseline_year", "2026", doc_id="jiangsu-2023", change="decrease", value="14"),
        ["targets.csv:{line}: baseline_year: 2026 is not before the target year 2025"],
    ),
    "unit of another quantity": (
        set_cell("targets", "unit", "亿元", **MQCI_JIAN),
        [
            "targets.csv:{line}: unit: '亿元' does not measure the same quantity as the indicator's unit 'index'",
            "targets.csv:{line}: kind: the wording reads as level (no addition, yearly or ratio wording: a total or"
            " level reached), not index; a kind read from words beyond it needs a note starting 'kind:'",
        ],
    ),
    "kind outside the vocabulary": (
        set_cell("targets", "kind", "total", **MQCI_JIAN),
        ["targets.csv:{line}: kind: must be one of: level, addition, annual, rate, index, rank, relative, got 'total'"],
    ),
    "kind the wording does not read": (
        # 培育湖北精品30个以上: a verb of making with no period named reads as a total reached.
        set_cell("targets", "kind", "addition", target_id="yichang-2023-011"),
        [
            "targets.csv:{line}: kind: the wording reads as level (no addition, yearly or ratio wording: a total or"
            " level reached), not addition; a kind read from words beyond it needs a note starting 'kind:'"
        ],
    ),
    "context not in the text before the quote": (
        set_cell("targets", "context", "“十五五”时期", target_id="jiangmen-2016-012"),
        ["targets.csv:{line}: context: '“十五五”时期' does not occur in jiangmen-2016 before the quote (offset 1022)"],
    ),
    "change on a target that is not relative": (
        set_cell("targets", "change", "increase", **MQCI_JIAN),
        ["targets.csv:{line}: change: must be empty unless kind is relative (kind is index)"],
    ),
    "cited evidence without the value": (
        set_cell("targets", "evidence", "制造业质量竞争力指数达到八十九", target_id="wuhan-2023-003"),
        ["targets.csv:{line}: value: 92 does not appear in the evidence '制造业质量竞争力指数达到八十九'"],
    ),
    "standing outside the vocabulary": (
        set_cell("documents", "standing", "final", doc_id="jian-2024"),
        ["documents.csv:{line}: standing: must be one of: plan, implementation, annual, reading, draft, got 'final'"],
    ),
    "family that names no document": (
        set_cell("documents", "family", "hebei-2023-c", doc_id="hebei-2023-b"),
        ["documents.csv:{line}: family: unknown doc_id 'hebei-2023-c' (not in documents.csv)"],
    ),
    "family named by a document of lower standing": (
        set_cells("documents", {"standing": "draft"}, doc_id="hebei-2023-a"),
        [
            "documents.csv:{other}: family: hebei-2023-b (reading) stands above hebei-2023-a (draft): a family is"
            " named by its document of highest standing"
        ],
    ),
    "vintage of another indicator": (
        set_cell("observations", "vintage", "farm-monitoring-2018", observation_id="obs-010"),
        [
            "observations.csv:{line}: vintage: 'farm-monitoring-2018' is a vintage of"
            " farm_product_monitoring_pass_rate, not of mfg_quality_competitiveness_index"
        ],
    ),
    "vintage outside its years": (
        set_cell("observations", "vintage", "mqci-2005", observation_id="obs-010"),
        ["observations.csv:{line}: vintage: 2023 is outside 'mqci-2005' (2005-2010)"],
    ),
    "vintage missing for an indicator with vintages": (
        set_cell("observations", "vintage", "", observation_id="obs-010"),
        [
            "observations.csv:{line}: vintage: missing value (required: mfg_quality_competitiveness_index has"
            " vintages in vintages.csv)"
        ],
    ),
    "unknown vintage": (
        set_cell("observations", "vintage", "mqci-1999", observation_id="obs-010"),
        ["observations.csv:{line}: vintage: unknown vintage 'mqci-1999' (not in vintages.csv)"],
    ),
    "published figure without evidence or a note": (
        set_cell("observations", "evidence", "", observation_id="obs-010"),
        [
            "observations.csv:{line}: evidence: missing value (a figure whose excerpt is not held says so: notes"
            " start 'no evidence held:')"
        ],
    ),
    "unit outside the vocabulary": (
        set_cell("targets", "unit", "km", **MQCI_JIAN),
        ["targets.csv:{line}: unit: must be one of: " + ", ".join(TABLES["targets"].field("unit").enum) + ", got 'km'"],
    ),
    "indicator in two categories": (
        lambda d: (d / "indicators.csv").write_text(
            (d / "indicators.csv").read_text()
            + "mfg_quality_competitiveness_index,制造业质量竞争力指数,MQCI,index,true,products,,制造业质量竞争力指数,\n"
        ),
        [
            "indicators.csv:{last}: indicator_id: "
            "duplicate id 'mfg_quality_competitiveness_index' (first on line {first})"
        ],
    ),
    "alias in traditional characters": (
        set_cell("indicators", "aliases", "制造業質量競爭力指數", indicator_id="mfg_quality_competitiveness_index"),
        [
            "indicators.csv:{line}: aliases: '制造業質量競爭力指數' is in traditional characters; "
            "write aliases in simplified (traditional text is matched through OpenCC)"
        ],
    ),
    "boolean not true or false": (
        set_cell("indicators", "higher_is_better", "yes", indicator_id="mfg_quality_competitiveness_index"),
        ["indicators.csv:{line}: higher_is_better: expected true or false, got 'yes'"],
    ),
    "source path outside the repository": (
        set_cell("documents", "source_file", "../../etc/hosts", doc_id="jilin-2018"),
        ["documents.csv:{line}: source_file: must match the pattern ^sources/[^/]+\\.txt$, got '../../etc/hosts'"],
    ),
    "issued in the future": (
        set_cell("documents", "issued", "2099-01-01", doc_id="jilin-2018"),
        ["documents.csv:{line}: issued: 2099-01-01 is in the future"],
    ),
    "issued on a day that does not exist": (
        set_cell("documents", "issued", "2018-02-30", doc_id="jilin-2018"),
        ["documents.csv:{line}: issued: not a real date: '2018-02-30' (day is out of range for month)"],
    ),
    "quoted plan without its issue date (only an -undated id may have none)": (
        set_cell("documents", "issued", "", doc_id="jilin-2018"),
        ["documents.csv:{line}: issued: missing value (required for a quoted plan)"],
    ),
    "jurisdiction without region": (
        set_cell("jurisdictions", "region", "", jurisdiction_id="jian"),
        ["jurisdictions.csv:{line}: region: missing value (required for a city)"],
    ),
    "cited target with a quote": (
        set_cell("targets", "quote", "制造业质量竞争力指数达到92", target_id="wuhan-2023-003"),
        [
            "targets.csv:{line}: quote: "
            "a target carries either a quote (quoted plan) or a source URL (cited plan), not both"
        ],
    ),
    "cited target without its copy's URL": (
        set_cell("targets", "source_url", "", target_id="wuhan-2023-003"),
        ["targets.csv:{line}: source_url: missing value (required for a target of a cited plan)"],
    ),
    "quoted target in the cited form": (
        set_cells(
            "targets",
            {"source_url": "https://example.org/plan.html", "quote": "", "char_offset": "", "section": ""},
            **MQCI_JIAN,
        ),
        ["targets.csv:{line}: source_url: jian-2024 is a quoted plan: its targets carry a quote, not a source URL"],
    ),
    "document whose tier contradicts its targets": (
        set_cell("documents", "tier", "cited", doc_id="jilin-2018"),
        [
            "documents.csv:{line}: tier: cited, but the row gives script, source_file, sha256, original_name,"
            " original_format, original_sha256: a plan whose text is held in sources/ is quoted"
        ],
    ),
    "city whose parent is not a province": (
        set_cell("jurisdictions", "parent_id", "wuhan", jurisdiction_id="yichang"),
        ["jurisdictions.csv:{line}: parent_id: the parent of a city must be a province, 'wuhan' is a city"],
    ),
    "district whose parent is the nation": (
        set_cell("jurisdictions", "parent_id", "china", jurisdiction_id="hechuan"),
        [
            "jurisdictions.csv:{line}: parent_id: "
            "the parent of a district must be a province or a city, 'china' is a nation"
        ],
    ),
    "evidence that does not contain the value": (
        set_cell("observations", "value", "85.12", observation_id="obs-010"),
        ["observations.csv:{line}: evidence: does not contain the value 85.12"],
    ),
    "derived value stored as published": (
        set_cell("observations", "basis", "published", observation_id="obs-046"),
        [
            "observations.csv:{line}: basis: "
            "a derived value stored as published: its derivation '97.6 - 0.1' computes it"
        ],
    ),
    "derivation that does not give the value": (
        set_cell("observations", "derivation", "97.6 - 0.2", observation_id="obs-046"),
        ["observations.csv:{line}: derivation: '97.6 - 0.2' gives 97.4, not 97.5"],
    ),
    "observation of both a jurisdiction and a region": (
        set_cell("observations", "region", "eastern", observation_id="obs-001"),
        [
            "observations.csv:{line}: jurisdiction_id: "
            "give exactly one of jurisdiction_id (a jurisdiction) or region (a regional aggregate)"
        ],
    ),
}


@pytest.mark.parametrize("case", list(TABLE_CASES), ids=list(TABLE_CASES))
def test_bad_table(case, data_copy):
    mutate, expected = TABLE_CASES[case]
    line = mutate(data_copy)
    before = snapshot(data_copy)
    dataset, problems = validate(data_copy)
    indicators = read_rows(data_copy / "indicators.csv") if case == "indicator in two categories" else []
    fill = dict(
        line=line,
        last=len(indicators) + 1,
        first=line_of(indicators, indicator_id="mfg_quality_competitiveness_index") if indicators else 0,
        other=line_of(read_rows(data_copy / "documents.csv"), doc_id="hebei-2023-b"),
    )
    assert dataset is None
    assert [str(p) for p in problems] == [e.format(**fill) for e in expected]
    assert snapshot(data_copy) == before


def test_crlf_line_endings_are_read_like_lf(data_copy):
    for name in ("targets.csv", "documents.csv"):
        path = data_copy / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    dataset, problems = validate(data_copy)
    assert problems == []
    assert dataset.targets.equals(load().targets)


# --- source texts and encodings -----------------------------------------------------------------


def test_source_text_in_gb18030_with_its_checksum(data_copy):
    path = data_copy / "sources" / "jian-2024.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    docs = read_rows(data_copy / "documents.csv")
    docs[line_of(docs, doc_id="jian-2024") - 2]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    write_rows(data_copy / "documents.csv", docs)
    _, problems = validate(data_copy)
    assert [str(p) for p in problems] == [
        f"documents.csv:{line_of(docs, doc_id='jian-2024')}: source_file: sources/jian-2024.txt is not valid UTF-8"
    ]


def test_missing_source_text(data_copy):
    (data_copy / "sources" / "jilin-2018.txt").unlink()
    docs = read_rows(data_copy / "documents.csv")
    _, problems = validate(data_copy)
    assert [str(p) for p in problems] == [
        f"documents.csv:{line_of(docs, doc_id='jilin-2018')}: source_file: file not found: sources/jilin-2018.txt"
    ]


def test_table_in_gb18030(data_copy):
    path = data_copy / "indicators.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    _, problems = validate(data_copy)
    assert str(problems[0]).startswith("indicators.csv:2: encoding: not valid UTF-8 (bytes ")
    assert str(problems[0]).endswith("); it decodes as GB18030: re-save it as UTF-8")


def test_plan_that_is_not_text(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(128, 256)) * 8)
    with pytest.raises(IntakeError) as e:
        read_plan(path)
    assert str(e.value) == f"cannot decode {path}: it is not UTF-8, GB18030 or Big5 text"


def test_plan_in_big5_read_as_gb18030(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("制造業質量競爭力指數達到88".encode("big5"))
    with pytest.raises(
        IntakeError, match=r"^cannot decode .*plan.txt as utf-8: byte 0x[0-9a-f]{2} at offset 0 is invalid$"
    ):
        read_plan(path, "utf-8")


# --- notebook parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "check, message",
    [
        (lambda d: check_indicator(d, "mqci"), "unknown indicator_id 'mqci'; valid values (indicators with targets): "),
        (
            lambda d: check_jurisdiction(d, "lhasa"),
            "unknown jurisdiction_id 'lhasa'; valid values (jurisdictions with a plan): china, anhui, chongqing, ",
        ),
        (
            lambda d: check_jurisdictions(d, ""),
            "unknown jurisdictions (none given); valid values: all, or a comma-separated list of: china, ",
        ),
        (lambda d: check_lang("zh-TW"), "unknown lang 'zh-TW'; valid values: zh, en"),
        (lambda d: check_reject("1;2"), "reject must list candidate numbers separated by commas; not numbers: 1;2"),
        (lambda d: check_overrule("a"), "overrule must list rejected numbers separated by commas; not numbers: a"),
        (lambda d: check_reviewed("yes"), "reviewed must be True or False, got 'yes'"),
        (
            lambda d: check_province(d, "yichang"),
            "unknown province 'yichang'; valid values (provinces with a plan of their own or of a city): anhui, ",
        ),
        (
            lambda d: check_province(d, "hubei", ["jian"]),
            "give either a province ('hubei') or jurisdictions (jian), not both",
        ),
        (lambda d: check_tiers("all"), "unknown tiers 'all'; valid values: both, quoted, cited"),
    ],
    ids=[
        "unknown indicator",
        "unknown jurisdiction",
        "empty jurisdiction list",
        "bad language",
        "reject list not numbers",
        "overrule list not numbers",
        "reviewed not a truth value",
        "a city as the province",
        "province and jurisdictions",
        "unknown tiers",
    ],
)
def test_bad_notebook_parameter(dataset, check, message):
    with pytest.raises(ParameterError) as e:
        check(dataset)
    assert str(e.value).startswith(message)


# --- the command line ---------------------------------------------------------------------------


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process, as a user would type it; return (status, out, err)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_a_folder_that_does_not_exist(tmp_path, capsys):
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "nope"), "validate")
    assert (code, err) == (2, f"error: no such data folder: {tmp_path / 'nope'}\n")


def test_report_with_zero_workers(tmp_path, capsys):
    code, _, err = cli(capsys, "report", "--workers", "0", "--out", str(tmp_path / "r"), "--quiet")
    assert (code, err.splitlines()[-1]) == (2, "Error: Invalid value for '--workers': 0 is not in the range x>=1.")


def test_report_on_invalid_data_writes_nothing(data_copy, tmp_path, capsys):
    set_cell("targets", "value", "x", **MQCI_JIAN)(data_copy)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("previous run")
    code, _, err = cli(capsys, "--data-dir", str(data_copy), "report", "--out", str(out), "--quiet")
    assert code == 2
    assert err.startswith("error: 1 problem(s) in the data:\ntargets.csv:")
    assert snapshot(out) == {"index.html": hashlib.sha256(b"previous run").hexdigest()}


def test_report_into_a_file_not_a_folder(tmp_path, capsys):
    out = tmp_path / "reports"
    out.write_text("not a folder")
    code, _, err = cli(capsys, "report", "--out", str(out), "--quiet")
    assert (code, err.splitlines()[-1]) == (2, f"Error: Invalid value for '--out': Directory '{out}' is a file.")
    with pytest.raises(ReportError) as e:  # the library says the same to a caller that is not the command line
        build_reports(reports_dir=out, progress=False)
    assert str(e.value) == f"the output {out} exists and is not a folder"
    assert out.read_text() == "not a folder"


def test_report_with_an_unknown_language(tmp_path, capsys):
    code, _, err = cli(capsys, "report", "--lang", "fr", "--out", str(tmp_path))
    assert (code, err.splitlines()[-1]) == (2, "Error: Invalid value for '--lang': 'fr' is not one of 'zh', 'en'.")


def test_extract_a_file_that_does_not_exist(tmp_path, capsys):
    assert cli(capsys, "extract", str(tmp_path / "plan.txt")) == (
        2,
        "",
        f"error: no such file: {tmp_path / 'plan.txt'}\n",
    )


def test_add_document_with_a_bad_id(data_copy, tmp_path, capsys):
    before = snapshot(data_copy)
    plan = tmp_path / "plan.txt"
    plan.write_text("到2025年,制造业质量竞争力指数达到87。", encoding="utf-8")
    args = [
        "--data-dir",
        str(data_copy),
        "add-document",
        str(plan),
        "--doc-id",
        "Wuhan 2024",
        "--jurisdiction",
        "hubei",
        "--title",
        "t",
        "--issued",
        "2024-01-01",
    ]
    code, _, err = cli(capsys, *args)
    assert (code, err) == (2, "error: doc_id 'Wuhan 2024' must match ^[a-z][a-z0-9_-]*$ (for example wuhan-2024)\n")
    assert snapshot(data_copy) == before


def scanned_pdf(path: Path) -> Path:
    """A PDF whose page is a picture only (a scan), with no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(90, 90, 90)
    for row in range(20):
        pdf.rect(20, 20 + 12 * row, 150, 6, style="F")
    pdf.output(str(path))
    return path


NO_ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>市人民政府门户网站</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="footer">主办：市人民政府办公室 联系电话：0796-8221234</div></body></html>"""
RECEIVED_FILE_CASES = {
    "scanned PDF with no text layer": (
        lambda d: scanned_pdf(d / "plan.pdf"),
        "{path} has no text layer (a scanned PDF?): it needs OCR first; only a PDF's text layer is read",
    ),
    "file named .pdf that is not a PDF": (
        lambda d: files.write_bytes(d / "plan.pdf", b"%PDF-1.7\n" + bytes(range(128, 256)) * 8) or d / "plan.pdf",
        "cannot read {path} as a PDF: No /Root object! - Is this really a PDF?",
    ),
    "corrupt Word document": (
        lambda d: files.write_bytes(d / "plan.docx", b"PK\x03\x04" + bytes(range(256)) * 4) or d / "plan.docx",
        "cannot read {path} as a Word document (.docx): File is not a zip file",
    ),
    "web page with no article body": (
        lambda d: files.write_text(d / "plan.html", NO_ARTICLE) or d / "plan.html",
        "no article body in {path}: the page holds navigation or links only;"
        " save the page that shows the plan's own text",
    ),
    "unsupported file type": (
        lambda d: files.write_bytes(d / "plan.doc", b"\xd0\xcf\x11\xe0" + bytes(512)) or d / "plan.doc",
        "cannot read {path}: unsupported file type '.doc'; supported: .txt, .text, .html, .htm, .pdf, .docx"
        " (save a .doc or .wps file as .docx first)",
    ),
}


@pytest.mark.parametrize("case", list(RECEIVED_FILE_CASES), ids=list(RECEIVED_FILE_CASES))
def test_add_document_from_a_bad_received_file(case, data_copy, tmp_path, capsys):
    make, message = RECEIVED_FILE_CASES[case]
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    plan = make(incoming)
    before, received = snapshot(data_copy), snapshot(incoming)
    candidates = tmp_path / "candidates.csv"
    code, out, err = cli(
        capsys,
        "--data-dir",
        str(data_copy),
        "add-document",
        str(plan),
        "--doc-id",
        "jian-2025",
        "--jurisdiction",
        "jian",
        "--title",
        "t",
        "--issued",
        "2025-01-02",
        "--candidates",
        str(candidates),
    )
    assert (code, out, err) == (2, "", f"error: {message.format(path=plan)}\n")
    assert snapshot(data_copy) == before and snapshot(incoming) == received and not candidates.exists()
    assert "--" not in message  # library messages never mention command-line flags
    with pytest.raises(IntakeError) as e:  # the same words reach a caller that is not the command line
        read_original(plan)
    assert str(e.value) == message.format(path=plan)


def test_synthetic_data_never_goes_into_the_curated_folder(capsys):
    before = snapshot(paths.DATA_DIR)
    code, _, err = cli(capsys, "synth", "--cities", "2", "--provinces", "1", "--out", str(paths.DATA_DIR / "synthetic"))
    assert (code, err) == (
        2,
        f"error: refusing to write synthetic data into the curated data folder {paths.DATA_DIR}\n",
    )
    assert snapshot(paths.DATA_DIR) == before


def test_changelog_on_a_folder_that_does_not_exist(tmp_path, capsys):
    assert cli(capsys, "changelog", str(paths.DATA_DIR), str(tmp_path / "v2")) == (
        2,
        "",
        f"error: no such new data folder: {tmp_path / 'v2'}\n",
    )


def test_changelog_on_a_broken_folder_names_it(data_copy, capsys):
    line = set_cell("targets", "value", "x", **MQCI_JIAN)(data_copy)
    code, out, err = cli(capsys, "changelog", str(data_copy), str(paths.DATA_DIR))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: 1 problem(s) in the old data folder {data_copy}:\ntargets.csv:{line}: value: ")


def test_bundle_into_a_file_not_a_folder(tmp_path, capsys):
    out = tmp_path / "downloads"
    out.write_text("not a folder")
    code, _, err = cli(capsys, "bundle", "--out", str(out))
    assert (code, err.splitlines()[-1]) == (2, f"Error: Invalid value for '--out': Directory '{out}' is a file.")
    with pytest.raises(OutputError) as e:  # the library says so too, whichever path it is given
        write_bundle(out / BUNDLE_NAME)
    assert str(e.value) == f"cannot write {out / BUNDLE_NAME}: {out} is a file, not a folder"
    with pytest.raises(OutputError) as e:
        write_bundle(tmp_path)
    assert str(e.value) == f"the output {tmp_path} is a folder; give the path of the zip file to write"
    assert snapshot(tmp_path) == {"downloads": hashlib.sha256(b"not a folder").hexdigest()}


def test_bundle_of_a_broken_folder_leaves_the_previous_zip(data_copy, tmp_path, capsys):
    out = tmp_path / "downloads"
    out.mkdir()
    (out / BUNDLE_NAME).write_bytes(b"previous zip")
    set_cell("targets", "value", "x", **MQCI_JIAN)(data_copy)
    code, _, err = cli(capsys, "--data-dir", str(data_copy), "bundle", "--out", str(out))
    assert code == 2
    assert err.startswith(f"error: 1 problem(s) in the data folder {data_copy}:\ntargets.csv:")
    assert snapshot(out) == {BUNDLE_NAME: hashlib.sha256(b"previous zip").hexdigest()}


def test_bundle_of_a_folder_that_does_not_exist(tmp_path, capsys):
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "nope"), "bundle", "--out", str(tmp_path / "out"))
    assert (code, err) == (2, f"error: no such data folder: {tmp_path / 'nope'}\n")
    assert not (tmp_path / "out").exists()


def test_an_unknown_command_lists_the_commands(capsys):
    code, _, err = cli(capsys, "valdiate")
    assert code == 2 and "No such command 'valdiate'" in err


# --- the batch ----------------------------------------------------------------------------------


def test_a_full_disk_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    job = Job("indicator", "x", "indicator_comparison.ipynb", {})
    write_report(tmp_path, JobResult(job, True, "", 1.0, {"a.html": b"<html></html>", "b.txt": b"old"}))
    before = snapshot(tmp_path)
    writes = []

    def full_disk(path, data):
        writes.append(path)
        if len(writes) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(path, data)

    original = Path.write_bytes
    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError, match="No space left on device"):
        write_report(tmp_path, JobResult(job, True, "", 1.0, {"a.html": b"<html>new</html>", "b.txt": b"new"}))
    assert snapshot(tmp_path) == before
    assert [p.name for p in (tmp_path / "zh" / "indicator").iterdir()] == ["x"]  # no staging folder left
