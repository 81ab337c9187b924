"""Run or serve the configured flow."""
from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pipeline import store
from pipeline.flow_config import configured_flow
from pipeline.settings import Settings

# Set by a user who wants flow-run heartbeats (Prefect's crash detection) for `newsclaims run` too.
HEARTBEAT_VARIABLES = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def start_quiet_ephemeral_server() -> str | None:
    """Start Prefect's temporary local server with its stderr in a log file; return its API URL.

    For callers other than the CLI (tests, notebooks); the CLI starts its own beside its imports
    (``pipeline.prefect_api``) and sets PREFECT_API_URL to it. With no PREFECT_API_URL, Prefect starts a uvicorn
    subprocess that inherits the terminal and prints CancelledError tracebacks when it is stopped at exit. Started
    here first (Prefect keeps one instance), it writes them to the log instead. Nothing to do when a server is set.
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


@contextlib.contextmanager
def no_heartbeats() -> Iterator[None]:
    """Turn off flow-run heartbeats unless the user set their frequency.

    The heartbeat thread sleeps in 1-second steps and the flow's end waits for it: ~0.5-1 s added to every run.
    The CLI's flow runs in the CLI's own process, which reports its own end (or its crash, with its exit status).
    """
    if any(os.environ.get(name) for name in HEARTBEAT_VARIABLES):
        yield
        return
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def processes_every_article(settings: Settings) -> bool:
    """Whether the run will process every article it finds, known before it starts: ``--full``, or an output folder
    with no outputs of an earlier run (a first run). (Outputs of another extraction version are found out later.)"""
    if settings.full:
        return True
    folder, foreign = store.current_set(settings.out_dir)
    return folder is None or foreign is not None


def run(settings: Settings, before_flow: Callable[[], None] | None = None) -> dict[str, Any]:
    """Run the flow once and return its summary; ``before_flow`` is called when all is ready but the flow's call.

    The CLI waits there for the temporary server it started: what comes before overlaps the server's start. A run
    that will process every article builds extraction's patterns and spaCy pipeline there too; otherwise the first
    batch does, and a run with nothing changed never loads them.
    """
    flow = configured_flow(settings)
    # What Prefect would import at the flow's first call (engines; FastAPI's encoder for the parameters).
    import fastapi.encoders  # noqa: F401
    import prefect.flow_engine  # noqa: F401
    import prefect.task_engine  # noqa: F401

    if settings.runner == "default" and processes_every_article(settings):  # Dask's workers build their own
        from extractors.article import warm_up

        warm_up()

    with no_heartbeats():
        if before_flow is not None:
            before_flow()
        if api_url := start_quiet_ephemeral_server():
            # Named, so Dask workers (which get the flow's settings with each task) report to this server rather
            # than each starting a temporary server of its own (10 s each, and task runs this one never sees).
            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings(updates={PREFECT_API_URL: api_url}):
                return flow(settings)
        return flow(settings)


def serve(settings: Settings, cron: str | None, interval: float | None, max_runs: int | None = None,
          temporary_server: bool = False) -> None:
    """Serve the flow on a schedule until interrupted (or ``max_runs`` runs); ``temporary_server``: see serve_flow."""
    from pipeline.schedule import serve_flow

    serve_flow(configured_flow(settings), settings, cron=cron, interval=interval, max_runs=max_runs,
               temporary_server=temporary_server)
