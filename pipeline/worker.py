"""Run the per-document core under a time bound, so one pathological file never stalls a run."""
from __future__ import annotations

import math
import multiprocessing as mp
import os
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


_WARM_UP = threading.Lock()


def _child(items: list[Item], conn: Connection, parent_end: Connection) -> None:
    parent_end.close()  # else this process holds the pipe's reader: with the parent gone, a send would block forever
    try:
        for item in items:
            conn.send(process_one(*item))
    finally:
        conn.close()
        os._exit(0)  # skip the parent's atexit handlers (Prefect's) in this forked copy


# (source path, bytes, doc_id); without a doc_id the file's stem is used
Item = tuple[str, bytes | None] | tuple[str, bytes | None, str | None]


def process_batch_items(items: list[Item], timeout_s: float) -> list[FileOutcome]:
    """Process ``items`` in a forked worker; a document over ``timeout_s`` seconds is stopped and reported."""
    if timeout_s <= 0 or not hasattr(os, "fork"):
        return [process_one(*item) for item in items]
    with _WARM_UP:  # batches start in several threads: fork only once everything is built
        warm_up()  # load patterns and the spaCy pipeline once, before forking, so children share them
    ctx = mp.get_context("fork")
    results: list[FileOutcome] = []
    i = 0
    while i < len(items):
        receiver, sender = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(items[i:], sender, receiver), daemon=True)
        proc.start()
        sender.close()
        while i < len(items):
            rel_path = items[i][0]
            if not receiver.poll(timeout_s):
                proc.kill()
                results.append(FileOutcome(rel_path, error=f"processing took longer than {timeout_s:g} s; stopped",
                                           stage="timeout"))
                i += 1
                break
            try:
                results.append(receiver.recv())
            except (EOFError, OSError):
                results.append(FileOutcome(rel_path, error="worker process died while processing this file",
                                           stage="extract"))
                i += 1
                break
            i += 1
        proc.join(timeout=5)
        receiver.close()
    return results
