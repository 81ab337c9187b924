"""``newsclaims serve``: runs on its interval, stops after --max-runs and on SIGTERM, within bounded time."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.schedule import settings_from_parameters, settings_to_parameters
from pipeline.settings import Settings
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
NEWSCLAIMS = [sys.executable, "-m", "pipeline.cli"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PYTHONPATH=str(ROOT))
    return env


def test_settings_round_trip_as_json_parameters():
    settings = Settings(input_dir=Path("/a/b"), out_dir=Path("c"), runner="dask", dask_address="tcp://x:1")
    params = settings_to_parameters(settings)
    assert json.loads(json.dumps(params)) == params
    assert settings_from_parameters(params) == settings


def test_serve_runs_on_schedule_and_stops_after_max_runs(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    cmd = [*NEWSCLAIMS, "serve", str(corpus), "--out", str(out), "--interval", "2", "--max-runs", "2"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        output, _ = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
        pytest.fail(f"serve did not stop after 2 runs within 240 s:\n{output}")
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, output
    runs = [line for line in output.splitlines() if line.startswith("newsclaims serve: run ")]
    assert len(runs) == 2 and all(line.split()[4] == "completed" for line in runs), output
    assert "stopped after 2 run(s)" in output
    claims = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert claims and all(json.loads(line)["doc_id"] for line in claims)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"].keys() == {
        p.name for p in SEEDS.iterdir()}
    assert elapsed < 240


def test_serve_stops_on_sigterm_with_one_line(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    cmd = [*NEWSCLAIMS, "serve", str(corpus), "--out", str(tmp_path / "out"), "--cron", "0 0 1 1 *"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        deadline = time.monotonic() + 180
        line = ""
        while "Ctrl-C to stop" not in line:  # serving
            line = proc.stdout.readline()
            assert line or proc.poll() is None, "serve exited before serving"
            assert time.monotonic() < deadline, "serve did not start within 180 s"
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    assert proc.returncode == 128 + signal.SIGTERM, output
    assert "newsclaims: interrupted; outputs unchanged" in output and "Traceback" not in output
