"""Benchmark the extractor: its speed against a single regular-expression scan, whether its time
grows in step with the text's length, and the speed of reading plans received as PDF and Word.

Prints, measured in one run:
- the extractor and one compiled regex that finds every number, on the corpus in data/sources/
  repeated to at least 5 MB, in characters per second, and `fraction of regex floor`;
- the extractor on 1/8, 1/4, 1/2 and all of that text (the fastest of five interleaved runs), in
  characters per second, and `linearity <seconds per character on all / on 1/8>` (1.0 is linear);
- each seed plan printed to PDF and saved as Word (tests/documents.py), read and extracted, in
  characters of extracted text per second for reading, for extracting and for both.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from analysis import load, paths
from analysis.intake.extraction import catalogue_aliases, extract
from analysis.intake.formats import read_original

sys.path.insert(0, str(paths.REPO_ROOT))  # the document builders the tests use
from tests.documents import INDICATOR_TABLE, TABLE_TITLE, cjk_font, write_docx, write_pdf  # noqa: E402

TARGET_BYTES = 5 * 1024 * 1024
FORMAT_ROUNDS = 3  # every plan is read this many times per format
REPEATS = 5  # each length is timed this many times, the fastest kept (the machine's noise is one-sided)


def sources() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((paths.DATA_DIR / "sources").glob("*.txt"))}


def corpus() -> str:
    one = "\n".join(sources().values())
    return "\n".join([one] * (TARGET_BYTES // len(one.encode("utf-8")) + 1))


def timed(f):
    start = time.perf_counter()
    value = f()
    return value, time.perf_counter() - start


def regex_floor(text: str, aliases) -> None:
    import re

    numbers = re.compile(r"\d+(?:\.\d+)?")
    found, floor = timed(lambda: sum(1 for _ in numbers.finditer(text)))
    candidates, took = timed(lambda: extract(text, aliases))
    print(f"text: {len(text):,} characters ({len(text.encode('utf-8')) / 1e6:.1f} MB)")
    print(f"regex floor: {len(text) / floor:,.0f} characters/s ({found:,} numbers)")
    print(f"extractor: {len(text) / took:,.0f} characters/s ({len(candidates):,} candidates)")
    print(f"fraction of regex floor {floor / took:.4f}")


def linearity(text: str, aliases) -> None:
    shares = (8, 4, 2, 1)
    parts = {share: text[: len(text) // share] for share in shares}
    took = {share: float("inf") for share in shares}
    for _ in range(REPEATS):  # interleaved, so that a busy spell of the machine touches every length
        for share, part in parts.items():
            took[share] = min(took[share], timed(lambda part=part: extract(part, aliases))[1])
    for share, part in parts.items():
        print(
            f"extractor on 1/{share} of the text ({len(part):,} characters):"
            f" {len(part) / took[share]:,.0f} characters/s"
        )
    print(f"linearity {(took[1] / len(parts[1])) / (took[8] / len(parts[8])):.2f}")


def received_formats(aliases) -> None:
    plans = sources()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = "".join(plans.values()) + "".join("".join(row) for row in INDICATOR_TABLE) + TABLE_TITLE
        font = cjk_font(folder, text)
        files = {
            "pdf": [write_pdf(t, folder / f"{d}.pdf", font) for d, t in plans.items()],
            "docx": [write_docx(t, folder / f"{d}.docx") for d, t in plans.items()],
        }
        for fmt, paths_ in files.items():
            read_s = extract_s = 0.0
            characters = candidates = 0
            for _ in range(FORMAT_ROUNDS):
                for path in paths_:
                    original, took = timed(lambda path=path: read_original(path))
                    found, took_extract = timed(lambda original=original: extract(original.text, aliases))
                    read_s, extract_s = read_s + took, extract_s + took_extract
                    characters, candidates = characters + len(original.text), candidates + len(found)
            size = sum(p.stat().st_size for p in paths_) / 1e6
            print(
                f"{fmt}: {len(paths_)} plans ({size:.1f} MB), {characters // FORMAT_ROUNDS:,} characters of text:"
                f" reading {characters / read_s:,.0f} characters/s, extracting {characters / extract_s:,.0f}"
                f" characters/s, both {characters / (read_s + extract_s):,.0f} characters/s"
                f" ({candidates // FORMAT_ROUNDS} candidates)"
            )


def main() -> None:
    text = corpus()
    aliases = catalogue_aliases(load().indicators)
    regex_floor(text, aliases)
    linearity(text, aliases)
    received_formats(aliases)


if __name__ == "__main__":
    main()
