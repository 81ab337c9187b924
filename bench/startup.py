"""Start-up: the wall time of ``newsclaims run`` on five unchanged articles, with Prefect's temporary server and
with a running ``prefect server start``.

``python -m bench.startup [--repeats 3] [--baseline DIR]`` (from the repository root). The seeds are run once to
make the outputs, then re-run ``--repeats`` times in each mode, the modes interleaved (the shared machine's speed
drifts): the re-runs find all five articles unchanged, so what is measured is the start (imports, Prefect's server,
the flow run) and the end. The running server is started by this bench on 127.0.0.1 with its own PREFECT_HOME;
PREFECT_API_URL points the runs at it. ``--baseline DIR`` runs another checkout too (its own ``.venv``), interleaved,
for a before/after comparison. Prints per mode the median wall time (the process's, start to exit), its range, and
the median of each phase of run.json. Issue 15's targets: ≤ 6 s with the temporary server, ≤ 3 s with a running one.
"""
from __future__ import annotations

import argparse
import json
import os
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
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
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


def run_once(checkout: Path, out: Path, home: Path, api_url: str | None) -> tuple[float, dict[str, float]]:
    """Wall seconds of one ``newsclaims run seeds --out OUT --quiet`` of ``checkout``, and its run.json phases."""
    python = checkout / ".venv" / "bin" / "python"
    cmd = [str(python if python.exists() else sys.executable), "-m", "pipeline.cli", "run", str(SEEDS), "--out",
           str(out), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=checkout, env=_env(home, api_url), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} (in {checkout}) failed with status {done.returncode}:\n{done.stderr[-3000:]}")
    return seconds, json.loads((out / "run.json").read_text(encoding="utf-8")).get("phases", {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="measured re-runs per mode (median reported)")
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to compare, interleaved")
    args = parser.parse_args()
    checkouts = {"this": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    with tempfile.TemporaryDirectory(prefix="newsclaims-startup-") as tmp:
        work = Path(tmp)
        server, api_url = start_server(work / "server-home", work / "server.log")
        try:
            modes = {(name, mode): (path, work / f"out-{name}-{mode}", work / f"home-{name}-{mode}",
                                    api_url if mode == "running server" else None)
                     for name, path in checkouts.items() for mode in ("temporary server", "running server")}
            for key, (path, out, home, url) in modes.items():  # first runs: outputs, databases, .pyc files
                run_once(path, out, home, url)
            results: dict[tuple[str, str], list[tuple[float, dict[str, float]]]] = {key: [] for key in modes}
            for _ in range(args.repeats):
                for key, (path, out, home, url) in modes.items():
                    results[key].append(run_once(path, out, home, url))
        finally:
            stop_server(server)
    print(f"newsclaims start-up bench: five unchanged articles (seeds), median of {args.repeats}, modes interleaved")
    for (name, mode), runs in results.items():
        walls = sorted(seconds for seconds, _ in runs)
        phases = {phase: statistics.median(p.get(phase, 0.0) for _, p in runs) for phase in runs[-1][1]}
        label = f"{name}, {mode}" if args.baseline else mode
        print(f"  {label:<28} {statistics.median(walls):5.2f} s wall ({walls[0]:.2f}-{walls[-1]:.2f})   "
              + "  ".join(f"{phase} {seconds:.2f}" for phase, seconds in phases.items()), flush=True)


if __name__ == "__main__":
    main()
