"""Adding a plan to the corpus: store its text, register it, and propose targets for review.

The plan may arrive as text, a saved web page, a PDF or a Word document (:mod:`.formats`);
what is stored in ``sources/`` is the text read from it, and ``documents.csv`` records the
original's name, format and checksum. Nothing is appended to ``targets.csv`` here: the
candidates go to a separate CSV in the targets.csv format, marked unreviewed; a reviewer
accepts or rejects them (``notebooks/extraction_review.ipynb``) and appends the accepted rows
by hand. Nothing existing is overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import files, paths
from ..data import load
from ..data.chinese import to_simplified
from ..data.fields import ID_PATTERN
from ..data.schema import TABLES
from ..data.vocabularies import STANDINGS, codes
from ..errors import IntakeError
from .extraction import catalogue_aliases, extract
from .formats import read_original
from .review import TARGET_COLUMNS, indicator_names, target_rows, write_rows


@dataclass
class Added:
    source: Path
    sha256: str
    documents_line: int
    candidates_path: Path
    candidates: int
    unmatched: int


def detect_script(text: str) -> str:
    """``traditional`` if OpenCC changes more than 5% of the Chinese characters, else ``simplified``."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return "simplified"
    changed = sum(a != b for a, b in zip(han, to_simplified("".join(han)), strict=False))
    return "traditional" if changed / len(han) > 0.05 else "simplified"


def add_document(
    path: Path,
    doc_id: str,
    jurisdiction_id: str,
    title_zh: str,
    issued: str,
    title_en: str = "",
    issuer: str = "",
    doc_number: str = "",
    source_url: str = "",
    standing: str = "plan",
    encoding: str = "auto",
    data_dir: Path | None = None,
    candidates_path: Path | None = None,
) -> Added:
    """Store a plan's text in ``data/sources/``, add its row to ``documents.csv``, write candidates.

    ``path`` is the file as received: .txt, .html/.htm, .pdf or .docx. ``standing`` is what the
    document is (:data:`~analysis.data.vocabularies.STANDINGS`); it starts a family of its own.

    Raises
    ------
    IntakeError
        If an argument is invalid (with the valid choices), the file cannot be read in its
        format (no text layer, no article body, not text), or a file it would write exists.
    """
    data_dir = Path(data_dir or paths.DATA_DIR)
    if not re.fullmatch(ID_PATTERN, doc_id):
        raise IntakeError(f"doc_id {doc_id!r} must match {ID_PATTERN} (for example wuhan-2024)")
    dataset = load(data_dir)
    if doc_id in set(dataset.documents["doc_id"]):
        raise IntakeError(f"doc_id {doc_id!r} is already in documents.csv")
    jurisdictions = list(dataset.jurisdictions["jurisdiction_id"])
    if jurisdiction_id not in jurisdictions:
        raise IntakeError(
            f"unknown jurisdiction {jurisdiction_id!r}; add it to jurisdictions.csv first,"
            f" or use one of: {', '.join(jurisdictions)}"
        )
    if standing not in codes(STANDINGS):
        raise IntakeError(f"unknown standing {standing!r}; valid values: {', '.join(codes(STANDINGS))}")
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", issued):
        raise IntakeError(f"issue date {issued!r} must be YYYY-MM-DD or YYYY-MM")
    if issued > date.today().isoformat():
        raise IntakeError(f"issue date {issued} is in the future")
    original = read_original(path, encoding)
    text = original.text
    source = data_dir / "sources" / f"{doc_id}.txt"
    candidates_path = Path(candidates_path or paths.REPORTS_DIR / "candidates" / f"{doc_id}.csv")
    for target in (source, candidates_path):
        if target.exists():
            raise IntakeError(f"{target} exists; not overwriting it")
    data = text.encode("utf-8")
    digest = files.sha256_bytes(data)
    candidates = extract(text, catalogue_aliases(dataset.indicators), issued)
    rows = target_rows(candidates, doc_id, indicator_names=indicator_names(dataset))
    write_rows(candidates_path, rows, TARGET_COLUMNS)
    files.write_bytes(source, data)
    try:
        row = {
            "doc_id": doc_id,
            "jurisdiction_id": jurisdiction_id,
            "tier": "quoted",
            "standing": standing,
            "family": doc_id,
            "title_zh": title_zh,
            "title_en": title_en or title_zh,
            "issuer": issuer,
            "issued": issued,
            "doc_number": doc_number,
            "script": detect_script(text),
            "coverage": "full",
            "source_file": f"sources/{doc_id}.txt",
            "sha256": digest,
            "original_name": original.name,
            "original_format": original.format,
            "original_sha256": files.sha256_bytes(original.data),
            "source_url": source_url,
            "notes": "; ".join(
                n
                for n in (
                    "added with python -m analysis add-document; targets not yet reviewed",
                    original.radicals_note,
                )
                if n
            ),
        }
        existing = (data_dir / "documents.csv").read_text(encoding="utf-8")
        columns = list(TABLES["documents"].columns)  # a column the schema adds is written empty
        new_line = files.csv_text([{c: row.get(c, "") for c in columns}], columns).split("\n", 1)[1]
        files.write_text(data_dir / "documents.csv", existing + ("" if existing.endswith("\n") else "\n") + new_line)
    except BaseException:
        source.unlink(missing_ok=True)
        candidates_path.unlink(missing_ok=True)
        raise
    return Added(
        source,
        digest,
        len(dataset.documents) + 2,
        candidates_path,
        len(rows),
        sum(1 for r in rows if not r["indicator_id"]),
    )
