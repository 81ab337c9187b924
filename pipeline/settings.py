"""The one immutable settings object of a run, built at the edge (CLI) and passed down."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PIPELINE_VERSION = "0.1.0"
ROOT = Path(__file__).resolve().parents[1]
# What decides the claims: change any of these files and every article is processed again.
EXTRACTION_SOURCES = ("extractors", "normalizers")
# Files larger than this are skipped with a reason: no news article is 20 MB of text.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A document still being processed after this many seconds of CPU time (per MB of a longer one) is stopped and
# reported (pipeline.worker.cpu_bound).
DEFAULT_DOC_TIMEOUT_S = 20.0
ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The release plus a digest of the extraction code and data, for the incremental manifest."""
    digest = hashlib.sha256()
    for package in EXTRACTION_SOURCES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yaml", ".jsonl", ".json"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{PIPELINE_VERSION}+{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and the limits of one run."""

    input_dir: Path = Path("seeds")
    out_dir: Path = Path("outputs")
    max_bytes: int = DEFAULT_MAX_BYTES
    doc_timeout_s: float = DEFAULT_DOC_TIMEOUT_S
    full: bool = False
    batch_size: int | None = None  # articles per Prefect task; None: sized from the folder (flows.batch_size_for)
    runner: str = "default"
    dask_address: str | None = None
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
    version: str = field(default_factory=pipeline_version)
