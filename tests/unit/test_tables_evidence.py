"""A cited number is shown beside the passage of its copy that holds it, in every table that shows
targets: the reader checks it without leaving the report."""

from __future__ import annotations

import pytest

from analysis import keep_plans, paths
from analysis.data.vocabularies import TIERS
from analysis.presentation import labels, tables
from tests.helpers import read_rows

MQCI = "mfg_quality_competitiveness_index"


@pytest.fixture(scope="module")
def compared(dataset):
    return keep_plans(dataset)


@pytest.mark.parametrize(
    "table",
    [
        lambda d: tables.targets_table(d, "en", indicators=[MQCI]),
        lambda d: tables.indicator_measures(d, MQCI, "en"),
        lambda d: tables.vertical_table(d, "en", province_id="jiangxi"),
        lambda d: tables.progress_table(d, "en"),
        lambda d: tables.profile_table(d, "hubei", "en"),
        lambda d: tables.generations_table(d, "guangdong", "en"),
    ],
    ids=["targets", "measures", "vertical", "progress", "profile", "generations"],
)
def test_every_cited_target_in_a_table_carries_its_evidence(compared, table):
    evidence = {t["evidence"] for t in read_rows(paths.DATA_DIR / "targets.csv") if t["evidence"]}
    quotes = {t["quote"] for t in read_rows(paths.DATA_DIR / "targets.csv") if t["quote"]}
    frame = table(compared)
    frame = frame[frame[labels.column("source", "en")] != ""]  # rows of a target (not a plan's silence)
    words, tier = frame[labels.column("quote", "en")], frame[labels.column("tier", "en")]
    cited = words[tier.str.startswith(labels.term(TIERS, "cited", "en"))]
    assert len(cited), "the table shows no cited target: the test would pass on nothing"
    assert set(cited) <= evidence and "" not in set(cited)
    assert set(words[tier.str.startswith(labels.term(TIERS, "quoted", "en"))]) - {""} <= quotes
