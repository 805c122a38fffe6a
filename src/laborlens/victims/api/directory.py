"""The service directory: searched by need, language and place."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from laborlens.victims import services
from laborlens.victims.api.common import LANGUAGES, query_choice
from laborlens.victims.models import Need, Partner


def _query_text(request: Request, name: str, max_length: int = 100) -> str:
    values = request.query_params.getlist(name)
    if not values:
        return ""
    if len(values) > 1 or len(values[0]) > max_length or "\x00" in values[0]:
        raise serializers.ValidationError({name: [f"One value of at most {max_length} characters."]})
    return values[0].strip()


PARTNER_ORDERINGS = {"name", "-name", "capacity", "-capacity"}


class PartnerSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.short_name", allow_null=True, default=None,
                                   help_text="The LaborLens agency, if the organisation uses LaborLens")

    class Meta:
        model = Partner
        fields = ["id", "name", "agency", "services", "languages", "service_area", "hours", "eligibility",
                  "hotline", "phone", "capacity", "capacity_updated_at", "updated_at"]
        read_only_fields = fields


class Directory(generics.ListAPIView):
    required_permission = "case_work"  # victim services staff, or case staff (limited by consent)
    serializer_class = PartnerSerializer

    @extend_schema(tags=["directory"], summary="Search the service directory",
                   parameters=[OpenApiParameter("need", str, enum=Need.values),
                               OpenApiParameter("language", str, enum=LANGUAGES),
                               OpenApiParameter("place", {"type": "string", "maxLength": 100, "pattern": "^[^\\x00]*$"},
                                                description="Part of the service area or name"),
                               OpenApiParameter("ordering", str, enum=sorted(PARTNER_ORDERINGS))])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        need = query_choice(request, "need", Need.values)
        language = query_choice(request, "language", LANGUAGES)
        place = _query_text(request, "place").lower()
        ordering = query_choice(request, "ordering", PARTNER_ORDERINGS, "name")
        partners = Partner.objects.restrict(request.user, "view").select_related("agency")
        found = list(partners.order_by(ordering, "pk"))
        if need:
            found = [p for p in found if need in p.services]
        if language:
            found = [p for p in found if language in p.languages]
        if place:
            found = [p for p in found if place in p.service_area.lower() or place in p.name.lower()]
        page = self.paginate_queryset(found)
        services.search_directory(request.user, request, count=len(found), via="api")
        return self.get_paginated_response(PartnerSerializer(page, many=True).data)
