"""Output files: serialised output lines, atomic streamed writes, the manifest, and reading back earlier results.

A run writes its whole output set into a new generation folder ``OUT/.generations/<id>/`` and then switches
the symlink ``OUT/current`` to it with one rename. ``OUT/claims.jsonl`` and the other outputs are symlinks
into ``current/``, so they always name files of one complete run; a crash before the switch leaves the
previous set in place, and the next run removes the half-written generation.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CLAIMS = "claims.jsonl"
DOCUMENTS = "documents.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
RUN = "run.json"
OUTPUTS = (CLAIMS, DOCUMENTS, ERRORS, MANIFEST, RUN)
GENERATIONS = ".generations"
CURRENT = "current"
LOCK = ".lock"
CANNOT_LOCK = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS})
# Files are read back for their digest in blocks of this size; lines are written and hashed this many at a time.
BLOCK_BYTES = 1 << 20
BLOCK_LINES = 2048
LOG = logging.getLogger(__name__)


# Valid inside a JSON string, but str.splitlines() and JavaScript line readers end a record there.
LINE_BREAKERS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})
LINE_BREAKER = re.compile("[\u2028\u2029\u0085]")


def dumps(record: Any) -> str:
    """Canonical JSON line: UTF-8 text, no ASCII escaping (but of the three line breakers), stable key order."""
    text = json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(", ", ": "), allow_nan=False)
    return text.translate(LINE_BREAKERS) if LINE_BREAKER.search(text) else text


def line(record: Any) -> bytes:
    """``dumps`` as UTF-8 bytes: half the memory of a ``str`` holding CJK text (which takes 2 bytes a character)."""
    return dumps(record).encode("utf-8")


def claim_key(claim: dict[str, Any]) -> tuple[Any, ...]:
    """Where a claim sorts in claims.jsonl."""
    return (claim["doc_id"], claim["start"], claim["kind"], claim["end"], claim["source_path"])


@dataclass(frozen=True)
class ArticleLines:
    """One article's output lines, serialised once (in the worker), with the keys they are sorted by.

    Runs hold lines rather than dicts: a claim dict costs several times its JSON text in memory.
    """

    document: tuple[tuple[str, str], bytes]
    claims: tuple[tuple[tuple[Any, ...], bytes], ...]
    manifest: dict[str, str]

    @property
    def source_path(self) -> str:
        return self.document[0][1]


def article_lines(document: dict[str, Any], claims: list[dict[str, Any]]) -> ArticleLines:
    """An article's document and claims as sorted-key output lines."""
    return ArticleLines(((document["doc_id"], document["source_path"]), line(document)),
                        tuple((claim_key(c), line(c)) for c in claims),
                        {"sha256": document["sha256"], "doc_id": document["doc_id"]})


