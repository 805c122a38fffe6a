"""Victim records: the list and one record, showing only the categories the reader's access
includes."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.cases.identity.access import shown
from laborlens.victims import services
from laborlens.victims.access import record_categories
from laborlens.victims.api.common import is_owner, query_choice, scoped_record
from laborlens.victims.consent import victims_consenting
from laborlens.victims.models import Category, Need, NeedItem, VictimRecord

VICTIM_ORDERINGS = {"identified_on", "-identified_on", "status", "-status"}


class NameSerializer(serializers.Serializer):
    full_name = serializers.CharField()


class VictimSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    pseudonym = serializers.CharField()
    case = serializers.CharField(help_text="Case number")
    status = serializers.ChoiceField(choices=VictimRecord.Status.choices)
    serving_agency = serializers.CharField()
    identified_on = serializers.DateField()
    do_not_contact = serializers.BooleanField()
    identity = NameSerializer(allow_null=True, help_text="null unless your access includes this person's identity")


class ContactSerializer(serializers.Serializer):
    phone = serializers.CharField()
    safe_contact = serializers.CharField()


class SafetySerializer(serializers.Serializer):
    """As on the page: the team learns that threats were reported; the details stay with
    the serving agency."""

    threats_reported = serializers.BooleanField()
    family_threatened = serializers.BooleanField(allow_null=True, help_text="Only for the serving agency")
    family_abroad = serializers.BooleanField(allow_null=True, help_text="Only for the serving agency")
    threat_details = serializers.CharField(allow_null=True, help_text="Only for the serving agency")


class ReliefSummarySerializer(serializers.Serializer):
    kind = serializers.CharField()
    status = serializers.CharField()
    deadline = serializers.DateField(allow_null=True)
    expires_on = serializers.DateField(allow_null=True)
    renewal_due = serializers.DateField(allow_null=True)


class VictimDetailSerializer(VictimSummarySerializer):
    version = serializers.IntegerField()
    preferred_language = serializers.CharField()
    owner = serializers.BooleanField(help_text="Your agency serves this person")
    categories = serializers.ListField(child=serializers.ChoiceField(choices=Category.choices),
                                       help_text="The categories of data you see")
    contact = ContactSerializer(allow_null=True)
    immigration_status = serializers.CharField(allow_null=True)
    narrative = serializers.CharField(allow_null=True)
    safety = SafetySerializer()
    relief = ReliefSummarySerializer(many=True)


def _summary(record: VictimRecord, identity: bool) -> dict[str, Any]:
    person = record.person
    return {"id": record.pk, "pseudonym": person.pseudonym, "case": person.case.number, "status": record.status,
            "serving_agency": record.serving_agency.short_name, "identified_on": record.identified_on,
            "do_not_contact": record.do_not_contact,
            "identity": {"full_name": person.full_name} if identity and person.full_name else None}


def _visible_need_ids(user: Any, need: str) -> Any:
    """Records whose needs the user sees (served by their agency, or a valid consent naming
    their agency and "needs") and that have this need: a filter must not reveal more."""
    consented = victims_consenting(user.agency_id, Category.NEEDS)
    with_need = NeedItem.objects.filter(need=need)
    served = with_need.filter(victim__serving_agency_id=user.agency_id) if user.can("victims.view") else with_need.none()
    return (served | with_need.filter(victim_id__in=consented)).values("victim_id")


class VictimList(generics.ListAPIView):
    required_permission = "case_work"  # victim services staff, or case staff (limited by consent)
    serializer_class = VictimSummarySerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        request, user = self.request, self.request.user
        queryset = VictimRecord.objects.restrict(user, "view").select_related("person__case", "serving_agency")
        wanted = query_choice(request, "status", VictimRecord.Status.values)
        if wanted:
            queryset = queryset.filter(status=wanted)
        need = query_choice(request, "need", Need.values)
        if need:
            queryset = queryset.filter(pk__in=_visible_need_ids(user, need))
        ordering = query_choice(request, "ordering", VICTIM_ORDERINGS, "-identified_on")
        return queryset.order_by(ordering, "-pk")

    @extend_schema(tags=["victims"], summary="Victim records you may see",
                   description="Served by your agency, or of victims on your cases (then by pseudonym unless a "
                               "valid consent names your agency). `need` matches only needs you may see.",
                   parameters=[OpenApiParameter("status", str, enum=VictimRecord.Status.values),
                               OpenApiParameter("need", str, enum=Need.values),
                               OpenApiParameter("ordering", str, enum=sorted(VICTIM_ORDERINGS))])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        queryset = self.get_queryset()
        page = self.paginate_queryset(queryset)
        records = list(page if page is not None else queryset)
        people = shown(request.user, [record.person for record in records])  # batched, as on the page
        data = [_summary(record, item.identity) for record, item in zip(records, people, strict=True)]
        services.list_records(request.user, request, page=self.paginator.page.number if page is not None else 1,
                              count=len(data), via="api")
        return self.get_paginated_response(data)


class VictimDetail(APIView):
    required_permission = "case_work"  # victim services staff, or case staff (limited by consent)

    @extend_schema(responses=VictimDetailSerializer, tags=["victims"], summary="One victim record",
                   description="Only the categories your access includes; identity as the page shows it.")
    def get(self, request: Request, pk: int) -> Response:
        user = request.user
        record = scoped_record(request, pk)
        categories = record_categories(user, record)
        owner = is_owner(user, record)
        services.read_record(user, record, categories, request, via="api")
        data = _summary(record, Category.IDENTITY in categories)
        data.update({
            "version": record.version, "preferred_language": record.preferred_language, "owner": owner,
            "categories": sorted(categories),
            "contact": ({"phone": record.contact_phone, "safe_contact": record.safe_contact}
                        if Category.CONTACT in categories else None),
            "immigration_status": record.immigration_status if Category.IMMIGRATION in categories else None,
            "narrative": record.narrative if Category.NARRATIVE in categories else None,
            "safety": {"threats_reported": record.family_threatened or record.family_abroad,
                       "family_threatened": record.family_threatened if owner else None,
                       "family_abroad": record.family_abroad if owner else None,
                       "threat_details": record.threat_details if owner else None},
            "relief": [{"kind": item.kind, "status": item.status, "deadline": item.deadline,
                        "expires_on": item.expires_on, "renewal_due": item.renewal_due}
                       for item in record.relief.all()] if Category.IMMIGRATION in categories else [],
        })
        return Response(VictimDetailSerializer(data).data)
