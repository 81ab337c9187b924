"""The output set switches as one, a failed write leaves the previous set, and bad folders stop a run before work."""
from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import signal
import socket
import time
from pathlib import Path

import pytest

import pipeline.cli as cli
from pipeline import store
from pipeline.settings import Settings
from tests.conftest import SEEDS


def _publish(out: Path, text: str) -> Path:
    generation = store.new_generation(out)
    for name in store.OUTPUTS:
        store.write_lines(generation / name, [text.encode()])
    store.publish(out, generation)
    return generation


def test_outputs_are_symlinks_into_one_generation_switched_at_once(tmp_path):
    out = tmp_path / "out"
    first = _publish(out, "first")
    second = store.new_generation(out)
    store.write_lines(second / store.CLAIMS, [b"second"])
    # Written but not published: a reader still sees the whole first set.
    assert {(out / name).read_text() for name in store.OUTPUTS} == {"first\n"}
    for name in store.OUTPUTS[1:]:
        store.write_lines(second / name, [b"second"])
    store.publish(out, second)
    assert {(out / name).read_text() for name in store.OUTPUTS} == {"second\n"}
    assert all(os.readlink(out / name) == f"current/{name}" for name in store.OUTPUTS)
    assert not first.exists() and (out / "current").resolve() == second.resolve()
    assert not list(out.glob(".*.tmp"))


def test_an_earlier_layout_of_plain_files_is_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / store.CLAIMS).write_text("old\n")
    _publish(out, "new")
    assert (out / store.CLAIMS).is_symlink() and (out / store.CLAIMS).read_text() == "new\n"


def test_the_next_run_removes_what_a_crashed_run_left(tmp_path):
    out = tmp_path / "out"
    current = _publish(out, "kept")
    crashed = store.new_generation(out)
    (crashed / store.CLAIMS).write_text("half")
    (out / ".claims.jsonl.abc123.tmp").write_text("half")
    store.remove_leftovers(out)
    assert not crashed.exists() and not (out / ".claims.jsonl.abc123.tmp").exists()
    assert current.exists() and (out / store.CLAIMS).read_text() == "kept\n"


@pytest.mark.slow
def test_a_full_disk_while_writing_keeps_the_previous_outputs(prefect_harness, tmp_path, monkeypatch):
    from pipeline.flows import newsclaims_flow

    corpus, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, corpus)
    settings = Settings(input_dir=corpus, out_dir=out, doc_timeout_s=0)
    newsclaims_flow(settings)
    before = {name: (out / name).read_bytes() for name in store.OUTPUTS}
    (corpus / "new.txt").write_text("该公司支付了5亿元人民币。", encoding="utf-8")
    real = store.write_lines

    def full(path: Path, lines) -> store.Digest:
        if path.name == store.DOCUMENTS:  # claims.jsonl was written: the old layout replaced it here
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, lines)

    monkeypatch.setattr(store, "write_lines", full)
    monkeypatch.setattr("pipeline.flows.write_outputs.retries", 0)
    with pytest.raises(OSError) as failure:
        newsclaims_flow(settings)
    assert failure.value.errno == errno.ENOSPC
    assert {name: (out / name).read_bytes() for name in store.OUTPUTS} == before
    assert [p.resolve() for p in (out / ".generations").iterdir()] == [(out / "current").resolve()]


@pytest.mark.slow
def test_a_write_that_fails_once_is_retried_with_every_changed_article(prefect_harness, tmp_path, monkeypatch):
    from pipeline.flows import newsclaims_flow

    corpus, out, clean = tmp_path / "in", tmp_path / "out", tmp_path / "clean"
    shutil.copytree(SEEDS, corpus)
    settings = Settings(input_dir=corpus, out_dir=out, doc_timeout_s=0)
    newsclaims_flow(settings)
    (corpus / "new.txt").write_text("该公司支付了5亿元人民币。", encoding="utf-8")
    real, failed = store.write_lines, []

    def once(path: Path, lines) -> store.Digest:
        if path.name == store.CLAIMS and not failed:  # documents.jsonl is written, then a transient error
            failed.append(path)
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return real(path, lines)

    monkeypatch.setattr(store, "write_lines", once)
    monkeypatch.setattr("pipeline.flows.write_outputs.retry_delay_seconds", [0, 0])
    newsclaims_flow(settings)
    assert failed
    newsclaims_flow(Settings(input_dir=corpus, out_dir=clean, doc_timeout_s=0))  # the same input, no failure
    for name in (store.CLAIMS, store.DOCUMENTS, store.MANIFEST):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert b"new.txt" in (out / store.DOCUMENTS).read_bytes()


