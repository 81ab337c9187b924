"""Which Prefect API a CLI run uses: a configured server as it is, else a temporary one started beside the imports."""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from pipeline import prefect_api
from tests.conftest import ROOT, SEEDS

SERVER_APP = "prefect.server.api.server:create_app"  # in the command line of a Prefect server process


def test_the_api_url_comes_from_the_environment_then_the_active_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    for name in ("PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH"):
        monkeypatch.delenv(name, raising=False)
    assert prefect_api.configured_api_url() is None  # no profiles file
    (tmp_path / "profiles.toml").write_text('active = "local"\n[profiles.local]\nPREFECT_API_URL = "http://h:1/api"\n'
                                            '[profiles.other]\nPREFECT_LOGGING_LEVEL = "INFO"\n', encoding="utf-8")
    assert prefect_api.configured_api_url() == "http://h:1/api"
    monkeypatch.setenv("PREFECT_PROFILE", "other")
    assert prefect_api.configured_api_url() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://env:2/api")
    assert prefect_api.configured_api_url() == "http://env:2/api"


PROFILE = 'active = "x"\n[profiles.x]\nPREFECT_API_URL = "http://profile:4/api"\n'
PROJECT_FILES = {
    "prefect-toml": {"prefect.toml": '[api]\nurl = "http://toml:1/api"\n'},
    "pyproject-tool-prefect": {"pyproject.toml": '[project]\nname = "x"\n[tool.prefect.api]\nurl = "http://py:2/api"\n'},
    "dotenv-before-prefect-toml": {".env": "PREFECT_API_URL=http://dotenv:3/api\n",
                                   "prefect.toml": '[api]\nurl = "http://toml:1/api"\n'},
    "prefect-toml-before-pyproject": {"prefect.toml": '[api]\nurl = "http://toml:1/api"\n',
                                      "pyproject.toml": '[tool.prefect.api]\nurl = "http://py:2/api"\n'},
    "project-file-before-profile": {"prefect.toml": '[api]\nurl = "http://toml:1/api"\n',
                                    "home/profiles.toml": PROFILE},
    "profiles-path-in-prefect-toml": {"prefect.toml": 'profiles_path = "mine.toml"\n', "mine.toml": PROFILE},
    "profiles-path-in-dotenv": {".env": "PREFECT_PROFILES_PATH=mine.toml\n", "mine.toml": PROFILE},
    "pyproject-without-prefect": {"pyproject.toml": '[project]\nname = "x"\n'},
    "dotenv-lower-case-name": {".env": "prefect_api_url=http://lower:5/api\n"},
}


@pytest.mark.slow  # each case asks Prefect itself in a fresh interpreter (~2 s)
@pytest.mark.parametrize("files", PROJECT_FILES.values(), ids=PROJECT_FILES.keys())
def test_the_api_url_of_the_working_folders_files_is_the_one_prefect_itself_resolves(files, tmp_path, monkeypatch):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    prefect = subprocess.run([sys.executable, "-c", "from prefect.settings import get_current_settings as s; "
                              "print(s().api.url or '')"], cwd=tmp_path, env=env, capture_output=True, text=True,
                             check=True).stdout.strip()
    for name in [k for k in os.environ if k.startswith("PREFECT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert (prefect_api.configured_api_url() or "") == prefect


def test_an_unreadable_profiles_file_is_an_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    (tmp_path / "profiles.toml").write_text("active = [", encoding="utf-8")
    with pytest.raises(RuntimeError, match="profiles.toml"):
        prefect_api.configured_api_url()


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING",
               PYTHONPATH=str(ROOT), **extra)
    return env


def _run_cli(out: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], dict[psutil.Process, str]]:
    """``newsclaims run seeds`` in a subprocess; also the command lines of its descendants seen while it ran."""
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(SEEDS), "--out", str(out), "--quiet"],
                            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: dict[psutil.Process, str] = {}

    def watch() -> None:
        while proc.poll() is None:
            try:
                children = psutil.Process(proc.pid).children(recursive=True)
            except psutil.Error:
                children = []  # the CLI ended meanwhile
            for child in children:
                try:
                    # Only the CLI's own children and their execs: a process the server forks (a helper it runs)
                    # shows the server's command line until it execs, and keeps it here if it ends first, as it may
                    # on a loaded machine, where it would pass for a second server.
                    command = " ".join(child.cmdline())
                    if child.ppid() != proc.pid and child not in seen and SERVER_APP in command:
                        continue
                    # The latest non-empty: a child seen before its exec shows our command, a zombie none.
                    if command or child not in seen:
                        seen[child] = command
                except psutil.Error:
                    pass  # a batch worker that ended while being listed
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    stdout, stderr = proc.communicate(timeout=300)
    watcher.join()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), seen


