"""Incremental report runs: nothing changed re-runs nothing; one changed target re-runs only
the reports that depend on its indicator, jurisdiction or province (and the overview and the
progress report, which read everything); a stale or corrupt cache entry is rebuilt; --force
re-runs everything."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.report.batch import build_reports
from tests.helpers import expected_reports, province_of, read_rows, write_rows, write_subset

MQCI = "mfg_quality_competitiveness_index"
# the nation and three provinces, one of them with a city under it
CORPUS = ("national-2023", "jian-2024", "jiangsu-2023", "jilin-2018", "jiangxi-2023")


def executed(outcomes) -> set[str]:
    return {o.job.folder for o in outcomes if not o.cached}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    write_subset(paths.DATA_DIR, root / "data", CORPUS)
    first = build_reports(
        data_dir=root / "data", reports_dir=root / "reports", workers=2, langs=("zh",), progress=False
    )
    assert all(o.ok for o in first) and not any(o.cached for o in first)
    return root


def test_a_rerun_with_nothing_changed_executes_nothing(workspace):
    outcomes = build_reports(
        data_dir=workspace / "data", reports_dir=workspace / "reports", workers=2, langs=("zh",), progress=False
    )
    assert executed(outcomes) == set()
    assert all(o.ok and o.cached for o in outcomes)


def test_one_changed_target_reruns_its_indicator_jurisdictions_provinces_and_the_whole_corpus_reports(workspace):
    rows = read_rows(workspace / "data" / "targets.csv")
    row = next(r for r in rows if r["doc_id"] == "jiangsu-2023" and r["indicator_id"] == MQCI)
    row["comparator"] = "~"
    write_rows(workspace / "data" / "targets.csv", rows)
    outcomes = build_reports(
        data_dir=workspace / "data", reports_dir=workspace / "reports", workers=2, langs=("zh",), progress=False
    )
    jurisdiction_of = {d["doc_id"]: d["jurisdiction_id"] for d in read_rows(workspace / "data" / "documents.csv")}
    setters = {jurisdiction_of[t["doc_id"]] for t in rows if t["indicator_id"] == MQCI}
    province = province_of(workspace / "data")
    expected = (
        {"findings", "overview", "progress", f"indicator/{MQCI}"}
        | {f"jurisdiction/{j}" for j in setters}
        | {f"province/{province[j]}" for j in setters if j in province}
    )
    assert executed(outcomes) == {f"zh/{folder}" for folder in expected}
    assert all(o.ok for o in outcomes)


def test_a_corrupt_or_stale_entry_is_rebuilt_not_served(workspace):
    reports = workspace / "reports" / "zh"
    page = reports / "indicator" / "food_sampling_pass_rate" / "indicator_comparison.html"
    page.write_bytes(page.read_bytes()[:1000])  # truncated
    (reports / "jurisdiction" / "jilin" / ".report.json").write_text("{not json")
    (reports / "indicator" / "gi_protected_products_national" / "figures" / "spread.png").unlink()
    outcomes = build_reports(
        data_dir=workspace / "data", reports_dir=workspace / "reports", workers=2, langs=("zh",), progress=False
    )
    assert executed(outcomes) == {
        "zh/indicator/food_sampling_pass_rate",
        "zh/jurisdiction/jilin",
        "zh/indicator/gi_protected_products_national",
    }
    assert len(page.read_bytes()) > 1000


def test_force_reruns_everything(workspace):
    outcomes = build_reports(
        data_dir=workspace / "data",
        reports_dir=workspace / "reports",
        workers=2,
        langs=("zh",),
        progress=False,
        force=True,
    )
    assert executed(outcomes) == {o.job.folder for o in outcomes} == expected_reports(workspace / "data", ("zh",))
