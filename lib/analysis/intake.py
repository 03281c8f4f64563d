"""Adding a plan to the corpus: copy its text, register it, and propose targets for review.

Nothing is appended to ``targets.csv`` here: the candidates go to a separate CSV in the
targets.csv format, a reviewer accepts or rejects them (``notebooks/extraction_review.ipynb``)
and appends the accepted rows by hand. Nothing existing is overwritten.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import atomic, paths
from .chinese import to_simplified
from .extract import TARGET_COLUMNS, ExtractError, catalogue_from_csv, extract, read_plan, target_rows, write_rows
from .schemas import ID_PATTERN, TABLES


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
    changed = sum(a != b for a, b in zip(han, to_simplified("".join(han))))
    return "traditional" if changed / len(han) > 0.05 else "simplified"


def _read_table(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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
    encoding: str = "auto",
    data_dir: Path | None = None,
    candidates_path: Path | None = None,
) -> Added:
    """Copy a plan into ``data/sources/``, add its row to ``documents.csv``, write candidates.

    Raises
    ------
    ExtractError
        If an argument is invalid (with the valid choices), the text does not decode, or a
        file it would write exists already.
    """
    data_dir = Path(data_dir or paths.DATA_DIR)
    if not re.fullmatch(ID_PATTERN, doc_id):
        raise ExtractError(f"--doc-id {doc_id!r} must match {ID_PATTERN} (for example wuhan-2024)")
    documents = _read_table(data_dir / "documents.csv")
    if any(d["doc_id"] == doc_id for d in documents):
        raise ExtractError(f"doc_id {doc_id!r} is already in documents.csv")
    jurisdictions = [j["jurisdiction_id"] for j in _read_table(data_dir / "jurisdictions.csv")]
    if jurisdiction_id not in jurisdictions:
        raise ExtractError(f"unknown --jurisdiction {jurisdiction_id!r}; add it to jurisdictions.csv first, or use one of: {', '.join(jurisdictions)}")
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", issued):
        raise ExtractError(f"--issued {issued!r} must be YYYY-MM-DD or YYYY-MM")
    if issued > date.today().isoformat():
        raise ExtractError(f"--issued {issued} is in the future")
    text = read_plan(path, encoding)
    source = data_dir / "sources" / f"{doc_id}.txt"
    candidates_path = Path(candidates_path or paths.REPORTS_DIR / "candidates" / f"{doc_id}.csv")
    for target in (source, candidates_path):
        if target.exists():
            raise ExtractError(f"{target} exists; not overwriting it")
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    candidates = extract(text, catalogue_from_csv(data_dir / "indicators.csv"))
    rows = target_rows(candidates, doc_id)
    write_rows(candidates_path, rows, TARGET_COLUMNS)
    atomic.write_bytes(source, data)
    try:
        row = {
            "doc_id": doc_id, "jurisdiction_id": jurisdiction_id, "title_zh": title_zh, "title_en": title_en or title_zh,
            "issuer": issuer, "issued": issued, "doc_number": doc_number, "script": detect_script(text),
            "source_file": f"sources/{doc_id}.txt", "sha256": digest, "source_url": source_url,
            "notes": "added with python -m analysis add-document; targets not yet reviewed",
        }
        existing = (data_dir / "documents.csv").read_text(encoding="utf-8")
        line = io.StringIO()
        csv.DictWriter(line, list(TABLES["documents"].columns), lineterminator="\n").writerow(row)
        atomic.write_text(data_dir / "documents.csv", existing + ("" if existing.endswith("\n") else "\n") + line.getvalue())
    except BaseException:
        source.unlink(missing_ok=True)
        candidates_path.unlink(missing_ok=True)
        raise
    return Added(source, digest, len(documents) + 2, candidates_path, len(rows), sum(1 for r in rows if not r["indicator_id"]))
