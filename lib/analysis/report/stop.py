"""Stopping when told. SIGINT (Ctrl-C), SIGTERM (``timeout``, CI, process managers) and SIGHUP (a
closed terminal) all raise :class:`Stop` in the main thread, wherever it is, so every ``finally``
on the way out runs: the batch's and its workers' alike. And a worker whose batch dies without a
word (SIGKILL, the out-of-memory killer) notices and stops itself."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 3.0  # seconds a stopping worker has to end its kernel before it is ended
WATCH = 0.5  # seconds between a worker's looks at its batch


class Stop(KeyboardInterrupt):
    """A stop signal arrived. A KeyboardInterrupt, so the handlers that record a failing report
    and go on (``except Exception``) let it through, and so asyncio (in which nbclient runs a
    notebook) passes it on from whatever task it lands in, where it would keep any other."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Signals:
    """What the stop signals do while :func:`stop_on_signals` is in force."""

    def __init__(self) -> None:
        self.stopping = False
        self.holding = False

    def _handle(self, signum: int, frame: object) -> None:
        if self.stopping:  # already on the way out
            return
        self.stopping = True
        if not self.holding:
            raise Stop(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        """A signal arriving within is not acted on, nor any after it: for the few renames that put
        a finished build in place, after which the batch ends as it would have."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False


@contextmanager
def stop_on_signals() -> Iterator[Signals]:
    """Within, the first stop signal raises :class:`Stop` and later ones are ignored while it unwinds.

    A signal the process was started to ignore (``nohup`` ignores SIGHUP) stays ignored. Outside
    the main thread, where handlers cannot be set, the signals keep their previous handling.
    """
    signals = Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return
    previous = {s: signal.getsignal(s) for s in SIGNALS}
    for s, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(s, signals._handle)
    told, tell = os.pipe()
    os.set_blocking(tell, False)
    previous_fd = signal.set_wakeup_fd(tell, warn_on_full_buffer=False)
    threading.Thread(target=_relay, args=(told, signals), name="stop-relay", daemon=True).start()
    try:
        yield signals
    finally:
        signal.set_wakeup_fd(previous_fd)
        os.close(tell)
        for s, handler in previous.items():
            if handler is not None:
                signal.signal(s, handler)


def _relay(told: int, signals: Signals) -> None:
    """Send the first signal on to the main thread, unless it has acted on it already.

    The kernel may deliver a process's signal to any of its threads, and Python runs the handler
    in the main thread only, when that next runs Python code: if the main thread is blocked in C
    (a kernel client's zmq poll, waiting with no timeout for a notebook's next output), only a
    signal to that thread interrupts it. The wakeup fd tells this thread of each signal at once.
    """
    with os.fdopen(told, "rb", buffering=0) as pipe:
        first = pipe.read(1)
        if first and not signals.stopping:
            signal.pthread_kill(threading.main_thread().ident or 0, first[0])
        while pipe.read(64):  # until the write end closes: a signal written to a closed pipe is an error
            pass


@contextmanager
def ignoring(*signums: int) -> Iterator[None]:
    """Within, the signals are ignored, and stay ignored in the programs the processes started
    within run (an ignored signal is kept across exec). Outside the main thread, does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in signums}
    try:
        yield
    finally:
        for s, handler in previous.items():
            if handler is not None:
                signal.signal(s, handler)


def end_with(pid: int) -> None:
    """Stop this process (as SIGTERM would) when process ``pid`` ends, however it ends; if it has
    not gone :data:`GRACE` seconds later, end it. A daemon thread looks every :data:`WATCH` seconds
    (an ended process whose parent has not reaped it counts as ended; a reused pid as another process)."""
    import psutil

    watched = psutil.Process(pid)

    def alive() -> bool:
        try:
            return watched.is_running() and watched.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    def watch() -> None:
        while alive():
            time.sleep(WATCH)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(GRACE)
        os._exit(128 + signal.SIGTERM)

    threading.Thread(target=watch, name=f"end-with-{pid}", daemon=True).start()
