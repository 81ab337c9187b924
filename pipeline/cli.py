"""``newsclaims``: run the pipeline on a folder, serve it on a schedule, or build the report."""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from pipeline.interrupts import exit_on_signals
from pipeline.settings import DEFAULT_DOC_TIMEOUT_S, DEFAULT_MAX_BYTES, Settings
from pipeline.validate import UsageError, check_folders

# Prefect defaults for a laptop with no server and no internet: an ephemeral local API, no telemetry.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    # The temporary server's first start creates its database: Prefect's 20 s are short on a busy small machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclaims", description="Extract money and hardware claims from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("run", "process a folder of articles once"), ("serve", "process a folder on a schedule")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("input_dir", nargs="?", default="seeds", type=Path, help="folder of articles (default: seeds/)")
        p.add_argument("--out", default="outputs", type=Path, help="output folder (default: outputs/)")
        p.add_argument("--full", action="store_true", help="reprocess every article, changed or not")
        p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="skip files larger than this")
        p.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT_S,
                       help="seconds before one article is stopped and reported (0: no bound)")
        p.add_argument("--batch-size", type=int, default=None,
                       help="articles per Prefect task (default: from the folder's size, 20 to 500)")
        p.add_argument("--runner", choices=("default", "dask"), default="default", help="Prefect task runner")
        p.add_argument("--dask-address", default=None, help="scheduler of an existing Dask cluster (tcp://host:8786)")
        p.add_argument("--quiet", action="store_true", help="print no summary")
        if name == "serve":
            when = p.add_mutually_exclusive_group(required=True)
            when.add_argument("--cron", help='cron schedule, e.g. "0 * * * *"')
            when.add_argument("--interval", type=float, help="seconds between runs")
            p.add_argument("--max-runs", type=int, default=None, help="stop after this many scheduled runs")
    rep = sub.add_parser("report", help="write report.html and report.md from an output folder")
    rep.add_argument("out_dir", nargs="?", default="outputs", type=Path)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """The run's settings from parsed arguments."""
    return Settings(input_dir=args.input_dir, out_dir=args.out, max_bytes=args.max_bytes, doc_timeout_s=args.doc_timeout,
                    full=args.full, batch_size=max(1, args.batch_size) if args.batch_size else None, runner=args.runner,
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
        ("time", f"{summary['seconds']:.2f} s"),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [f"newsclaims: {settings.input_dir} → {settings.out_dir}"]
    lines += [f"  {k:<{width}}  {v}" for k, v in rows]
    if summary["processed"] == 0 and summary["found"]:
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


def _quiet_exit(code: int) -> None:
    """Exit without Prefect's event-flusher CancelledError tracebacks reaching the user's terminal."""
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stderr = io.StringIO()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if args.command == "report":
        from reports.build import build_report

        paths = build_report(args.out_dir, _input_dir_of(args.out_dir))
        print("\n".join(f"wrote {p}" for p in paths))
        return
    settings = settings_from(args)
    try:
        check_folders(settings.input_dir, settings.out_dir)
    except UsageError as exc:
        print(f"newsclaims: {exc}", file=sys.stderr)
        sys.exit(2)
    exit_on_signals()
    from pipeline.runner import run, serve

    try:
        if args.command == "serve":
            serve(settings, cron=args.cron, interval=args.interval, max_runs=args.max_runs)
            _quiet_exit(0)
        summary = run(settings)
    except OSError as exc:
        print(f"newsclaims: cannot write the outputs: {exc.filename or settings.out_dir}: {exc.strerror or exc}; "
              "previous outputs unchanged", file=sys.stderr)
        _quiet_exit(1)
    if not args.quiet:
        print(format_summary(summary, settings))
    _quiet_exit(0)


if __name__ == "__main__":
    main()
