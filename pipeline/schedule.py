"""Serve the newsclaims flow on a cron or interval schedule with Prefect's Runner.

How it works:

* The flow is registered as a deployment on a :class:`prefect.runner.Runner` (what ``flow.serve`` does), with
  the schedule attached, so runs show up in the Prefect UI under the deployment
  ``newsclaims-scheduled/newsclaims-serve``.
* The deployment runs :func:`newsclaims_scheduled`, a small wrapper flow with plain JSON parameters (paths as
  strings): the frozen :class:`~pipeline.settings.Settings` dataclass has ``Path`` fields that do not survive
  the API's parameter schema round trip, so Settings is rebuilt inside the run. The wrapper calls the
  configured flow (default or Dask task runner) as a subflow.
* With a Prefect server (``PREFECT_API_URL`` set, ``prefect server start``) the server's scheduler service creates
  the scheduled runs. Without one, Prefect's temporary server runs no scheduler service, so this module starts
  that server itself (shared with the run processes) and creates each scheduled run from the deployment's own
  schedule objects; the Runner then picks them up exactly as it would from a server.
* On SIGINT/SIGTERM it stops cleanly (pausing the schedule; outputs are switched atomically, so nothing is left
  half-written) within STOP_GRACE_S, else (or on a second signal) it kills its run processes and ends; either
  way with one line and exit 130/143 (``pipeline.interrupts``). With ``max_runs`` it stops once that many runs
  have finished.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from prefect import Flow, flow

from pipeline.flow_config import configured_flow
from pipeline.interrupts import ignore_signals, interrupted, later
from pipeline.settings import Settings

DEPLOYMENT_NAME = "newsclaims-serve"
POLL_SECONDS = 0.5
# How long a clean stop (pause the schedule, cancel a run in progress) may take before the process just ends.
STOP_GRACE_S = 3.0
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def settings_to_parameters(settings: Settings) -> dict[str, Any]:
    """Settings as JSON-safe flow parameters (paths as strings, tuples as lists)."""
    out: dict[str, Any] = {}
    for key, value in asdict(settings).items():
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


def settings_from_parameters(params: dict[str, Any]) -> Settings:
    """The inverse of :func:`settings_to_parameters`."""
    kinds = {f.name for f in fields(Settings)}
    values = {k: v for k, v in params.items() if k in kinds}
    for key in ("input_dir", "out_dir"):
        if key in values:
            values[key] = Path(values[key])
    if "suffixes" in values:
        values["suffixes"] = tuple(values["suffixes"])
    return Settings(**values)


@flow(name="newsclaims-scheduled", log_prints=False)
def newsclaims_scheduled(settings: dict[str, Any]) -> dict[str, Any]:
    """One scheduled run: rebuild the settings and run the configured newsclaims flow."""
    try:  # Ctrl-C reaches the whole process group: `serve` stops this run process, so it need not react itself
        ignore_signals()
    except ValueError:
        pass  # not the main thread of the run process
    real = settings_from_parameters(settings)
    return configured_flow(real)(real)


def _schedule(cron: str | None, interval: float | None):
    """Prefect's own schedule object (server schema, which can list its dates)."""
    from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

    if cron:
        return CronSchedule(cron=cron)
    if interval is None:
        raise ValueError("a schedule needs a cron expression or an interval")
    return IntervalSchedule(interval=dt.timedelta(seconds=float(interval)))


