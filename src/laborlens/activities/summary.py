"""Counts of partner work for the dashboard and reports (no identities, no scoping).

The caller decides which agencies the user may report on; this module only counts.
"""

from __future__ import annotations

from datetime import date

from laborlens.activities.models import Activity, Agreement, Kind, active_on

KIND_KEYS = {
    Kind.TRAINING_GIVEN: "trainings_given",
    Kind.TRAINING_RECEIVED: "trainings_received",
    Kind.PARTNER_MEETING: "partner_meetings",
    Kind.JOINT_OPERATION: "joint_operations",
    Kind.OUTREACH_EVENT: "outreach_events",
}
KEYS = (*KIND_KEYS.values(), "agreements_active")


def activity_counts(agency_ids: list[int], start: date, end: date) -> dict[str, int]:
    """Activities held in [start, end] that any of the agencies took part in, by kind,
    and agreements any of them is party to that are in force on ``end``."""
    counts = dict.fromkeys(KEYS, 0)
    ids = list(agency_ids)
    if not ids:
        return counts
    held = (Activity.objects.filter(held_on__gte=start, held_on__lte=end, agencies__in=ids)
            .values_list("pk", "kind").distinct())
    for _pk, kind in held:
        counts[KIND_KEYS[Kind(kind)]] += 1
    counts["agreements_active"] = (Agreement.objects.filter(active_on(end), parties__in=ids)
                                   .values("pk").distinct().count())
    return counts
