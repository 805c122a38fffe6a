"""A victim's needs: listed where the page shows them, recorded and updated by the serving
agency."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.base import StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict
from laborlens.core.errors import ConflictError
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims import services
from laborlens.victims.access import record_categories
from laborlens.victims.api.common import (
    CONFLICT_RESPONSE,
    id_field,
    is_owner,
    query_choice,
    scoped_record,
)
from laborlens.victims.models import Category, Need, NeedItem


class NeedSerializer(serializers.ModelSerializer):
    note = serializers.CharField(help_text="Only for the serving agency", allow_null=True)

    class Meta:
        model = NeedItem
        fields = ["id", "need", "urgency", "status", "note", "updated_at", "version"]
        read_only_fields = fields


def _need_data(item: NeedItem, owner: bool) -> dict[str, Any]:
    data = NeedSerializer(item).data
    if not owner:
        data["note"] = None
    return data


class NeedCreateSerializer(StrictSerializer):
    need = serializers.ChoiceField(choices=Need.choices)
    urgency = serializers.ChoiceField(choices=NeedItem.Urgency.choices, default=NeedItem.Urgency.SOON)
    status = serializers.ChoiceField(choices=NeedItem.Status.choices, default=NeedItem.Status.IDENTIFIED)
    note = StrictCharField(required=False, allow_blank=True, max_length=1000, default="")


class NeedUpdateSerializer(StrictSerializer):
    urgency = serializers.ChoiceField(choices=NeedItem.Urgency.choices, required=False)
    status = serializers.ChoiceField(choices=NeedItem.Status.choices, required=False)
    note = StrictCharField(required=False, allow_blank=True, max_length=1000, default="")
    version = id_field(required=False, help_text="The version you started from (recommended: a stale "
                                                   "version is refused with 409)")


NEED_ORDERINGS = {"urgency", "-urgency", "need", "-need", "updated_at", "-updated_at"}


class VictimNeeds(generics.ListAPIView):
    """Needs of one record: seen where the page shows them (serving agency, or a consent
    naming your agency and "needs"); recorded by the serving agency."""

    serializer_class = NeedSerializer
    required_permission = {"GET": "case_work", "POST": "victims.change", "*": "case_work"}

    @extend_schema(tags=["victims"], summary="Needs of a victim record",
                   parameters=[OpenApiParameter("status", str, enum=NeedItem.Status.values),
                               OpenApiParameter("ordering", str, enum=sorted(NEED_ORDERINGS))])
    def get(self, request: Request, pk: int) -> Response:
        record = scoped_record(request, pk)
        categories = record_categories(request.user, record)
        if Category.NEEDS not in categories:
            raise PermissionDenied("Your access to this record does not include the person's needs.")
        items = NeedItem.objects.filter(victim=record)
        wanted = query_choice(request, "status", NeedItem.Status.values)
        if wanted:
            items = items.filter(status=wanted)
        ordering = query_choice(request, "ordering", NEED_ORDERINGS, "urgency")
        page = self.paginate_queryset(items.order_by(ordering, "pk"))
        owner = is_owner(request.user, record)
        services.read_record(request.user, record, categories, request, via="api", part="needs")
        return self.get_paginated_response([_need_data(item, owner) for item in page or []])

    @extend_schema(request=NeedCreateSerializer, responses={200: NeedSerializer, 201: NeedSerializer},
                   tags=["victims"], summary="Record a need (or update the one row for that need)",
                   description="One row per need: recording a need that is already there updates it (200).")
    def post(self, request: Request, pk: int) -> Response:
        record = scoped_record(request, pk, "change")
        serializer = NeedCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        existed = NeedItem.objects.filter(victim=record, need=serializer.validated_data["need"]).exists()
        try:
            item = services.save_need(record, by=request.user, request=request, **serializer.validated_data)
        except ConflictError:
            raise Conflict() from None
        return Response(_need_data(item, True), status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


class NeedDetail(APIView):
    required_permission = "victims.change"

    @extend_schema(request=NeedUpdateSerializer, responses={200: NeedSerializer, **CONFLICT_RESPONSE},
                   tags=["victims"], summary="Update a need's status or urgency")
    def patch(self, request: Request, pk: int) -> Response:
        item: NeedItem = get_scoped_or_404(NeedItem.objects.select_related("victim__person"), request.user,
                                           "change", pk=pk)
        serializer = NeedUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            item = services.save_need(item.victim, by=request.user, request=request, need=item.need,
                                      urgency=data.get("urgency", item.urgency), status=data.get("status", item.status),
                                      note=data["note"], expected_version=data.get("version"))
        except ConflictError:
            raise Conflict() from None
        return Response(_need_data(item, True))