@pytest.mark.slow
def test_a_full_disk_while_processing_removes_the_new_generation_at_once(prefect_harness, tmp_path, monkeypatch):
    from pipeline import incremental
    from pipeline.flows import newsclaims_flow

    corpus, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, corpus)
    settings = Settings(input_dir=corpus, out_dir=out, doc_timeout_s=0, batch_size=1)
    newsclaims_flow(settings)
    before = {name: (out / name).read_bytes() for name in store.OUTPUTS}
    for seed in SEEDS.iterdir():  # every article changed: five batches in flight
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8") + "\n该公司支付了5亿元人民币。",
                                        encoding="utf-8")
    real = incremental._write_run

    def full(path: Path, records) -> None:
        if not path.name.startswith("000000."):  # the first batch's spill fits, the others do not
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, records)

    monkeypatch.setattr(incremental, "_write_run", full)
    with pytest.raises(OSError) as failure:
        newsclaims_flow(settings)
    assert failure.value.errno == errno.ENOSPC
    assert {name: (out / name).read_bytes() for name in store.OUTPUTS} == before
    # removed as the run fails (its spill files would hold the full disk's space), after its last batch ended
    assert [p.resolve() for p in (out / ".generations").iterdir()] == [(out / "current").resolve()]


@pytest.mark.parametrize(("logger", "message", "error", "shown"), [
    ("prefect.task_runs", "Task run failed with exception: OSError(28)", OSError(errno.ENOSPC, "full"), False),
    ("prefect.task_runs", "Finished in state Failed('Task run encountered an exception OSError: [Errno 28] "
                          f"{os.strerror(errno.ENOSPC)}')", None, False),
    ("prefect.task_runs", "Finished in state Failed('Task run encountered an exception PermissionError: x')", None,
     True),
    ("prefect.flow_runs", "Encountered exception during execution: TimeoutError('Timed out trying to connect')",
     TimeoutError("Timed out trying to connect"), True),
    ("prefect.flow_runs", "Encountered exception during execution: ValueError('bug')", ValueError("bug"), True),
    ("prefect.task_runs", "Task run failed with exception: KeyError('x')", KeyError("x"), True),
    ("distributed.worker", "OSError while closing", OSError(errno.EPIPE, "pipe"), True),
], ids=["task-full-disk", "task-failed-state", "task-failed-permission", "dask-timeout", "flow-bug", "task-bug",
        "not-prefect"])
def test_only_a_write_failure_is_kept_off_the_console(logger, message, error, shown):
    record = logging.LogRecord(logger, logging.ERROR, __file__, 1, message, None,
                               (type(error), error, None) if error else None)
    assert cli._WriteFailureFilter().filter(record) is shown


# --- Argument checks: one line naming the path and the cause, exit 2, nothing done. --------------------------------

