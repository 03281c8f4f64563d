"""Benchmark the extractor against the floor of a single compiled regular-expression scan.

Repeats the corpus in data/sources/ to at least 5 MB of text, runs the extractor over it and,
on the same text in the same run, one compiled regex that finds every number. Prints both
speeds in characters per second and, last, `fraction of regex floor <extractor speed / regex speed>`.
"""

from __future__ import annotations

import re
import time

from analysis import load, paths
from analysis.intake.extraction import catalogue_aliases, extract

TARGET_BYTES = 5 * 1024 * 1024


def corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((paths.DATA_DIR / "sources").glob("*.txt"))]
    one = "\n".join(texts)
    return "\n".join([one] * (TARGET_BYTES // len(one.encode("utf-8")) + 1))


def main() -> None:
    text = corpus()
    aliases = catalogue_aliases(load().indicators)
    numbers = re.compile(r"\d+(?:\.\d+)?")
    start = time.perf_counter()
    found = sum(1 for _ in numbers.finditer(text))
    floor = time.perf_counter() - start
    start = time.perf_counter()
    candidates = extract(text, aliases)
    took = time.perf_counter() - start
    print(f"text: {len(text):,} characters ({len(text.encode('utf-8')) / 1e6:.1f} MB)")
    print(f"regex floor: {len(text) / floor:,.0f} characters/s ({found:,} numbers)")
    print(f"extractor: {len(text) / took:,.0f} characters/s ({len(candidates):,} candidates)")
    print(f"fraction of regex floor {floor / took:.4f}")


if __name__ == "__main__":
    main()
