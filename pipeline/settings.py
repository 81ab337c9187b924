"""The one immutable settings object of a run, built at the edge (CLI) and passed down."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PIPELINE_VERSION = "0.1.0"
# Files larger than this are skipped with a reason: no news article is 20 MB of text.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A document still being processed after this many seconds is stopped and reported.
DEFAULT_DOC_TIMEOUT_S = 20.0
ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and the limits of one run."""

    input_dir: Path = Path("seeds")
    out_dir: Path = Path("outputs")
    max_bytes: int = DEFAULT_MAX_BYTES
    doc_timeout_s: float = DEFAULT_DOC_TIMEOUT_S
    full: bool = False
    batch_size: int = 50
    runner: str = "default"
    dask_address: str | None = None
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
    version: str = PIPELINE_VERSION
