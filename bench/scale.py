"""Scale: a full run and an incremental re-run of a large synthetic folder, with wall time and peak memory.

``python -m bench.scale [--n 50000] [--workdir DIR]`` (from the repository root). Prints, for the full run and for
the re-run with nothing changed: wall seconds (Prefect's start and stop included), the CLI's peak RSS and the peak
PSS of the CLI with all its children (batch workers, Prefect's temporary server). Issue 15's targets: CLI RSS
≤ 400 MiB and tree PSS ≤ 1 GiB at 50,000 and at 100,000 articles, 50,000 in ≤ 120 s on 2 cores, the re-run ≤ 15 s.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from bench.run import _env, _memory  # noqa: E402

MIB = 1024 * 1024


def timed_run(corpus: Path, out: Path, home: Path, *extra: str) -> tuple[float, int, int]:
    """Wall seconds, peak CLI RSS and peak tree PSS (bytes) of one ``newsclaims run``."""
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), "--quiet", *extra]
    peak = [0, 0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, pss = _memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{output.decode(errors='replace')[-3000:]}")
    return seconds, peak[0], peak[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="articles in the synthetic folder")
    parser.add_argument("--workdir", type=Path, default=None, help="where to put the corpus (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclaims-scale-") as tmp:
        work = args.workdir or Path(tmp)
        corpus, out, home = work / "corpus", work / "out", work / "prefect-home"
        if not corpus.is_dir() or sum(1 for _ in corpus.iterdir()) != args.n:
            generate(corpus, args.n)
        print(f"newsclaims scale bench: {args.n:,} synthetic articles, 2 cores", flush=True)
        for label, extra in (("full run", ("--full",)), ("re-run, nothing changed", ())):
            seconds, rss, pss = timed_run(corpus, out, home, *extra)
            print(f"  {label:<26} {seconds:7.1f} s wall   CLI peak RSS {rss / MIB:6.0f} MiB   "
                  f"all processes peak PSS {pss / MIB:6.0f} MiB", flush=True)


if __name__ == "__main__":
    main()
