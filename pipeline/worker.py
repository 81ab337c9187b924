"""Run the per-document core in long-lived worker processes under a time bound: one pathological file never stalls a
run."""
from __future__ import annotations

import logging
import math
import multiprocessing as mp
import os
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from extractors.article import ArticleError, process_document, warm_up
from pipeline.store import ArticleLines, article_lines


@dataclass(frozen=True)
class FileOutcome:
    """A processed article (its output lines) or the reason it failed and at which stage."""

    rel_path: str
    lines: ArticleLines | None = None
    error: str | None = None
    stage: str | None = None


def process_one(rel_path: str, data: bytes | None, doc_id: str | None = None) -> FileOutcome:
    """One article, serialised here (in the worker, not the busy parent); every failure becomes a reason."""
    if data is None:
        return FileOutcome(rel_path, error="no data", stage="read")
    try:
        result = process_document(data, rel_path, doc_id)
        try:
            lines = article_lines(result.document, result.claims)
        except ValueError:  # an infinite or NaN number: JSON has none, so write null (rare, so only then)
            lines = article_lines(*_finite(result.document, result.claims))
        return FileOutcome(rel_path, lines)
    except ArticleError as exc:
        return FileOutcome(rel_path, error=str(exc), stage="decode")
    except RecursionError:
        return FileOutcome(rel_path, error="markup nested too deeply to parse", stage="clean")
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the run; it is reported
        return FileOutcome(rel_path, error=f"{type(exc).__name__}: {exc}", stage="extract")


