"""Start-up: the wall time of ``newsclaims run`` on five articles (the seeds): unchanged, with Prefect's temporary
server and with a running ``prefect server start``; and the first run after install.

``python -m bench.startup [--repeats 3] [--baseline DIR]`` (from the repository root). The seeds are run once to
make the outputs, then re-run ``--repeats`` times in each mode, the modes interleaved (the shared machine's speed
drifts): the re-runs find all five articles unchanged, so what is measured is the start (imports, Prefect's server,
the flow run) and the end. The running server is started by this bench on 127.0.0.1 with its own PREFECT_HOME;
PREFECT_API_URL points the runs at it. "first run after install" is what a user waits for right after
``pip install -e .``: a PREFECT_HOME with no database yet (Prefect creates it: all its migrations), an output folder
with no outputs (the five articles are processed), and the package's modules not yet compiled (each such run uses a
fresh copy of the checkout's packages, without ``__pycache__``; the installed libraries are compiled, as pip leaves
them). ``--baseline DIR`` runs another checkout too (its own ``.venv``), interleaved, for a before/after
comparison. Prints the load average, then per mode the median wall time (the process's, start to exit), its range,
and the median of each phase of run.json. Issue 23's targets, at low load: ≤ 5 s with the temporary server,
≤ 2.5 s with a running one, ≤ 10 s for the first run after install.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SERVER_START_TIMEOUT_S = 120


def _env(home: Path, api_url: str | None) -> dict[str, str]:
    # Compiled modules are written as a user's runs write them (a session may have PYTHONDONTWRITEBYTECODE set).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def free_port() -> int:
    """A port of 127.0.0.1 no process listens on now, for a server this bench starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(home: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``prefect server start`` on a free port of 127.0.0.1 (its own session, to stop it with its children)."""
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port",
                                 str(port)], env=_env(home, None), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server start exited with status {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"prefect server start did not answer within {SERVER_START_TIMEOUT_S} s; see {log}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server this bench started, and the processes it started (its session)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass  # already gone


# The checkout's own packages, copied without their compiled files for a first run after install.
PACKAGES = ("pipeline", "extractors", "normalizers", "reports")
TEMPORARY, RUNNING, FIRST = "temporary server", "running server", "first run after install"


def fresh_copy(checkout: Path, into: Path) -> Path:
    """The checkout's packages copied to ``into`` without ``__pycache__``: run from there (the working folder comes
    first on sys.path), Python compiles every module of the package again, as after an install."""
    for name in PACKAGES:
        if (checkout / name).is_dir():
            shutil.copytree(checkout / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    return into


def run_once(checkout: Path, out: Path, home: Path, api_url: str | None,
             cwd: Path | None = None) -> tuple[float, dict[str, float]]:
    """Wall seconds of one ``newsclaims run seeds --out OUT --quiet`` of ``checkout`` (from ``cwd``, by default the
    checkout), and its run.json phases."""
    python = checkout / ".venv" / "bin" / "python"
    cmd = [str(python if python.exists() else sys.executable), "-m", "pipeline.cli", "run", str(SEEDS), "--out",
           str(out), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd or checkout, env=_env(home, api_url), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} (in {checkout}) failed with status {done.returncode}:\n"
                           f"{done.stderr[-3000:]}")
    return seconds, json.loads((out / "run.json").read_text(encoding="utf-8")).get("phases", {})


def first_run(checkout: Path, work: Path) -> tuple[float, dict[str, float]]:
    """One first run after install of ``checkout``: new PREFECT_HOME, new output folder, uncompiled package."""
    fresh = Path(tempfile.mkdtemp(prefix="first-", dir=work))
    try:
        return run_once(checkout, fresh / "out", fresh / "home", None, cwd=fresh_copy(checkout, fresh / "src"))
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="measured re-runs per mode (median reported)")
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to compare, interleaved")
    args = parser.parse_args()
    checkouts = {"this": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="newsclaims-startup-") as tmp:
        work = Path(tmp)
        server, api_url = start_server(work / "server-home", work / "server.log")
        try:
            modes = {(name, mode): (path, work / f"out-{name}-{mode}", work / f"home-{name}-{mode}",
                                    api_url if mode == RUNNING else None)
                     for name, path in checkouts.items() for mode in (TEMPORARY, RUNNING, FIRST)}
            for (_, mode), (path, out, home, url) in modes.items():  # first runs: outputs, databases, .pyc files
                if mode != FIRST:
                    run_once(path, out, home, url)
            results: dict[tuple[str, str], list[tuple[float, dict[str, float]]]] = {key: [] for key in modes}
            for _ in range(args.repeats):
                for (name, mode), (path, out, home, url) in modes.items():
                    once = first_run(path, work) if mode == FIRST else run_once(path, out, home, url)
                    results[name, mode].append(once)
        finally:
            stop_server(server)
    load_after = os.getloadavg()
    print(f"newsclaims start-up bench: five articles (seeds), median of {args.repeats}, modes interleaved; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (1 min), {load_after[2]:.1f} (15 min)")
    for (name, mode), runs in results.items():
        walls = sorted(seconds for seconds, _ in runs)
        phases = {phase: statistics.median(p.get(phase, 0.0) for _, p in runs) for phase in runs[-1][1]}
        label = f"{name}, {mode}" if args.baseline else mode
        print(f"  {label:<34} {statistics.median(walls):5.2f} s wall ({walls[0]:.2f}-{walls[-1]:.2f})   "
              + "  ".join(f"{phase} {seconds:.2f}" for phase, seconds in phases.items()), flush=True)


if __name__ == "__main__":
    main()
