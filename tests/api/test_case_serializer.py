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


def test_list_rows_equal_the_serializer(world):
    """The API case list builds each row from ``values_list`` (no models): the same dict, key
    for key and in the same order, as CaseSerializer of the case, through the endpoint too."""
    from laborlens.cases.api import LIST_COLUMNS, row_data
    from tests.api.conftest import bearer

    cw = build_case_world(world)
    other = services.create_case(by=world.investigator, data={
        "title": "Packing house", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "both", "co_occurring_crimes": [], "summary": ""})
    other.closed_on = date(2026, 11, 30)
    other.stage = "closed"
    other.save()
    cases = Case.objects.filter(pk__in=[cw.case.pk, other.pk]).select_related("lead_agency").order_by("pk")
    rows = cases.values_list("pk", *LIST_COLUMNS, named=True)
    for case, row in zip(cases, rows, strict=True):
        assert row_data(row) == CaseSerializer(case).data
        assert list(row_data(row)) == list(CaseSerializer(case).data)
    client = bearer(world.investigator)[0]
    by_id = {case.pk: CaseSerializer(case).data for case in cases}
    for query in ("", "?cursor=", "?ordering=number"):
        results = client.get(f"/api/v1/cases/{query}").json()["results"]
        assert results == [by_id[item["id"]] for item in results] and len(results) == 2
