"""The Dask task runner (local cluster, 2 worker processes) writes the same claims as the default runner."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.settings import Settings
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow
pytest.importorskip("prefect_dask")


def test_dask_runner_gives_the_same_claims_bytes(prefect_harness, tmp_path: Path):
    from pipeline.runner import run

    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    # batch_size 2: three batches, so work really is spread over the two Dask workers
    default = run(Settings(input_dir=corpus, out_dir=tmp_path / "default", batch_size=2))
    dask = run(Settings(input_dir=corpus, out_dir=tmp_path / "dask", batch_size=2, runner="dask"))
    assert default["processed"] == dask["processed"] == 5 and dask["errors"] == 0
    for name in ("claims.jsonl", "documents.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "default" / name).read_bytes(), name


def test_a_quiet_dask_run_prints_nothing(tmp_path: Path):
    from tests.test_cli import newsclaims

    done = newsclaims("run", str(SEEDS), "--out", str(tmp_path / "out"), "--runner", "dask", "--quiet")
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")  # no Dask scheduler/worker log lines
    assert (tmp_path / "out" / "claims.jsonl").read_bytes()


@pytest.mark.parametrize(("status", "shown"), [("closing", False), ("closed", False), ("running", True)])
def test_a_heartbeat_error_is_dropped_only_while_the_worker_closes(status: str, shown: bool):
    import logging
    from types import SimpleNamespace

    from distributed.core import Status

    from pipeline.worker import ClosingHeartbeatFilter

    heartbeat = ClosingHeartbeatFilter(SimpleNamespace(status=Status(status)))
    failed = logging.LogRecord("distributed.worker", logging.ERROR, __file__, 1,
                               ClosingHeartbeatFilter.HEARTBEAT_FAILED, None, None)
    other = logging.LogRecord("distributed.worker", logging.ERROR, __file__, 1, "Unexpected exception", None, None)
    assert heartbeat.filter(failed) is shown
    assert heartbeat.filter(other) is True
