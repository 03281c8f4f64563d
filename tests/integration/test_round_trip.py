"""Adding a plan as a new user does, end to end: a received PDF (printed from a government page,
its font naming radicals for ordinary characters: ⼒ for 力, ⺠ for 民), Word file and web page,
registered with add-document, reviewed as the review notebook does, appended to targets.csv and
validated. The plans are real excerpts (``tests/data/labelled/real/``); the reviewer's decisions
are the gold labels: a candidate that is no labelled target is rejected.

Done when the appended rows validate with no problem but the indicators a reviewer must add to
the catalogue, and the PDF's candidates name the same catalogue indicators as the text's.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis import validate
from analysis.data import load
from analysis.intake.evaluation import deduplicate, gold_documents, labelled_from_gold, match, read_gold
from analysis.intake.extraction import catalogue_aliases, extract, extract_all
from analysis.intake.formats import read_original
from analysis.intake.radicals import RADICALS
from analysis.intake.registration import add_document
from analysis.intake.review import document_issued, indicator_names, target_rows
from tests.documents import cjk_font, with_radicals, write_docx, write_html, write_pdf
from tests.helpers import read_rows, write_rows

pytestmark = pytest.mark.integration

REAL = Path(__file__).parents[1] / "data" / "labelled" / "real"
PLANS = {"jinhua-2023": "jinhua", "jiangxi-2023": "jiangxi"}
FORMATS = ["pdf", "docx", "html"]


@pytest.fixture(scope="module")
def excerpts() -> dict[str, tuple[dict[str, str], str]]:
    return gold_documents(read_gold(REAL / "gold.csv"), REAL)


@pytest.fixture(scope="module")
def font(tmp_path_factory, excerpts):
    text = "".join(with_radicals(body) + body for _, body in excerpts.values())
    return cjk_font(tmp_path_factory.mktemp("font"), text)


def received(doc_id: str, fmt: str, folder, font, excerpts):
    meta, body = excerpts[doc_id]
    path = folder / f"{doc_id}.{fmt}"
    if fmt == "pdf":
        return write_pdf(with_radicals(body), path, font, table=False)
    if fmt == "docx":
        return write_docx(body, path, table=False)
    return write_html(body, path, title=meta["title_zh"], table=False, published=meta["issued"])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc_id", list(PLANS))
def test_add_review_append_validate(doc_id, fmt, data_copy, tmp_path, font, excerpts):
    meta, _ = excerpts[doc_id]
    plan = received(doc_id, fmt, tmp_path, font, excerpts)
    new_id = f"{doc_id}-{fmt}"
    added = add_document(
        plan,
        new_id,
        PLANS[doc_id],
        meta["title_zh"],
        meta["issued"],
        data_dir=data_copy,
        candidates_path=tmp_path / "c.csv",
    )
    stored = added.source.read_text(encoding="utf-8")
    assert not RADICALS & set(stored)
    notes = read_rows(data_copy / "documents.csv")[-1]["notes"]
    assert ("radical code points" in notes) == (fmt == "pdf")

    # the review, as notebooks/extraction_review.ipynb does it, the gold deciding what to reject
    dataset = load(data_copy)
    found = extract_all(stored, catalogue_aliases(dataset.indicators), document_issued(dataset, new_id))
    rows = [r for r in read_gold(REAL / "gold.csv") if r["doc_id"] == doc_id]
    labels = deduplicate(labelled_from_gold(rows, {doc_id: stored}))
    misses, false_alarms, _ = match(found.candidates, labels)
    assert misses == []
    reject = {n for n, c in enumerate(found.candidates, 1) if any(c is f for f in false_alarms)}
    accepted = target_rows(found.candidates, new_id, reject, reviewed=True, indicator_names=indicator_names(dataset))

    targets = data_copy / "targets.csv"
    write_rows(targets, read_rows(targets) + accepted)
    _, problems = validate(data_copy)
    first = len(read_rows(targets)) - len(accepted) + 2  # the line of the first appended row
    unnamed = [first + k for k, row in enumerate(accepted) if not row["indicator_id"]]
    assert [str(p) for p in problems] == [f"targets.csv:{line}: indicator_id: missing value" for line in unnamed]
    assert all(row["section"] and row["unit"] and row["target_year"] for row in accepted)


@pytest.mark.parametrize("doc_id", list(PLANS))
def test_the_pdf_names_the_indicators_of_the_text(doc_id, tmp_path, font, excerpts, dataset):
    """The indicator field on the PDF copy (radicals and all) scores as on the text."""
    aliases = catalogue_aliases(dataset.indicators)
    meta, body = excerpts[doc_id]
    printed = read_original(received(doc_id, "pdf", tmp_path, font, excerpts)).text
    from_pdf = [(c.value, c.indicator_id) for c in extract(printed, aliases, meta["issued"])]
    from_text = [(c.value, c.indicator_id) for c in extract(body, aliases, meta["issued"])]
    assert from_pdf == from_text and sum(1 for _, i in from_text if i) >= 5


def test_the_candidates_file_is_in_the_targets_columns(data_copy, tmp_path, font, excerpts):
    plan = received("jinhua-2023", "pdf", tmp_path, font, excerpts)
    out = tmp_path / "c.csv"
    add_document(
        plan, "jinhua-2023-pdf", "jinhua", "金华市实施方案", "2023-11-13", data_dir=data_copy, candidates_path=out
    )
    with out.open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == list(read_rows(data_copy / "targets.csv")[0])
