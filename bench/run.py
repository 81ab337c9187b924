"""Benchmark newsclaims: extraction speed, the whole flow (default and Dask runners), memory, Prefect overhead.

``python -m bench.run [--n 2000] [--skip-dask] [--skip-flow]`` (from the repository root). Prints one table.
Targets: extraction >= 500 articles/s on one core (issue 15); 10,000 articles through the flow < 2 min on 2 cores;
peak memory < 1 GB.
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="ERROR",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", PYTHONPATH=str(ROOT))
    return env


def extraction_rate(paths: list[Path], passes: int = 3) -> tuple[list[float], int]:
    """Articles per second of process_document alone, in this process (one core), for each pass over ``paths``.

    Several passes, because a shared 2-core VM's speed varies by ±20 % from one minute to the next.
    """
    from extractors.article import process_document, warm_up

    warm_up()
    data = [(p.name, p.read_bytes()) for p in paths]
    rates = []
    for _ in range(passes):
        claims = 0
        started = time.perf_counter()
        for name, raw in data:
            claims += len(process_document(raw, name).claims)
        rates.append(len(data) / (time.perf_counter() - started))
    return rates, claims


# The money issue's yardstick: one 10 kB article, extraction warm.
ARTICLE_BYTES = 10 * 1024


def ten_kb_timings(paths: list[Path], repeat: int = 50) -> dict[str, float]:
    """Milliseconds for one 10 kB article: money and hardware extraction on its text, and the whole document."""
    from extractors.article import process_document
    from extractors.hardware import extract_hardware
    from extractors.money import extract_money
    from normalizers.script import to_simplified

    text = ""
    for path in paths:
        doc = process_document(path.read_bytes(), path.name).document
        if doc["language"] == "zh" and doc["script"] == "Hant":
            text += doc["text"] + "\n"
        if len(text.encode()) >= ARTICLE_BYTES:
            break
    text = text.encode()[:ARTICLE_BYTES].decode("utf-8", "ignore")
    matching = to_simplified(text)
    steps = {"money": lambda: extract_money(matching, "zh-Hant"),
             "hardware": lambda: extract_hardware(matching, "zh-Hant"),
             "whole document": lambda: process_document(text.encode(), "ten-kb.txt")}
    out = {}
    for name, step in steps.items():
        step()
        started = time.perf_counter()
        for _ in range(repeat):
            step()
        out[name] = (time.perf_counter() - started) / repeat * 1000
    return out


def trafilatura_rate(paths: list[Path]) -> float | None:
    """Pages per second of ``trafilatura.extract`` (boilerplate removal only) on the HTML pages."""
    try:
        import trafilatura
    except ImportError:
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    data = [p.read_text(encoding="utf-8") for p in paths]
    started = time.perf_counter()
    for text in data:
        trafilatura.extract(text)
    return len(data) / (time.perf_counter() - started)


def _memory(pid: int) -> tuple[int, int]:
    """RSS of the process and PSS of it with all its children (pages forked workers share counted once)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        main = proc.memory_info().rss
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = 0
    for p in procs:
        try:
            total += p.memory_full_info().pss
        except psutil.Error:
            pass
    return main, total


def flow_run(corpus: Path, out: Path, home: Path, extra: list[str],
             full: bool = True) -> tuple[float, tuple[int, int], str]:
    """Wall seconds and peak memory (bytes: the CLI's RSS, the PSS of it and its children) of one ``run [--full]``."""
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), *(["--full"] if full else []),
           *extra]
    peak = (0, 0)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            main, tree = _memory(proc.pid)
            peak = (max(peak[0], main), max(peak[1], tree))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{output.decode(errors='replace')[-3000:]}")
    return seconds, peak, output.decode(errors="replace")