def _finite(document: dict[str, Any], claims: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Replace infinite or NaN numbers (``1`` followed by 400 digits) by null, so the outputs stay valid JSON."""
    fixed = 0

    def walk(value: Any) -> Any:
        nonlocal fixed
        if isinstance(value, float) and not math.isfinite(value):
            fixed += 1
            return None
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    claims = [walk(c) for c in claims]
    document = walk(document)
    if fixed:
        document = {**document, "warnings": [*document.get("warnings", []),
                                             f"{fixed} number(s) too large to represent; written as null"]}
    return document, claims


# (source path, bytes, doc_id); without a doc_id the file's stem is used
Item = tuple[str, bytes | None] | tuple[str, bytes | None, str | None]
# A small next article is sent while the worker is still on the one before, so it never waits for the parent
# between documents; it fits the pipe's buffer, so the send cannot block while the worker sends its outcome back.
SEND_AHEAD_BYTES = 32 * 1024
# A worker is replaced after this many documents: spaCy's string store and caches grow with every new word,
# and a fresh fork starts again from the parent's warmed-up, shared pages.
DOCS_PER_WORKER = 20_000
# The time bound stops runaway input, not long articles: a document may take the run's bound in CPU seconds for each
# this many bytes it has (a 5 MB article five times the bound of a 10 kB one).
BOUND_BYTES = 1 << 20
# CPU time is what the bound counts (a loaded machine gives a worker less of it, not a longer article); a document
# whose worker has not answered after this many times its bound in wall-clock time (a stall that uses no CPU,
# swapping) is stopped too.
WALL_FACTOR = 4.0


def cpu_bound(item: Item, timeout_s: float) -> float:
    """The CPU seconds ``item`` may take: ``timeout_s`` per BOUND_BYTES of its bytes, at least ``timeout_s``."""
    return timeout_s * max(1.0, len(item[1] or b"") / BOUND_BYTES)


def _may_send(item: Item, unanswered: int) -> bool:
    """Whether ``item`` goes now to a worker that has ``unanswered`` items: to an idle one, or one small item ahead."""
    return unanswered == 0 or (unanswered == 1 and len(item[1] or b"") <= SEND_AHEAD_BYTES)


def _serve(conn: Connection, inherited: list[Connection]) -> None:
    """A worker's loop: process each item the parent sends and send its outcome back, until the pipe closes."""
    # Ctrl-C reaches the terminal's whole process group: the parent decides what a run does then, and its end
    # closes this pipe. A worker stopping on its own would fail the batch it is serving before the parent reacts.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler this fork inherited: a worker just ends
    # A document over its CPU bound ends this process (SIGPROF's default action), even inside a long C call (a
    # regex) where a Python handler would never run; the parent sees how it ended and says so.
    signal.signal(signal.SIGPROF, signal.SIG_DFL)
    for other in inherited:  # other workers' pipes: holding them would keep those workers alive past the parent
        other.close()
    try:
        while True:
            try:
                item, cpu_s = conn.recv()
            except (EOFError, OSError):
                break
            signal.setitimer(signal.ITIMER_PROF, cpu_s)  # CPU time of this process from now; 0: no bound
            outcome = process_one(*item)
            signal.setitimer(signal.ITIMER_PROF, 0)
            conn.send(outcome)
    finally:
        os._exit(0)  # skip the parent's atexit handlers (Prefect's) in this forked copy


@dataclass
class _Worker:
    process: Any
    conn: Connection
    done: int = 0

    def stop(self) -> None:
        self.conn.close()  # the worker's recv ends and it exits
        self.process.kill()
        self.process.join(timeout=5)


class Workers:
    """Long-lived worker processes, forked after warm-up on first need and then reused for every batch.

    A batch takes an idle worker (or forks one: at most as many as batches running at once) and feeds it one
    document at a time, so a document over its time bound is found, its worker killed and a fresh one forked
    for the rest of the batch. Forking once per worker instead of once per batch keeps the parent's system time
    flat as the run's state grows, and the workers share the parent's warmed-up pages.
    """

    def __init__(self) -> None:
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._lock = threading.Lock()

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                self._all.remove(worker)  # ended while idle (the OOM killer, a stray signal): not this batch's fault
                worker.conn.close()
            warm_up()  # patterns and the spaCy pipeline built once in the parent: every worker shares them
            ctx = mp.get_context("fork")
            here, there = ctx.Pipe()
            process = ctx.Process(target=_serve, args=(there, [w.conn for w in self._all] + [here]), daemon=True)
            process.start()
            there.close()
            worker = _Worker(process, here)
            self._all.append(worker)
            return worker

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if worker.done < DOCS_PER_WORKER:
                self._idle.append(worker)
                return
            self._all.remove(worker)
        worker.stop()

    def _drop(self, worker: _Worker) -> None:
        with self._lock:
            self._all.remove(worker)
        worker.stop()

    def start(self, count: int) -> None:
        """Fork ``count`` workers now, while this process is small, rather than on the first batches."""
        for worker in [self._take() for _ in range(count)]:
            self._give_back(worker)

    def pids(self) -> set[int]:
        """The process ids of the workers alive now."""
        with self._lock:
            return {w.process.pid for w in self._all}

    def close(self) -> None:
        """Stop every worker (they also end on their own when this process exits)."""
        with self._lock:
            workers, self._all, self._idle = self._all, [], []
        for worker in workers:
            worker.stop()

    def process(self, items: list[Item], timeout_s: float) -> list[FileOutcome]:
        """The outcome of each item, in order; a document over its bound (``cpu_bound``: ``timeout_s`` CPU seconds
        per MB) is stopped and reported."""
        results: list[FileOutcome] = []
        while len(results) < len(items):
            worker = self._take()
            start = sent = len(results)
            try:
                while len(results) < len(items):
                    rel_path = items[len(results)][0]
                    bound = cpu_bound(items[len(results)], timeout_s)
                    try:  # a dead worker shows as a broken pipe on the send or the end of its pipe on the receive
                        while sent < len(items) and _may_send(items[sent], unanswered=sent - len(results)):
                            worker.conn.send((items[sent], cpu_bound(items[sent], timeout_s)))
                            sent += 1
                        if not worker.conn.poll(bound * WALL_FACTOR):
                            results.append(FileOutcome(rel_path, error=f"no answer after {bound * WALL_FACTOR:g} s "
                                                       "while using little CPU time; stopped", stage="timeout"))
                            break
                        results.append(worker.conn.recv())
                    except (EOFError, OSError):
                        results.append(_died(worker, rel_path, bound))
                        break
                else:
                    worker.done += len(results) - start
                    self._give_back(worker)
                    continue
            except BaseException:
                self._drop(worker)  # interrupted mid-batch: its pipe may hold half a message
                raise
            self._drop(worker)  # items sent after the stopped one go to a fresh worker
        return results


def _died(worker: _Worker, rel_path: str, bound: float) -> FileOutcome:
    """The outcome of a document whose worker ended while processing it: over its CPU bound, or died."""
    worker.process.join(timeout=5)
    if worker.process.exitcode == -signal.SIGPROF:
        return FileOutcome(rel_path, error=f"processing took more than {bound:g} s of CPU time; stopped",
                           stage="timeout")
    return FileOutcome(rel_path, error="worker process died while processing this file", stage="extract")


WORKERS = Workers()


def process_batch_items(items: list[Item], timeout_s: float, workers: Workers = WORKERS) -> list[FileOutcome]:
    """Process ``items`` in a long-lived worker process; a document over ``timeout_s`` seconds is stopped and
    reported."""
    if timeout_s <= 0 or not hasattr(os, "fork") or not hasattr(signal, "setitimer"):
        return [process_one(*item) for item in items]
    return workers.process(items, timeout_s)


def dask_setup(worker: object = None) -> None:
    """Dask's preload hook (``dask worker --preload pipeline.worker``): fork this Dask worker's extraction process
    when it starts, so the first batch finds it warm."""
    WORKERS.start(1)
    if worker is not None:
        logging.getLogger("distributed.worker").addFilter(ClosingHeartbeatFilter(worker))


class ClosingHeartbeatFilter(logging.Filter):
    """Drops the heartbeat error a Dask worker logs while it closes: a heartbeat in flight when the worker closes its
    own connection pool fails with "ConnectionPool closing" and is logged as an ERROR with a traceback, at the end of
    a run that went well. The same failure in a running worker (a lost scheduler) still reaches the log."""

    HEARTBEAT_FAILED = "Failed to communicate with scheduler during heartbeat."
    CLOSING = frozenset({"closing", "closing_gracefully", "closed"})

    def __init__(self, worker: object) -> None:
        super().__init__()
        self._worker = worker

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(getattr(self._worker, "status", None), "value", None)
        return not (record.msg == self.HEARTBEAT_FAILED and status in self.CLOSING)
