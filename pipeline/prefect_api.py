"""Prefect's API for a CLI run: the server PREFECT_API_URL names, else a temporary one started beside the imports.

Left to itself, Prefect starts its temporary server (a uvicorn subprocess) on the flow's first API call: after the
CLI has imported Prefect and the pipeline (~2 s), importing Prefect's server code in the CLI as well (~2 s), then
waiting for the subprocess to import the same code and answer (~3 s). :func:`start_temporary_server` starts that
subprocess first thing instead, without importing Prefect here, so its start overlaps the CLI's imports. The
listening socket is bound here and handed to uvicorn (``--fd``): the API's address is known before Prefect is
imported (Prefect reads PREFECT_API_URL from the environment once, at import, for the threads that do not copy
the settings context) and no other process can take the port meanwhile.

The server process is this module run as ``python -m pipeline.prefect_api prefect.server.api.server:create_app
--fd N``: it builds Prefect's API app as Prefect's own temporary server does, ``create_app(ephemeral=True)`` (no UI,
only the services an ephemeral server runs), and serves it with uvicorn on the socket it was handed.

Kept free of Prefect imports: it runs before Prefect is loaded.
"""
from __future__ import annotations

import gc
import http.client
import importlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: Prefect's own dependency reads TOML there
    import toml as tomllib

# The temporary server's app: Prefect's factory, called with ephemeral=True (see serve_app).
SERVER_APP = "prefect.server.api.server:create_app"
# Public settings of the temporary server (the environment's own values win, except for the UI): no UI; and no
# registration of block types at its start. Registering them, or only checking that it was done (the memo), imports
# every installed Prefect collection first (prefect_dask, with the dask extra: ~0.6 s), and the first start in a
# new PREFECT_HOME writes them all to the database (~0.9 s). No newsclaims run uses a block; a `prefect server
# start` on the same home registers them at its own start.
SERVER_ENV = {"PREFECT_API_BLOCKS_REGISTER_ON_START": "false", "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
SERVER_FORCED_ENV = {"PREFECT_UI_ENABLED": "0"}
DEFAULT_STARTUP_TIMEOUT_S = 120.0
POLL_S = 0.05
STOP_GRACE_S = 5.0
LOG_NAME = "newsclaims-ephemeral-server.log"
PARENT_VARIABLE = "NEWSCLAIMS_SERVER_PARENT"  # the CLI's pid, for the server process to follow it
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def prefect_home() -> Path:
    """PREFECT_HOME as Prefect resolves it by default (the environment, else ~/.prefect)."""
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def configured_api_url() -> str | None:
    """The Prefect API a user has configured, looked up where Prefect looks and in its order, without importing it."""
    found = configured_api()
    return found[0] if found else None


def configured_api() -> tuple[str, str] | None:
    """The Prefect API a user has configured and where it is set, looked up where Prefect looks and in its order.

    The environment, then the working folder's ``.env``, ``prefect.toml`` (``[api] url``) and ``pyproject.toml``
    (``[tool.prefect.api] url``), then the active profile (``prefect config set PREFECT_API_URL=…`` writes there).
    """
    if url := os.environ.get("PREFECT_API_URL"):
        return url, "the environment variable PREFECT_API_URL"
    if found := _project_setting("PREFECT_API_URL", ("api", "url")):
        return found
    setting = _project_setting("PREFECT_PROFILES_PATH", ("profiles_path",))
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or (setting[0] if setting else None)
                or prefect_home() / "profiles.toml").expanduser()
    profiles = _read_toml(path, "Prefect profiles")
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    value = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return (str(value), f"the Prefect profile {active!r} in {path}") if value else None


# Prefect's project files in the working folder, after the environment and before the profile: (file, table).
PROJECT_TOML = ((Path("prefect.toml"), ()), (Path("pyproject.toml"), ("tool", "prefect")))


