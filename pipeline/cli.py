"""``newsclaims``: run the pipeline on a folder, serve it on a schedule, build the report, print a schema.

Kept light to import: the first progress line is on the terminal before Prefect (seconds to import) is loaded.
A mistake in how the command is called prints one line and exits with status 2; ``--debug`` shows the traceback.
"""
from __future__ import annotations

import argparse
import atexit
import contextlib
import errno
import gc
import importlib.util
import io
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from pipeline import prefect_api, progress, store
from pipeline.contract import SCHEMAS, schema_text
from pipeline.interrupts import exit_on_signals, quiet_prefect_sigterm
from pipeline.settings import DEFAULT_DOC_TIMEOUT_S, DEFAULT_MAX_BYTES, PIPELINE_VERSION, Settings, pipeline_version
from pipeline.validate import UsageError, check_folders

STARTED = time.monotonic()  # the summary's wall time counts from here (Prefect is imported later)
# Prefect defaults for a laptop with no server and no internet: an ephemeral local API, no telemetry.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    # The temporary server's first start creates its database: Prefect's 20 s are short on a busy small machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Prefect's client-side telemetry: its first-run notice was printed in the middle of a run's progress.
    "DO_NOT_TRACK": "1",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print the usage block and exit itself
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsclaims", description="Extract money and hardware claims from news articles.")
    parser.add_argument("--version", action="version",
                        version=f"newsclaims {PIPELINE_VERSION} (extraction {pipeline_version()})")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    # --debug also after the command; SUPPRESS keeps the subcommand from resetting the top-level value
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an error")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("run", "process a folder of articles once"), ("serve", "process a folder on a schedule")):
        p = sub.add_parser(name, help=help_text, parents=[common])
        p.add_argument("input_dir", nargs="?", default="seeds", type=Path, help="folder of articles (default: seeds/)")
        p.add_argument("--out", default="outputs", type=Path, help="output folder (default: outputs/)")
        p.add_argument("--full", action="store_true", help="reprocess every article, changed or not")
        p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="skip files larger than this")
        p.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT_S,
                       help="CPU seconds one article may take before it is stopped and reported, per MB of a "
                            "longer article (0: no bound)")
        p.add_argument("--batch-size", type=int, default=None,
                       help="articles per Prefect task (default: from the folder's size, 20 to 500)")
        p.add_argument("--runner", choices=("default", "dask"), default="default", help="Prefect task runner")
        p.add_argument("--dask-address", default=None, help="scheduler of an existing Dask cluster (tcp://host:8786)")
        p.add_argument("--quiet", action="store_true", help="print no progress and no summary")
        if name == "serve":
            when = p.add_mutually_exclusive_group(required=True)
            when.add_argument("--cron", help='cron schedule, e.g. "0 * * * *"')
            when.add_argument("--interval", type=float, help="seconds between runs")
            p.add_argument("--max-runs", type=int, default=None, help="stop after this many scheduled runs")
    rep = sub.add_parser("report", help="write report.html, report.md and summary.csv from an output folder",
                         parents=[common])
    rep.add_argument("out_dir", nargs="?", default="outputs", type=Path)
    schema = sub.add_parser("schema", help="print the JSON Schema of one output file's lines", parents=[common])
    schema.add_argument("name", nargs="?", choices=SCHEMAS, default="claims")
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """The run's settings from parsed arguments."""
    return Settings(input_dir=args.input_dir, out_dir=args.out, max_bytes=args.max_bytes,
                    doc_timeout_s=args.doc_timeout, full=args.full,
                    batch_size=max(1, args.batch_size) if args.batch_size else None, runner=args.runner,
                    dask_address=args.dask_address)


def format_summary(summary: dict[str, Any], settings: Settings) -> str:
    """The table printed after a run."""
    claims = summary.get("claims", {})
    rows = [
        ("articles found", summary["found"]),
        ("processed", summary["processed"]),
        ("unchanged (skipped)", summary["unchanged"]),
        ("removed since last run", summary["removed"]),
        ("money claims", claims.get("money", 0)),
        ("hardware claims", claims.get("hardware", 0)),
        ("errors", summary["errors"]),
    ]
    if "wall_seconds" in summary:
        rows.append(("wall time", f"{summary['wall_seconds']:.1f} s"))
        rows += [(f"  {name}", f"{seconds:.1f} s") for name, seconds in summary.get("phases", {}).items()]
    else:
        rows.append(("time", f"{summary['seconds']:.2f} s"))
    width = max(len(k) for k, _ in rows)
    lines = [f"newsclaims: {settings.input_dir} → {settings.out_dir}"]
    lines += [f"  {k:<{width}}  {v}" for k, v in rows]
    if summary.get("processed") and "read_seconds" in summary and "phases" in summary:
        # The reading phase lasts until the last file is read, and batches are processed all the while.
        lines.append(f"  (reading and processing overlap: the files were read in {summary['read_seconds']:.1f} s, "
                     f"the batches processed over {summary['batch_seconds']:.1f} s)")
    if summary.get("repaired"):
        lines.append(f"  repaired: {summary['repaired']}")
    elif summary["processed"] == 0 and summary["found"]:
        lines.append("  nothing changed since the last run: 0 articles processed")
    if summary["errors"]:
        lines.append(f"  see {settings.out_dir / 'errors.jsonl'} for the files that could not be processed")
    return "\n".join(lines)


