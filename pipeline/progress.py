"""Progress of a run: the flow announces phases and articles done; the CLI chooses how they are shown.

The flow calls ``phase(name, total)`` and ``advance(n)``; they go to the reporter installed with ``use()`` (by
default one that only times the phases). ``BarProgress`` draws a live bar on a terminal (articles done, rate,
ETA, one row per phase); ``PlainProgress`` writes a line now and then, for logs and pipes. Both time the phases
for the summary and run.json. Kept free of Prefect so that the CLI can show its first line before importing it.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import IO

from pipeline import interrupts

# How often PlainProgress writes a line within a phase: every tenth of the work, at most every few seconds.
PLAIN_STEPS = 10
PLAIN_MIN_INTERVAL_S = 2.0


class Progress:
    """Times a run's phases and counts articles done; shows nothing (subclasses show it)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, started: float | None = None) -> None:
        self.clock = clock
        self.started = clock() if started is None else started
        self.timings: dict[str, float] = {}
        self.name: str | None = None
        self.total: int | None = None
        self.done = 0
        self._phase_started = self.started

    def phase(self, name: str, total: int | None = None) -> None:
        """End the current phase and start ``name``, with ``total`` articles to do (None: not counted)."""
        self._end_phase()
        self.name, self.total, self.done, self._phase_started = name, total, 0, self.clock()
        self.show_phase()

    def advance(self, n: int = 1) -> None:
        """``n`` more articles of the current phase are done."""
        self.done += n
        self.show_advance()

    def close(self) -> None:
        """End the last phase and stop showing progress."""
        self._end_phase()
        self.show_close()

    def wall(self) -> float:
        """Seconds since ``started`` (the CLI passes the moment it started)."""
        return self.clock() - self.started

    def rate(self) -> float | None:
        """Articles a second in the current phase so far."""
        elapsed = self.clock() - self._phase_started
        return self.done / elapsed if self.done and elapsed > 0 else None

    def _end_phase(self) -> None:
        if self.name is not None:
            self.timings[self.name] = self.timings.get(self.name, 0.0) + self.clock() - self._phase_started
            self.show_end()
            self.name = None

    # What subclasses show.
    def show_phase(self) -> None: ...
    def show_advance(self) -> None: ...
    def show_end(self) -> None: ...
    def show_close(self) -> None: ...


def terminal_stream() -> IO[str]:
    """A text stream on the process's stderr as it is now: Prefect's start briefly points fd 2 at a log file."""
    return os.fdopen(os.dup(2), "w", encoding="utf-8", errors="replace", buffering=1)


class PlainProgress(Progress):
    """One line when a phase starts, about every tenth of its work (at most every few seconds; with rate and ETA),
    and when it ends."""

    def __init__(self, stream: IO[str], clock: Callable[[], float] = time.monotonic,
                 started: float | None = None) -> None:
        super().__init__(clock, started)
        self.stream = stream
        self._last_line = self.started
        self._last_step = 0

    def _write(self, text: str) -> None:
        self.stream.write(f"newsclaims: {text}\n")
        self.stream.flush()
        self._last_line = self.clock()

    def show_phase(self) -> None:
        self._last_step = 0
        self._write(f"{self.name} 0/{self.total} articles" if self.total else f"{self.name}…")

    def show_advance(self) -> None:
        if not self.total:
            return
        step = self.done * PLAIN_STEPS // self.total
        if step > self._last_step and self.done < self.total and self.clock() - self._last_line >= PLAIN_MIN_INTERVAL_S:
            self._last_step = step
            self._write(f"{self.name} {self.done}/{self.total} articles{_rate_eta(self)}")

    def show_end(self) -> None:
        took = self.clock() - self._phase_started
        count = f" {self.done}/{self.total} articles" if self.total else ""
        self._write(f"{self.name}{count} done in {took:.1f} s")


def _rate_eta(p: Progress) -> str:
    rate = p.rate()
    if not rate or not p.total:
        return ""
    return f", {rate:.0f} articles/s, ETA {max(0.0, (p.total - p.done) / rate):.0f} s"


class BarProgress(Progress):
    """A live rich progress display on a terminal: one row per phase, with a bar, M/N, rate and ETA."""

    def __init__(self, stream: IO[str], clock: Callable[[], float] = time.monotonic,
                 started: float | None = None) -> None:
        super().__init__(clock, started)
        from rich.console import Console
        from rich.progress import BarColumn, ProgressColumn, SpinnerColumn, Task, TaskID, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress
        from rich.text import Text

        class CountColumn(ProgressColumn):
            """Articles done, rate and ETA; nothing for a phase that is not counted in articles."""

            def render(self, task: Task) -> Text:
                if not task.fields.get("counted"):
                    return Text("")
                text = f"{task.completed:,.0f}/{task.total:,.0f} articles"
                if task.speed:
                    text += f"  {task.speed:,.0f}/s"
                if task.time_remaining is not None and not task.finished:
                    text += f"  ETA {task.time_remaining:.0f} s"
                return Text(text, style="cyan")

        self._bar = RichProgress(SpinnerColumn(finished_text="✓"), TextColumn("{task.description:<16}"),
                                 BarColumn(bar_width=12), TimeElapsedColumn(), CountColumn(),
                                 console=Console(file=stream, force_terminal=True), refresh_per_second=8)
        self._task: TaskID | None = None
        self._bar.start()
        interrupts.live_display(stream.fileno())  # an interrupted line goes below the bar, not on it

    def show_phase(self) -> None:
        self._task = self._bar.add_task(self.name or "", total=self.total, counted=self.total is not None)

    def show_advance(self) -> None:
        if self._task is not None:
            self._bar.update(self._task, completed=self.done)

    def show_end(self) -> None:
        if self._task is not None:
            total = self.total or 1
            self._bar.update(self._task, total=total, completed=self.done if self.total else total)
            self._bar.stop_task(self._task)
            self._task = None

    def show_close(self) -> None:
        self._bar.stop()
        interrupts.live_display(None)


_current: Progress = Progress()


def use(reporter: Progress) -> Progress:
    """Send the run's progress to ``reporter``; returns it."""
    global _current
    _current = reporter
    return reporter


def phase(name: str, total: int | None = None) -> None:
    """Start a phase of the run (see ``Progress.phase``)."""
    _current.phase(name, total)


def advance(n: int = 1) -> None:
    """Articles done in the current phase."""
    _current.advance(n)
