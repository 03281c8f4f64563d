"""A batch that stops when told. Ctrl-C (SIGINT to the terminal's process group), SIGTERM (to the
command alone, as `timeout`, CI and process managers send it) and SIGHUP (a closed terminal, to
its process group) each stop `analysis report` within 5 seconds with the status shells expect,
leave no process of the batch running and the last complete build byte for byte as it was; a
batch killed outright (SIGKILL, as the out-of-memory killer does) leaves nothing running within
10 seconds; on a Dask cluster, a stopped batch runs nothing more and the workers' kernels stay.

The batch runs copies of the notebooks whose first cell marks that a kernel has started it and
then sleeps, so every signal lands while notebooks are running. Every process of a test batch
carries a token in its environment (children inherit it, even after their parent is gone), which
is how the tests find what is left.

Controls: run against the library before the commit that made batches stop, every test here
failed. Ctrl-C: the command exited 130 within 2 s, but printed both workers' tracebacks and no
summary. (SIGINT to the command alone, tried then: still running after 5 s, as it joined each
worker for up to 30 s in turn; the batch now handles it as it handles SIGTERM.) SIGTERM and
SIGHUP: it died at once (status -15, -1), leaving the forkserver, both workers and both kernels
running. SIGKILL: those and the resource tracker were still running after 10 s. Dask: the
command died at once (-15) and the workers kept running its notebooks.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
import pytest

from analysis import paths
from tests.helpers import report_command, snapshot, write_subset

STOP_SECONDS = 5.0  # a signalled batch is gone, with everything it started, within this
ORPHAN_SECONDS = 10.0  # what a killed batch started is gone within this
TOKEN = "ANALYSIS_TEST_BATCH"  # set in the environment of each test batch, inherited by all it starts
WORKERS = 2


@dataclass
class Build:
    data: Path
    reports: Path
    slow: Path  # notebooks that mark their start in `markers`, then sleep
    markers: Path
    before: tuple[dict[str, str], list[str]]  # the complete build: its files' hashes and its folders


def state(folder: Path) -> tuple[dict[str, str], list[str]]:
    """Every file's hash and every folder (hidden ones too): equal states are byte-identical trees."""
    return snapshot(folder), sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_dir())


def slow_notebooks(source: Path, target: Path, markers: Path) -> Path:
    """Copies of the report notebooks whose first cell marks its kernel as started, then sleeps."""
    shutil.copytree(source, target)
    mark = f"import os, pathlib, time\npathlib.Path({str(markers)!r}, str(os.getpid())).touch()\ntime.sleep(300)"
    for path in target.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(mark))
        nbformat.write(nb, path)
    return target


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    """One complete build of the smallest corpus (the national plan: four reports, the findings, the
    overview, the progress report and the nation's)."""
    root = tmp_path_factory.mktemp("stopping")
    data = write_subset(paths.DATA_DIR, root / "data", ("national-2023",))
    reports = root / "reports"
    command = report_command(data, paths.NOTEBOOKS_DIR, reports, "--lang", "zh", "--workers", str(WORKERS))
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    markers = root / "markers"
    markers.mkdir()
    return Build(data, reports, slow_notebooks(paths.NOTEBOOKS_DIR, root / "slow", markers), markers, state(reports))


def batch_processes(token: str) -> list[psutil.Process]:
    """The live processes carrying the batch's token (a zombie has ended; only its exit status is left)."""
    found = []
    for p in psutil.process_iter(["environ", "status", "cmdline"]):
        if (p.info["environ"] or {}).get(TOKEN) == token and p.info["status"] != psutil.STATUS_ZOMBIE:
            found.append(p)
    return found


