"""What the victims endpoints share: access, query parameters, strict request bodies, the
scoped record and the documented error answers."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request

from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims.models import VictimRecord

LANGUAGES = [code for code, _label in LANGUAGE_CHOICES]


MAX_ID = 2**31 - 1


def _problem_response(name: str, description: str) -> OpenApiResponse:
    return OpenApiResponse(response=inline_serializer(name, {
        "type": serializers.CharField(), "title": serializers.CharField(),
        "status": serializers.IntegerField(), "detail": serializers.CharField()}), description=description)


RULE_RESPONSE = {
    (422, "application/problem+json"): _problem_response(
        "VictimsRuleProblem", "A rule refused the request (e.g. dates, an agency that cannot receive it, a "
                              "missing reason); the detail says which. Nothing was changed."),
}


CONFLICT_RESPONSE = {
    (409, "application/problem+json"): _problem_response(
        "VictimsConflictProblem", "Someone saved a newer version first, or the object's state does not allow "
                                  "this step; nothing was changed."),
}


def query_choice(request: Request, name: str, choices: list[str] | set[str], default: str | None = None) -> str | None:
    values = request.query_params.getlist(name)
    if not values:
        return default
    if len(values) > 1 or values[0] not in choices:
        raise serializers.ValidationError({name: [f"One of {', '.join(sorted(choices))}."]})
    return values[0]


def id_field(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


def scoped_record(request: Request, pk: int, action: str = "view") -> VictimRecord:
    record: VictimRecord = get_scoped_or_404(
        VictimRecord.objects.select_related("person__case", "serving_agency"), request.user, action, pk=pk)
    return record


def is_owner(user: Any, record: VictimRecord) -> bool:
    return bool(VictimRecord.objects.restrict(user, "change").filter(pk=record.pk).exists())