def _project_setting(variable: str, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """A Prefect setting from the working folder's ``.env`` (as ``variable``), else its TOML files (at ``keys``),
    and where it was found."""
    if Path(".env").is_file():
        import dotenv  # python-dotenv: Prefect's own reader of .env

        # Prefect reads .env names in any case (prefect_api_url)
        found = next(((k, v) for k, v in dotenv.dotenv_values(".env").items() if k.upper() == variable and v), None)
        if found:
            return str(found[1]), f"{Path('.env').resolve()} ({found[0]})"
    for path, table in PROJECT_TOML:
        value: object = _read_toml(path, "Prefect settings")
        for key in (*table, *keys):
            value = value.get(key) if isinstance(value, dict) else None
        if value:
            return str(value), f"{path.resolve()} ([{'.'.join((*table, *keys[:-1]))}] {keys[-1]})"
    return None


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    if path.exists() and not path.is_file():
        return {}  # a folder of that name: Prefect reads files only
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):  # no such file (a HOME that is a file has no ~/.prefect)
        return {}
    except (OSError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise SetupError(f"cannot read the {what} {path}: {exc}") from exc


class SetupError(RuntimeError):
    """Prefect's setting-up cannot work as it is (a server that does not answer, a home that cannot be written)."""


# How long the configured server has to answer its health check before a run starts.
HEALTH_TIMEOUT_S = 5.0


def check_server(url: str, where: str, timeout: float = HEALTH_TIMEOUT_S) -> None:
    """Raise SetupError unless the Prefect API at ``url`` answers (any HTTP status: it is there). Proxies in the
    environment are used, as Prefect's own client uses them."""
    import urllib.error
    import urllib.request

    health = url.rstrip("/") + "/health"
    if not health.startswith(("http://", "https://")):
        raise SetupError(f"the Prefect API URL {url!r}, set in {where}, is not an http:// or https:// URL")
    try:
        with urllib.request.urlopen(health, timeout=timeout):  # noqa: S310 - the scheme is checked above
            return
    except urllib.error.HTTPError:
        return  # it answered (a server behind authentication, an older API): Prefect will say more if need be
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SetupError(f"the Prefect API at {url}, set in {where}, does not answer ({reason}): start that server, "
                         "or remove the setting to run on a temporary one") from None


def usable_home() -> tuple[Path, str | None]:
    """A PREFECT_HOME Prefect can write (its database, logs and this CLI's server log go there), and a warning if
    it is not the usual one.

    PREFECT_HOME set but not writable is a setting to correct (SetupError); ~/.prefect not writable (a read-only or
    missing HOME, a container) gives a temporary home for this run, removed at exit, with the user's profiles still
    read from where they are.
    """
    home = prefect_home()
    problem = _not_writable(home)
    if problem is None:
        return home, None
    if os.environ.get("PREFECT_HOME"):
        raise SetupError(f"PREFECT_HOME={home} cannot be written ({problem}): set PREFECT_HOME to a writable folder")
    import atexit
    import shutil
    import tempfile

    temporary = Path(tempfile.mkdtemp(prefix="newsclaims-prefect-home-"))
    atexit.register(shutil.rmtree, temporary, ignore_errors=True)
    profiles = home / "profiles.toml"
    if "PREFECT_PROFILES_PATH" not in os.environ and profiles.is_file():
        os.environ["PREFECT_PROFILES_PATH"] = str(profiles)
    os.environ["PREFECT_HOME"] = str(temporary)
    return temporary, (f"{home} cannot be written ({problem}); Prefect's home for this run is {temporary}, removed "
                       "at its end: set PREFECT_HOME to a writable folder to keep it")


def _not_writable(folder: Path) -> str | None:
    """Why files cannot be created in ``folder`` (created if need be), or None if they can."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".newsclaims-probe.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


@dataclass
class TemporaryServer:
    """Prefect's temporary API server in a uvicorn subprocess, started by :func:`start_temporary_server`."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    log: Path
    started: float  # time.monotonic() when the subprocess was started
    timeout_s: float
    ready_at: float | None = None  # time.monotonic() when it first answered
    error: str | None = None
    _done: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    def _watch(self) -> None:
        """Wait for the API's health endpoint to answer (in a thread, while the CLI imports), then warm it up."""
        try:
            self._wait_healthy()
        finally:
            self._done.set()
        if self.ready_at is not None:
            # The server's first API request (any route) builds FastAPI's routes for all of Prefect's routers:
            # 0.3-1 s of its time. Made now, it overlaps what the CLI still does before its flow's first call.
            self._get("/api/admin/version")

    def _get(self, path: str, timeout: float = 30.0) -> int | None:
        """The status of GET ``path`` on the server, or None if it did not answer."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            return connection.getresponse().status
        except (OSError, http.client.HTTPException):
            return None
        finally:
            connection.close()

    def _wait_healthy(self) -> None:
        deadline = self.started + self.timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.error = f"the server exited with status {self.process.returncode} before answering"
                return
            # The socket listens from the start: a request waits in its backlog until uvicorn serves it.
            if self._get("/api/health", timeout=max(POLL_S, min(2.0, deadline - time.monotonic()))) == 200:
                self.ready_at = time.monotonic()
                return
            time.sleep(POLL_S)
        self.error = f"no answer within {self.timeout_s:g} s (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)"

    def wait(self) -> float:
        """Block until the server answers; return the seconds its start took. Raise RuntimeError if it did not start."""
        self._done.wait()
        if self.ready_at is None:
            raise RuntimeError(f"Prefect's temporary server at {self.api_url} did not start: "
                               f"{self.error or 'unknown'}; its log: {self.log}")
        return self.ready_at - self.started

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after STOP_GRACE_S); safe to call twice."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_temporary_server(log: Path | None = None) -> TemporaryServer:
    """Start Prefect's temporary server in the background and return at once; its output goes to ``log``.

    The caller sets PREFECT_API_URL to ``api_url`` before importing Prefect and calls ``wait()`` before the flow
    runs, ``stop()`` at the end (the CLI's interrupt handlers and watchdog kill it on Ctrl-C or ``kill -9``).
    """
    spec = importlib.util.find_spec("prefect")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Prefect is not installed in this environment (pip install -e .)")
    log = log or prefect_home() / LOG_NAME
    log.parent.mkdir(parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", 0))  # a free port chosen by the system, held until uvicorn takes the socket
        listener.listen(128)
        port = listener.getsockname()[1]
        # PREFECT_API_URL is left out: the server is the API, and the CLI sets it to this server only afterwards.
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        started = time.monotonic()
        with open(log, "ab") as out:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            out.write(f"--- {stamp} newsclaims: temporary server on port {port}\n".encode())
            out.flush()
            process = subprocess.Popen(
                [sys.executable, "-m", "pipeline.prefect_api", SERVER_APP, "--fd", str(listener.fileno())],
                env={**SERVER_ENV, **env, **SERVER_FORCED_ENV, PARENT_VARIABLE: str(os.getpid()),
                     "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
                stdin=subprocess.DEVNULL, stdout=out, stderr=out, pass_fds=(listener.fileno(),),
                # Its own session: a Ctrl-C to the terminal's process group must not stop it while the CLI still
                # sends its last events (Prefect logs each lost one as an error); the CLI stops or kills it.
                start_new_session=True)
    finally:
        listener.close()  # the subprocess holds its own copy; if it dies, connections are refused, not left waiting
    timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or DEFAULT_STARTUP_TIMEOUT_S)
    server = TemporaryServer(process, "127.0.0.1", port, log, started, timeout)
    threading.Thread(target=server._watch, name="prefect-server-start", daemon=True).start()
    return server


def _follow_parent() -> None:
    """End this server process (SIGTERM) when the CLI that started it dies, even by ``kill -9``.

    The CLI's watchdog (``pipeline.interrupts``) notes its children every half second; a CLI killed within that
    time of starting the server would otherwise leave it running. Linux only; elsewhere the watchdog alone.
    """
    parent = int(os.environ.pop(PARENT_VARIABLE))
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), f"prctl(PR_SET_PDEATHSIG) failed in the temporary server {os.getpid()}")
    if os.getppid() != parent:  # the CLI died before the line above took effect
        sys.exit(f"newsclaims: the CLI ({parent}) that started this Prefect server is gone")


def serve_app(factory: str, fd: int) -> None:
    """Serve Prefect's API app, built by ``factory`` (``module:function``) as Prefect's temporary server builds it,
    on the listening socket ``fd``, until SIGTERM.

    ``create_app(ephemeral=True)`` is what Prefect's SubprocessASGIServer asks for through the private variable
    PREFECT__SERVER_EPHEMERAL; no public setting does it (PREFECT_SERVER_EPHEMERAL_ENABLED tells a client to start
    such a server, not a server to be one). Its other variable, PREFECT__SERVER_FINAL (``final=True``), is left
    out: with FastAPI 0.137 and later its only effect is a full garbage collection (~0.2 s of CPU) to give memory
    back, which a server living as long as one run does not need.

    The cyclic garbage collector is off while Prefect's server code is imported and the app built: it ran hundreds
    of times over the ~450,000 objects the imports create and found next to nothing (a quarter of their CPU time).
    The objects made so far are then frozen (never scanned again) and the collector runs as usual.
    """
    gc.disable()
    import uvicorn

    module, _, name = factory.partition(":")
    app = getattr(importlib.import_module(module), name)(ephemeral=True)
    gc.freeze()
    gc.enable()
    uvicorn.run(app, fd=fd, log_level="error", lifespan="on")


if __name__ == "__main__":  # the temporary server: python -m pipeline.prefect_api MODULE:FACTORY --fd N
    import argparse

    _follow_parent()
    parser = argparse.ArgumentParser(prog="python -m pipeline.prefect_api", description="Prefect's temporary server")
    parser.add_argument("factory", help="module:function building Prefect's API app")
    parser.add_argument("--fd", type=int, required=True, help="listening socket to serve on")
    arguments = parser.parse_args()
    serve_app(arguments.factory, arguments.fd)
