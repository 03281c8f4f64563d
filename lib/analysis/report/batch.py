"""The report batch: plan the report set, execute what is not current, write everything.

A failing notebook is recorded and the batch goes on. Everything is written into a staging
folder and put in place once the batch has finished, each report folder swapped in whole: a
re-run replaces the previous output cleanly, and a stopped one leaves it as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import files, paths
from ..data import Dataset, keep_plans, load
from ..data.bundle import BUNDLE_NAME, write_bundle
from ..errors import BatchInterrupted, ReportError
from ..measures.table import derived_files
from . import cache, webfonts
from .executors import Executor, LocalPool, run_dask
from .html import stylesheet
from .index import Outcome, write_index
from .output import commit, staging_folder, write_report
from .plan import Job, report_jobs
from .stop import Signals, Stop, stop_on_signals

DOWNLOADS = "downloads"  # the folder of reports/ holding the dataset zip


def _check_writable(reports_dir: Path) -> None:
    """Fail before any work if the output folder cannot take files."""
    if reports_dir.exists() and not reports_dir.is_dir():
        raise ReportError(f"the output {reports_dir} exists and is not a folder")
    reports_dir.mkdir(parents=True, exist_ok=True)
    probe = tempfile.NamedTemporaryFile(dir=reports_dir, prefix=".write-probe-", delete=True)
    probe.close()


def build_reports(
    *,
    data_dir: Path | None = None,
    reports_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    workers: int | None = None,
    langs: tuple[str, ...] = ("zh", "en"),
    progress: bool = True,
    force: bool = False,
    scheduler: str | None = None,
    executor: Executor | None = None,
) -> list[Outcome]:
    """Plan the report set, execute what is not current, write everything; return the outcomes.

    Reports whose inputs are unchanged and whose files are intact are skipped (``force``
    re-runs them). Execution is local (``workers`` processes, default the CPU count), with
    ``scheduler`` (``tcp://host:8786``) on a Dask distributed cluster, or by any ``executor``
    given (a callable taking the jobs and notebook sources, yielding one result per job).

    Raises
    ------
    BatchInterrupted
        SIGINT, SIGTERM or SIGHUP stopped the batch: its running reports were interrupted, what
        it started has ended, and the reports folder is as it was.
    """
    data_dir = Path(data_dir) if data_dir else paths.DATA_DIR
    reports_dir = Path(reports_dir) if reports_dir else paths.REPORTS_DIR
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else paths.NOTEBOOKS_DIR
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 1:
        raise ReportError("workers must be at least 1")
    try:
        _check_writable(reports_dir)
    except OSError as e:
        raise ReportError(f"cannot write the reports to {reports_dir}: {e.strerror or e}") from None
    if executor is None:
        executor = partial(run_dask, scheduler=scheduler) if scheduler else LocalPool(workers).run
    run = _Run(data_dir, reports_dir, langs, progress)
    with stop_on_signals() as signals:
        try:
            return run.build(notebooks_dir, force, scheduler is not None, executor, signals)
        except Stop as stop:
            raise BatchInterrupted(run.stopped(), stop.signum) from None


@dataclass
class _Run:
    """One batch, and how far it got (for what a stopped batch says)."""

    data_dir: Path
    reports_dir: Path
    langs: tuple[str, ...]
    progress: bool
    planned: int | None = None  # reports to execute, once known
    finished: int = 0

    def stopped(self) -> str:
        if self.planned is None:
            return f"before any report ran; {self.reports_dir} is unchanged"
        finished = f"{self.finished} report{'' if self.finished == 1 else 's'} had finished"
        return f"{finished}, {self.planned - self.finished} not run; {self.reports_dir} is unchanged"

    def build(
        self, notebooks_dir: Path, force: bool, shared_path: bool, executor: Executor, signals: Signals
    ) -> list[Outcome]:
        """Plan, execute into a staging folder, write the index and the rest, then put it all in place."""
        from tqdm import tqdm

        data_dir, reports_dir = self.data_dir, self.reports_dir
        dataset = load(data_dir)
        shared_path = shared_path or data_dir.resolve() != paths.DATA_DIR.resolve()
        compared = keep_plans(dataset)  # what the reports compare by default: each plan once, no drafts
        jobs = report_jobs(compared, self.langs, str(data_dir.resolve()) if shared_path else "")
        sources = {nb: (notebooks_dir / nb).read_text(encoding="utf-8") for nb in {j.notebook for j in jobs}}
        keys = cache.report_keys(dataset, jobs, sources)
        outcomes: dict[Job, Outcome] = {}
        todo = []
        for job in jobs:
            entry = None if force else cache.current(reports_dir / job.folder, keys[job])
            if entry is None:
                todo.append(job)
            else:
                outcomes[job] = Outcome(
                    job, True, "", entry.get("seconds", 0.0), True, list(entry["files"]), entry.get("chars", "")
                )
        self.planned = len(todo)
        staging = staging_folder(reports_dir)
        try:
            results = executor(todo, sources)
            bar = tqdm(total=len(todo), desc="reports", unit="report", disable=not self.progress or not todo)
            with closing(results), bar:
                for result in results:
                    entry = write_report(staging, result, keys[result.job])
                    outcomes[result.job] = Outcome(
                        result.job, result.ok, result.error, result.seconds, False, list(entry["files"]), entry["chars"]
                    )
                    self.finished += 1
                    bar.set_postfix_str(("ok " if result.ok else "FAILED ") + result.job.folder, refresh=False)
                    bar.update()
            ordered = [outcomes[j] for j in jobs]
            self._write_site(staging, dataset, compared, ordered)
            with signals.held():
                commit(staging, reports_dir, [j.folder for j in todo], jobs)
                shutil.rmtree(staging)
            return ordered
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def _write_site(self, staging: Path, dataset: Dataset, compared: Dataset, ordered: list[Outcome]) -> None:
        """Into the staging folder: the dataset zip (with its measures), the index pages, the shared
        assets, the run's manifest."""
        bundle = staging / DOWNLOADS / BUNDLE_NAME  # the dataset and its measures, offered by the index
        write_bundle(bundle, data_dir=self.data_dir, derived=derived_files(dataset))
        pages = write_index(staging, compared, ordered, self.langs, dataset_zip=f"{DOWNLOADS}/{BUNDLE_NAME}")
        chars = set("".join(o.chars for o in ordered))
        for page in pages:
            chars |= webfonts.cjk_characters(page.read_text(encoding="utf-8"))

        def staged(path: Path, data: bytes) -> None:
            files.write_bytes(staging / path.relative_to(self.reports_dir), data)

        # the build's font stays if it is for these characters; a new one is staged with the rest
        webfonts.write_assets(self.reports_dir / "assets", chars, staged)
        files.write_bytes(staging / "assets" / "report.css", stylesheet())
        run = [
            {"folder": o.job.folder, "ok": o.ok, "cached": o.cached, "seconds": round(o.seconds, 2), "error": o.error}
            for o in ordered
        ]
        files.write_text(staging / "manifest.json", json.dumps(run, ensure_ascii=False, indent=1) + "\n")