async def _serve(settings: Settings, cron: str | None, interval: float | None, max_runs: int | None,
                 drive_schedule: bool) -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterExpectedStartTime,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.runner import Runner
    from prefect.states import Scheduled

    loop = asyncio.get_running_loop()

    class StoppingRunner(Runner):
        def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
            """The Runner's own SIGTERM handler calls sys.exit: route SIGTERM to a clean stop, as SIGINT is."""
            loop.call_soon_threadsafe(request_stop, signal.SIGTERM)

    runner = StoppingRunner(name=DEPLOYMENT_NAME, pause_on_shutdown=True, limit=1, query_seconds=POLL_SECONDS,
                            prefetch_seconds=POLL_SECONDS * 4)
    deployment_id = await runner.aadd_flow(
        newsclaims_scheduled, name=DEPLOYMENT_NAME, cron=cron, interval=interval,
        parameters={"settings": settings_to_parameters(settings)},
        description="newsclaims on a schedule (pipeline.schedule.serve_flow)")
    schedule = _schedule(cron, interval)
    started_at = dt.datetime.now(dt.timezone.utc)
    this_deployment = DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
    if drive_schedule:  # runs a previous serve scheduled but never ran would all start at once: drop them
        async with get_client() as client:
            stale = await client.read_flow_runs(deployment_filter=this_deployment, flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED, StateType.PENDING]))))
            for run in stale:
                await client.delete_flow_run(run.id)
    stop = asyncio.Event()
    finished = 0
    signalled: list[int] = []

    def request_stop(signum: int) -> None:
        """A clean stop (the schedule paused), bounded in time; a second signal ends the process at once."""
        if signalled:
            interrupted(signum)
        signalled.append(signum)
        later(signum, STOP_GRACE_S)  # a run in progress may not stop cleanly in time
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, request_stop, sig)
        except (ValueError, RuntimeError, NotImplementedError):
            pass  # not the main thread: the caller handles signals

    async def runner_task() -> None:
        await runner.start()

    async def ticker() -> None:
        """Without a server scheduler, create each scheduled run when its time comes (one at a time)."""
        created = 0
        after = started_at
        async with get_client() as client:
            while not stop.is_set() and (max_runs is None or created < max_runs):
                (when,) = await schedule.get_dates(n=1, start=after)
                after = when + dt.timedelta(microseconds=1)
                await client.create_flow_run_from_deployment(deployment_id, state=Scheduled(scheduled_time=when))
                created += 1
                delay = (when - dt.datetime.now(dt.timezone.utc)).total_seconds()
                try:
                    await asyncio.wait_for(stop.wait(), timeout=max(delay, 0.0))
                except asyncio.TimeoutError:
                    pass

    async def watcher() -> None:
        nonlocal finished
        while not runner.started and not stop.is_set():
            await asyncio.sleep(0.05)
        async with get_client() as client:
            while not stop.is_set():
                runs = await client.read_flow_runs(deployment_filter=this_deployment, flow_run_filter=FlowRunFilter(
                    expected_start_time=FlowRunFilterExpectedStartTime(after_=started_at)))
                # (when it ended, name, state) of each finished run, in that order; every run listed was to start
                # after started_at (the filter), which stands in for a run that has neither time.
                done = sorted(((r.end_time or r.expected_start_time or started_at, r.name, r.state.type.value)
                               for r in runs if r.state and r.state.type.value in TERMINAL), key=lambda d: d[0])
                for _, name, state in done[finished:]:
                    print(f"newsclaims serve: run {name} {state.lower()}"
                          f" ({len(done)}{'/' + str(max_runs) if max_runs else ''})", flush=True)
                finished = len(done)
                if max_runs is not None and finished >= max_runs:
                    stop.set()
                    break
                try:
                    await asyncio.wait_for(stop.wait(), timeout=POLL_SECONDS)
                except asyncio.TimeoutError:
                    pass

    tasks = [asyncio.create_task(runner_task()), asyncio.create_task(watcher())]
    if drive_schedule:
        tasks.append(asyncio.create_task(ticker()))
    print(f"newsclaims serve: {settings.input_dir} -> {settings.out_dir} every "
          f"{('cron ' + cron) if cron else str(interval) + ' s'}; Ctrl-C to stop", flush=True)
    try:
        await stop.wait()
    finally:
        stop.set()
        if runner.started:
            await runner.astop()  # stops polling, cancels a run still in progress, pauses the schedule
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if signalled:
            interrupted(signalled[0])  # the run processes and the server go too; one line, exit 130/143
        print(f"newsclaims serve: stopped after {finished} run(s)", flush=True)
    return finished


def serve_flow(flow: Flow | None, settings: Settings, cron: str | None = None, interval: float | None = None,
               max_runs: int | None = None, temporary_server: bool = False) -> int:
    """Serve newsclaims on ``cron`` or every ``interval`` seconds until SIGINT/SIGTERM or ``max_runs`` runs.

    ``flow`` is the flow :func:`pipeline.flow_config.configured_flow` chose; scheduled runs rebuild it from the
    settings (``settings.runner``) in the run process, so it is only checked here. ``temporary_server``: the
    PREFECT_API_URL set is a temporary server the caller started (the CLI's, in a session of its own and logging
    to a file, so Ctrl-C to the terminal's process group does not make it print its shutdown tracebacks there): it
    has no scheduler service, so the runs are created here. Returns the number of runs that finished.
    """
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of cron or interval")
    if interval is not None and interval <= 0:
        raise ValueError("interval must be positive")
    if max_runs is not None and max_runs < 1:
        raise ValueError("max_runs must be at least 1")
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        return asyncio.run(_serve(settings, cron, interval, max_runs, drive_schedule=temporary_server))
    # No server: start Prefect's temporary server once and share it with the run processes.
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=120)
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            os.environ["PREFECT_API_URL"] = server.api_url  # run processes inherit it
            try:
                return asyncio.run(_serve(settings, cron, interval, max_runs, drive_schedule=True))
            finally:
                os.environ.pop("PREFECT_API_URL", None)
    finally:
        server.stop()
