"""Stopping a batch, in the library: a stop signal becomes one exception in the main thread and
the previous handlers come back; a signal the process was started to ignore stays ignored; a
process ends when the one it watches ends; a batch stopped mid-way raises BatchInterrupted (the
command line exits 128 + the signal's number) and leaves the reports folder as it was; leftovers
of killed batches are cleared, and a finished batch is put in place whole.

The batch's processes and their signals, end to end, are in tests/integration/test_stopping.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from analysis.cli import main
from analysis.errors import BatchInterrupted
from analysis.report import batch
from analysis.report.kernel import JobResult
from analysis.report.output import commit, staging_folder, write_report
from analysis.report.plan import Job
from analysis.report.stop import Stop, stop_on_signals
from tests.helpers import expected_reports, snapshot


def test_a_stop_signal_raises_stop_and_the_previous_handler_comes_back():
    before = signal.getsignal(signal.SIGHUP)
    with pytest.raises(Stop) as stopped, stop_on_signals():
        os.kill(os.getpid(), signal.SIGHUP)
        time.sleep(5)  # the signal ends the wait
    assert stopped.value.signum == signal.SIGHUP
    assert signal.getsignal(signal.SIGHUP) is before


def test_a_signal_the_process_ignores_stays_ignored():
    """`nohup analysis report` must outlive its terminal."""
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with stop_on_signals():
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.2)
    finally:
        signal.signal(signal.SIGHUP, before)


def test_a_signal_while_a_finished_build_is_put_in_place_lets_it_finish():
    with stop_on_signals() as signals:
        with signals.held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.2)
        time.sleep(0.2)  # nor does it stop what follows


def test_a_process_ends_when_the_process_it_watches_ends():
    """Even when the watched process is left unreaped (a zombie: ended, only its status left)."""
    watched = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    code = f"from analysis.report.stop import end_with; end_with({watched.pid}); print(flush=True); input()"
    watcher = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert watcher.stdout and watcher.stdout.readline() == b"\n"  # it is watching
    watched.kill()  # not reaped before the watcher has ended
    try:
        assert watcher.wait(timeout=10) == -signal.SIGTERM
    finally:
        watched.wait()
        watcher.kill()
        watcher.wait()


def test_a_batch_stopped_mid_way_leaves_the_reports_folder_as_it_was(small_data, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("the last complete build")
    before = snapshot(out)

    def executor(jobs, sources):
        yield JobResult(jobs[0], True, "", 0.1, {"page.html": b"<p>new</p>"})
        os.kill(os.getpid(), signal.SIGTERM)  # as `timeout` sends it
        time.sleep(5)  # the signal ends the wait
        raise AssertionError("not stopped")

    with pytest.raises(BatchInterrupted) as stopped:
        batch.build_reports(data_dir=small_data, reports_dir=out, langs=("zh",), progress=False, executor=executor)
    planned = len(expected_reports(small_data, ("zh",)))
    assert str(stopped.value) == f"1 report had finished, {planned - 1} not run; {out} is unchanged"
    assert stopped.value.exit_status == 143
    assert snapshot(out) == before and [p.name for p in out.iterdir()] == ["index.html"]  # no staging folder
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_the_command_line_says_what_a_stopped_batch_did(monkeypatch, tmp_path, capsys):
    def stopped(**kwargs):
        raise BatchInterrupted(f"3 reports had finished, 53 not run; {kwargs['reports_dir']} is unchanged", 1)

    monkeypatch.setattr(batch, "build_reports", stopped)
    code = main(["report", "--out", str(tmp_path), "--quiet"])
    assert (code, capsys.readouterr().err) == (
        129,
        f"interrupted: 3 reports had finished, 53 not run; {tmp_path} is unchanged\n",
    )


def result(folder: str, files: dict[str, bytes]) -> JobResult:
    kind, key = folder.split("/")
    return JobResult(Job(kind, key, f"{kind}.ipynb", {}), True, "", 0.1, files)


def test_a_new_batch_clears_the_staging_folders_of_killed_batches(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / f".staging-{ended.stdout.strip()}-a1").mkdir()  # a batch killed outright
    (tmp_path / f".staging-{os.getpid()}-b2").mkdir()  # a batch still running
    staging = staging_folder(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f".staging-{os.getpid()}-b2", staging.name])


def test_a_finished_batch_is_put_in_place_whole(tmp_path):
    reports = tmp_path / "reports"
    for folder in ("indicator/rerun", "indicator/unchanged", "indicator/retired"):
        write_report(reports, result(folder, {"old.txt": b"old"}))
    (reports / "index.html").write_text("old index")
    staging = staging_folder(reports)
    write_report(staging, result("indicator/rerun", {"new.txt": b"new"}))
    (staging / "index.html").write_text("new index")
    jobs = [result(f, {}).job for f in ("indicator/rerun", "indicator/unchanged")]
    commit(staging, reports, ["zh/indicator/rerun"], jobs)
    folder = reports / "zh" / "indicator"
    assert sorted(p.name for p in folder.iterdir()) == ["rerun", "unchanged"]
    assert sorted(p.name for p in (folder / "rerun").iterdir()) == [".report.json", "new.txt"]
    assert (folder / "unchanged" / "old.txt").read_bytes() == b"old"
    assert (reports / "index.html").read_text() == "new index"
