"""Where reports execute: a pool of local worker processes (one warm kernel each) or the
workers of a Dask distributed cluster. Both yield one result per job and never stop the
batch for one failing report or one dying worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..errors import ReportError
from .kernel import JobResult, execute_job, shutdown_kernel, warm_kernel
from .plan import Job

# Runs jobs, given the notebooks' sources by name; yields one result per job, never raising for one.
Executor = Callable[[list[Job], dict[str, str]], Iterator[JobResult]]


def _worker_main(inbox, outbox) -> None:
    """A local worker: one warm kernel, jobs from ``inbox`` until None, results to ``outbox``."""
    try:
        warm_kernel()
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
        self.ctx.set_forkserver_preload(["analysis.report.kernel", "analysis.report.engine", "nbconvert"])
        self.outbox = self.ctx.Queue()
        self.size = workers

    def _spawn(self):
        inbox = self.ctx.Queue()
        proc = self.ctx.Process(target=_worker_main, args=(inbox, self.outbox), daemon=True)
        proc.start()
        return proc, inbox

    def run(self, jobs: list[Job], sources: dict[str, str]) -> Iterator[JobResult]:
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


DASK_CONNECT_TIMEOUT = "10s"  # how long to keep trying an unreachable scheduler


def run_dask(jobs: list[Job], sources: dict[str, str], scheduler: str) -> Iterator[JobResult]:
    """Yield results from the workers of a Dask distributed cluster (one warm kernel each)."""
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except OSError as e:
        raise ReportError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    with client:
        futures = {client.submit(execute_job, job, sources[job.notebook], pure=False): job for job in jobs}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as e:  # the task or its worker failed outside execute_job
                yield JobResult(futures[future], False, f"worker failed: {type(e).__name__}: {e}")