def prefect_task_overhead(n: int, home: Path) -> tuple[float, float]:
    """Seconds per trivial task: called in a flow, and submitted to the default (thread pool) runner."""
    code = f"""
import time
from prefect import flow, task
@task
def noop(i): return i
@flow
def called():
    for i in range({n}): noop(i)
@flow
def submitted():
    return [f.result() for f in [noop.submit(i) for i in range({n})]]
called(); submitted()  # warm up: server, DB, task definitions
t = time.perf_counter(); called(); a = (time.perf_counter() - t) / {n}
t = time.perf_counter(); submitted(); b = (time.perf_counter() - t) / {n}
print(a, b)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(home), capture_output=True, text=True,
                         timeout=600)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    a, b = out.stdout.strip().splitlines()[-1].split()
    return float(a), float(b)


def main() -> None:
    parser = argparse.ArgumentParser(description="newsclaims benchmark")
    parser.add_argument("--n", type=int, default=2000, help="articles in the synthetic corpus (default 2000)")
    parser.add_argument("--tasks", type=int, default=200, help="trivial tasks for the overhead measurement")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-flow", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None, help="where to put the corpus (default: a temp dir)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsclaims-bench-"))
    home = work / "prefect-home"
    rows: list[tuple[str, str]] = []

    def show(key: str, value: str) -> None:
        rows.append((key, value))
        print(f"  {key:<46} {value}", flush=True)

    print(f"newsclaims bench: {args.n} articles, {cores} cores, workdir {work}", flush=True)
    paths = generate(work / "corpus", args.n)
    size = sum(p.stat().st_size for p in paths)
    show("corpus", f"{args.n} articles, {size / 1e6:.1f} MB (zh-Hans/zh-Hant/de × html/md/txt)")

    from pipeline.flows import batch_size_for

    rates, claims = extraction_rate(paths)
    rate = statistics.median(rates)
    show("extraction alone (process_document, 1 core)", f"{rate:,.0f} articles/s median of {len(rates)} passes "
         f"({min(rates):,.0f}-{max(rates):,.0f}; {claims:,} claims; target ≥ 500)")
    ms = ten_kb_timings(paths)
    show("one 10 kB article, warm (money + hardware)", f"{ms['money']:.1f} + {ms['hardware']:.1f} = "
         f"{ms['money'] + ms['hardware']:.1f} ms (target < 5 ms); whole document {ms['whole document']:.1f} ms")
    html = [p for p in paths if p.suffix == ".html"]
    traf = trafilatura_rate(html)
    if traf:
        html_rate = statistics.median(extraction_rate(html)[0])
        show("HTML pages: newsclaims / trafilatura.extract", f"{html_rate:,.0f} / {traf:,.0f} pages/s (1 core; "
             f"ratio {html_rate / traf:.2f}; trafilatura only strips boilerplate)")
    else:
        show("trafilatura.extract alone", "not installed (pip install trafilatura lxml-html-clean)")

    per_call, per_submit = prefect_task_overhead(args.tasks, home)
    per_article = 1.0 / rate
    # A batch should cost at least 20× the task overhead (≤ 5 % overhead); more batches than workers keeps both busy.
    batch = max(1, round(20 * per_submit / per_article))
    show("Prefect overhead per task (called / submitted)", f"{per_call * 1000:.1f} ms / {per_submit * 1000:.1f} ms")
    show("smallest batch with ≤ 5 % task overhead", f"{batch} articles (1 article ≈ {per_article * 1000:.1f} ms); "
         f"the flow picks {batch_size_for(args.n, cores)} for this folder")

    if not args.skip_flow:
        seconds, peak, _ = flow_run(work / "corpus", work / "out-default", home, ["--quiet"])
        show("whole flow, default runner (wall)", f"{seconds:.1f} s = {args.n / seconds:,.0f} articles/s, Prefect's "
             "start and stop included (10,000: run with --n 10000; target < 120 s)")
        show("peak memory, default runner", f"CLI {peak[0] / 2**20:,.0f} MiB RSS; with workers and Prefect's "
             f"server {peak[1] / 2**20:,.0f} MiB PSS (target < 1024 MiB)")
        if not args.skip_dask:
            seconds, peak, _ = flow_run(work / "corpus", work / "out-dask", home, ["--quiet", "--runner", "dask"])
            show("whole flow, Dask runner, 2 workers (wall)", f"{seconds:.1f} s = {args.n / seconds:,.0f} articles/s")
            show("peak memory, Dask runner",
                 f"CLI {peak[0] / 2**20:,.0f} MiB RSS; all processes {peak[1] / 2**20:,.0f} MiB PSS")
            same = ((work / "out-dask" / "claims.jsonl").read_bytes()
                    == (work / "out-default" / "claims.jsonl").read_bytes())
            show("Dask claims.jsonl == default claims.jsonl", "yes" if same else "NO")
    import resource

    show("peak RSS of this process / largest child",
         f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB / "
         f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
