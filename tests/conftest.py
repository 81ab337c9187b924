"""Shared fixtures: the seed folder, processed seeds, and one Prefect test harness per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractors.article import ArticleResult, process_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).with_name("gold") / "seeds.jsonl"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def seed_results() -> dict[str, ArticleResult]:
    """Every seed article through the pure per-document core, by doc_id."""
    return {p.stem: process_document(p.read_bytes(), p.name) for p in sorted(SEEDS.iterdir()) if p.is_file()}


@pytest.fixture(scope="session")
def prefect_harness():
    """One ephemeral Prefect API for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def schema_errors(path: Path, name: str) -> list[str]:
    """Every way the lines of output file ``path`` break the shipped schema ``name`` (claims, documents, errors)."""
    import json

    import jsonschema

    from pipeline.contract import load_schema

    validator = jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())
    return [f"{path.name}:{n}: {'/'.join(map(str, e.path))}: {e.message[:200]}"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for e in validator.iter_errors(json.loads(line))]
