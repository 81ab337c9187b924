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

import pipeline.cli as cli
from pipeline import store
from pipeline.progress import PlainProgress
from pipeline.settings import ARTICLE_SUFFIXES, PIPELINE_VERSION, Settings
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
        os.environ["PREFECT_HOME"] = str(tmp_path / "new-prefect-home")  # a first run: Prefect's notices, if any
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
    assert "anonymous usage data" not in text  # issue 21: Prefect's telemetry notice in the middle of the bar
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


# --- Issue 21 (8, 9): Prefect's setting-up is checked before any work. ---------------------------------------------

def _dead_url() -> str:
    """The API URL of a port nothing listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api"


SETUP_MISTAKES = {
    "dead-server-in-environment": ({"PREFECT_API_URL": "{dead}"}, {}, ["{dead}", "environment variable PREFECT_API_URL",
                                                                       "does not answer"]),
    "dead-server-in-prefect-toml": ({}, {"prefect.toml": '[api]\nurl = "{dead}"\n'}, ["{dead}", "prefect.toml"]),
    "dead-server-in-profile": ({"PREFECT_HOME": "{cwd}/home"},
                               {"home/profiles.toml": 'active = "x"\n[profiles.x]\nPREFECT_API_URL = "{dead}"\n'},
                               ["{dead}", "profile 'x'", "profiles.toml"]),
    "not-a-url": ({"PREFECT_API_URL": "localhost:4200"}, {}, ["'localhost:4200'", "not an http"]),
    "prefect-home-not-writable": ({"PREFECT_HOME": "{cwd}/a-file/home"}, {"a-file": ""},
                                  ["PREFECT_HOME=", "cannot be written", "set PREFECT_HOME"]),
}


@pytest.mark.parametrize("env, files, words", SETUP_MISTAKES.values(), ids=SETUP_MISTAKES)
def test_a_prefect_setup_mistake_is_one_line_exit_2_before_any_work(env, files, words, tmp_path):
    cwd, out, dead = tmp_path / "cwd", tmp_path / "out", _dead_url()
    cwd.mkdir()
    for name, text in files.items():
        (cwd / name).parent.mkdir(parents=True, exist_ok=True)
        (cwd / name).write_text(text.format(dead=dead), encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    environment.update({k: v.format(dead=dead, cwd=cwd) for k, v in env.items()}, PYTHONPATH=str(ROOT))
    environment.setdefault("PREFECT_HOME", str(tmp_path / "home"))
    started = time.monotonic()
    result = subprocess.run([*NEWSCLAIMS, "run", str(ROOT / "seeds"), "--out", str(out)], cwd=cwd, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclaims: error: "), result.stderr
    assert all(w.format(dead=dead) in lines[0] for w in words), lines[0]
    assert not (out / "claims.jsonl").exists() and time.monotonic() - started < 20  # before the loading


def test_a_server_that_answers_passes_the_check_whatever_its_status():
    import http.server
    import threading

    from pipeline import prefect_api

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)  # answers 501 to GET
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        prefect_api.check_server(f"http://127.0.0.1:{server.server_port}/api", "a test")
    finally:
        server.shutdown()
    with pytest.raises(prefect_api.SetupError, match="does not answer"):
        prefect_api.check_server(_dead_url(), "a test")


def test_an_unwritable_home_gives_a_temporary_prefect_home_with_a_warning(tmp_path, monkeypatch):
    """Issue 21 (9): HOME not writable ended a run with a raw OSError about .prefect."""
    from pipeline import prefect_api

    home = tmp_path / "home"
    (home / ".prefect").mkdir(parents=True)
    (home / ".prefect" / "profiles.toml").write_text('active = "x"\n', encoding="utf-8")
    for name in ("PREFECT_HOME", "PREFECT_PROFILES_PATH"):  # usable_home sets them: undone after the test
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(home))
    assert prefect_api.usable_home() == (home / ".prefect", None)
    real = prefect_api._not_writable
    monkeypatch.setattr(prefect_api, "_not_writable",
                        lambda folder: "Read-only file system" if folder == home / ".prefect" else real(folder))
    used, warning = prefect_api.usable_home()
    assert used != home / ".prefect" and os.environ["PREFECT_HOME"] == str(used) and not real(used)
    assert "Read-only file system" in warning and str(used) in warning and "set PREFECT_HOME" in warning
    assert os.environ["PREFECT_PROFILES_PATH"] == str(home / ".prefect" / "profiles.toml")  # the user's profiles


@pytest.mark.slow
def test_a_run_with_a_home_that_is_a_file_warns_and_runs(tmp_path):
    home = tmp_path / "home-is-a-file"
    home.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    result = subprocess.run([*NEWSCLAIMS, "run", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--quiet"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert warning.startswith("newsclaims: warning: ") and "set PREFECT_HOME" in warning
    assert (tmp_path / "out" / "claims.jsonl").stat().st_size > 0
    assert not Path(warning.split("for this run is ")[1].split(",")[0]).exists()  # removed at the end


# --- Issue 21, smaller items: the interrupted line, Prefect's telemetry notice, overlapping phases. -----------------

def test_the_interrupted_line_goes_below_a_live_bar_which_draws_no_more(monkeypatch):
    from pipeline import interrupts

    monkeypatch.setattr(interrupts, "_live", None)
    assert interrupts._silence_live_display() == b""  # no bar: the line as it is
    read, write = os.pipe()
    try:
        interrupts.live_display(write)
        before = interrupts._silence_live_display()
        assert before.startswith(b"\n") and b"\x1b[?25h" in before  # a new line, and the cursor rich hid shown
        os.write(write, b"a late redraw of the bar")
        os.close(write)
        assert os.read(read, 100) == b""  # it went to /dev/null, not over the interrupted line
    finally:
        interrupts.live_display(None)
        os.close(read)


def test_prefect_sdk_telemetry_is_off_in_a_run(monkeypatch):
    """Its first-run notice was printed in the middle of a run's progress (an interactive terminal, a new home)."""
    from prefect._internal.analytics.enabled import is_telemetry_enabled

    monkeypatch.delenv("DO_NOT_TRACK", raising=False)
    monkeypatch.setattr("prefect._internal.analytics.enabled.is_ci_environment", lambda: False)
    assert is_telemetry_enabled()
    for key, value in cli.PREFECT_DEFAULTS.items():
        monkeypatch.setenv(key, value)
    assert not is_telemetry_enabled()


