"""The shared cleaning benchmark in one run: newsclaims beside trafilatura on the same raw pages, and the CPU ratio.

``python -m bench.cleaning [--bench ../shared/bench/cleaning] [--passes 1]`` (from the repository root, with
``pip install -e ".[bench]"``). It runs ``newsclaims run`` on the benchmark's pages into a temporary folder, then
the benchmark's own scorer with ``--trafilatura``: German snippet F1, Chinese body F1, dates, zero-score pages, and
the CPU of the cleaning step against ``trafilatura.extract`` interleaved page by page in one process; then the
whole per-article core (``process_document``: cleaning, language, claims) against ``trafilatura.extract`` with
metadata, interleaved the same way (issue 15's real-page speed).
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
    newsclaims, trafilatura = whole_pipeline_rates(sorted(pages.glob("*.html")))
    print(f"\nwhole process_document vs trafilatura.extract(with_metadata=True), interleaved page by page, CPU: "
          f"{newsclaims:.1f} vs {trafilatura:.1f} pages/s = {newsclaims / trafilatura:.2f}x (issue 15: >= 2x)")
    return result.returncode


def whole_pipeline_rates(paths: list[Path]) -> tuple[float, float]:
    """Pages per CPU second of the whole per-article core and of trafilatura with metadata, page by page in turn."""
    import time

    import trafilatura

    sys.path.insert(0, str(ROOT))
    from extractors.article import ArticleError, process_document, warm_up

    warm_up()
    ours = theirs = 0.0
    for path in paths:
        raw = path.read_bytes()
        started = time.process_time()
        try:
            process_document(raw, path.name)
        except ArticleError:
            pass  # an unreadable page costs what it costs
        ours += time.process_time() - started
        started = time.process_time()
        trafilatura.extract(raw, with_metadata=True)
        theirs += time.process_time() - started
    return len(paths) / ours, len(paths) / theirs


if __name__ == "__main__":
    sys.exit(main())
