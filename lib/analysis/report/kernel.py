"""One warm kernel per worker process: reports run one after another in it through papermill,
with the user namespace and plotting state reset between them (``RESET_CODE``), so kernel
start-up, imports and connecting a client are paid once per worker, not once per report."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from .executed import localise, tidy
from .html import export_html
from .plan import Job, page_of

KERNEL_NAME = "python3"

# Run in a warm kernel before each report: nothing a report defines, imports into its
# namespace, changes in matplotlib's settings or leaves open may reach the next one.
# The namespace is cleared as `%reset -f` clears it; the garbage is then collected, and what
# survives (modules, their caches) frozen out of later collections, so each reset collects
# only what the last report made (a full collection of a kernel holding pandas and
# matplotlib takes about 0.15 s; `%reset -f` runs one every time).
RESET_CODE = """\
get_ipython().reset(new_session=False)
import gc as _gc, matplotlib as _mpl, matplotlib.pyplot as _plt
_plt.close("all")
_mpl.rcdefaults()
%matplotlib inline
_gc.collect()
_gc.freeze()
del _gc, _mpl, _plt
"""


@dataclass
class JobResult:
    """What a worker sends back: the report's files as bytes, and how the run went."""

    job: Job
    ok: bool
    error: str = ""
    seconds: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)


_kernel = None  # this process's warm kernel manager
_client = None  # and its client, connected once
_kernel_used = False


def start_kernel():
    """Start a python3 kernel on IPC sockets in a private folder (no TCP ports, no warning), with
    no input history."""
    from jupyter_client.manager import KernelManager

    sockets = tempfile.mkdtemp(prefix="kernel-")
    km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(sockets, "k"))
    km.start_kernel(
        cwd=str(paths.NOTEBOOKS_DIR) if paths.NOTEBOOKS_DIR.is_dir() else None,
        # No input history: a report's cells are in its notebook, and writing each to IPython's
        # SQLite history cost the kernel a thread's work on every cell.
        extra_arguments=["--HistoryManager.enabled=False"],
    )
    return km


def warm_kernel():
    """This process's warm kernel and its ready client, started (or restarted, if the kernel
    died) on first use."""
    global _kernel, _client, _kernel_used
    if _kernel is None or not _kernel.is_alive():
        shutdown_kernel()
        _kernel = start_kernel()
        _client = _kernel.client()
        _client.start_channels()
        _client.wait_for_ready(timeout=60)
        _client.allow_stdin = False
        _kernel_used = False
    return _kernel, _client


def _reset_kernel(kc) -> None:
    reply = kc.execute_interactive(RESET_CODE, timeout=60, store_history=False, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")


def shutdown_kernel() -> None:
    """Stop this process's warm kernel and its client."""
    global _kernel, _client
    if _client is not None:
        _client.stop_channels()
        _client = None
    if _kernel is not None:
        _kernel.shutdown_kernel(now=True)
        shutil.rmtree(Path(_kernel.ip).parent, ignore_errors=True)  # the private folder of its sockets
        _kernel = None


def _error_of(nb) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"{out.get('ename')}: {out.get('evalue')}"
    return ""


_kernel_lock = threading.Lock()
_batch = ""  # the batch whose report the kernel is running, if it is running one
_interrupted = False  # and whether that batch has stopped it (its files are then not wanted)


def execute_job(job: Job, notebook_json: str, batch: str = "") -> JobResult:
    """Run one report in this process's warm kernel; return its files, never raise.

    ``notebook_json`` is the notebook's source, sent with the job, so a remote worker needs
    the package and the data folder but not the repository's notebooks. Calls from several
    threads of one process (a Dask worker's) take turns at the kernel. ``batch`` names the
    batch the job belongs to, so that batch can stop it (:func:`interrupt_batch`).
    """
    global _batch, _interrupted
    with _kernel_lock:
        _batch, _interrupted = batch, False
        try:
            return _execute(job, notebook_json)
        finally:
            _batch = ""


def interrupt_batch(batch: str) -> None:
    """Interrupt the report of ``batch`` that this process's kernel is running, if it is running
    one. The kernel stays, warm for the next batch: a Dask worker's serves every batch sent to it."""
    global _interrupted
    if batch and _batch == batch and _kernel is not None:
        _interrupted = True
        _kernel.interrupt_kernel()


def _execute(job: Job, notebook_json: str) -> JobResult:
    global _kernel_used
    import nbformat
    import papermill

    from .engine import ENGINE_NAME

    start = time.perf_counter()
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / job.notebook
        source.write_text(notebook_json, encoding="utf-8")
        executed = tmp_path / "executed.ipynb"
        output = tmp_path / "output"
        ok, error = True, ""
        try:
            km, kc = warm_kernel()
            if _kernel_used:
                _reset_kernel(kc)
            _kernel_used = True
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters={**job.parameters, "output_dir": str(output)},
                kernel_name=KERNEL_NAME,
                engine_name=ENGINE_NAME,
                km=km,
                kc=kc,
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
            )
        except Exception as e:  # a failing report is recorded; the batch goes on
            ok = False
            ename, evalue = getattr(e, "ename", None), getattr(e, "evalue", None)  # papermill's cell errors
            error = f"{ename}: {evalue}" if ename else f"{type(e).__name__}: {e}".strip().splitlines()[0]
            if _kernel is not None and not _kernel.is_alive():
                shutdown_kernel()
        if executed.is_file() and not _interrupted:
            nb = nbformat.read(executed, as_version=4)
            if not ok:
                error = _error_of(nb) or error
            tidy(nb, output_dir=str(output))
            localise(nb, job.lang)
            files[job.notebook] = (nbformat.writes(nb) + "\n").encode("utf-8")
            try:
                files[job.page] = export_html(nb, page_of(job)).encode("utf-8")
            except Exception:  # the notebook is kept; the missing page is the reported problem
                ok, error = (
                    False,
                    error or "HTML export failed: " + traceback.format_exc(limit=1).strip().splitlines()[-1],
                )
        if output.is_dir():
            for f in sorted(p for p in output.rglob("*") if p.is_file()):
                files[f.relative_to(output).as_posix()] = f.read_bytes()
    return JobResult(job, ok, error, time.perf_counter() - start, files)
