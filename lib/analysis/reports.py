"""The report batch: every notebook, for every parameter set, through papermill, into reports/.

Kernel start-up and imports dominate the cost of a small notebook, so each worker process
keeps one warm kernel and runs notebook after notebook in it through papermill, resetting
the user namespace and plotting state between reports (``RESET_CODE``). A failing notebook
is recorded and the batch goes on; files are written atomically and each report folder is
swapped in whole, so a re-run replaces the previous output cleanly.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import atomic, paths, reportcache, webfonts
from .parameters import Job

KERNEL_NAME = "python3"
HEADLINE_INDICATOR = "mfg_quality_competitiveness_index"

# Run in a warm kernel before each report: nothing a report defines, imports into its
# namespace, changes in matplotlib's settings or leaves open may reach the next one.
RESET_CODE = """\
%reset -f
import matplotlib as _mpl, matplotlib.pyplot as _plt
_plt.close("all")
_mpl.rcdefaults()
%matplotlib inline
del _mpl, _plt
"""


class ReportError(Exception):
    """The batch cannot run (for example, the scheduler is unreachable); nothing was written."""


# ---------------------------------------------------------------------------------------------
# Inside a notebook: showing figures, and saving them when the batch asks for it.


class FigureSaver:
    """Displays figures in a notebook and, if ``figures_dir`` is set, saves each as PNG and SVG.

    The PNG is displayed with its alt text in the output's metadata (the HTML export writes
    it into the ``<img>``), and with a stable ``text/plain`` so nbval compares it by name.
    """

    def __init__(self, figures_dir: str = ""):
        self.figures_dir = Path(figures_dir) if figures_dir else None

    def show(self, fig, name: str) -> None:
        from IPython.display import display

        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=110)
        alt = getattr(fig, "alt_text", "") or name
        if self.figures_dir is not None:
            self.figures_dir.mkdir(parents=True, exist_ok=True)
            atomic.write_bytes(self.figures_dir / f"{name}.png", png.getvalue())
            svg = io.BytesIO()
            fig.savefig(svg, format="svg", metadata={"Date": None})
            atomic.write_bytes(self.figures_dir / f"{name}.svg", svg.getvalue())
        width = int(fig.get_figwidth() * 110)
        display(
            {"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": f"<Figure '{name}': {alt}>"},
            raw=True,
            metadata={"image/png": {"alt": alt, "width": width}},
        )


# ---------------------------------------------------------------------------------------------
# In a worker: one warm kernel per process.


@dataclass
class JobResult:
    """What a worker sends back: the report's files as bytes, and how the run went."""

    job: Job
    ok: bool
    error: str = ""
    seconds: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)


_kernel = None  # this process's warm kernel manager
_kernel_used = False


def start_kernel():
    """Start a python3 kernel on IPC sockets in a private folder (no TCP ports, no warning)."""
    from jupyter_client.manager import KernelManager

    sockets = tempfile.mkdtemp(prefix="kernel-")
    km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(sockets, "k"))
    km.start_kernel(cwd=str(paths.NOTEBOOKS_DIR) if paths.NOTEBOOKS_DIR.is_dir() else None)
    return km


def _warm_kernel():
    global _kernel, _kernel_used
    if _kernel is None or not _kernel.is_alive():
        shutdown_kernel()
        _kernel = start_kernel()
        _kernel_used = False
    return _kernel


def _reset_kernel(km) -> None:
    kc = km.client()
    kc.start_channels()
    try:
        reply = kc.execute_interactive(RESET_CODE, timeout=60, store_history=False, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")
    finally:
        kc.stop_channels()


def shutdown_kernel() -> None:
    """Stop this process's warm kernel."""
    global _kernel
    if _kernel is not None:
        _kernel.shutdown_kernel(now=True)
        _kernel = None


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(Path(__file__).parent / "templates")])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(nb) -> str:
    """The executed notebook as an offline HTML page without input cells."""
    body, _ = _html_exporter().from_notebook_node(nb)
    return body


def _error_of(nb) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"{out.get('ename')}: {out.get('evalue')}"
    return ""


_kernel_lock = threading.Lock()


def execute_job(job: Job, notebook_json: str) -> JobResult:
    """Run one report in this process's warm kernel; return its files, never raise.

    ``notebook_json`` is the notebook's source, sent with the job, so a remote worker needs
    the package and the data folder but not the repository's notebooks. Calls from several
    threads of one process (a Dask worker's) take turns at the kernel.
    """
    with _kernel_lock:
        return _execute(job, notebook_json)


