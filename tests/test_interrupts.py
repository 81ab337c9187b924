"""Ctrl-C, SIGTERM and kill -9 of a real CLI process: quick exit, one line, outputs unchanged, no process left.

Each case starts ``newsclaims`` in its own process group (as a terminal does) and signals it mid-run: SIGINT to
the whole group (Ctrl-C), SIGTERM to the main process only, SIGKILL to the main process only (after which the
watchdog must take Prefect's server down), and SIGINT to ``serve`` while a scheduled run is in progress.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import ROOT
from tests.test_atomic import OUTPUTS, make_corpus, run_to_end, snapshot

pytestmark = pytest.mark.slow
MESSAGE = "newsclaims: interrupted; outputs unchanged"
# The plain progress lines a run prints on a non-terminal stderr (pipeline.progress): "processing 40/600 articles".
PROCESSING = "newsclaims: processing"
PROGRESS = re.compile(r"^newsclaims: (?:loading|starting Prefect|starting the flow|reading|processing|writing)\b")
EXIT_BOUND_S = 5.0


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path_factory.mktemp("prefect-home")), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PYTHONPATH=str(ROOT))
    return env


@pytest.fixture(scope="module")
def done(tmp_path_factory, env) -> tuple[Path, Path, dict[str, bytes]]:
    """A corpus and the complete outputs of a first run on it (the outputs an interrupt must leave alone)."""
    corpus, out = tmp_path_factory.mktemp("in"), tmp_path_factory.mktemp("x") / "out"
    make_corpus(corpus, edit=0)
    run_to_end([str(corpus), "--out", str(out)], env)
    return corpus, out, snapshot(out)


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_line(stream, needle: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if needle in line:
            return
        if not line and proc.poll() is not None:
            pytest.fail(f"the CLI ended before printing {needle!r}")
    pytest.fail(f"no {needle!r} within {timeout} s")


def _wait_for_output(out: Path, proc: subprocess.Popen, timeout: float = 180) -> None:
    """Wait until a run has published outputs in ``out`` (serve prints no per-run progress), then a second more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (out / "current").is_symlink():
            time.sleep(1)
            return
        if proc.poll() is not None:
            pytest.fail("serve ended before its first run published outputs")
        time.sleep(0.2)
    pytest.fail(f"no outputs within {timeout} s")


def _all_gone(processes: list[psutil.Process], within: float) -> list[psutil.Process]:
    """The processes still alive after ``within`` seconds."""
    _, alive = psutil.wait_procs(processes, timeout=within)
    return [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def _signal_and_check(proc: subprocess.Popen, sig: int, to_group: bool) -> tuple[int, str, float]:
    family = psutil.Process(proc.pid).children(recursive=True)
    assert family, "the CLI has no Prefect server or worker to stop"
    sent = time.monotonic()
    os.killpg(proc.pid, sig) if to_group else os.kill(proc.pid, sig)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    took = time.monotonic() - sent
    left = _all_gone(family, within=EXIT_BOUND_S)
    for p in left:
        p.kill()
    assert not left, f"left running: {[' '.join(p.cmdline()[:4]) for p in left]}"
    return proc.returncode, err, took


@pytest.mark.parametrize("sig, to_group, code", [
    pytest.param(signal.SIGINT, True, 130, id="ctrl-c-to-group"),
    pytest.param(signal.SIGTERM, False, 143, id="sigterm-to-cli"),
])
def test_run_interrupted_mid_run_exits_quickly_with_one_line(done, env, sig, to_group, code):
    corpus, out, before = done
    proc = _start(["run", str(corpus), "--out", str(out), "--full", "--batch-size", "10"], env)
    _wait_for_line(proc.stderr, PROCESSING, proc)
    returncode, err, took = _signal_and_check(proc, sig, to_group)
    assert returncode == code, err
    assert took < EXIT_BOUND_S
    rest = [line for line in err.splitlines() if not PROGRESS.match(line)]
    assert rest == [MESSAGE], err  # no traceback, no Prefect crash report
    assert snapshot(out) == before


@pytest.mark.parametrize("sig, to_group, code", [
    pytest.param(signal.SIGINT, True, 130, id="ctrl-c-to-group"),
    pytest.param(signal.SIGTERM, False, 143, id="sigterm-to-cli"),
    pytest.param(signal.SIGKILL, False, -signal.SIGKILL, id="kill-9-of-cli"),
])
def test_interrupt_while_the_temporary_server_starts_leaves_no_server(done, env, tmp_path, sig, to_group, code):
    """The temporary server starts beside the CLI's imports: stopped then, nothing of it may be left running."""
    corpus, _, _ = done
    proc = _start(["run", str(corpus), "--out", str(tmp_path / "out")], env)
    deadline = time.monotonic() + 60
    while not _server_children(proc.pid):  # the server process exists, and has not answered yet
        assert proc.poll() is None and time.monotonic() < deadline, "no temporary server was started"
        time.sleep(0.02)
    returncode, err, took = _signal_and_check(proc, sig, to_group)
    assert returncode == code, err
    assert took < EXIT_BOUND_S
    if sig != signal.SIGKILL:
        assert [line for line in err.splitlines() if not PROGRESS.match(line)] == [MESSAGE], err
    assert not (tmp_path / "out" / "claims.jsonl").exists()


def _server_children(pid: int) -> list[psutil.Process]:
    """Prefect's server processes among the descendants of ``pid``."""
    try:
        return [p for p in psutil.Process(pid).children(recursive=True)
                if "prefect.server.api.server:create_app" in " ".join(p.cmdline())]
    except psutil.Error:
        return []


def test_kill_9_of_the_cli_leaves_no_server_behind(done, env, tmp_path):
    corpus, _, _ = done
    proc = _start(["run", str(corpus), "--out", str(tmp_path / "out"), "--batch-size", "10"], env)
    _wait_for_line(proc.stderr, PROCESSING, proc)
    returncode, _, _ = _signal_and_check(proc, signal.SIGKILL, to_group=False)
    assert returncode == -signal.SIGKILL
    assert not (tmp_path / "out" / "claims.jsonl").exists()


def test_serve_interrupted_during_a_scheduled_run(done, env, tmp_path):
    corpus, _, _ = done
    out = tmp_path / "out"
    proc = _start(["serve", str(corpus), "--out", str(out), "--interval", "1", "--batch-size", "10"], env)
    try:
        _wait_for_output(out, proc)  # the first scheduled run is done; with a 1 s interval the next is under way
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    # Issue 21 (12): Prefect's own temporary server shared the terminal's process group, and Ctrl-C made it print a
    # sqlalchemy pool traceback; the CLI's server runs in a session of its own, logging to a file.
    servers = _server_children(proc.pid)
    assert servers and all(os.getpgid(p.pid) != proc.pid for p in servers)
    returncode, err, took = _signal_and_check(proc, signal.SIGINT, to_group=True)
    assert returncode == 130, err
    assert took < EXIT_BOUND_S
    assert [line for line in err.splitlines() if not PROGRESS.match(line)] == [MESSAGE], err
    for path in out.iterdir() if out.exists() else ():
        assert path.name in (*OUTPUTS, "current", ".generations", ".lock") or path.name.endswith(".tmp"), path