def _cases(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (tmp_path / "a-file").write_text("x")
    read_only = Path("/proc/self") if os.geteuid() == 0 else tmp_path / "read-only"
    if os.geteuid() != 0:  # root writes into a chmod 555 folder anyway; /proc refuses even root
        read_only.mkdir()
        read_only.chmod(0o555)
    return {
        "input missing": ([str(tmp_path / "nope"), "--out", str(tmp_path / "o")], "does not exist"),
        "input is a file": ([str(tmp_path / "a-file"), "--out", str(tmp_path / "o")], "is not a folder"),
        "out is a file": ([str(corpus), "--out", str(tmp_path / "a-file")], "is a file, not a folder"),
        "out inside input": ([str(corpus), "--out", str(corpus / "outputs")], "inside the input folder"),
        "out is the input": ([str(corpus), "--out", str(corpus)], "inside the input folder"),
        "out read-only": ([str(corpus), "--out", str(read_only)], "not writable"),
        "out cannot be created": ([str(corpus), "--out", str(tmp_path / "a-file" / "sub")], "cannot be created"),
    }


@pytest.mark.parametrize("case", ["input missing", "input is a file", "out is a file", "out inside input",
                                  "out is the input", "out read-only", "out cannot be created"])
def test_bad_folders_stop_the_cli_before_any_work(case, tmp_path, capsys, monkeypatch):
    args, cause = _cases(tmp_path)[case]
    monkeypatch.setattr("pipeline.runner.run", lambda *args: pytest.fail("the run started"))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["run", *args])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert len(err.splitlines()) == 1 and cause in err and "Traceback" not in err, err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_an_oserror_that_is_no_write_failure_is_not_called_one(tmp_path, capsys, monkeypatch):
    def unreachable(settings, before_flow=None):
        raise TimeoutError("Timed out trying to connect to tcp://127.0.0.1:1 after 30 s")

    monkeypatch.setattr("pipeline.runner.run", unreachable)
    monkeypatch.setattr(cli, "exit_on_signals", lambda: None)
    monkeypatch.setattr(cli, "_prefect_api", lambda: (None, {}))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["run", str(SEEDS), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert exit_.value.code == 1
    assert err.splitlines() == ["newsclaims: error: TimeoutError: Timed out trying to connect to tcp://127.0.0.1:1 "
                                "after 30 s (run again with --debug to see where)"]


def test_a_write_failure_is_one_line_and_a_nonzero_exit(tmp_path, capsys, monkeypatch):
    def no_space(settings, before_flow=None):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(settings.out_dir / "claims.jsonl"))

    monkeypatch.setattr("pipeline.runner.run", no_space)
    monkeypatch.setattr(cli, "exit_on_signals", lambda: None)  # not in the test process
    monkeypatch.setattr(cli, "_prefect_api", lambda: (None, {}))  # nor a server the run does not use
    monkeypatch.setattr(cli, "_quiet_exit", lambda code: (_ for _ in ()).throw(SystemExit(code)))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["run", str(SEEDS), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert exit_.value.code == 1
    assert err.splitlines() == [f"newsclaims: cannot write the outputs: {tmp_path / 'out' / 'claims.jsonl'}: "
                                "No space left on device; previous outputs unchanged"]
    assert json.dumps(err)  # plain text, one line


def _hold_in_child(out: Path) -> tuple[int, int]:
    """A forked process holding ``out``'s lock until its pipe is closed; returns (pid, write end)."""
    (ready_r, ready_w), (release_r, release_w) = os.pipe(), os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(release_w)
        with store.output_lock(out):
            os.write(ready_w, b"x")
            os.read(release_r, 1)  # until the parent closes its end
        os._exit(0)
    os.close(ready_w)
    os.close(release_r)
    os.read(ready_r, 1)
    os.close(ready_r)
    return pid, release_w


def test_a_second_run_on_a_held_output_folder_stops_and_the_first_keeps_its_lock(tmp_path):
    out = tmp_path / "out"
    pid, release = _hold_in_child(out)
    try:
        with pytest.raises(store.OutputsBusy, match=rf"in use by another newsclaims run \(pid {pid} on .*--out"):
            with store.output_lock(out):
                pytest.fail("a second holder")
    finally:
        os.close(release)
        os.waitpid(pid, 0)
    with store.output_lock(out), store.output_lock(out):  # free once its holder ends; the holder's thread may nest
        assert (out / store.LOCK).read_text().startswith(f"pid {os.getpid()} ")


def test_a_lock_ends_with_its_process_and_a_forked_worker_does_not_keep_it(tmp_path):
    out = tmp_path / "out"
    started_r, started_w = os.pipe()
    with store.output_lock(out):
        worker = os.fork()  # like a long-lived extraction worker, which outlives the run that forked it
        if worker == 0:  # pragma: no cover - the child
            os.write(started_w, b"x")
            time.sleep(30)
            os._exit(0)
        os.read(started_r, 1)  # the fork's hooks have run in the child
    os.close(started_r)
    os.close(started_w)
    try:
        with store.output_lock(out):  # the parent's lock ended with its block, though the worker still runs
            pass
    finally:
        os.kill(worker, signal.SIGKILL)
        os.waitpid(worker, 0)
    pid, release = _hold_in_child(out)
    os.kill(pid, signal.SIGKILL)  # a killed run leaves no stale lock
    os.waitpid(pid, 0)
    os.close(release)
    with store.output_lock(out):
        pass


def test_a_file_system_that_cannot_lock_runs_unguarded_with_a_warning(tmp_path, monkeypatch, caplog):
    import fcntl

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with caplog.at_level(logging.WARNING, logger="pipeline.store"), store.output_lock(tmp_path / "out"):
        pass
    assert "cannot lock files" in caplog.text and "not stopped" in caplog.text


def test_the_cli_stops_at_once_on_an_output_folder_another_run_holds(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr("pipeline.runner.run", lambda *args: pytest.fail("the run started"))
    pid, release = _hold_in_child(out)
    try:
        with pytest.raises(SystemExit) as exit_:
            cli.main(["run", str(SEEDS), "--out", str(out)])
    finally:
        os.close(release)
        os.waitpid(pid, 0)
    err = capsys.readouterr().err
    assert exit_.value.code == os.EX_TEMPFAIL  # 75: try again later
    started = err.split("started ")[1].split(")")[0]
    assert err.splitlines() == [f"newsclaims: error: {out} is in use by another newsclaims run "
                                f"(pid {pid} on {socket.gethostname()}, started {started}); "
                                "wait for it to end, or write to another folder with --out"]