def _execute(job: Job, notebook_json: str) -> JobResult:
    global _kernel_used
    import nbformat
    import papermill

    start = time.perf_counter()
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / job.notebook
        source.write_text(notebook_json, encoding="utf-8")
        executed = tmp_path / "executed.ipynb"
        figures = tmp_path / "figures"
        ok, error = True, ""
        try:
            km = _warm_kernel()
            if _kernel_used:
                _reset_kernel(km)
            _kernel_used = True
            papermill.execute_notebook(
                str(source), str(executed), parameters={**job.parameters, "figures_dir": str(figures)},
                kernel_name=KERNEL_NAME, km=km, progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            )
        except Exception as e:  # a failing report is recorded; the batch goes on
            ok = False
            error = f"{type(e).__name__}: {e}".strip().splitlines()[0] if not hasattr(e, "ename") else f"{e.ename}: {e.evalue}"
            if _kernel is not None and not _kernel.is_alive():
                shutdown_kernel()
        if executed.is_file():
            nb = nbformat.read(executed, as_version=4)
            if not ok:
                error = _error_of(nb) or error
            files[job.notebook] = executed.read_bytes()
            try:
                files[Path(job.notebook).with_suffix(".html").name] = export_html(nb).encode("utf-8")
            except Exception:  # the notebook is kept; the missing page is the reported problem
                ok, error = False, error or "HTML export failed: " + traceback.format_exc(limit=1).strip().splitlines()[-1]
        if figures.is_dir():
            for f in sorted(figures.iterdir()):
                files[f"figures/{f.name}"] = f.read_bytes()
    return JobResult(job, ok, error, time.perf_counter() - start, files)


# ---------------------------------------------------------------------------------------------
# In the parent: run the batch, write the output.


def _worker_main(inbox, outbox) -> None:
    """A local worker: one warm kernel, jobs from ``inbox`` until None, results to ``outbox``."""
    try:
        _warm_kernel()
        while (item := inbox.get()) is not None:
            index, job, source = item
            outbox.put((index, execute_job(job, source)))
    finally:
        shutdown_kernel()


class LocalPool:
    """Worker processes with a warm kernel each; a worker that dies fails only its own job.

    (``concurrent.futures`` would mark every pending job broken when one worker dies.)
    """

    def __init__(self, workers: int):
        import multiprocessing

        # forkserver, not fork: the parent may have threads (a progress bar, kernel clients)
        # whose locks a forked child would inherit held. The server is a clean process that
        # imports the library once; each worker is a cheap fork of it.
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(["analysis.reports", "papermill", "nbconvert"])
        self.outbox = self.ctx.Queue()
        self.size = workers

    def _spawn(self):
        inbox = self.ctx.Queue()
        proc = self.ctx.Process(target=_worker_main, args=(inbox, self.outbox), daemon=True)
        proc.start()
        return proc, inbox

    def run(self, jobs: list[Job], sources: dict[str, str]):
        """Yield a JobResult per job as each finishes."""
        import queue

        pending = list(enumerate(jobs))[::-1]
        workers = [self._spawn() for _ in range(min(self.size, len(jobs)))]
        busy: dict[int, tuple[int, Job]] = {}  # worker slot -> (job index, job)

        def feed(slot: int) -> None:
            if pending:
                index, job = pending.pop()
                busy[slot] = (index, job)
                workers[slot][1].put((index, job, sources[job.notebook]))

        for slot in range(len(workers)):
            feed(slot)
        try:
            while busy:
                try:
                    index, result = self.outbox.get(timeout=0.5)
                except queue.Empty:
                    for slot, (proc, _) in enumerate(workers):
                        if slot in busy and not proc.is_alive():
                            index, job = busy.pop(slot)
                            yield JobResult(job, False, f"worker process died (exit code {proc.exitcode})")
                            workers[slot] = self._spawn()
                            feed(slot)
                    continue
                slot = next(s for s, (i, _) in busy.items() if i == index)
                del busy[slot]
                feed(slot)
                yield result
        finally:
            for proc, inbox in workers:
                if proc.is_alive():
                    inbox.put(None)
            for proc, _ in workers:
                proc.join(timeout=30)
                if proc.is_alive():
                    proc.kill()


