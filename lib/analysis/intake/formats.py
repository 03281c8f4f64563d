"""Reading a plan in the format a user received it (text, web page, PDF, Word) into the text
that is stored and quoted.

Each format is read by a well-kept library: trafilatura finds a saved web page's article
body (without navigation and footers), pdfplumber reads a PDF's text layer and its ruled
tables, python-docx a Word document's paragraphs and tables. Tables are written one row a
line as ``| cell | cell |`` (trafilatura's own form), so :mod:`.tables` reads them the same
whatever the format. A PDF's pages are separated by a form feed, as pdftotext does, so
:mod:`.repair` can tell page headers and footers from the text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import IntakeError
from .textio import decode

FORMAT_OF_SUFFIX = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
PAGE_BREAK = "\f"
MIN_BODY_HAN = 20  # a page whose article body holds fewer Chinese characters shows no plan


@dataclass(frozen=True)
class Original:
    """A plan as received: its extracted text, the format it came in, its file name and bytes."""

    text: str
    format: str
    name: str
    data: bytes


def read_original(path: Path | str, encoding: str = "auto") -> Original:
    """Read a plan file (.txt, .html/.htm, .pdf or .docx) into the text to store.

    Parameters
    ----------
    path
        The file as received.
    encoding
        For text and web pages: ``auto`` (UTF-8, GB18030 or Big5, detected) or one of them.

    Raises
    ------
    IntakeError
        If the file is missing, of an unsupported type, unreadable in its format, a PDF with
        no text layer, or a web page with no article body.
    """
    path = Path(path)
    fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise IntakeError(
            f"cannot read {path}: unsupported file type {path.suffix or '(none)'!r};"
            f" supported: {', '.join(FORMAT_OF_SUFFIX)} (save a .doc or .wps file as .docx first)"
        )
    if not path.is_file():
        raise IntakeError(f"no such file: {path}")
    data = path.read_bytes()
    reader = {"txt": _text, "html": _html, "pdf": _pdf, "docx": _docx}[fmt]
    return Original(reader(data, encoding, str(path)), fmt, path.name, data)


def _text(data: bytes, encoding: str, name: str) -> str:
    return decode(data, encoding, name)


def _html(data: bytes, encoding: str, name: str) -> str:
    import trafilatura

    page = decode(data, encoding, name)
    body = trafilatura.extract(
        page, output_format="txt", include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if body is None or len(re.findall(r"[\u4e00-\u9fff]", body)) < MIN_BODY_HAN:
        raise IntakeError(
            f"no article body in {name}: the page holds navigation or links only;"
            " save the page that shows the plan's own text"
        )
    return body.rstrip() + "\n"


def _pdf(data: bytes, encoding: str, name: str) -> str:
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_pdf_page(page) for page in pdf.pages]
    except (MalformedPDFException, PdfminerException) as e:
        raise IntakeError(f"cannot read {name} as a PDF: {e or type(e).__name__}") from None
    if not any(re.search(r"\w", p) for p in pages):
        raise IntakeError(
            f"{name} has no text layer (a scanned PDF?): it needs OCR first; only a PDF's text layer is read"
        )
    return f"\n{PAGE_BREAK}\n".join(p.rstrip("\n") for p in pages) + "\n"


def _pdf_page(page) -> str:
    """A page's text in reading order, each ruled table in its place as ``| cell |`` rows."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    parts, top = [], 0.0
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        if t_top > top:
            parts.append(page.crop((0, top, page.width, t_top)).extract_text())
        parts.append("\n".join(table_line(row) for row in table.extract()))
        top = t_bottom
    if top < page.height:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text())
    return "\n".join(p for p in parts if p.strip())


def _docx(data: bytes, encoding: str, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise IntakeError(f"cannot read {name} as a Word document (.docx): {e or type(e).__name__}") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines.extend(table_line(_docx_row(row)) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def _docx_row(row) -> list[str]:
    """A table row's cells, a merged cell once (python-docx repeats it for each grid column)."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell.text)
    return cells


def table_line(cells: Sequence[str | None]) -> str:
    """One table row as ``| a | b |``; a cell's own line breaks (wrapped text) are joined."""
    return "| " + " | ".join(_unwrap(c or "") for c in cells) + " |"


def _unwrap(cell: str) -> str:
    """Join a cell's wrapped lines: directly between Chinese characters or digits, else with a space."""
    return re.sub(r"\s*\n\s*", lambda m: _joiner(cell, m.start(), m.end()), cell.strip()).replace("|", "｜")


def _joiner(cell: str, start: int, end: int) -> str:
    left, right = cell[start - 1 : start], cell[end : end + 1]
    return " " if left.isascii() and left.isalpha() and right.isascii() and right.isalpha() else ""
