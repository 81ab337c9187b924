"""The top-level packages import one another in one direction only: no import cycle between them.

Every module of the four packages is parsed (not imported) with ``ast``, imports inside functions included.
"""
from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A package may import only packages of a lower layer: pipeline → extractors → normalizers, pipeline → reports.
LAYERS = {"normalizers": 0, "extractors": 1, "reports": 1, "pipeline": 2}


def _imported(module: Path, package: str) -> set[str]:
    """The top-level packages among LAYERS that ``module`` imports (relative imports resolve to its own)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"), str(module))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(package if node.level else (node.module or "").split(".")[0])
    return found & LAYERS.keys()


def package_graph() -> dict[str, dict[str, list[str]]]:
    """Package → imported package → the modules (relative paths) that import it."""
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in LAYERS}
    for package in LAYERS:
        for module in sorted((ROOT / package).rglob("*.py")):
            for target in _imported(module, package) - {package}:
                graph[package].setdefault(target, []).append(str(module.relative_to(ROOT)))
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Every cycle of packages (each once, from its first package in LAYERS order)."""
    found: list[list[str]] = []
    order = list(LAYERS)

    def walk(path: list[str]) -> None:
        for target in graph[path[-1]]:
            if target == path[0]:
                found.append([*path, target])
            elif target not in path and order.index(target) > order.index(path[0]):
                walk([*path, target])

    for start in order:
        walk([start])
    return found


def test_no_import_cycle_between_packages() -> None:
    graph = package_graph()
    described = [" → ".join(c) + " (" + "; ".join(f"{a} → {b}: {', '.join(graph[a][b])}" for a, b in pairwise(c)) + ")"
                 for c in cycles(graph)]
    assert not described, "import cycles between top-level packages: " + " | ".join(described)


@pytest.mark.parametrize("package", list(LAYERS))
def test_package_imports_only_lower_layers(package: str) -> None:
    upward = {target: modules for target, modules in package_graph()[package].items()
              if LAYERS[target] >= LAYERS[package]}
    assert not upward, f"{package} imports a package of its own or a higher layer: {upward}"


def test_cycle_finder_finds_a_cycle() -> None:
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in LAYERS}
    graph["normalizers"]["extractors"] = ["normalizers/dates.py"]
    graph["extractors"]["normalizers"] = ["extractors/money.py"]
    assert cycles(graph) == [["normalizers", "extractors", "normalizers"]]