def run_dask(jobs: list[Job], sources: dict[str, str], scheduler: str):
    """Yield results from the workers of a Dask distributed cluster (one warm kernel each)."""
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout="10s")
    except OSError as e:
        raise ReportError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    with client:
        futures = {client.submit(execute_job, job, sources[job.notebook], pure=False): job for job in jobs}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as e:  # the task or its worker failed outside execute_job
                yield JobResult(futures[future], False, f"worker failed: {type(e).__name__}: {e}")


def write_report(reports_dir: Path, result: JobResult, key: str = "") -> dict:
    """Write one report's files into a fresh folder, then swap it in for the old one.

    HTML pages get the link to the shared CJK font; the folder's ``.report.json`` records
    the key and the hash of every file (for the next run's cache check). Returns it.
    """
    final = reports_dir / result.job.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    depth = len(Path(result.job.folder).parts)
    files, chars = {}, set()
    for rel, data in result.files.items():
        if rel.endswith(".html"):
            page = data.decode("utf-8")
            chars |= webfonts.cjk_characters(page)
            data = webfonts.add_link(page, "../" * depth + "assets/fonts.css").encode("utf-8")
        files[rel] = data
    entry = reportcache.manifest(key if result.ok else "", files, result.seconds, "".join(sorted(chars)))
    try:
        for rel, data in files.items():
            atomic.write_bytes(staging / rel, data)
        atomic.write_text(staging / reportcache.MANIFEST, json.dumps(entry, ensure_ascii=False, indent=1) + "\n")
        staging.chmod(0o755)
        old = None
        if final.exists():
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            os.replace(final, old)
        os.replace(staging, final)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return entry


def remove_stale(reports_dir: Path, jobs: list[Job]) -> list[str]:
    """Delete report folders of indicators or jurisdictions no longer in the batch."""
    keep = {j.folder for j in jobs}
    removed = []
    for kind in ("indicator", "jurisdiction"):
        for folder in sorted((reports_dir / kind).glob("*")) if (reports_dir / kind).is_dir() else []:
            rel = f"{kind}/{folder.name}"
            if folder.is_dir() and rel not in keep:
                shutil.rmtree(folder)
                removed.append(rel)
    return removed


def headline(dataset, job: Job, lang: str) -> str:
    """The numbers the index lists beside a report."""
    from .plots import MAX_LABELS, format_value, name

    t = dataset.targets_long
    if job.kind == "overview":
        return f"{len(dataset.documents)} plans · {len(t)} targets · {t['indicator_id'].nunique()} indicators" if lang == "en" else f"{len(dataset.documents)} 份规划 · {len(t)} 个目标 · {t['indicator_id'].nunique()} 个指标"
    if job.kind == "indicator":
        rows = t[(t["indicator_id"] == job.key) & ~t["is_relative"]].sort_values(["level", "target_year"])
        parts = [f"{name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})" for r in rows.itertuples()]
        return " · ".join(parts) if len(parts) <= MAX_LABELS else " · ".join(parts[:MAX_LABELS]) + f" · … ({len(parts)})"
    mine = t[t["jurisdiction_id"] == job.key]
    return f"{len(mine)} targets · {mine['indicator_id'].nunique()} indicators · {mine['category'].nunique()} categories · years {mine['target_year'].min()}–{mine['target_year'].max()}" if lang == "en" else f"{len(mine)} 个目标 · {mine['indicator_id'].nunique()} 个指标 · {mine['category'].nunique()} 个类别 · {mine['target_year'].min()}–{mine['target_year'].max()} 年"


def title(dataset, job: Job, lang: str) -> str:
    from .plots import name

    if job.kind == "overview":
        return "Overview of the corpus" if lang == "en" else "总览"
    return name(dataset, job.kind, job.key, lang)


@dataclass
class Outcome:
    """One report after a run: its job, whether it is good, and whether it was served from cache."""

    job: Job
    ok: bool
    error: str
    seconds: float
    cached: bool
    files: list[str]
    chars: str


