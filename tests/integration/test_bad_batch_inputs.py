"""Bad input in the batch: a notebook that raises and a worker that dies fail alone."""

from __future__ import annotations

import signal

from analysis.report.executors import LocalPool
from analysis.report.plan import Job
from tests.helpers import notebook_json


def test_a_notebook_that_raises_and_a_worker_that_dies_fail_alone():
    jobs = [Job("t", k, f"{k}.ipynb", {}) for k in ("ok1", "raises", "dies", "ok2")]
    sources = {
        "ok1.ipynb": notebook_json("print('fine')"),
        "raises.ipynb": notebook_json("raise ValueError('boom')"),
        "dies.ipynb": notebook_json(f"import os, signal\nos.kill(os.getppid(), {int(signal.SIGKILL)})"),
        "ok2.ipynb": notebook_json("print('fine')"),
    }
    results = {r.job.key: r for r in LocalPool(2).run(jobs, sources)}
    assert results["ok1"].ok and results["ok2"].ok
    assert (results["raises"].ok, results["raises"].error) == (False, "ValueError: boom")
    assert (results["dies"].ok, results["dies"].error) == (False, "worker process died (exit code -9)")
