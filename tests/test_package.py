"""The package as users get it: every file under the packages in the built wheel, every import declared."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import toml as tomllib

from pipeline import cli
from pipeline.settings import PIPELINE_VERSION

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "extractors", "normalizers", "reports")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# A requirement's distribution name, before any extra, version or marker.
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
SKIPPED_PARTS = {"__pycache__"}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(requirements: list[str]) -> set[str]:
    return {_canonical(m.group(1)) for r in requirements if (m := REQUIREMENT_NAME.match(r))}


def _package_files() -> list[str]:
    """Every file under the packages, as a path inside the wheel (caches left out)."""
    return sorted(p.relative_to(ROOT).as_posix() for package in PACKAGES for p in (ROOT / package).rglob("*")
                  if p.is_file() and not SKIPPED_PARTS & set(p.parts) and p.suffix != ".pyc")


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _third_party_imports() -> dict[str, list[str]]:
    """Each third-party module the packages import, with the files that import it."""
    found: dict[str, list[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in _top_level_imports(path):
                if name not in sys.stdlib_module_names and name not in PACKAGES and name != "__future__":
                    found.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    return found


# Modules imported only where Python is older than the one running the tests.
OLDER_PYTHON_ONLY = {"toml"}


def test_every_third_party_import_is_declared():
    """A module the packages import comes from a distribution pyproject names (a dependency or an extra), not
    one that happens to arrive with another package."""
    declared = _declared(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"]["optional-dependencies"].values():
        declared |= _declared(extra)
    distributions = importlib.metadata.packages_distributions()
    undeclared = {name: files for name, files in _third_party_imports().items()
                  if name not in OLDER_PYTHON_ONLY
                  and not declared & {_canonical(d) for d in distributions.get(name, [name])}}
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_the_version_is_written_once():
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PYPROJECT["project"]
    assert importlib.metadata.version("newsclaims") == PIPELINE_VERSION


def test_dask_runner_without_the_extra_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path):
    real_find_spec = cli.importlib.util.find_spec
    monkeypatch.setattr(cli.importlib.util, "find_spec",
                        lambda name, *a: None if name == "prefect_dask" else real_find_spec(name, *a))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["run", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--runner", "dask"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newsclaims[dask]" in err, err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_the_wheel_holds_every_file_under_the_packages(tmp_path):
    """Built as users build it (``pip wheel``, isolated build) from a copy of the sources: every file under the
    packages, at any depth, is in it; each package is marked typed; its version is the one in settings."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q",
                            "-w", str(tmp_path / "dist")], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = (tmp_path / "dist").glob("newsclaims-*.whl")
    assert wheel.name.startswith(f"newsclaims-{PIPELINE_VERSION}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [f for f in _package_files() if f not in names]
    assert not missing, f"under the packages but not in the wheel (add their pattern to package-data): {missing}"
    assert {f"{p}/py.typed" for p in PACKAGES} <= names
