"""Reading a plan in the format a user received it (text, web page, PDF, Word) into the text
that is stored and quoted.

Each format is read by a well-kept library: trafilatura finds a saved web page's article
body (without navigation and footers), pdfplumber reads a PDF's text layer and its ruled
tables, python-docx a Word document's paragraphs and tables. Tables are written one row a
line as ``| cell | cell |`` (trafilatura's own form), so :mod:`.tables` reads them the same
whatever the format. A PDF's pages are separated by a form feed, as pdftotext does, so
:mod:`.repair` can tell page headers and footers from the text. Radicals a PDF's font maps
ordinary characters to (⼒ for 力, ⺠ for 民) are folded to those characters before anything
reads the text (:mod:`.radicals`), and the libraries' warnings go to the log at debug level.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IntakeError
from .radicals import fold_radicals
from .textio import decode

log = logging.getLogger(__name__)
# The libraries that read the files: what they warn about a file (a font's missing bounding box,
# one line per glyph) is for a developer, not for the user adding a plan.
READERS = ("pdfminer", "pdfplumber", "trafilatura", "htmldate", "courlan", "justext", "docx", "charset_normalizer")

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
    radicals: Counter[str] = field(default_factory=Counter)  # radicals folded, by character

    @property
    def radicals_note(self) -> str:
        """What the folding of radicals changed, for the document's notes ("" if nothing)."""
        if not self.radicals:
            return ""
        total = sum(self.radicals.values())
        shown = "".join(sorted(self.radicals))
        return (
            f"{len(self.radicals)} distinct radical code points ({total} characters: {shown}) in the {self.format}'s"
            " text folded to the characters they stand for"
        )


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
    with quiet_readers():
        text = reader(data, encoding, str(path))
    folded, radicals = fold_radicals(text)
    return Original(folded, fmt, path.name, data, radicals)


@contextmanager
def quiet_readers() -> Iterator[None]:
    """The reading libraries' log records and Python warnings, sent to this module's log at debug
    level instead of the user's terminal (``--log-level debug`` shows them)."""

    class ToDebug(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            log.debug("%s: %s", record.name, record.getMessage())

    handler = ToDebug()
    loggers = [logging.getLogger(name) for name in READERS]
    saved = [(lg.propagate, lg.handlers[:]) for lg in loggers]
    for lg in loggers:
        lg.handlers, lg.propagate = [handler], False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for w in caught:
            log.debug("%s: %s", w.category.__name__, w.message)
    finally:
        for lg, (propagate, handlers) in zip(loggers, saved, strict=True):
            lg.handlers, lg.propagate = handlers, propagate


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