def _input_dir_of(out_dir: Path) -> Path | None:
    """The input folder of the run that wrote ``out_dir`` (from run.json), for the report's links."""
    try:
        return Path(json.loads((out_dir / "run.json").read_text(encoding="utf-8"))["input_dir"])
    except (OSError, ValueError, KeyError):
        return None


def _quiet_exit(code: int) -> NoReturn:
    """Exit without Prefect's event-flusher CancelledError tracebacks reaching the user's terminal.

    Runs what an interpreter exit runs that matters (Prefect's drains of its events and logs to the API, hooked on
    thread shutdown; then the atexit handlers: logging, the temporary server's stop), then ends the process without
    tearing down every module and object: that took ~0.4 s of each run's wall time after a run.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stderr = io.StringIO()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    shutdown_threads = getattr(threading, "_shutdown", None)  # CPython's exit sequence, step by step
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if shutdown_threads is None or run_exit_handlers is None:
        sys.exit(code)  # another Python: the ordinary, slower exit
    shutdown_threads()
    run_exit_handlers()
    sys.stdout.flush()
    os._exit(code)


def check_input(settings: Settings) -> None:
    """Raise UsageError unless the input folder exists and holds at least one article file (found as the flow does)."""
    root = settings.input_dir
    if not root.is_dir():
        raise UsageError(f"input folder {root} does not exist" if not root.exists()
                         else f"input {root} is not a folder")

    def unlisted(exc: OSError) -> None:
        if exc.filename and Path(exc.filename) == root:
            raise UsageError(f"input folder {root} cannot be listed: {exc.strerror or exc}")

    for _, dirnames, filenames in os.walk(root, onerror=unlisted):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        if any(not n.startswith(".") and Path(n).suffix.lower() in settings.suffixes for n in filenames):
            return
    raise UsageError(f"no articles in {root}: looked for {', '.join(settings.suffixes)} files "
                     "(hidden files and folders are skipped)")


def _reporter(quiet: bool) -> progress.Progress:
    if quiet:
        return progress.Progress(started=STARTED)
    stream = progress.terminal_stream()
    if stream.isatty():
        return progress.BarProgress(stream, started=STARTED)
    return progress.PlainProgress(stream, started=STARTED)


def _record_timings(out_dir: Path, timings: dict[str, Any]) -> None:
    """Add the wall time and phases (known only once the flow has returned) to the run's run.json."""
    from pipeline import store

    path = (out_dir / store.RUN).resolve()  # the file in the current generation: out_dir/run.json stays a symlink
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # the flow did not write it; nothing to add to
    store.write_json(path, {**record, **timings})


def _prefect_api() -> tuple[prefect_api.TemporaryServer | None, dict[str, Any]]:
    """The Prefect API of this run: the configured server, else a temporary one started now, beside the imports.

    Called before Prefect is imported: PREFECT_API_URL is set to the temporary server here, so that every part of
    Prefect (threads included) uses it and none starts one of its own.
    """
    if url := prefect_api.configured_api_url():
        return None, {"server": "running (PREFECT_API_URL)", "api_url": url}
    server = prefect_api.start_temporary_server()
    atexit.register(server.stop)  # registered before Prefect's handlers, so it runs after them (their last events)
    os.environ["PREFECT_API_URL"] = server.api_url
    return server, {"server": "temporary", "api_url": server.api_url, "log": str(server.log)}


# A full disk, a quota, a read-only or size-limited file system: what makes writing the outputs fail.
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG})


def _is_write_failure(error: OSError, out_dir: Path) -> bool:
    """Whether ``error`` is a failure to write the outputs (not, say, a Dask scheduler that does not answer)."""
    if error.errno in FULL:
        return True
    return bool(error.filename) and Path(os.fsdecode(error.filename)).resolve().is_relative_to(out_dir.resolve())


class _WriteFailureFilter(logging.Filter):
    """Keeps Prefect's console records of a full disk off the terminal: the CLI says it in one line. Its flow and
    task run logs in the Prefect API keep them."""

    # "Finished in state Failed('Task run encountered an exception OSError: [Errno 28] No space left on device')"
    # names the error only in text.
    NAMED = re.compile("|".join(re.escape(os.strerror(code)) for code in sorted(FULL)))

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR or not record.name.startswith(("prefect.flow_runs", "prefect.task_runs")):
            return True
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, OSError) and error.errno in FULL or self.NAMED.search(record.getMessage()))


def _quiet_write_failures() -> None:
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.addFilter(_WriteFailureFilter())


def check_runner(settings: Settings) -> None:
    """Raise UsageError when the Dask runner is asked for and its optional dependencies are not installed."""
    if settings.runner == "dask" and importlib.util.find_spec("prefect_dask") is None:
        raise UsageError("--runner dask needs the dask extra: pip install 'newsclaims[dask]'")


