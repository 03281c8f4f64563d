"""The synthetic corpus the benchmarks run on is valid data: it passes the same validation as
the curated data (every quote at its offset in its text, every row complete), and is marked
synthetic in every table."""

from __future__ import annotations

from analysis import validate
from analysis.cli import main
from analysis.intake.synthetic import MARK, generate
from tests.helpers import read_rows, write_rows


def test_a_small_synthetic_corpus_validates_and_says_what_it_is(tmp_path):
    counts = generate(tmp_path / "syn", cities=6, provinces=2, seed=1)
    dataset, problems = validate(tmp_path / "syn")
    assert problems == []
    assert dataset is not None and len(dataset.targets) == counts["targets"] > 0
    for table in ("documents", "indicators", "targets", "observations"):
        assert dataset.table(table)["notes"].str.startswith(MARK).all(), table
    assert {"traditional", "simplified"} >= set(dataset.documents["script"])


def test_the_data_folder_given_at_the_command_line_is_the_one_read(data_copy, tmp_path):
    """``--data-dir X synth`` takes its catalogue from X, not from the repository's data/: an
    indicator renamed in X is named so in the corpus."""
    path = data_copy / "indicators.csv"
    rows = read_rows(path)
    for r in rows:
        if r["indicator_id"] == "mfg_quality_competitiveness_index":
            r["name_en"] = "A renamed index"
    write_rows(path, rows)
    assert main(["--data-dir", str(data_copy), "synth", "--out", str(tmp_path / "syn"), "--cities", "3"]) == 0
    names = {r["indicator_id"]: r["name_en"] for r in read_rows(tmp_path / "syn" / "indicators.csv")}
    assert names["mfg_quality_competitiveness_index"] == "A renamed index"
    refused = main(["--data-dir", str(data_copy), "synth", "--out", str(data_copy / "inside")])
    assert refused == 2 and not (data_copy / "inside").exists()