def left_at(token: str, deadline: float) -> list[str]:
    """The batch's processes still running at the deadline (none: returns as soon as all are gone)."""
    while (left := batch_processes(token)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [" ".join(p.info["cmdline"] or [])[:200] for p in left]


@pytest.fixture
def token():
    """A fresh token; whatever of the test's batch is still running at the end is killed."""
    token = uuid.uuid4().hex
    yield token
    for p in batch_processes(token):
        p.kill()


def start(build: Build, token: str, *extra: str) -> subprocess.Popen:
    """`analysis report --force` on the slow notebooks, in a session of its own (as a terminal runs a
    command in a process group of its own); returns once every worker's kernel is running a notebook.
    Its output goes to files, which (unlike pipes) no process it leaves behind can hold open."""
    for marker in build.markers.iterdir():
        marker.unlink()
    command = report_command(build.data, build.slow, build.reports, "--lang", "zh", "--force", *extra)
    with open(build.markers.parent / "stdout", "w") as out, open(build.markers.parent / "stderr", "w") as err:
        proc = subprocess.Popen(
            command, env=dict(os.environ, **{TOKEN: token}), stdout=out, stderr=err, start_new_session=True
        )
    deadline = time.monotonic() + 120
    while len(list(build.markers.iterdir())) < WORKERS:
        assert proc.poll() is None, (build.markers.parent / "stderr").read_text()
        assert time.monotonic() < deadline, "the kernels did not start their notebooks"
        time.sleep(0.1)
    return proc


def stopped(build: Build, proc: subprocess.Popen, signum: int, whole_group: bool) -> tuple[str, float]:
    """Send the signal; return the command's stderr and the deadline for what it started to be gone."""
    sent = time.monotonic()
    (os.killpg if whole_group else os.kill)(proc.pid, signum)
    try:
        proc.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"still running {STOP_SECONDS} s after {signal.Signals(signum).name}")
    return (build.markers.parent / "stderr").read_text(), sent + STOP_SECONDS


@pytest.mark.parametrize(
    ("signum", "whole_group", "status"),
    [
        (signal.SIGINT, True, 130),  # Ctrl-C: the terminal signals its foreground process group
        (signal.SIGTERM, False, 143),  # timeout, CI, process managers: the command alone
        (signal.SIGHUP, True, 129),  # a closed terminal or SSH session: its process group
    ],
    ids=["Ctrl-C", "SIGTERM", "SIGHUP"],
)
def test_a_signalled_batch_stops_within_seconds_and_leaves_the_last_build(build, token, signum, whole_group, status):
    proc = start(build, token, "--workers", str(WORKERS))
    running = [" ".join(p.info["cmdline"] or []) for p in batch_processes(token)]
    assert sum("ipykernel" in c for c in running) == WORKERS and any("forkserver" in c for c in running), running
    err, deadline = stopped(build, proc, signum, whole_group)
    assert proc.returncode == status, err
    assert left_at(token, deadline) == []
    assert f"interrupted: 0 reports had finished, 4 not run; {build.reports} is unchanged" in err
    assert "Traceback" not in err
    assert state(build.reports) == build.before


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


def test_a_batch_stopped_on_the_submitting_machine_runs_nothing_more_on_the_cluster(build, token, cluster):
    from distributed import Client

    def kernels(dask_worker) -> tuple[int, int]:
        """The worker's kernel and how many of its threads run a task."""
        from analysis.report import kernel

        return kernel._kernel.provisioner.pid if kernel._kernel else 0, len(dask_worker.active_threads)

    proc = start(build, token, "--scheduler", cluster.scheduler_address)
    with Client(cluster.scheduler_address) as client:
        warm = client.run(kernels)
        assert all(pid and running == 1 for pid, running in warm.values()), warm
        err, deadline = stopped(build, proc, signal.SIGTERM, False)
        assert proc.returncode == 143, err
        assert "interrupted: 0 reports had finished, 4 not run;" in err and "Traceback" not in err
        while (now := client.run(kernels)) != {w: (pid, 0) for w, (pid, _) in warm.items()}:
            assert time.monotonic() < deadline, f"the cluster still runs the stopped batch: {now}"
            time.sleep(0.1)
        assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0
    assert all(psutil.pid_exists(pid) for pid, _ in warm.values())  # warm for the next batch
    assert state(build.reports) == build.before


def test_what_a_killed_batch_started_ends_by_itself(build, token):
    proc = start(build, token, "--workers", str(WORKERS))
    proc.kill()
    proc.wait()
    assert left_at(token, time.monotonic() + ORPHAN_SECONDS) == []
    staging = [p for p in build.reports.iterdir() if p.name.startswith(".staging-")]
    assert len(staging) == 1  # the dead batch's; the next batch removes it
    shutil.rmtree(staging[0])
    assert state(build.reports) == build.before
