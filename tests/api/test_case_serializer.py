"""The case serializers build their dict directly; it must be what DRF's own field walk gives."""

from __future__ import annotations

from datetime import date

from rest_framework import serializers

from laborlens.cases import services
from laborlens.cases.api import CaseDetailSerializer, CaseSerializer
from laborlens.cases.models import Case
from tests.cases.conftest import build_case_world


def drf(serializer_class, case):
    return serializers.ModelSerializer.to_representation(serializer_class(), case)


def test_the_direct_dicts_equal_drfs_walk(world):
    cw = build_case_world(world)
    other = services.create_case(by=world.investigator, data={
        "title": "Packing house", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "both", "co_occurring_crimes": [], "summary": ""})
    other.closed_on = date(2026, 11, 30)
    other.stage = "closed"
    other.save()
    cases = list(Case.objects.filter(pk__in=[cw.case.pk, other.pk]).select_related("lead_agency"))
    assert len(cases) == 2
    for case in cases:
        for serializer_class in (CaseSerializer, CaseDetailSerializer):
            fast = serializer_class(case).data
            assert fast == drf(serializer_class, case)
            assert list(fast) == list(drf(serializer_class, case))
    assert CaseSerializer(cases, many=True).data == [drf(CaseSerializer, case) for case in cases]
