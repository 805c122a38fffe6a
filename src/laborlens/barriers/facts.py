"""What the barrier map reads from cases, in bulk and within the user's scope: present
indicators of the screenings attached to each case, and non-identifying fact codes (visa
programmes, co-occurring crimes, industry known, kinds of entities and evidence)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from laborlens.cases.models import Case, Entity, Evidence
from laborlens.screening.models import Screening

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def case_inputs(user: User, cases: QuerySet[Case]) -> dict[int, tuple[set[str], set[str]]]:
    """case id -> (indicator ids, fact codes) for the given (already scoped) cases."""
    ids = list(cases.values_list("pk", flat=True))
    inputs: dict[int, tuple[set[str], set[str]]] = {pk: (set(), set()) for pk in ids}
    if not ids:
        return inputs
    for case_id, visas, crimes, industry in Case.objects.filter(pk__in=ids).values_list(
            "pk", "visa_programmes", "co_occurring_crimes", "industry"):
        facts = inputs[case_id][1]
        facts.update(f"visa:{code}" for code in visas or [])
        facts.update(f"crime:{code}" for code in crimes or [])
        if industry:
            facts.add("industry")
    screenings = Screening.objects.restrict(user, "view").filter(case_id__in=ids)
    for case_id, present in screenings.values_list("case_id", "present_indicators"):
        inputs[case_id][0].update(present or [])
    kinds: defaultdict[int, set[str]] = defaultdict(set)
    for case_id, kind in Entity.objects.restrict(user, "view").filter(case_id__in=ids).values_list("case_id", "kind"):
        kinds[case_id].add(f"entity:{kind}")
    for case_id, kind in Evidence.objects.restrict(user, "view").filter(case_id__in=ids).values_list("case_id", "kind"):
        kinds[case_id].add(f"evidence:{kind}")
    for case_id, codes in kinds.items():
        inputs[case_id][1].update(codes)
    return inputs