def _run(args: argparse.Namespace) -> None:
    settings = settings_from(args)
    check_runner(settings)
    check_input(settings)  # first: it writes nothing, and check_folders creates the output folder to probe it
    check_folders(settings.input_dir, settings.out_dir)
    check_prefect()
    # A run holds its output folder from here (a second one stops at once); a served flow takes it at each run.
    with store.output_lock(settings.out_dir) if args.command == "run" else contextlib.nullcontext():
        _run_checked(args, settings)


def check_prefect() -> None:
    """Prefect's setting-up, before any work: a home it can write (else a temporary one, with a warning) and, where
    one is configured, a server that answers. Raises prefect_api.SetupError, naming the setting and where it is."""
    _, warning = prefect_api.usable_home()
    if found := prefect_api.configured_api():
        prefect_api.check_server(*found)
    if warning:
        print(f"newsclaims: warning: {warning}", file=sys.stderr)


def _loaded() -> None:
    """The end of the loading phase: the garbage collector, off while loading, runs again from here.

    Prefect's and the pipeline's imports (and a first run's patterns and spaCy pipeline) create a few hundred
    thousand objects and next to no garbage: the collector ran hundreds of times over them for nothing (~15 % of
    their CPU time). What they built is frozen, never scanned again: also what forked extraction workers share
    with this process, whose pages a collection in a worker would otherwise copy.
    """
    gc.freeze()
    gc.enable()


def _run_checked(args: argparse.Namespace, settings: Settings) -> None:
    reporter = progress.use(_reporter(args.quiet))
    reporter.phase("loading")  # Prefect, the pipeline, the flow; a temporary Prefect server starts meanwhile
    gc.disable()  # until _loaded()
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    exit_on_signals()  # first: from here on Ctrl-C also stops the temporary server
    # serve too: Prefect's own temporary server shares the terminal and its process group, and Ctrl-C made it print
    # its shutdown tracebacks there; this one runs in a session of its own and logs to a file.
    server, api = _prefect_api()
    failure: OSError | None = None
    try:
        from pipeline.runner import run, serve

        quiet_prefect_sigterm()
        if not args.debug:
            _quiet_write_failures()
        if args.command == "run":
            def before_flow() -> None:
                _loaded()
                reporter.phase("starting Prefect")  # what is left of the temporary server's start
                if server is not None:
                    api["server_start_seconds"] = round(server.wait(), 3)
                reporter.phase("starting the flow")  # the flow run, discovery, the previous manifest

            summary = run(settings, before_flow)
    except OSError as exc:
        if not _is_write_failure(exc, settings.out_dir):
            raise  # one line from main(), the traceback with --debug
        failure = exc
    finally:
        reporter.close()
    if failure is not None:
        print(f"newsclaims: cannot write the outputs: {failure.filename or settings.out_dir}: "
              f"{failure.strerror or failure}; previous outputs unchanged", file=sys.stderr)
        _quiet_exit(1)
    if args.command == "serve":
        _loaded()
        if server is not None:
            server.wait()
        serve(settings, cron=args.cron, interval=args.interval, max_runs=args.max_runs,
              temporary_server=server is not None)
        return
    timings = {"wall_seconds": round(reporter.wall(), 3),
               "phases": {name: round(seconds, 3) for name, seconds in reporter.timings.items()},
               "prefect_api": api}
    _record_timings(settings.out_dir, timings)
    if not args.quiet:
        print(format_summary({**summary, **timings}, settings))


def _report(out_dir: Path) -> None:
    if not out_dir.is_dir():
        raise UsageError(f"no output folder {out_dir}: run `newsclaims run INPUT --out {out_dir}` first")
    for name in ("claims.jsonl", "documents.jsonl"):
        if not (out_dir / name).is_file():
            raise UsageError(f"no {name} in {out_dir}: run `newsclaims run INPUT --out {out_dir}` first")
    from reports.build import build_report

    paths = build_report(out_dir, _input_dir_of(out_dir))
    print("\n".join(f"wrote {p}" for p in paths))


def _main(argv: Sequence[str]) -> None:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        sys.stdout.write(schema_text(args.name))
    elif args.command == "report":
        _report(args.out_dir)
    else:
        _run(args)
        _quiet_exit(0)


def _fail(message: str, code: int) -> NoReturn:
    print(f"newsclaims: error: {message}", file=sys.stderr)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``newsclaims`` command: a mistake in its use is one line and exit status 2 (a traceback with --debug)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        _main(argv)
    except (UsageError, prefect_api.SetupError) as exc:  # found before any work: a command or a setting to correct
        if debug:
            raise
        _fail(str(exc), 2)
    except store.OutputsBusy as exc:  # "try again later", for a scheduler
        _fail(str(exc), os.EX_TEMPFAIL)
    except Exception as exc:  # a bug or an environment problem: one line here too, the details with --debug
        if debug:
            raise
        _fail(f"{type(exc).__name__}: {exc} (run again with --debug to see where)", 1)


if __name__ == "__main__":
    main()
