"""``GET /api/v1/metrics/``: the dashboard's figures as JSON, same filters as the page."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.metrics import figures
from laborlens.metrics.forms import FilterForm, filters_for

ALLOWED = {"period", "on", "start", "end", "scope"}


class RowSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    values = serializers.ListField(child=serializers.JSONField(), help_text="Numbers (money as strings) or null.")


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    note = serializers.CharField()
    rows = RowSerializer(many=True)


class MetricsSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    scope = serializers.CharField()
    agencies = serializers.IntegerField(help_text="How many agencies are counted.")
    figures = FigureSerializer(many=True)


class MetricsView(APIView):
    required_permission = "insights.view"

    @extend_schema(
        responses=MetricsSerializer, tags=["metrics"], summary="Dashboard figures (aggregates only)",
        description="Counts over your agency (scope=agency) or a task force your agency belongs to "
                    "(scope=tf-ID), for a month, quarter or year containing `on`, or custom dates.",
        parameters=[
            OpenApiParameter("period", str, enum=["month", "quarter", "year", "custom"]),
            OpenApiParameter("on", OpenApiTypes.DATE, description="A date in the month, quarter or year."),
            OpenApiParameter("start", OpenApiTypes.DATE, description="First day (custom period)."),
            OpenApiParameter("end", OpenApiTypes.DATE, description="Last day (custom period)."),
            OpenApiParameter("scope", str, description="agency, or tf-ID of one of your task forces."),
        ])
    def get(self, request: Request) -> Response:
        unknown = sorted(set(request.query_params) - ALLOWED)
        if unknown:
            raise serializers.ValidationError({name: ["Unknown parameter."] for name in unknown})
        repeated = [name for name in request.query_params if len(request.query_params.getlist(name)) > 1]
        if repeated:
            raise serializers.ValidationError({name: ["Give this parameter once."] for name in repeated})
        form, f = filters_for(request.user, request.query_params)
        if f is None:
            raise serializers.ValidationError(_errors(form))
        tables = figures.compute_all(f)
        record_event(EventTag.METRICS_API_READ, request=request,  # type: ignore[arg-type]
                     detail={"start": f.start.isoformat(), "end": f.end.isoformat(), "agencies": list(f.agency_ids)})
        return Response({"start": f.start, "end": f.end, "scope": f.scope_label, "agencies": len(f.agency_ids),
                         "figures": [t.as_dict() for t in tables]})


def _errors(form: FilterForm) -> dict[str, list[str]]:
    return {("non_field_errors" if name == "__all__" else name): [str(e) for e in errors]
            for name, errors in form.errors.items()}
