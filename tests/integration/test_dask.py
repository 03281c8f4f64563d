"""The report batch on a Dask distributed cluster (a LocalCluster started by the test)."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.errors import ReportError
from analysis.report import executors
from analysis.report.batch import build_reports
from tests.helpers import expected_reports, write_subset

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


def test_report_batch_runs_on_the_cluster_workers(cluster, tmp_path):
    # two plans are enough to spread reports over both workers
    data = write_subset(paths.DATA_DIR, tmp_path / "data", ("national-2023", "jiangsu-2023"))
    outcomes = build_reports(
        data_dir=data,
        reports_dir=tmp_path / "reports",
        langs=("en",),
        progress=False,
        scheduler=cluster.scheduler_address,
    )
    assert {o.job.folder for o in outcomes} == expected_reports(data, ("en",))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    assert (
        tmp_path / "reports" / "en" / "indicator" / "mfg_quality_competitiveness_index" / "indicator_comparison.html"
    ).is_file()
    assert (tmp_path / "reports" / "index.html").is_file()
    with distributed.Client(cluster.scheduler_address) as client:
        worker_pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(worker_pids) == 2


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "DASK_CONNECT_TIMEOUT", "1s")
    with pytest.raises(ReportError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9: "):
        build_reports(
            data_dir=paths.DATA_DIR, reports_dir=tmp_path / "reports", progress=False, scheduler="tcp://127.0.0.1:9"
        )
