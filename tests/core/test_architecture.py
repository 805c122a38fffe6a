"""The architecture checks itself (issue 18): no two apps import each other. The pairs below are
the known exceptions (see ARCHITECTURE.md); a new pair fails, and so does a pair that no longer
exists (remove it from the list, so the list only shrinks). Longer circles (a -> b -> c -> a) are
caught by pyproject's ``acyclic_siblings`` import-linter contract, which has the same exceptions."""

from __future__ import annotations

import grimp
from scripts.app_imports import ROOT, app_edges, mutual_pairs

KNOWN_MUTUAL = {
    # identity is the rule over both apps' models (who may see whose identity, the valid consent),
    # and both apps' pages and services ask it: it reads their models and nothing else of them.
    ("cases", "identity"), ("identity", "victims"),
}
IDENTITY_READS = {"laborlens.cases.models", "laborlens.victims.models"}
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


def test_identity_reads_only_the_models_of_cases_and_victims():
    graph = grimp.build_graph(ROOT, exclude_type_checking_imports=True)
    read = {imported for module in graph.find_descendants(f"{ROOT}.identity")
            for imported in graph.find_modules_directly_imported_by(module)
            if imported.startswith((f"{ROOT}.cases", f"{ROOT}.victims"))}
    assert read <= IDENTITY_READS, sorted(read - IDENTITY_READS)
