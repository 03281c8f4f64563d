"""The synthetic corpus the benchmarks run on is valid data: it passes the same validation as
the curated data (every quote at its offset in its text, every row complete), and is marked
synthetic in every table."""

from __future__ import annotations

from analysis import validate
from analysis.intake.synthetic import MARK, generate


def test_a_small_synthetic_corpus_validates_and_says_what_it_is(tmp_path):
    counts = generate(tmp_path / "syn", cities=6, provinces=2, seed=1)
    dataset, problems = validate(tmp_path / "syn")
    assert problems == []
    assert dataset is not None and len(dataset.targets) == counts["targets"] > 0
    for table in ("documents", "indicators", "targets", "observations"):
        assert dataset.table(table)["notes"].str.startswith(MARK).all(), table
    assert {"traditional", "simplified"} >= set(dataset.documents["script"])
