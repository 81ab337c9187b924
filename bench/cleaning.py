"""The shared cleaning benchmark in one run: newsclaims beside trafilatura on the same raw pages, and the CPU ratio.

``python -m bench.cleaning [--bench ../shared/bench/cleaning] [--passes 1]`` (from the repository root, with
``pip install -e ".[bench]"``). It runs ``newsclaims run`` on the benchmark's pages into a temporary folder, then
the benchmark's own scorer with ``--trafilatura``: German snippet F1, Chinese body F1, dates, zero-score pages, and
the CPU of the cleaning step against ``trafilatura.extract`` interleaved page by page in one process.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "cleaning"
# Issue 11's targets, printed beside the figures.
TARGETS = {"German snippet F1": "≥ 0.95", "Chinese body F1 (cwced)": "≥ 0.88", "date correct": "≥ 92 % (zh ≥ 85 %)",
           "zero-score pages": "≤ 4", "CPU per page": "< trafilatura's"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the cleaning benchmark folder")
    parser.add_argument("--passes", type=int, default=1, help="timed passes of the in-process comparison")
    args = parser.parse_args(argv)
    pages, scorer = args.bench / "pages", args.bench / "score_cleaning.py"
    if not pages.is_dir() or not scorer.is_file():
        print(f"bench.cleaning: no benchmark at {args.bench} (pages/ and score_cleaning.py expected)", file=sys.stderr)
        return 2
    cli = Path(sys.executable).with_name("newsclaims")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="newsclaims-cleaning-") as tmp:
        out = Path(tmp) / "out"
        subprocess.run([str(cli), "run", str(pages), "--out", str(out), "--quiet"], check=True, env=env)
        print("targets: " + "; ".join(f"{k} {v}" for k, v in TARGETS.items()), flush=True)
        result = subprocess.run([sys.executable, str(scorer), str(out / "documents.jsonl"), "--trafilatura",
                                 "--passes", str(args.passes)], env=env, cwd=ROOT)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
