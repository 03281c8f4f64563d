"""Plans as users receive them: each seed plan printed to PDF (a real CJK text layer, wrapped
lines that split words and numbers, a running header and page numbers, an indicator table),
saved as a Word document and as a government web page must give the same targets as its text.

Building the files takes a few seconds (a font is cut and converted, six PDFs are printed),
so these tests sit in the integration tier.
"""

from __future__ import annotations

import csv

import pytest

from analysis import paths, validate
from analysis.intake.extraction import catalogue_aliases, extract
from analysis.intake.formats import read_original
from analysis.intake.registration import add_document
from tests.documents import INDICATOR_TABLE, TABLE_TITLE, cjk_font, with_table, write_docx, write_html, write_pdf
from tests.helpers import read_rows, write_rows

DOC_IDS = ["jian-2024", "jiangsu-2023", "yichang-2023", "jilin-2018", "jiangmen-2016", "national-2023"]
FORMATS = ["pdf", "docx", "html"]


def source(doc_id: str) -> str:
    return (paths.DATA_DIR / "sources" / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def font(tmp_path_factory):
    text = "".join(source(d) for d in DOC_IDS) + "".join("".join(row) for row in INDICATOR_TABLE) + TABLE_TITLE
    return cjk_font(tmp_path_factory.mktemp("font"), text)


@pytest.fixture(scope="session")
def aliases(dataset):
    return catalogue_aliases(dataset.indicators)


def received(doc_id: str, fmt: str, folder, font):
    path = folder / f"{doc_id}.{fmt}"
    if fmt == "pdf":
        return write_pdf(source(doc_id), path, font)
    if fmt == "docx":
        return write_docx(source(doc_id), path)
    return write_html(source(doc_id), path)


def targets(candidates) -> list[tuple]:
    """What a target is, wherever it stands: everything but its offset and quote."""
    return sorted(
        (
            c.indicator_phrase,
            c.indicator_id,
            c.value,
            c.value_high,
            c.unit,
            c.comparator,
            c.target_year,
            c.change,
            c.obligation,
            c.baseline_year,
            c.baseline_value,
        )
        for c in candidates
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_each_format_gives_the_targets_of_the_text(doc_id, fmt, tmp_path, font, aliases):
    text = read_original(received(doc_id, fmt, tmp_path, font)).text
    found = extract(text, aliases)
    assert targets(found) == targets(extract(with_table(source(doc_id)), aliases))
    for c in found:
        for offset, quote in c.occurrences():
            assert text[offset : offset + len(quote)] == quote


def test_the_indicator_table_becomes_one_candidate_a_row(tmp_path, font, aliases):
    text = read_original(received("national-2023", "pdf", tmp_path, font)).text
    rows = [c for c in extract(text, aliases) if c.obligation]
    assert [(c.indicator_phrase, c.value, c.comparator, c.unit, c.target_year) for c in rows] == [
        ("制造业质量竞争力指数", 87.5, "=", "index", 2027),
        ("规模以上工业企业质量管理体系认证率", 80, ">=", "%", 2027),
        ("食品抽检合格率", 98.5, ">=", "%", 2027),
        ("每万人口高价值发明专利拥有量", 5, "=", "件", 2027),
    ]
    assert [(c.baseline_year, c.baseline_value, c.obligation) for c in rows] == [
        (2023, 85.9, "expected"),
        (2023, 72, "expected"),
        (2023, 98.2, "binding"),
        (2023, 3.1, "expected"),
    ]


def test_the_pdf_text_layer_has_the_artefacts_the_repair_removes(tmp_path, font, aliases):
    text = read_original(received("jian-2024", "pdf", tmp_path, font)).text
    assert "到 2026 年" in text  # layout spaces
    assert "\f" in text and "— 2 —" in text  # pages, page numbers
    assert text.count("质量强市建设实施方案（印发稿）") >= 3  # the running header on every page
    assert "每万人口高\n价值发明专利拥有量达到 3 件以上" in text  # a line wrapped inside a word
    (patents,) = [c for c in extract(text, aliases) if c.indicator_phrase.startswith("每万人口") and c.value == 3]
    assert patents.indicator_phrase == "每万人口高价值发明专利拥有量" and patents.quote.count("\n") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_add_document_from_a_received_file_passes_validation_once_accepted(fmt, data_copy, tmp_path, font):
    """Every candidate with a catalogue indicator, appended as if accepted, passes the provenance checks."""
    plan = received("jian-2024", fmt, tmp_path, font)
    out = tmp_path / "candidates.csv"
    added = add_document(
        plan, "jian-2025", "jian", "吉安市测试方案", "2025-01-02", data_dir=data_copy, candidates_path=out
    )
    documents = read_rows(data_copy / "documents.csv")
    row = documents[-1]
    assert (row["original_name"], row["original_format"]) == (plan.name, fmt)
    assert row["source_file"] == "sources/jian-2025.txt" and added.candidates >= 45
    candidates = list(csv.DictReader(out.open(encoding="utf-8")))
    assert all("unreviewed" in c["notes"] for c in candidates)
    accepted = [c for c in candidates if c["indicator_id"] and c["target_year"]]
    targets_path = data_copy / "targets.csv"
    write_rows(targets_path, read_rows(targets_path) + accepted)
    _, problems = validate(data_copy)
    assert [str(p) for p in problems] == []
