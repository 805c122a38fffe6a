"""``GET /api/v1/metrics/``: the dashboard's figures as JSON, same filters as the page."""

from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.exceptions import RuleRefused
from laborlens.metrics import figures, services
from laborlens.metrics.forms import FilterForm, filters_for

ALLOWED = {"period", "on", "start", "end", "scope"}


class RowSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    values = serializers.ListField(child=serializers.JSONField(),
                                   help_text="Numbers (money as strings), or null when withheld by the small-cell "
                                             "rules or when there is nothing to compute.")
    shown = serializers.ListField(child=serializers.CharField(),
                                  help_text="What a report prints: the figure, '<5' for a small count, '—' for a "
                                            "sum, mean or median over too few cases or persons, 'x' for a cell "
                                            "withheld so that a total cannot give back a small one.")
    status = serializers.ListField(child=serializers.ChoiceField(choices=["shown", "small", "complementary", "empty"]))


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


# Errors a schema cannot express: the period's dates taken together, and a scope that is
# not one of the caller's own agency or task forces. Those are 422; a malformed value is 400.
RULE_FIELDS = {"non_field_errors", "scope"}
PERIODS = ["month", "quarter", "year", "custom"]


class MetricsView(APIView):
    required_permission = "insights.view"

    @extend_schema(
        responses={200: MetricsSerializer, (422, "application/problem+json"): OpenApiResponse(
            response=OpenApiTypes.OBJECT,
            description="The filters are well formed but refused: a custom period needs both dates, "
                        "the end cannot be before the start, and the scope must be your agency or one "
                        "of its task forces. `errors` says which.")},
        tags=["metrics"], summary="Dashboard figures (aggregates only)",
        description="Counts over your agency (scope=agency) or a task force your agency belongs to "
                    "(scope=tf-ID), for a month, quarter or year containing `on`, or custom dates.",
        parameters=[
            OpenApiParameter("period", str, enum=PERIODS),
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
        malformed = _malformed(request.query_params)
        if malformed:
            raise serializers.ValidationError(malformed)
        form, f = filters_for(request.user, request.query_params)
        if f is None:
            errors = _errors(form)
            if set(errors) <= RULE_FIELDS:
                raise RuleRefused(errors)
            raise serializers.ValidationError(errors)
        tables = figures.compute_all(f)
        services.read_figures(request.user, f, request, via="api")  # type: ignore[arg-type]
        return Response({"start": f.start, "end": f.end, "scope": f.scope_label, "agencies": len(f.agency_ids),
                         "figures": [t.as_dict(figures.small_count()) for t in tables]})


def _malformed(params: Any) -> dict[str, list[str]]:
    """What the documented parameter types refuse, even where the form would ignore the
    value (a start date given for a monthly period must still be a date)."""
    errors: dict[str, list[str]] = {}
    for name in ("on", "start", "end"):
        if name in params:
            try:
                date.fromisoformat(params[name])
            except ValueError:
                errors[name] = ["Give a date as YYYY-MM-DD."]
    if "period" in params and params["period"] not in PERIODS:
        errors["period"] = [f"Choose one of {', '.join(PERIODS)}."]
    return errors


def _errors(form: FilterForm) -> dict[str, list[str]]:
    return {("non_field_errors" if name == "__all__" else name): [str(e) for e in errors]
            for name, errors in form.errors.items()}
