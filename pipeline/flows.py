"""The newsclaims Prefect flow: discover → read → process (clean, detect, extract, normalise) → write."""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
import stat
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

# NO_CACHE: task inputs carry whole articles; hashing them for a cache key would cost more than the work.
# quote(): Prefect would otherwise walk every article and claim in a task's arguments looking for futures.
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed, wait
from prefect.utilities.annotations import quote

from extractors.ids import doc_ids
from pipeline import incremental, progress, store
from pipeline.settings import Settings
from pipeline.store import ArticleLines

MIN_BATCH, MAX_BATCH, BATCHES_PER_CORE = 20, 500, 4
# An escaped backslash or byte in the display name of a non-UTF-8 file name.
BYTE_ESCAPE = re.compile(rb"\\(\\|x[0-9a-f]{2})")


@dataclass(frozen=True)
class SourceFile:
    """One article file found in the input folder: path relative to it, bytes or the reason they are missing."""

    rel_path: str
    data: bytes | None = None
    sha256: str | None = None
    error: str | None = None
    doc_id: str | None = None


@dataclass
class RunSummary:
    """What a run did, for the printed table and run.json."""

    found: int = 0
    processed: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: int = 0
    claims: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    seconds: float = 0.0
    repaired: str | None = None  # what was wrong with the previous outputs and what the run did about it
    # Reading and processing overlap (batches are processed while the next are read): each measured on its own.
    read_seconds: float = 0.0  # reading and hashing the files
    batch_seconds: float = 0.0  # from the first batch submitted to the last one done

    def as_dict(self) -> dict[str, Any]:
        return {"found": self.found, "processed": self.processed, "unchanged": self.unchanged, "removed": self.removed,
                "errors": self.errors, "documents": self.documents, "claims": dict(sorted(self.claims.items())),
                "seconds": round(self.seconds, 3), "repaired": self.repaired,
                "read_seconds": round(self.read_seconds, 3), "batch_seconds": round(self.batch_seconds, 3)}


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve(strict=True).relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


@task(retries=2, retry_delay_seconds=[1, 4], cache_policy=NO_CACHE, name="discover files")
def discover_files(settings: Settings) -> tuple[list[str], list[dict[str, str]]]:
    """Article paths under the input folder, relative and sorted, and the subfolders that could not be listed.

    Symlinks leading outside are left out (a folder one is reported), and so is the output folder when it lies
    inside the input: a run must not read its own reports back as articles.
    """
    root = settings.input_dir
    if not root.is_dir():
        raise FileNotFoundError(f"input folder {root} does not exist or is not a folder")
    found = []
    unlisted: list[dict[str, str]] = []

    def not_listed(exc: OSError) -> None:
        if not exc.filename or Path(exc.filename) == root:  # nothing to keep apart: fail and leave outputs alone
            raise PermissionError(f"input folder {root} cannot be listed: {exc.strerror or exc}") from exc
        folder = Path(exc.filename).relative_to(root).as_posix()
        unlisted.append({"source_path": _display_name(folder + "/"), "stage": "discover",
                         "reason": f"cannot list this folder: {exc.strerror or exc}; its articles were not read"})

    out_dir = settings.out_dir.resolve()
    for dirpath, dirnames, filenames in os.walk(root, onerror=not_listed, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d).resolve() != out_dir)
        for d in dirnames:
            if (here / d).is_symlink() and not _inside(here / d, root):  # os.walk lists it but never enters it
                unlisted.append({"source_path": _display_name((here / d).relative_to(root).as_posix() + "/"),
                                 "stage": "read",
                                 "reason": "symlink to a folder outside the input folder; not followed"})
        for name in filenames:
            path = Path(dirpath) / name
            if name.startswith(".") or path.suffix.lower() not in settings.suffixes:
                continue
            found.append(path.relative_to(root).as_posix())
    kept, seen = [], set()
    for rel in sorted(found):
        if (name := _display_name(rel)) in seen:  # only a UTF-8 name holding a literal "\\xHH" can do that
            unlisted.append({"source_path": name, "stage": "discover",
                             "reason": "another file's name is written the same way in the outputs; not read"})
        else:
            seen.add(name)
            kept.append(rel)
    return kept, unlisted


@task(retries=2, retry_delay_seconds=[1, 4], cache_policy=NO_CACHE, name="read files")
def read_files(rel_paths: list[str], settings: Settings) -> list[SourceFile]:
    """Bytes and sha256 of each file; a file that cannot be read carries its reason instead."""
    return [_read_one(rel, settings) for rel in rel_paths]


