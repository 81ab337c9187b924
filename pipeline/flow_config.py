"""The newsclaims flow with the task runner a run's settings ask for (shared by ``runner`` and ``schedule``)."""
from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from prefect import Flow

from pipeline.flows import newsclaims_flow
from pipeline.settings import Settings

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner


def configured_flow(settings: Settings) -> Flow[[Settings], dict[str, Any]]:
    """The flow with the task runner the settings ask for (Dask: local cluster or an existing one)."""
    runner: TaskRunner[Any]
    if settings.runner == "dask":
        # Dask logs every scheduler and worker event at INFO: a run's output is newsclaims' own (task failures still
        # reach it through Prefect, Dask's own errors still print). Set DASK_LOGGING__DISTRIBUTED=info to see them;
        # the local cluster's worker processes inherit the variable. (A closing worker's heartbeat error is dropped
        # by pipeline.worker's preload.)
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
        logging.getLogger("distributed").setLevel(os.environ["DASK_LOGGING__DISTRIBUTED"].upper())
        import dask
        from prefect_dask import DaskTaskRunner

        # Each Dask worker forks a long-lived extraction process to bound a document's time (pipeline.worker; the
        # preload forks it when the worker starts); Dask starts its worker processes as daemons, and daemons may
        # not have children. (An existing cluster's workers need DASK_DISTRIBUTED__WORKER__DAEMON=False in their
        # environment and --preload pipeline.worker.)
        dask.config.set({"distributed.worker.daemon": False})
        runner = DaskTaskRunner(address=settings.dask_address) if settings.dask_address else DaskTaskRunner(
            cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
                            "preload": ["pipeline.worker"]})
    else:
        # Prefect's default thread pool runs every submitted batch at once; each running batch feeds a worker
        # process, so 40 batches on 2 cores meant 40 processes competing. One batch per core at a time.
        from prefect.task_runners import ThreadPoolTaskRunner

        runner = ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1)
    # Flow.with_options types its task_runner as TaskRunner[PrefectFuture[Any]], which none of Prefect's own runners
    # is (the type parameter is invariant, and each runner has its own kind of future).
    return newsclaims_flow.with_options(task_runner=runner)  # type: ignore[arg-type]
