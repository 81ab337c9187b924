"""Scale: a full run and an incremental re-run of a large synthetic folder, with wall time and peak memory.

``python -m bench.scale [--n 50000] [--workdir DIR]`` (from the repository root). Prints, for the full run and for
the re-run with nothing changed: wall seconds (Prefect's start and stop included), the CLI's peak RSS and the peak
PSS of the CLI with all its children (batch workers, Prefect's temporary server). Issue 15's targets: CLI RSS
≤ 400 MiB and tree PSS ≤ 1 GiB at 50,000 and at 100,000 articles, 50,000 in ≤ 120 s on 2 cores, the re-run ≤ 15 s.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from bench.run import flow_run  # noqa: E402

MIB = 1024 * 1024


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
        for label, full in (("full run", True), ("re-run, nothing changed", False)):
            seconds, (rss, pss), _ = flow_run(corpus, out, home, ["--quiet"], full=full)
            print(f"  {label:<26} {seconds:7.1f} s wall   CLI peak RSS {rss / MIB:6.0f} MiB   "
                  f"all processes peak PSS {pss / MIB:6.0f} MiB", flush=True)


if __name__ == "__main__":
    main()
