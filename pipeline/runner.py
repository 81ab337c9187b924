"""Choose the task runner and run or serve the flow."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from prefect import Flow

from pipeline.flows import newsclaims_flow
from pipeline.settings import Settings


def configured_flow(settings: Settings) -> Flow:
    """The flow with the task runner the settings ask for (Dask: local cluster or an existing one)."""
    if settings.runner == "dask":
        import dask
        from prefect_dask import DaskTaskRunner

        # Each batch forks a worker process to bound a document's time (pipeline.worker); Dask starts its
        # worker processes as daemons, and daemons may not have children. Non-daemonic workers can fork.
        # (An existing cluster's workers need DASK_DISTRIBUTED__WORKER__DAEMON=False in their environment.)
        dask.config.set({"distributed.worker.daemon": False})
        runner = DaskTaskRunner(address=settings.dask_address) if settings.dask_address else DaskTaskRunner(
            cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
                            "preload": ["pipeline.worker"]})
        return newsclaims_flow.with_options(task_runner=runner)
    # Prefect's default thread pool runs every submitted batch at once; each batch forks a worker process, so
    # 40 batches on 2 cores meant 40 processes competing, 10 GB of RSS and documents hitting their time bound.
    # One batch per core at a time.
    from prefect.task_runners import ThreadPoolTaskRunner

    return newsclaims_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1))


def start_quiet_ephemeral_server() -> str | None:
    """Start Prefect's temporary local server with its stderr in a log file; return its API URL.

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
        server = SubprocessASGIServer()
        server.start()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(target)
    return server.api_url


def run(settings: Settings) -> dict[str, Any]:
    """Run the flow once and return its summary."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    api_url = start_quiet_ephemeral_server()
    if not api_url:
        return configured_flow(settings)(settings)
    # Named, so Dask workers (which get the flow's settings with each task) report to this server rather than
    # each starting a temporary server of its own (10 s each, and task runs the flow's server never sees).
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        return configured_flow(settings)(settings)


def serve(settings: Settings, cron: str | None, interval: float | None, max_runs: int | None = None) -> None:
    """Serve the flow on a schedule until interrupted (or ``max_runs`` runs)."""
    from pipeline.schedule import serve_flow

    serve_flow(configured_flow(settings), settings, cron=cron, interval=interval, max_runs=max_runs)
