"""The architecture checks itself (issue 18): no two apps import each other. ``KNOWN_MUTUAL`` is
empty and stays so; a new pair fails, and so would a listed pair that no longer exists. Longer
circles (a -> b -> c -> a) are caught by pyproject's ``acyclic_siblings`` import-linter contract
(its one exception: the queue runs file-driven commands through the root command line)."""

from __future__ import annotations

from scripts.app_imports import app_edges, mutual_pairs

KNOWN_MUTUAL: set[tuple[str, str]] = set()  # none left: keep it that way
# Pure packages: rules, mathematics and formats, usable without Django (pyproject's
# import-linter contract checks the same for their modules).
PURE = ("catalogue", "extraction", "anonymity")


def test_no_new_pair_of_apps_imports_each_other():
    pairs = mutual_pairs()
    new = sorted(pairs - KNOWN_MUTUAL)
    assert not new, f"these apps now import each other: {new}; make the dependency run one way"
    gone = sorted(KNOWN_MUTUAL - pairs)
    assert not gone, f"no longer mutual (good): remove {gone} from KNOWN_MUTUAL"


def test_pure_packages_import_no_app():
    edges = app_edges()
    for package in PURE:
        # screening: its engine, itself pure (import-linter checks the modules one by one)
        assert edges.get(package, set()) <= set(PURE) | {"env", "screening"}, (package, edges.get(package))
