"""Benchmark the report batch on the synthetic corpus (300 cities, 31 provinces by default).

Measures, in one run and on the same notebooks and parameter sets:
  1. `python -m analysis report --force` (warm kernels, one per worker, all CPUs);
  2. a plain sequential loop of `papermill` commands, one process and one kernel per report;
  3. the floor: the same notebook code (the same figures and tables written to the same
     files, and each display formatted as IPython formats it for the page) executed in one
     plain Python process, with no kernel, papermill or nbconvert;
  4. the parallel floor: that plain work spread over all CPUs (one process each);
and prints the four times, then
`speedup <loop / report> floor_ratio <report / floor> parallel_floor_ratio <report / parallel floor>`.
Every run is of the Chinese reports only (`--lang zh`), the same set in all four.
Timings on a shared machine vary by up to 2x between runs; the ratios are measured together.
`--loop-sample K` runs only every K-th report in the papermill loop and scales its time up
(it says so); the default runs them all.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from analysis import load, paths
from analysis.intake.synthetic import generate
from analysis.report.plan import Job, report_jobs


def time_report(data_dir: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "--data-dir",
            str(data_dir),
            "report",
            "--out",
            str(out),
            "--quiet",
            "--force",
            "--lang",
            "zh",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def time_papermill_loop(jobs, out: Path, sample: int) -> float:
    papermill = Path(sys.executable).with_name("papermill")
    chosen = jobs[::sample]
    start = time.perf_counter()
    for n, job in enumerate(chosen):
        args = [
            str(papermill),
            str(paths.NOTEBOOKS_DIR / job.notebook),
            str(out / f"{n:04d}.ipynb"),
            "--no-progress-bar",
            "-k",
            "python3",
        ]
        for key, value in {**job.parameters, "output_dir": str(out / f"{n:04d}")}.items():
            args += ["-p", key, str(value)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * len(jobs) / len(chosen)


def _format_only(formatter):
    """IPython's ``display`` as a kernel runs it, short of publishing: what is shown is formatted
    (a table's HTML and text), raw data is taken as given."""

    def display(*objs, raw=False, **kwargs):
        if not raw:
            for obj in objs:
                formatter.format(obj)

    return display


def run_plain(numbered_jobs: list[tuple[int, Job]], out: Path) -> None:
    """Reports' code cells, executed in this process: the work without the machinery."""
    from unittest import mock

    import matplotlib
    from IPython.core.formatters import DisplayFormatter

    matplotlib.use("Agg")
    formatter = DisplayFormatter()
    with mock.patch("IPython.display.display", _format_only(formatter)):
        _run_cells(numbered_jobs, out, formatter)


def _run_cells(numbered_jobs: list[tuple[int, Job]], out: Path, formatter) -> None:
    import matplotlib.pyplot as plt

    notebooks = {
        nb: nbformat.read(paths.NOTEBOOKS_DIR / nb, as_version=4) for nb in {j.notebook for _, j in numbered_jobs}
    }
    for n, job in numbered_jobs:
        namespace: dict = {}
        cells = [c for c in notebooks[job.notebook].cells if c.cell_type == "code"]
        with contextlib.redirect_stdout(io.StringIO()):
            exec(cells[0].source, namespace)  # the parameters cell, then the batch's values
            namespace.update(job.parameters, output_dir=str(out / f"{n:04d}"))
            for cell in cells[1:]:
                tree = ast.parse(cell.source)
                last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
                exec(compile(tree, "<cell>", "exec"), namespace)
                if last is not None:  # the cell's value, formatted as the kernel's display hook would
                    value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                    if value is not None:
                        formatter.format(value)
        plt.close("all")


def time_plain_python(jobs: list[Job], out: Path, workers: int) -> float:
    """:func:`run_plain` over every job, in one process or dealt out to ``workers`` forked ones."""
    numbered = list(enumerate(jobs))
    start = time.perf_counter()
    if workers == 1:
        run_plain(numbered, out)
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.starmap(run_plain, [(numbered[k::workers], out) for k in range(workers)])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", help="an existing data folder (default: a synthetic corpus made for this run)")
    parser.add_argument("--cities", type=int, default=300)
    parser.add_argument("--provinces", type=int, default=31)
    parser.add_argument(
        "--loop-sample", type=int, default=1, help="run every K-th report in the papermill loop and scale up"
    )
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if args.data_dir:
            data_dir = Path(args.data_dir).resolve()
        else:
            data_dir = tmp / "synthetic"
            generate(data_dir, args.cities, args.provinces)
        jobs = report_jobs(load(data_dir), ("zh",), str(data_dir))
        for sub in ("reports", "loop", "plain", "parallel"):
            (tmp / sub).mkdir()
        report = time_report(data_dir, tmp / "reports")
        plain = time_plain_python(jobs, tmp / "plain", 1)
        parallel = time_plain_python(jobs, tmp / "parallel", workers)
        loop = time_papermill_loop(jobs, tmp / "loop", args.loop_sample)
    corpus = str(args.data_dir) if args.data_dir else f"synthetic, {args.cities} cities and {args.provinces} provinces"
    print(f"corpus: {corpus}; {len(jobs)} reports")
    print(f"analysis report: {report:.1f} s")
    print(
        f"papermill loop: {loop:.1f} s"
        + (f" (every {args.loop_sample}th report run, time scaled up)" if args.loop_sample > 1 else "")
    )
    print(f"plain Python, one process: {plain:.1f} s")
    print(f"plain Python, {workers} processes (the parallel floor): {parallel:.1f} s")
    print(f"speedup {loop / report:.2f} floor_ratio {report / plain:.2f} parallel_floor_ratio {report / parallel:.2f}")


if __name__ == "__main__":
    main()