def write_atomic(path: Path, chunks: bytes | Iterable[bytes]) -> None:
    """Stream to a temporary file beside ``path``, fsync, then rename: a crash leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(chunks, bytes):
                fh.write(chunks)
            else:
                fh.writelines(chunks)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Digest:
    """Size and sha256 of an output file, as manifest.json records them so that a later run can verify the file."""

    size: int
    sha256: str

    def as_dict(self) -> dict[str, Any]:
        return {"bytes": self.size, "sha256": self.sha256}

    @classmethod
    def of(cls, recorded: Any) -> Digest | None:
        """The digest a manifest records, or None if it records none (or not in this form)."""
        try:
            return cls(int(recorded["bytes"]), str(recorded["sha256"]))
        except (KeyError, TypeError, ValueError):
            return None


def write_lines(path: Path, lines: Iterable[bytes]) -> Digest:
    """Write JSON lines (already serialised) atomically, one after the other; return the file's digest."""
    digest = hashlib.sha256()
    size = 0

    def blocks() -> Iterator[bytes]:
        nonlocal size
        it = iter(lines)
        while block := list(itertools.islice(it, BLOCK_LINES)):  # hashed a block at a time: per line costs more
            block.append(b"")
            data = b"\n".join(block)
            digest.update(data)
            size += len(data)
            yield data

    write_atomic(path, blocks())
    return Digest(size, digest.hexdigest())


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` made the same file as ``source`` (a previous generation's, left unchanged): a hard link where the
    file system has them, as outputs are never written in place; else a copy."""
    try:
        os.link(source.resolve(), target)
    except OSError:
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)


def file_digest(path: Path) -> Digest | None:
    """The digest of a file as it is now; None if it cannot be read (missing, a folder, an I/O error)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as fh:
            while block := fh.read(BLOCK_BYTES):
                digest.update(block)
                size += len(block)
    except OSError:
        return None
    return Digest(size, digest.hexdigest())


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Digest:
    return write_lines(path, (line(r) for r in records))


def write_json(path: Path, record: dict[str, Any]) -> None:
    write_atomic(path, line(record) + b"\n")


def write_manifest(path: Path, version: str, files: Iterable[tuple[str, dict[str, str]]],
                   outputs: dict[str, Digest] | None = None, counts: dict[str, int] | None = None) -> None:
    """manifest.json written entry by entry: the bytes ``write_json`` would give, without the whole text in memory.

    ``outputs``: the digest of each output file beside it, which the next run verifies before it trusts them;
    ``counts``: their documents and claims of each kind, for the summary of a run that keeps them as they are.
    """
    recorded = {name: digest.as_dict() for name, digest in (outputs or {}).items()}

    def chunks() -> Iterator[bytes]:
        yield b'{"version": ' + line(version) + b', "outputs": ' + line(recorded) + b', "counts": ' + line(counts or {})
        yield b', "files": {'
        for i, (rel, entry) in enumerate(files):
            yield (b", " if i else b"") + line(rel) + b": " + line(entry)
        yield b"}}\n"

    write_atomic(path, chunks())


class OutputsBusy(RuntimeError):
    """Another run is writing to the same output folder."""


# The output locks this process holds: resolved folder -> (file descriptor, thread that took it).
_HELD_LOCKS: dict[Path, tuple[int, int]] = {}


def _close_held_locks() -> None:
    # A forked worker must not keep its parent's lock alive after the parent's run ends (a flock lives as long as
    # any descriptor of it); closing a copy does not release the parent's lock.
    for fd, _ in _HELD_LOCKS.values():
        os.close(fd)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_locks)


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for one run: a second run on it stops at once instead of removing the first's generation.

    A flock on ``OUT/.lock``: the kernel ends it with its process, so a killed run leaves no stale lock behind.
    Taken again in the thread that holds it (the CLI, then its flow), it is already held.
    """
    import fcntl  # POSIX, like the forked workers

    out_dir.mkdir(parents=True, exist_ok=True)
    key = out_dir.resolve()
    if _HELD_LOCKS.get(key, (None, None))[1] == threading.get_ident():
        yield
        return
    # Never truncate a link's target (O_NOFOLLOW).
    fd = os.open(key / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 256, 0).decode("utf-8", "replace").strip() or "a run"
            raise OutputsBusy(f"{out_dir} is in use by another newsclaims run ({holder}); wait for it to end, or "
                              "write to another folder with --out") from None
        except OSError as exc:
            if exc.errno not in CANNOT_LOCK:
                raise
            # Some FUSE and network file systems cannot lock: run unguarded rather than not at all.
            LOG.warning("%s: its file system cannot lock files (%s); a second run on it at the same time is not "
                        "stopped", out_dir, exc.strerror)
        started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode(), 0)
        _HELD_LOCKS[key] = (fd, threading.get_ident())
        yield
    finally:
        if _HELD_LOCKS.get(key, (None,))[0] == fd:
            del _HELD_LOCKS[key]
        os.close(fd)


def new_generation(out_dir: Path) -> Path:
    """A new, empty generation folder under ``out_dir`` for one run's outputs."""
    folder = out_dir / GENERATIONS
    folder.mkdir(parents=True, exist_ok=True)
    generation = Path(tempfile.mkdtemp(prefix=f"{time.strftime('%Y%m%dT%H%M%S')}-", dir=folder))
    generation.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; outputs are ordinary folders
    return generation


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _symlink_atomic(target: str, link: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(out_dir: Path, generation: Path) -> None:
    """Make ``generation`` the current output set with one atomic rename, then drop older generations."""
    _fsync_dir(generation)
    _symlink_atomic(os.path.relpath(generation, out_dir), out_dir / CURRENT)
    for name in OUTPUTS:  # once per output folder (and when an earlier layout had plain files here)
        link = out_dir / name
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
            _symlink_atomic(f"{CURRENT}/{name}", link)
    _fsync_dir(out_dir)
    remove_leftovers(out_dir)


def remove_leftovers(out_dir: Path) -> None:
    """Remove what an interrupted or crashed run left: generations other than the current one, temp files."""
    current = (out_dir / CURRENT).resolve() if (out_dir / CURRENT).is_symlink() else None
    folder = out_dir / GENERATIONS
    if folder.is_dir():
        for each in folder.iterdir():
            if each.resolve() != current:
                shutil.rmtree(each, ignore_errors=True)
    if out_dir.is_dir():
        for each in out_dir.glob(".*.tmp"):
            each.unlink(missing_ok=True)


def iter_lines(path: Path) -> Iterator[bytes]:
    """The non-empty lines of an earlier run's JSONL file, one at a time; a missing file has none."""
    if not path.is_file():
        return
    with path.open("rb") as fh:
        for each in fh:
            if each.strip():
                yield each.rstrip(b"\n")


def read_manifest(out_dir: Path) -> dict[str, Any]:
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return {}  # a damaged manifest only costs a full re-run
    return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files", {}), dict) else {}


def current_set(out_dir: Path) -> tuple[Path | None, str | None]:
    """The folder of the current output set, or None and why it cannot be trusted.

    ``OUT/current`` links to one of ``OUT/.generations``; an output folder of an earlier layout holds its files
    itself. A ``current`` that leads anywhere else (a foreign folder, a broken link) is no set this program wrote.
    """
    link = out_dir / CURRENT
    if not link.is_symlink():
        if link.exists():
            return None, f"{link} is not a link to one of its runs"
        return (out_dir, None) if (out_dir / MANIFEST).exists() or (out_dir / DOCUMENTS).exists() else (None, None)
    target = link.resolve()
    if target.parent != (out_dir / GENERATIONS).resolve() or not target.is_dir():
        return None, f"{link} points to {os.readlink(link)}, which is not one of its runs"
    return link, None
