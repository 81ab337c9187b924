"""Choose the task runner and run or serve the flow."""
from __future__ import annotations

from typing import Any

from prefect import Flow

from pipeline.flows import newsclaims_flow
from pipeline.settings import Settings


def configured_flow(settings: Settings) -> Flow:
    """The flow with the task runner the settings ask for (Dask: local cluster or an existing one)."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(address=settings.dask_address) if settings.dask_address else DaskTaskRunner(
            cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None})
        return newsclaims_flow.with_options(task_runner=runner)
    return newsclaims_flow


def run(settings: Settings) -> dict[str, Any]:
    """Run the flow once and return its summary."""
    return configured_flow(settings)(settings)


def serve(settings: Settings, cron: str | None, interval: float | None, max_runs: int | None = None) -> None:
    """Serve the flow on a schedule until interrupted (or ``max_runs`` runs)."""
    from pipeline.schedule import serve_flow

    serve_flow(configured_flow(settings), settings, cron=cron, interval=interval, max_runs=max_runs)
