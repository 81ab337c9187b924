"""Dask runner against a real cluster: a ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1.

``python -m bench.dask_cluster [--n 10000] [--workdir DIR]`` (from the repository root). Runs the synthetic folder
with the default runner, then with ``--runner dask --dask-address`` against one and against two single-threaded workers
started here, alternating the runners over ``--rounds`` rounds (the machine's speed drifts between minutes); prints
each run's wall time and throughput, the ratio to the default runner, and whether claims.jsonl and documents.jsonl
are the same bytes. Issue 15's target: two Dask workers ≥ 0.9× the default runner's throughput at 10,000 articles.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from bench.run import _env, flow_run  # noqa: E402
from bench.startup import free_port  # noqa: E402

OUTPUTS = ("claims.jsonl", "documents.jsonl", "errors.jsonl")
WORKERS_READY_S = 120


@contextlib.contextmanager
def cluster(workers: int, home: Path, logs: Path) -> Iterator[str]:
    """A scheduler and ``workers`` worker processes (one thread each) on 127.0.0.1; yields the scheduler's address."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    # Workers fork their long-lived extraction process (pipeline.worker): daemonic processes may not have children.
    env = {**_env(home), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    dask_cli = str(Path(sys.executable).with_name("dask"))
    logs.mkdir(parents=True, exist_ok=True)
    procs = [subprocess.Popen([dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, stdout=subprocess.DEVNULL, stderr=(logs / "scheduler.log").open("wb"))]
    try:
        for i in range(workers):
            procs.append(subprocess.Popen(
                [dask_cli, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--name", f"bench-{i}", "--preload", "pipeline.worker"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(logs / f"worker-{i}.log").open("wb")))
        with Client(address, timeout=WORKERS_READY_S) as client:
            client.wait_for_workers(workers, timeout=WORKERS_READY_S)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the synthetic folder")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of every runner")
    parser.add_argument("--workdir", type=Path, default=None, help="where to put the corpus (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclaims-dask-") as tmp:
        work = args.workdir or Path(tmp)
        corpus, home = work / "corpus", work / "prefect-home"
        if not corpus.is_dir() or sum(1 for _ in corpus.iterdir()) != args.n:
            generate(corpus, args.n)
        print(f"newsclaims Dask bench: {args.n:,} synthetic articles, {os.cpu_count()} cores, "
              f"{args.rounds} alternating rounds", flush=True)
        flow_run(corpus, work / "out-warm", home, ["--quiet"])  # Prefect's database created outside the figures
        walls: dict[str, list[float]] = {}
        outputs: dict[str, Path] = {}
        for round_ in range(args.rounds):
            for label, workers in (("default runner", 0), ("Dask, 1 worker", 1), ("Dask, 2 workers", 2)):
                out = work / f"out-{workers}"
                if workers:
                    with cluster(workers, home, work / "logs") as address:
                        seconds, _, _ = flow_run(corpus, out, home,
                                                 ["--quiet", "--runner", "dask", "--dask-address", address])
                else:
                    seconds, _, _ = flow_run(corpus, out, home, ["--quiet"])
                walls.setdefault(label, []).append(seconds)
                outputs[label] = out
                print(f"  round {round_ + 1}: {label:<16} {seconds:6.1f} s wall  {args.n / seconds:6.0f} articles/s",
                      flush=True)
        base = statistics.median(walls["default runner"])
        for label, seconds in walls.items():
            wall = statistics.median(seconds)
            same = all((outputs[label] / name).read_bytes() == (outputs["default runner"] / name).read_bytes()
                       for name in OUTPUTS)
            print(f"  {label:<16} median {wall:6.1f} s  {args.n / wall:6.0f} articles/s  "
                  f"{base / wall:4.2f}× the default runner  outputs {'identical' if same else 'DIFFER'}", flush=True)


if __name__ == "__main__":
    main()
