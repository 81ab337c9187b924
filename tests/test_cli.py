"""The command line: one-line mistakes (exit 2, no traceback, no work done), --version, --debug, and progress."""
from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.progress import PlainProgress
from pipeline.settings import ARTICLE_SUFFIXES, PIPELINE_VERSION
from tests.conftest import ROOT

NEWSCLAIMS = [sys.executable, "-m", "pipeline.cli"]
# The phases of a run, in order, as the summary and run.json name them.
PHASES = ("loading", "starting Prefect", "starting the flow", "reading", "processing", "writing")


def newsclaims(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEWSCLAIMS, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture()
def empty_input(tmp_path: Path) -> Path:
    """A folder with no article: only a hidden folder's text file and a PDF."""
    folder = tmp_path / "in"
    (folder / ".cache").mkdir(parents=True)
    (folder / ".cache" / "a.txt").write_text("Die Firma zahlte 7 Millionen Euro.", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


MISTAKES = [
    pytest.param(["run", "{in}", "--out", "{out}"], "no articles in", id="empty-input-folder"),
    pytest.param(["report", "{out}"], "no output folder", id="report-missing-folder"),
    pytest.param(["report", "{in}"], "no claims.jsonl in", id="report-folder-without-outputs"),
    pytest.param(["run", "{in}", "--out", "{out}", "--bogus"], "unrecognized arguments: --bogus", id="unknown-option"),
    pytest.param(["run", "{in}", "--batch-size", "many"], "invalid int value", id="bad-number"),
    pytest.param(["schema", "claim"], "invalid choice", id="unknown-schema"),
    pytest.param([], "required: command", id="no-command"),
]


@pytest.mark.parametrize("args, message", MISTAKES)
def test_argument_mistake_is_one_line_exit_2_and_no_work(args, message, empty_input, tmp_path):
    out = tmp_path / "out"
    result = newsclaims(*(a.format(**{"in": empty_input, "out": out}) for a in args))
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclaims: error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()  # found before any work: nothing written


def test_empty_input_names_the_file_kinds_looked_for(empty_input, tmp_path):
    line = newsclaims("run", str(empty_input), "--out", str(tmp_path / "out")).stderr
    assert all(suffix in line for suffix in ARTICLE_SUFFIXES)


def test_debug_shows_the_traceback(tmp_path):
    result = newsclaims("report", str(tmp_path / "missing"), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "UsageError: no output folder" in result.stderr


def test_version(tmp_path):
    result = newsclaims("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"newsclaims {PIPELINE_VERSION} (extraction {PIPELINE_VERSION}+")
    assert len(result.stdout.splitlines()) == 1


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_progress_writes_phases_rate_eta_and_timings():
    clock, stream = FakeClock(), io.StringIO()
    p = PlainProgress(stream, clock=clock)
    p.phase("starting Prefect")
    clock.now += 8
    p.phase("processing", 1000)
    for _ in range(10):
        clock.now += 1
        p.advance(100)
    p.phase("writing")
    clock.now += 0.5
    p.close()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "newsclaims: starting Prefect…"
    assert "newsclaims: processing 0/1000 articles" in lines
    # one line every two seconds of work (at most every tenth), with rate and ETA; none for the last step
    assert "newsclaims: processing 200/1000 articles, 100 articles/s, ETA 8 s" in lines
    assert sum("articles/s" in x for x in lines) == 4
    assert "newsclaims: processing 1000/1000 articles done in 10.0 s" in lines
    assert p.timings == {"starting Prefect": 8.0, "processing": 10.0, "writing": 0.5}
    assert p.wall() == pytest.approx(18.5)


@pytest.mark.slow
def test_run_in_a_terminal_shows_a_bar_with_rate_and_eta_from_the_first_second(tmp_path):
    """In a pseudo-terminal: the first thing drawn is the 'starting Prefect' row (before Prefect is imported),
    then a bar per phase with articles done, rate and ETA; the summary has wall time and phases, run.json too."""
    import pty

    from bench.corpus import generate

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    generate(corpus, 400, 0)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with the pty as its terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [*NEWSCLAIMS, "run", str(corpus), "--out", str(out), "--batch-size", "20"])
    chunks: list[tuple[float, bytes]] = []
    started = time.monotonic()
    while time.monotonic() - started < 300:
        if not select.select([fd], [], [], 5)[0]:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append((time.monotonic() - started, data))
    _, status = os.waitpid(pid, 0)
    text = b"".join(c for _, c in chunks).decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text[-2000:]
    assert "starting Prefect" in text.split("reading", 1)[0]  # drawn before any later phase
    assert "━" in text  # rich's bar
    assert "/400 articles" in text and "/s" in text and "ETA" in text
    assert "Traceback" not in text
    summary = text.rsplit("newsclaims:", 1)[1]
    for row in ("wall time", *PHASES):
        assert row in summary
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert (out / "run.json").is_symlink()  # the timings went into the current generation's run.json
    assert list(record["phases"]) == list(PHASES)
    assert record["prefect_api"]["server"] == "temporary" and record["prefect_api"]["server_start_seconds"] > 0
    assert record["wall_seconds"] >= sum(record["phases"].values()) - 0.01
    print(f"first output after {chunks[0][0]:.2f} s; wall {record['wall_seconds']:.1f} s")


def test_report_leaves_out_a_negative_amount_and_says_so(tmp_path):
    """Issue 21 (6): a loss written with a minus sign crashed `newsclaims report` (math domain error)."""
    from extractors.article import process_document
    from pipeline import store
    from reports.build import build_report

    texts = {"a.txt": "据报道，该公司去年亏损-5亿美元，训练成本为557.6万美元。",
             "b.txt": "Der Verlust betrug -5 Millionen Euro, das Training kostete 5,5 Millionen Dollar."}
    results = [process_document(text.encode(), name) for name, text in texts.items()]
    assert sum(1 for r in results for c in r.claims if c["kind"] == "money" and c["usd_value"] < 0) == 2
    store.write_jsonl(tmp_path / "documents.jsonl", [r.document for r in results])
    store.write_jsonl(tmp_path / "claims.jsonl", [c for r in results for c in r.claims])
    paths = build_report(tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "2 amounts of zero or less" in page and "2 amounts of zero or less" in (tmp_path / "report.md").read_text()
    assert "557.6万美元" in page and len(paths) == 3
