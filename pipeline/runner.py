"""Run or serve the configured flow."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipeline.flow_config import configured_flow
from pipeline.settings import Settings


def start_quiet_ephemeral_server() -> Path | None:
    """Start Prefect's temporary local server with its stderr in a log file; return that file.

    With no PREFECT_API_URL, Prefect starts a uvicorn subprocess that inherits the terminal and prints
    CancelledError tracebacks when it is stopped at exit. Started here first (Prefect keeps one instance),
    it writes them to the log instead. Nothing to do when a real server is configured.
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME

    if PREFECT_API_URL.value():
        return None
    from prefect.server.api.server import SubprocessASGIServer

    log = Path(PREFECT_HOME.value()) / "newsclaims-ephemeral-server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    saved = os.dup(2)
    target = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.dup2(target, 2)
        SubprocessASGIServer().start()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(target)
    return log


def run(settings: Settings) -> dict[str, Any]:
    """Run the flow once and return its summary."""
    start_quiet_ephemeral_server()
    return configured_flow(settings)(settings)


def serve(settings: Settings, cron: str | None, interval: float | None, max_runs: int | None = None) -> None:
    """Serve the flow on a schedule until interrupted (or ``max_runs`` runs)."""
    from pipeline.schedule import serve_flow

    serve_flow(configured_flow(settings), settings, cron=cron, interval=interval, max_runs=max_runs)