def test_the_summary_says_reading_and_processing_overlap():
    """200,000 files: 618 s under reading and 1.5 s under processing, when the batches ran during the reading."""
    summary = {"found": 200_000, "processed": 200_000, "unchanged": 0, "removed": 0, "errors": 0, "claims": {},
               "wall_seconds": 640.0, "phases": {"reading": 618.0, "processing": 1.5, "writing": 12.0},
               "read_seconds": 41.2, "batch_seconds": 619.4}
    text = cli.format_summary(summary, Settings())
    assert "reading and processing overlap: the files were read in 41.2 s, the batches processed over 619.4 s" in text


# --- Issue 23: the start. ------------------------------------------------------------------------------------------

def _published(out: Path) -> None:
    """Outputs of an earlier run in ``out``, as a run leaves them (current → a generation)."""
    generation = store.new_generation(out)
    store.write_manifest(generation / store.MANIFEST, "v", [])
    store.publish(out, generation)


def _foreign_current(out: Path) -> None:
    out.mkdir()
    (out / store.CURRENT).symlink_to(out.parent)


# How the output folder looks before a run, --full -> whether the run will process every article it finds.
BEFORE_A_RUN = {
    "no-output-folder": (lambda out: None, False, True),
    "empty-output-folder": (lambda out: out.mkdir(), False, True),
    "earlier-outputs": (_published, False, False),
    "earlier-outputs-and-full": (_published, True, True),
    "outputs-of-the-earlier-layout": (lambda out: out.mkdir() or (out / store.MANIFEST).write_text("{}"), False, False),
    "current-link-to-a-foreign-folder": (_foreign_current, False, True),
}


@pytest.mark.parametrize(("make", "full", "every"), BEFORE_A_RUN.values(), ids=BEFORE_A_RUN.keys())
def test_a_run_knows_before_its_flow_whether_it_processes_every_article(make, full, every, tmp_path):
    """Then (a first run, --full) extraction is built while Prefect's temporary server starts, not after it."""
    from pipeline.runner import processes_every_article

    out = tmp_path / "out"
    make(out)
    assert processes_every_article(Settings(out_dir=out, full=full)) is every


EXTRACTION_MODULES = frozenset({"spacy", "extractors.article", "pipeline.worker"})


@pytest.mark.slow
def test_a_run_with_nothing_changed_never_loads_extraction(tmp_path):
    """spaCy and the patterns are ~1 s of a run's start that a run with every article unchanged does not need."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-X", "importtime", "-m", "pipeline.cli", "run", str(ROOT / "seeds"), "--out",
               str(tmp_path / "out"), "--quiet"]
    imported = []
    for _ in range(2):
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        imported.append({line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
                         if line.startswith("import time:")})
    first, again = imported
    assert EXTRACTION_MODULES <= first  # the first run processes the seeds
    assert not EXTRACTION_MODULES & again
    assert json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["unchanged"] == len(
        list((ROOT / "seeds").iterdir()))
