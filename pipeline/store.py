"""Output files: atomic JSONL writes, the incremental manifest, and reading back earlier results."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

CLAIMS = "claims.jsonl"
DOCUMENTS = "documents.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
RUN = "run.json"


def dumps(record: dict[str, Any]) -> str:
    """Canonical JSON line: UTF-8 text, no ASCII escaping, stable key order."""
    return json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(", ", ": "), allow_nan=False)


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename: a crash leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write JSON lines (already serialised) atomically."""
    write_atomic(path, "".join(line + "\n" for line in lines))


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    write_lines(path, (dumps(r) for r in records))


def read_lines(path: Path) -> list[str]:
    """The non-empty lines of an earlier run's JSONL file; a missing file has none."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if line.strip()]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of an earlier run's JSONL file; a missing file is empty."""
    return [json.loads(line) for line in read_lines(path)]


def read_manifest(out_dir: Path) -> dict[str, Any]:
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}  # a damaged manifest only costs a full re-run
