"""Which apps import each other (module-level and function-level imports alike).

    .venv/bin/python scripts/app_imports.py          # every pair of apps that import each other
    .venv/bin/python scripts/app_imports.py --edges  # every app -> app dependency

Read by tests/core/test_architecture.py, which fails when a new pair appears.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

ROOT = "laborlens"


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def app_edges() -> dict[str, set[str]]:
    """app -> the other apps (and top-level modules) it imports."""
    # Imports under TYPE_CHECKING only name types: no runtime dependency, left out.
    graph = grimp.build_graph(ROOT, exclude_type_checking_imports=True)
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        source = app_of(module)
        for imported in graph.find_modules_directly_imported_by(module):
            target = app_of(imported)
            if imported.startswith(ROOT + ".") and target != source:
                edges.setdefault(source, set()).add(target)
    return edges


def mutual_pairs(edges: dict[str, set[str]] | None = None) -> set[tuple[str, str]]:
    edges = app_edges() if edges is None else edges
    return {(a, b) for a, targets in edges.items() for b in targets if a < b and a in edges.get(b, set())}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    if "--edges" in argv:
        for app, targets in sorted(app_edges().items()):
            print(f"{app} -> {', '.join(sorted(targets))}")
        return 0
    pairs = sorted(mutual_pairs())
    for a, b in pairs:
        print(f"{a} <-> {b}")
    print(f"{len(pairs)} pairs of apps import each other")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
