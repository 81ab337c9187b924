"""Check a run's folders before any work: a bad argument costs one line on stderr, not a run and a traceback."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UsageError(ValueError):
    """The folders given cannot be used; the message names the path and the cause."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_folders(input_dir: Path, out_dir: Path) -> None:
    """Raise UsageError unless ``input_dir`` is a readable folder and ``out_dir`` a writable folder outside it."""
    if not input_dir.exists():
        raise UsageError(f"input folder {input_dir} does not exist")
    if not input_dir.is_dir():
        raise UsageError(f"input folder {input_dir} is not a folder")
    if not os.access(input_dir, os.R_OK | os.X_OK):
        raise UsageError(f"input folder {input_dir} cannot be read: permission denied")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"output folder {out_dir} is a file, not a folder")
    if _inside(out_dir.resolve(), input_dir.resolve()):
        raise UsageError(f"output folder {out_dir} is inside the input folder {input_dir}: the next run would read "
                         "its reports as articles; choose an --out outside it")
    _check_writable(out_dir)


def _check_writable(out_dir: Path) -> None:
    """Create the output folder if need be, then write and remove a probe file in it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"output folder {out_dir} cannot be created: {exc.strerror or exc}") from exc
    try:
        fd, probe = tempfile.mkstemp(prefix=".newsclaims-probe.", suffix=".tmp", dir=out_dir)
        try:
            os.write(fd, b"probe\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"output folder {out_dir} is not writable: {exc.strerror or exc}") from exc
