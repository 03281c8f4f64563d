"""Benchmark the report batch against a plain sequential loop of papermill commands.

Runs, in one process and on the same notebooks and parameter sets:
  1. `python -m analysis report` (warm kernels, one per worker);
  2. a plain loop of `papermill` commands, one process and one kernel per report;
and prints both times, then `speedup <loop time / report time>` as its last line.
Timings on a shared machine vary; the ratio is measured within one run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import load, paths
from analysis.parameters import report_jobs


def time_report(data_dir: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "analysis", "report", "--data-dir", str(data_dir), "--out", str(out), "--quiet"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_papermill_loop(data_dir: Path, out: Path) -> float:
    dataset = load(data_dir)
    jobs = report_jobs(dataset, "zh", "" if data_dir == paths.DATA_DIR else str(data_dir))
    papermill = Path(sys.executable).with_name("papermill")
    start = time.perf_counter()
    for n, job in enumerate(jobs):
        args = [str(papermill), str(paths.NOTEBOOKS_DIR / job.notebook), str(out / f"{n:03d}.ipynb"), "--no-progress-bar", "-k", "python3"]
        for key, value in job.parameters.items():
            args += ["-p", key, str(value)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default=str(paths.DATA_DIR))
    args = parser.parse_args()
    data_dir = Path(args.data_dir)
    n = len(report_jobs(load(data_dir)))
    with tempfile.TemporaryDirectory() as tmp:
        report = time_report(data_dir, Path(tmp) / "reports")
        (Path(tmp) / "loop").mkdir()
        loop = time_papermill_loop(data_dir, Path(tmp) / "loop")
    print(f"reports: {n}")
    print(f"analysis report: {report:.1f} s")
    print(f"papermill loop: {loop:.1f} s")
    print(f"speedup {loop / report:.2f}")


if __name__ == "__main__":
    main()