@pytest.mark.slow
def test_a_run_with_prefect_api_url_uses_that_server_and_starts_none(tmp_path):
    server_home, cli_home = tmp_path / "server-home", tmp_path / "cli-home"
    os.environ["PREFECT_HOME"], saved = str(server_home), os.environ.get("PREFECT_HOME")
    try:
        server = prefect_api.start_temporary_server()  # stands for `prefect server start`
    finally:
        os.environ.pop("PREFECT_HOME") if saved is None else os.environ.update(PREFECT_HOME=saved)
    try:
        server.wait()
        done, children = _run_cli(tmp_path / "out", _env(cli_home, PREFECT_API_URL=server.api_url))
    finally:
        server.stop()
    assert done.returncode == 0, done.stderr
    assert not any(SERVER_APP in c for c in children.values()), children
    assert not (cli_home / prefect_api.LOG_NAME).exists()
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["prefect_api"] == {"server": "running (PREFECT_API_URL)", "api_url": server.api_url}
    assert list(record["phases"]) == ["loading", "starting Prefect", "starting the flow", "reading", "processing",
                                      "writing"]
    assert record["found"] == len(list(SEEDS.iterdir()))


@pytest.mark.slow
def test_a_run_without_a_server_starts_a_temporary_one_and_stops_it(tmp_path):
    done, children = _run_cli(tmp_path / "out", _env(tmp_path / "home"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # the server's output went to its log, not the terminal
    servers = [p for p, c in children.items() if SERVER_APP in c]
    assert len(servers) == 1, children
    assert not servers[0].is_running()  # stopped when the CLI ended
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    api = record["prefect_api"]
    assert api["server"] == "temporary" and api["server_start_seconds"] > 0
    assert Path(api["log"]) == tmp_path / "home" / prefect_api.LOG_NAME and Path(api["log"]).is_file()
    assert record["wall_seconds"] >= sum(record["phases"].values()) - 0.01


@pytest.mark.slow
def test_a_server_that_dies_while_starting_is_an_error_naming_its_log(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    server = prefect_api.start_temporary_server()
    server.process.kill()
    with pytest.raises(RuntimeError, match=rf"did not start: the server exited with status -9.*{tmp_path}"):
        server.wait()
    server.stop()  # nothing left to stop: no error


def _request(server: prefect_api.TemporaryServer, method: str, path: str, body: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers={"content-type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@pytest.mark.slow
def test_the_temporary_server_is_prefects_ephemeral_app_set_up_with_public_settings_only(tmp_path, monkeypatch):
    """Issue 22: Prefect's private PREFECT__SERVER_EPHEMERAL and PREFECT__SERVER_FINAL are gone; the server is
    Prefect's create_app(ephemeral=True): an API without UI, and no block types registered at its start."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    server = prefect_api.start_temporary_server()
    try:
        server.wait()
        process = psutil.Process(server.process.pid)
        assert SERVER_APP in " ".join(process.cmdline())
        assert not [name for name in process.environ() if name.startswith("PREFECT__")]
        assert _request(server, "GET", "/api/health") == (200, "true")
        assert _request(server, "GET", "/")[0] == 404  # no UI
        assert _request(server, "POST", "/api/block_types/filter", "{}") == (200, "[]")
    finally:
        server.stop()
