"""A labelled set as users receive it: each text printed to PDF, saved as a web page and as a
Word document, scored against the same gold table.

The gold labels a plan once, on its text; :func:`analysis.intake.evaluation.locate` finds each
quote in a copy whose lines wrap elsewhere. What is known about a document (its header
block: the issue date) goes with every copy, as ``add-document`` is told it whatever the file.

    .venv/bin/python -m tests.copies tests/data/labelled/kinds            # PDF and HTML copies
    .venv/bin/python -m tests.copies tests/data/labelled/real --formats pdf docx --quiet
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from analysis.data import load
from analysis.intake.evaluation import evaluate_gold, gold_metadata, read_gold, report_lines, total
from analysis.intake.extraction import catalogue_aliases
from analysis.intake.formats import FORMAT_OF_SUFFIX, read_original
from tests.documents import cjk_font, write_docx, write_html, write_pdf

FORMATS = ("pdf", "html", "docx")


def bodies(folder: Path) -> dict[str, tuple[dict[str, str], str]]:
    """Each labelled document's header and the text a copy is made from (a page's article body)."""
    from analysis.intake.evaluation import split_header

    out = {}
    for doc_id in dict.fromkeys(r["doc_id"] for r in read_gold(folder / "gold.csv")):
        (path,) = [
            folder / f"{doc_id}{suffix}" for suffix in FORMAT_OF_SUFFIX if (folder / f"{doc_id}{suffix}").is_file()
        ]
        out[doc_id] = split_header(read_original(path).text)
    return out


def make_copies(folder: Path, fmt: str, out: Path, font: Path | None = None) -> Path:
    """``out`` holding ``folder``'s gold table and every document as a ``fmt`` copy (no indicator table added)."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(folder / "gold.csv", out / "gold.csv")
    texts = bodies(folder)
    if fmt == "pdf" and font is None:
        font = cjk_font(out, "".join(body for _, body in texts.values()))
    for doc_id, (meta, body) in texts.items():
        path = out / f"{doc_id}.{fmt}"
        if fmt == "pdf":
            assert font is not None
            write_pdf(body, path, font, table=False)
        elif fmt == "docx":
            write_docx(body, path, table=False)
        else:
            # the page's date is the document's, where it is known
            write_html(body, path, title=body.strip().split("\n", 1)[0], table=False, published=meta.get("issued"))
    return out


def score_copies(folder: Path, fmt: str, work: Path, aliases: dict[str, list[str]] | None = None):
    """The scores of ``folder``'s labelled set read from ``fmt`` copies made in ``work``."""
    copies = make_copies(folder, fmt, work / fmt)
    return evaluate_gold(copies / "gold.csv", copies, aliases, metadata=gold_metadata(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a labelled folder: gold.csv and the texts")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=["pdf", "html"])
    parser.add_argument("--quiet", action="store_true", help="only the scores")
    args = parser.parse_args(argv)
    aliases = catalogue_aliases(load().indicators)
    with tempfile.TemporaryDirectory() as work:
        for fmt in args.formats:
            print(f"== {fmt} copies of {args.folder}")
            scores = score_copies(args.folder, fmt, Path(work), aliases)
            for line in report_lines(scores, total(scores), details=not args.quiet):
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
