"""The report batch: plan the report set, execute what is not current, write everything.

A failing notebook is recorded and the batch goes on; files are written atomically and each
report folder is swapped in whole, so a re-run replaces the previous output cleanly.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import partial
from pathlib import Path

from .. import files, paths
from ..data import keep_plans, load
from ..data.bundle import BUNDLE_NAME, write_bundle
from ..errors import ReportError
from ..measures.table import derived_files
from . import cache, webfonts
from .executors import Executor, LocalPool, run_dask
from .html import stylesheet
from .index import Outcome, write_index
from .output import remove_stale, write_report
from .plan import Job, report_jobs

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
    """
    from tqdm import tqdm

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
    dataset = load(data_dir)
    shared_path = scheduler is not None or data_dir.resolve() != paths.DATA_DIR.resolve()
    compared = keep_plans(dataset)  # what the reports compare by default: each plan once, no drafts
    jobs = report_jobs(compared, langs, str(data_dir.resolve()) if shared_path else "")
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
    if executor is None:
        executor = partial(run_dask, scheduler=scheduler) if scheduler else LocalPool(workers).run
    results = executor(todo, sources)
    with tqdm(total=len(todo), desc="reports", unit="report", disable=not progress or not todo) as bar:
        for result in results:
            entry = write_report(reports_dir, result, keys[result.job])
            outcomes[result.job] = Outcome(
                result.job, result.ok, result.error, result.seconds, False, list(entry["files"]), entry["chars"]
            )
            bar.set_postfix_str(("ok " if result.ok else "FAILED ") + result.job.folder, refresh=False)
            bar.update()
    ordered = [outcomes[j] for j in jobs]
    remove_stale(reports_dir, jobs)
    bundle = reports_dir / DOWNLOADS / BUNDLE_NAME  # the dataset and its measures, offered by the index
    write_bundle(bundle, data_dir=data_dir, derived=derived_files(dataset))
    pages = write_index(reports_dir, compared, ordered, langs, dataset_zip=f"{DOWNLOADS}/{BUNDLE_NAME}")
    chars = set("".join(o.chars for o in ordered))
    for page in pages:
        chars |= webfonts.cjk_characters(page.read_text(encoding="utf-8"))
    webfonts.write_assets(reports_dir / "assets", chars, files.write_bytes)
    files.write_bytes(reports_dir / "assets" / "report.css", stylesheet())
    run = [
        {"folder": o.job.folder, "ok": o.ok, "cached": o.cached, "seconds": round(o.seconds, 2), "error": o.error}
        for o in ordered
    ]
    files.write_text(reports_dir / "manifest.json", json.dumps(run, ensure_ascii=False, indent=1) + "\n")
    return ordered
