"""What a phone needs to screen with no connection (pure): the catalogue data the on-device
reading uses (static/laborlens/reading.js, a port of engine.py's headline reading) and the
labels it shows. Nothing about a person: the same for every officer of every agency.

The engine's own constants (which 1589(a) means count on their own, which dimensions are
coercive) travel with the data, so that the port and the engine cannot drift apart silently;
tests/screening/test_reading_port.py runs both over the golden vignettes."""

from __future__ import annotations

from typing import Any

from laborlens.catalogue import Catalogue
from laborlens.screening import federal
from laborlens.screening.templatetags.screening import BASIS_LABELS

FORMAT = 2  # bumped when the shape below changes, so a cached copy is known to be stale


def field_catalogue(cat: Catalogue, jurisdiction: str) -> dict[str, Any]:
    """The catalogue as the on-device reading needs it, JSON-serialisable."""
    return {
        "format": FORMAT,
        "version": cat.version,
        "jurisdiction": jurisdiction,
        "short_form": list(cat.short_form),
        "dimensions": [{"id": d.id, "role": d.role, "deception": d.deception, "label": d.label.to_dict()}
                       for d in cat.dimensions],
        "patterns": [{"id": p.id, "strong": p.strong, "medium": p.medium, "weak": p.weak,
                      "medium_or_weak": p.medium_or_weak} for p in cat.patterns],
        "items": [{"id": i.id, "kind": i.kind, "dimension": i.dimension, "weight_adult": i.weight_adult,
                   "weight_child": i.weight_child, "us_supports": list(i.us_supports), "roles": list(i.roles),
                   "label": i.label.to_dict()} for i in cat.items.values()],
        "us_elements": [{"id": e.id, "supported_when_any": list(e.supported_when_any),
                         "components": [{"id": c.id, "derived_when_all": [list(g) for g in c.derived_when_all]}
                                        for c in e.components]} for e in cat.us_elements],
        "readings": [{"id": r.id, "rank": r.rank, "label": r.label.to_dict()} for r in cat.readings.values()],
        "us_rule": {"coercive_means": list(federal.COERCIVE_MEANS), "direct_means": list(federal.DIRECT_MEANS),
                    "coercive_dimensions": list(federal.COERCIVE_DIMENSIONS),
                    "counter_evidence": sorted(federal.COUNTER_EVIDENCE),
                    "contradicts": dict(sorted(federal.CONTRADICTS.items())),
                    "wage_theft_lookalikes": sorted(federal.WAGE_THEFT_LOOKALIKES),
                    "heightened_vulnerability": sorted(federal.HEIGHTENED_VULNERABILITY)},
        "basis_labels": {key: {"en": en, "es": es} for key, (en, es) in BASIS_LABELS.items()},
    }
