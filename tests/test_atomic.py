"""kill -9 in the middle of a run: the previous complete outputs stay whole, and a re-run loses nothing."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.article import process_document
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
OUTPUTS = ("claims.jsonl", "documents.jsonl", "errors.jsonl", "manifest.json", "run.json")
COPIES = 60  # 5 seeds x 60 = 300 articles: a few seconds of work


def make_corpus(folder: Path, edit: int) -> None:
    """300 articles from the seeds, each with a small edit (a sentence with a money amount) that depends on ``edit``."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.iterdir()):
        text = seed.read_text(encoding="utf-8")
        german = "Millionen" in text or " der " in text
        for i in range(COPIES):
            amount = i + 1 + (1000 if edit and i % 2 else 0)  # the second corpus changes every other copy
            extra = (f"\nDie Firma zahlte {amount} Millionen Euro.\n" if german
                     else f"\n该公司支付了{amount}亿元人民币。\n")
            (folder / f"{i:03d}_{seed.name}").write_text(text + extra, encoding="utf-8")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING",
               PYTHONPATH=str(ROOT))
    return env


def newsclaims(args: list[str], env: dict[str, str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", *args, "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, **kwargs)


def run_to_end(args: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    proc = newsclaims(args, env)
    try:
        out, _ = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert proc.returncode == 0, out.decode(errors="replace")
    return time.monotonic() - started


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def claims_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]


def test_kill_9_mid_run_keeps_previous_outputs_and_rerun_loses_nothing(tmp_path, env):
    corpus, out = tmp_path / "in", tmp_path / "out"
    make_corpus(corpus, edit=0)
    duration = run_to_end([str(corpus), "--out", str(out), "--batch-size", "10"], env)
    before = original = snapshot(out)
    assert len(before["manifest.json"]) and len(json.loads(before["manifest.json"])["files"]) == 5 * COPIES
    # A fresh process whose first batches start together gives what each article gives on its own.
    assert before["errors.jsonl"] == b""
    assert claims_of(out) == sorted((c for p in sorted(corpus.iterdir())
                                     for c in process_document(p.read_bytes(), p.name).claims),
                                    key=lambda c: (c["doc_id"], c["start"], c["kind"], c["end"]))

    make_corpus(corpus, edit=1)  # half the articles change: the next run has real work to do
    # Two kills at different points of the run, as fractions of a cold run's time (the work happens in its second
    # half).
    for fraction in (0.15, 0.35):
        proc = newsclaims([str(corpus), "--out", str(out)], env)
        time.sleep(duration * fraction)
        still_running = proc.poll() is None
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its Prefect server and its forked workers
        except ProcessLookupError:
            still_running = False
        proc.communicate(timeout=30)
        if not still_running:
            pytest.skip("the run finished before it could be killed (machine too fast for this corpus)")
        # The previous complete outputs are intact (same bytes, valid JSON lines), or, if the kill came after the
        # run's one atomic switch (Prefect takes seconds to exit), the new set is there whole.
        now = snapshot(out)
        if now != before:
            manifest = json.loads(now["manifest.json"])["files"]
            assert len(manifest) == 5 * COPIES and set(manifest) == {
                json.loads(line)["source_path"] for line in now["documents.jsonl"].decode().splitlines()}
            before = now
        for name in ("claims.jsonl", "documents.jsonl", "errors.jsonl"):
            for line in (out / name).read_text(encoding="utf-8").splitlines():
                json.loads(line)
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        # What a kill may leave is hidden (a half-written generation, temp files), never named like an output.
        for path in out.iterdir():
            assert path.name in (*OUTPUTS, "current", ".generations", ".lock") or (
                path.name.startswith(".") and path.name.endswith(".tmp")), path

    run_to_end([str(corpus), "--out", str(out)], env)  # the interrupted run, to completion
    # It removed what the killed runs left: one generation, the current one, and no temp file.
    assert [p.name for p in (out / ".generations").iterdir()] == [(out / "current").resolve().name]
    assert not list(out.glob(".*.tmp"))
    fresh = tmp_path / "fresh"
    run_to_end([str(corpus), "--out", str(fresh)], env)  # an uninterrupted run on the same corpus
    after, expected = claims_of(out), claims_of(fresh)
    assert after == expected  # nothing lost, nothing duplicated
    assert len({json.dumps(c, sort_keys=True) for c in after}) == len(after)
    assert (out / "documents.jsonl").read_bytes() == (fresh / "documents.jsonl").read_bytes()
    assert (out / "claims.jsonl").read_bytes() == (fresh / "claims.jsonl").read_bytes()
    assert claims_of(out) != [json.loads(line) for line in original["claims.jsonl"].decode().splitlines()]