def write_index(reports_dir: Path, dataset, outcomes: list[Outcome], lang: str) -> Path:
    """Write ``reports/index.html``: every report, its headline numbers, status and link."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape())
    rows = []
    for o in outcomes:
        html_name = Path(o.job.notebook).with_suffix(".html").name
        rows.append(
            dict(
                kind=o.job.kind,
                title=title(dataset, o.job, lang),
                headline=headline(dataset, o.job, lang),
                href=f"{o.job.folder}/{html_name}" if html_name in o.files else "",
                notebook=f"{o.job.folder}/{o.job.notebook}",
                figures=sorted(p for p in o.files if p.startswith("figures/") and p.endswith(".png")),
                folder=o.job.folder,
                ok=o.ok,
                error=o.error,
                seconds=f"{o.seconds:.1f}",
                cached=o.cached,
            )
        )
    page = env.get_template("index.html.j2").render(rows=rows, lang=lang, failed=sum(not o.ok for o in outcomes), total=len(outcomes), cached=sum(o.cached for o in outcomes))
    page = webfonts.add_link(page, "assets/fonts.css")
    path = reports_dir / "index.html"
    atomic.write_text(path, page)
    return path


def _check_writable(reports_dir: Path) -> None:
    """Fail before any work if the output folder cannot take files."""
    if reports_dir.exists() and not reports_dir.is_dir():
        raise ReportError(f"the output {reports_dir} exists and is not a folder")
    reports_dir.mkdir(parents=True, exist_ok=True)
    probe = tempfile.NamedTemporaryFile(dir=reports_dir, prefix=".write-probe-", delete=True)
    probe.close()


def run(
    data_dir: Path | None = None,
    reports_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    workers: int | None = None,
    lang: str = "zh",
    progress: bool = True,
    force: bool = False,
    scheduler: str | None = None,
) -> list[Outcome]:
    """Plan the report set, execute what is not current, write everything; return the outcomes.

    Reports whose inputs are unchanged and whose files are intact are skipped (``force``
    re-runs them). Execution is local (``workers`` processes, default the CPU count) or, with
    ``scheduler`` (``tcp://host:8786``), on a Dask distributed cluster.
    """
    from tqdm import tqdm

    from .loading import fingerprint, load
    from .parameters import report_jobs

    data_dir = Path(data_dir) if data_dir else paths.DATA_DIR
    reports_dir = Path(reports_dir) if reports_dir else paths.REPORTS_DIR
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else paths.NOTEBOOKS_DIR
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 1:
        raise ValueError("workers must be at least 1")
    _check_writable(reports_dir)
    dataset = load(data_dir)
    shared_path = scheduler is not None or data_dir.resolve() != paths.DATA_DIR.resolve()
    jobs = report_jobs(dataset, lang, str(data_dir.resolve()) if shared_path else "")
    sources = {nb: (notebooks_dir / nb).read_text(encoding="utf-8") for nb in {j.notebook for j in jobs}}
    keys = reportcache.report_keys(dataset, jobs, sources, fingerprint(data_dir.resolve()))
    outcomes: dict[Job, Outcome] = {}
    todo = []
    for job in jobs:
        entry = None if force else reportcache.current(reports_dir / job.folder, keys[job])
        if entry is None:
            todo.append(job)
        else:
            outcomes[job] = Outcome(job, True, "", entry.get("seconds", 0.0), True, list(entry["files"]), entry.get("chars", ""))
    results = run_dask(todo, sources, scheduler) if scheduler else LocalPool(workers).run(todo, sources)
    with tqdm(total=len(todo), desc="reports", unit="report", disable=not progress or not todo) as bar:
        for result in results:
            entry = write_report(reports_dir, result, keys[result.job])
            outcomes[result.job] = Outcome(result.job, result.ok, result.error, result.seconds, False, list(entry["files"]), entry["chars"])
            bar.set_postfix_str(("ok " if result.ok else "FAILED ") + result.job.folder, refresh=False)
            bar.update()
    ordered = [outcomes[j] for j in jobs]
    remove_stale(reports_dir, jobs)
    write_index(reports_dir, dataset, ordered, lang)
    chars = set("".join(o.chars for o in ordered)) | webfonts.cjk_characters((reports_dir / "index.html").read_text(encoding="utf-8"))
    webfonts.write_assets(reports_dir / "assets", chars, atomic.write_bytes)
    atomic.write_text(reports_dir / "manifest.json", json.dumps([{"folder": o.job.folder, "ok": o.ok, "cached": o.cached, "error": o.error} for o in ordered], ensure_ascii=False, indent=1) + "\n")
    return ordered