def _display_name(rel: str) -> str:
    """The path as outputs can write it, distinct for distinct names and reversible (``file_name``).

    A name that is not UTF-8 has its undecodable bytes written ``\\xHH``; a backslash of such a name is
    doubled, so a real ``\\xe9`` in a name cannot be taken for an escaped byte. UTF-8 names stay as they are.
    """
    raw = os.fsencode(rel)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def file_name(display: str) -> str:
    """The file system name ``_display_name`` was made from."""
    raw = BYTE_ESCAPE.sub(lambda m: b"\\" if m[1] == b"\\" else bytes([int(m[1][1:], 16)]), os.fsencode(display))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return os.fsdecode(raw)  # escapes only a non-UTF-8 name has: undo them
    return display


def _read_one(rel: str, settings: Settings) -> SourceFile:
    path = settings.input_dir / rel
    name = _display_name(rel)
    try:
        if path.is_symlink() and not _inside(path, settings.input_dir):
            return SourceFile(name, error="symlink points outside the input folder, loops or is broken; not followed")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever; a device never ends
            return SourceFile(name, error="not a regular file; skipped")
        if info.st_size > settings.max_bytes:
            return SourceFile(name, error=f"file is {info.st_size:,} bytes, over the {settings.max_bytes:,}-byte limit")
        # O_NONBLOCK: if the file was swapped for a FIFO since the check, opening it does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return SourceFile(name, error="not a regular file; skipped")
            data = fh.read(settings.max_bytes + 1)  # the file may have grown since it was measured
        if len(data) > settings.max_bytes:
            return SourceFile(name, error=f"file grew over the {settings.max_bytes:,}-byte limit while being read")
    except OSError as exc:
        return SourceFile(name, error=f"cannot read: {exc.strerror or exc}")
    return SourceFile(name, data, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class BatchResult:
    """What a processed batch leaves in the parent: manifest entries and errors; its lines are in spill files."""

    manifest: dict[str, str]  # source path → sha256
    errors: list[dict[str, str]]


@task(cache_policy=NO_CACHE, name="process articles")
def process_articles(files: list[SourceFile], settings: Settings, spill: Path, index: int) -> BatchResult:
    """Clean, detect, extract and normalise a batch (pure work, no retries); write its lines to spill files.

    Only manifest entries and errors go back: a batch's lines never reach the parent, whose memory stays flat.
    """
    # Imported at the first batch: extraction (spaCy, the patterns; ~1 s) is not loaded by a run with nothing to do.
    from pipeline.worker import process_batch_items

    done: list[ArticleLines] = []
    errors: list[dict[str, str]] = []
    for outcome in process_batch_items([(f.rel_path, f.data, f.doc_id) for f in files], settings.doc_timeout_s):
        if outcome.error or outcome.lines is None:
            errors.append({"source_path": outcome.rel_path, "stage": outcome.stage or "extract",
                           "reason": outcome.error or "no document"})
        else:
            done.append(outcome.lines)
    incremental.spill(spill, index, done)
    return BatchResult({a.source_path: a.manifest["sha256"] for a in done}, errors)


@task(retries=2, retry_delay_seconds=[1, 4], cache_policy=NO_CACHE, name="write outputs")
def write_outputs(generation: Path, keep: set[str], previous: incremental.Previous, manifest: incremental.Manifest,
                  errors: list[dict[str, str]], settings: Settings) -> incremental.Merged:
    """Merge the batches' spill files and the unchanged articles' previous lines into the new generation's outputs;
    return what was written (documents, claims of each kind)."""
    try:
        merged = incremental.merge(generation, previous, keep)
        store.write_jsonl(generation / store.ERRORS, sorted(errors, key=lambda e: e["source_path"]))
        store.write_manifest(generation / store.MANIFEST, settings.version, manifest.entries(), merged.digests,
                             merged.counts())
    except BaseException:
        # A full disk: free what this attempt wrote. The spill files stay: a retry merges them again (without them
        # it would publish outputs that lack every changed article, under a manifest that lists them as done).
        for name in store.OUTPUTS:
            (generation / name).unlink(missing_ok=True)
        raise
    incremental.remove_spill(generation)
    return merged


def batch_size_for(files: int, cores: int) -> int:
    """Articles per task: a few batches per core, each between MIN_BATCH and MAX_BATCH articles.

    A Prefect task run costs the parent ~40-90 ms and an article ~3-4 ms of a worker (bench/), so batches of
    hundreds keep Prefect's share small; four or more batches per core keep every core busy to the end.
    """
    return max(MIN_BATCH, min(MAX_BATCH, math.ceil(files / (cores * BATCHES_PER_CORE))))


def _slots() -> int:
    """How many batches the task runner works on at once: its Dask cluster's threads, else this machine's cores."""
    context = FlowRunContext.get()
    if context is None:
        raise RuntimeError("the task runner's slots are asked for outside a flow run")
    runner = context.task_runner
    if hasattr(runner, "client"):  # prefect_dask.DaskTaskRunner
        return max(1, sum(runner.client.nthreads().values()))
    return os.cpu_count() or 1


@flow(name="newsclaims", log_prints=False)
def newsclaims_flow(settings: Settings) -> dict[str, Any]:
    """Turn the articles of ``settings.input_dir`` into claims in ``settings.out_dir`` (one run at a time there)."""
    with store.output_lock(settings.out_dir):
        try:
            return _newsclaims(settings)
        except BaseException:
            store.remove_leftovers(settings.out_dir)  # now: on a full disk, the failed run's spill files hold the space
            raise


def _newsclaims(settings: Settings) -> dict[str, Any]:
    """The run itself, under the output folder's lock."""
    logger = get_run_logger()
    started = time.perf_counter()
    summary = RunSummary()
    store.remove_leftovers(settings.out_dir)  # of a run that crashed or was killed
    rel_paths, errors = discover_files(settings)
    summary.found = len(rel_paths)
    manifest = incremental.Manifest(doc_ids([_display_name(rel) for rel in rel_paths]))
    previous = incremental.previous_files(settings.out_dir, settings.version, settings.full)
    if previous.damage:
        logger.info("the previous outputs in %s cannot all be trusted: %s", settings.out_dir, previous.damage)
    summary.repaired = previous.damage
    old_files = previous.files
    # A folder that cannot be listed now keeps its articles' earlier claims rather than losing them.
    unlisted = tuple(e["source_path"] for e in errors if e["stage"] == "discover" and e["source_path"].endswith("/"))
    keep = {rel for rel in old_files if unlisted and rel.startswith(unlisted)}  # previous lines carried over
    for rel in keep:
        manifest.carry(rel, old_files[rel])
    generation = store.new_generation(settings.out_dir)
    spill = incremental.spill_dir(generation)
    slots = _slots()
    size = settings.batch_size or batch_size_for(len(rel_paths), slots)
    in_flight = slots + 1  # one batch read ahead of the workers, no more: input bytes stay bounded
    pending: list[PrefectFuture[BatchResult]] = []
    submitted = done = 0
    first_submitted: float | None = None

    def collect() -> None:
        nonlocal done
        # Whichever batch ends first: waiting for the oldest would leave a worker idle while a later one is done.
        finished = next(as_completed(pending))
        pending.remove(finished)  # dropping the future lets the batch go
        result = finished.result()
        manifest.update(result.manifest)
        errors.extend(result.errors)
        done += len(result.manifest) + len(result.errors)
        summary.batch_seconds = time.perf_counter() - (first_submitted or time.perf_counter())
        logger.info("processed %d changed articles", done)

    try:
        progress.phase("reading", len(rel_paths))
        for index, start in enumerate(range(0, len(rel_paths), size)):
            reading = time.perf_counter()
            files = [replace(f, doc_id=manifest.doc_id(f.rel_path))
                     for f in read_files(rel_paths[start : start + size], settings)]
            summary.read_seconds += time.perf_counter() - reading
            progress.advance(len(files))
            todo = []
            for f in files:
                if f.error:
                    errors.append({"source_path": f.rel_path, "stage": "read", "reason": f.error})
                elif (prev := old_files.get(f.rel_path)) and prev.get("sha256") == f.sha256 \
                        and prev.get("doc_id") == f.doc_id:
                    keep.add(f.rel_path)
                    manifest.add(f.rel_path, prev["sha256"])  # the file's own: unchanged
                else:
                    todo.append(f)
            del files  # unchanged articles' bytes go now
            if todo:
                first_submitted = first_submitted or time.perf_counter()
                pending.append(process_articles.submit(todo, settings, spill, index))
                submitted += len(todo)
            while len(pending) >= in_flight:
                collect()
        summary.unchanged = len(keep)
        progress.phase("processing", submitted)
        progress.advance(done)
        while pending:
            before = done
            collect()
            progress.advance(done - before)
    except BaseException:
        wait(pending)  # the batches still running write into the generation the failed flow removes
        raise
    summary.processed = done
    summary.removed = len(set(old_files) - {_display_name(r) for r in rel_paths} - keep)
    progress.phase("writing")
    # Prefect passes a quote()d argument on unwrapped (its documented use); Task.__call__'s typing, with the
    # task's own parameter types, does not know quote.
    written = write_outputs(generation, quote(keep), quote(previous), quote(manifest),  # type: ignore[call-overload]
                            quote(errors), settings)
    summary.errors, summary.documents, summary.claims = len(errors), written.documents, written.claims
    summary.seconds = time.perf_counter() - started
    publish_outputs(settings, summary, generation)
    return summary.as_dict()


@task(retries=2, retry_delay_seconds=[1, 4], cache_policy=NO_CACHE, name="publish outputs")
def publish_outputs(settings: Settings, summary: RunSummary, generation: Path) -> None:
    """Run metadata (times, folders, version) in run.json beside the outputs, then switch to the new set at once."""
    record = {"finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "input_dir": str(settings.input_dir.resolve()), "out_dir": str(settings.out_dir.resolve()),
              "version": settings.version, "runner": settings.runner, **summary.as_dict()}
    store.write_json(generation / store.RUN, record)
    store.publish(settings.out_dir, generation)
