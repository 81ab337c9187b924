"""Ctrl-C and SIGTERM end the CLI at once, with its children; no Prefect server outlives the CLI.

Why so blunt: Prefect's engine, its event flusher and its temporary server (a uvicorn subprocess) each take
tens of seconds to wind down, print tracebacks meanwhile, and a second Ctrl-C interrupts their clean-up.
Outputs need no clean-up: a run publishes its output set with one atomic rename (``pipeline.store``), and the
next run removes a half-written generation. So on SIGINT/SIGTERM every descendant process is killed, one line is
printed, and the process exits with 128 + the signal number (130, 143).

Run as ``python -m pipeline.interrupts PARENT_PID`` it is the CLI's watchdog: it notes the CLI's descendants
every WATCH_SECONDS, and when the CLI dies without running its handlers (``kill -9``) it kills them (Prefect's
server among them), so none outlives the CLI by more than about a second.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import psutil  # imported where it is used: the CLI's start does not pay for it

MESSAGE = b"newsclaims: interrupted; outputs unchanged\n"
WATCH_SECONDS = 0.5
KILL_ROUNDS = 3
# The terminal's stderr, saved when the handlers are installed: fd 2 may point at a log file at that moment
# (runner.start_quiet_ephemeral_server).
_stderr: int | None = None
_owner: int | None = None  # the CLI process; forked batch workers inherit the handler
# The descriptor a live progress display (pipeline.progress.BarProgress) draws on, while it is live.
_live: int | None = None
# After a live display: a new line (the display's cursor ends on its last row) and the cursor it hid, shown again.
AFTER_LIVE = b"\n\x1b[?25h"


def live_display(fd: int | None) -> None:
    """Note the descriptor a live display draws on (None: no display now), for the interrupted line to follow it."""
    global _live
    _live = fd


def _silence_live_display() -> bytes:
    """Point the live display's descriptor at /dev/null (its drawing thread must not draw over the interrupted
    line; dup2 is safe in a signal handler, stopping the display is not) and return what goes before the line."""
    if _live is None:
        return b""
    _to_devnull(_live)
    return AFTER_LIVE


def _silence_stderr() -> None:
    """Point fd 2 at /dev/null once the terminal's stderr is saved: the threads still running while the children die
    (Prefect's cancellation observer, its event clients) log their lost connections there, tracebacks included, and
    the interrupted line is to be the only one."""
    if _stderr is not None:
        _to_devnull(2)


def _to_devnull(fd: int) -> None:
    """Make ``fd`` write to /dev/null (best effort: the handler goes on whatever happens here)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def kill_descendants() -> None:
    """SIGKILL every process this one started, and theirs (Prefect's server, batch workers, flow-run processes)."""
    import psutil

    for _ in range(KILL_ROUNDS):  # a batch thread may fork one more worker meanwhile
        try:
            children = psutil.Process().children(recursive=True)
        except psutil.Error:
            return
        if not children:
            return
        for child in sorted(children, key=_started, reverse=True):  # Prefect's server last: its clients go first
            try:
                child.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(children, timeout=1)


def _started(process: psutil.Process) -> float:
    try:
        return process.create_time()
    except Exception:  # noqa: BLE001 - gone meanwhile
        return 0.0


def ignore_signals() -> None:
    """Ignore SIGINT and SIGTERM in this process (main thread only)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def interrupted(sig_num: int, *_args: object) -> NoReturn:
    """Kill the children, say so in one line and exit 128 + ``sig_num``; never returns. A signal handler, with the
    signature of Prefect's SIGTERM handler that it replaces (:func:`quiet_prefect_sigterm`)."""
    if os.getpid() != _owner:  # a forked worker hit by Ctrl-C with its group: the CLI speaks for it
        os._exit(128 + sig_num)
    try:
        ignore_signals()  # a second Ctrl-C must not interrupt this
    except ValueError:
        pass  # called by the timer of a clean stop, not in the main thread
    before = _silence_live_display()
    _silence_stderr()
    try:
        kill_descendants()
    finally:
        os.write(2 if _stderr is None else _stderr, before + MESSAGE)
        os._exit(128 + sig_num)


def exit_on_signals() -> None:
    """Make SIGINT and SIGTERM end this process through :func:`interrupted`, and start the watchdog.

    Prefect's SIGTERM handler is replaced too if Prefect is loaded; else call :func:`quiet_prefect_sigterm` after
    importing it.
    """
    global _stderr, _owner
    _stderr, _owner = os.dup(2), os.getpid()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, interrupted)
    if "prefect" in sys.modules:
        quiet_prefect_sigterm()
    subprocess.Popen([sys.executable, "-m", "pipeline.interrupts", str(os.getpid())], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def quiet_prefect_sigterm() -> None:
    """Make SIGTERM during a flow run end this process through :func:`interrupted` too (imports Prefect).

    A flow run swaps in Prefect's own SIGTERM handler, which logs a "Crash detected!" error (with the flow's state)
    before passing the signal on; this process wants its one line only. Separate from :func:`exit_on_signals`, so
    that the CLI can install its handlers before it spends seconds importing Prefect.
    """
    import prefect.utilities.engine as prefect_engine

    if hasattr(prefect_engine, "_prefect_sigterm_handler"):
        prefect_engine._prefect_sigterm_handler = interrupted


def later(signum: int, seconds: float) -> Callable[[], None]:
    """Start a timer that calls :func:`interrupted` after ``seconds`` (a bound on a clean stop); returns its cancel."""
    timer = threading.Timer(seconds, interrupted, args=(signum,))
    timer.daemon = True
    timer.start()
    return timer.cancel


def _watchdog(parent: int) -> None:
    import psutil

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the CLI, which kills this watchdog itself
    known: dict[int, psutil.Process] = {}
    while os.getppid() == parent:
        try:
            known.update((p.pid, p) for p in psutil.Process(parent).children(recursive=True) if p.pid != os.getpid())
        except psutil.Error:
            break
        time.sleep(WATCH_SECONDS)
    for process in known.values():
        try:
            process.kill()  # psutil checks it is still the same process, not a reused pid
        except psutil.Error:
            pass


if __name__ == "__main__":
    _watchdog(int(sys.argv[1]))
