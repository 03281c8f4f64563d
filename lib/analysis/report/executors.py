"""Where reports execute: a pool of local worker processes (one warm kernel each) or the
workers of a Dask distributed cluster. Both yield one result per job and never stop the
batch for one failing report or one dying worker; closed early (the batch was stopped), both
stop every report of theirs still running and leave nothing of theirs running."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Callable, Generator
from contextlib import suppress

from ..errors import ReportError
from .kernel import JobResult, execute_job, interrupt_batch, shutdown_kernel, warm_kernel
from .plan import Job
from .stop import GRACE, Stop, end_with, ignoring, stop_on_signals

# Runs jobs, given the notebooks' sources by name; yields one result per job, never raising for one.
Executor = Callable[[list[Job], dict[str, str]], Generator[JobResult, None, None]]

FINISH = 30.0  # seconds the workers have, together, to shut their kernels down after the last report


def _worker_main(inbox, outbox, batch: int) -> None:
    """A local worker: one warm kernel, jobs from ``inbox`` until None, results to ``outbox``.

    The batch's SIGTERM ends the report being run and the kernel with it; so does the batch's
    end, which the worker watches for (its parent is the forkserver, which outlives a killed
    batch). It ignores Ctrl-C and hang-ups, as the forkserver it is forked from does: the batch
    acts on those.
    """
    end_with(batch)
    with stop_on_signals():
        try:
            warm_kernel()
            while (item := inbox.get()) is not None:
                index, job, source = item
                outbox.put((index, execute_job(job, source)))
        except Stop:
            outbox.cancel_join_thread()  # a result the batch will not read must not hold the exit
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
        self.ctx.set_forkserver_preload(["analysis.report.kernel", "analysis.report.engine", "nbconvert"])
        self.size = workers

    def _spawn(self):
        inbox = self.ctx.Queue()
        proc = self.ctx.Process(target=_worker_main, args=(inbox, self.outbox, os.getpid()), daemon=True)
        proc.start()
        return proc, inbox

    def run(self, jobs: list[Job], sources: dict[str, str]) -> Generator[JobResult, None, None]:
        """Yield a JobResult per job as each finishes."""
        import queue
        from multiprocessing import forkserver

        if not jobs:  # nothing to run: no forkserver to start (it imports the library)
            return
        # The forkserver and multiprocessing's resource tracker end when the batch's pipes to them
        # close, and the batch stops its workers itself: the terminal's Ctrl-C and hang-up, sent
        # to the whole process group, are for the batch alone. (Otherwise Ctrl-C kills a
        # forkserver still importing with a traceback, and after a hang-up the tracker, started
        # again, complains of every lock the batch then frees.)
        with ignoring(signal.SIGINT, signal.SIGHUP):
            forkserver.ensure_running()
        self.outbox = self.ctx.Queue()

        pending = list(enumerate(jobs))[::-1]
        workers: list = []  # (process, inbox) per slot
        busy: dict[int, tuple[int, Job]] = {}  # worker slot -> (job index, job)

        def feed(slot: int) -> None:
            if pending:
                index, job = pending.pop()
                busy[slot] = (index, job)
                workers[slot][1].put((index, job, sources[job.notebook]))

        try:
            for slot in range(min(self.size, len(jobs))):
                workers.append(self._spawn())
                feed(slot)
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
        except BaseException:  # stopped, or closed early: no result is wanted any more
            self._end(workers, stopping=True)
            raise
        self._end(workers, stopping=False)

    @staticmethod
    def _end(workers, stopping: bool) -> None:
        """Let the workers go. After the last report each is asked to finish (it shuts its kernel
        down); when the batch stops, all are told at once (SIGTERM: each ends its report and its
        kernel). Whoever is still there at the common deadline is killed."""
        for proc, inbox in workers:
            inbox.cancel_join_thread()  # a job no worker will read must not hold the batch's exit
            if proc.is_alive():
                if stopping:
                    proc.terminate()
                else:
                    inbox.put(None)
        deadline = time.monotonic() + (GRACE if stopping else FINISH)
        for proc, _ in workers:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
        if stopping:
            _end_forkserver()


def _end_forkserver() -> None:
    """End the forkserver now rather than when the batch's process ends: its interpreter, which
    has the library imported, takes a second or more to tear down on a busy machine (or is still
    importing it). The next pool starts another."""
    from multiprocessing import forkserver

    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]  # multiprocessing offers no handle
    if pid is not None:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)


DASK_CONNECT_TIMEOUT = "10s"  # how long to keep trying an unreachable scheduler


def run_dask(jobs: list[Job], sources: dict[str, str], scheduler: str) -> Generator[JobResult, None, None]:
    """Yield results from the workers of a Dask distributed cluster (one warm kernel each).

    Stopped, the batch cancels what has not started and interrupts its reports running on the
    workers; their kernels stay, warm for the next batch.
    """
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except OSError as e:
        raise ReportError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    batch = uuid.uuid4().hex
    with client:
        futures = {client.submit(execute_job, job, sources[job.notebook], batch, pure=False): job for job in jobs}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as e:  # the task or its worker failed outside execute_job
                    yield JobResult(futures[future], False, f"worker failed: {type(e).__name__}: {e}")
        except BaseException:  # stopped, or closed early: nothing more of this batch may run
            with suppress(OSError):  # the scheduler is unreachable: nothing more can be asked of it
                client.cancel(list(futures), msg="the batch was stopped")
                client.run(interrupt_batch, batch, on_error="ignore")
            raise
