"""Consents to share with another agency: listed and recorded by the serving agency, revoked
at any time."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.accounts.models import Agency
from laborlens.api.base import StrictBooleanField, StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict, Unprocessable
from laborlens.cases.identity.access import serves
from laborlens.core.errors import RuleError
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims import services
from laborlens.victims.access import record_categories
from laborlens.victims.api.common import (
    CONFLICT_RESPONSE,
    LANGUAGES,
    RULE_RESPONSE,
    id_field,
    query_choice,
    scoped_record,
)
from laborlens.victims.consent import state as consent_state
from laborlens.victims.consent import valid_q
from laborlens.victims.models import Category, Consent

CONSENT_ORDERINGS = {"given_on", "-given_on", "expires_on", "-expires_on"}


CONSENT_STATES = ["valid", "expired", "revoked"]


class ConsentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    victim = serializers.IntegerField()
    recipient_agency = serializers.IntegerField()
    recipient_agency_name = serializers.CharField()
    categories = serializers.ListField(child=serializers.ChoiceField(choices=Category.choices))
    purpose = serializers.CharField()
    given_on = serializers.DateField()
    expires_on = serializers.DateField()
    method = serializers.ChoiceField(choices=Consent.Method.choices)
    explained_in = serializers.CharField()
    interpreter = serializers.CharField()
    state = serializers.ChoiceField(choices=CONSENT_STATES)
    recorded_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)


def _consent_state(consent: Consent) -> str:
    return consent_state(consent)


def _consent_data(consent: Consent) -> dict[str, Any]:
    """The signature (the person's typed name) stays on the printed form."""
    return ConsentSerializer({
        "id": consent.pk, "victim": consent.victim_id, "recipient_agency": consent.recipient_agency_id,
        "recipient_agency_name": consent.recipient_agency.name, "categories": consent.categories,
        "purpose": consent.purpose, "given_on": consent.given_on, "expires_on": consent.expires_on,
        "method": consent.method, "explained_in": consent.explained_in, "interpreter": consent.interpreter,
        "state": _consent_state(consent), "recorded_at": consent.recorded_at, "revoked_at": consent.revoked_at,
    }).data


class ConsentCreateSerializer(StrictSerializer):
    recipient_agency = id_field(help_text="The agency that may receive the information (not your own)")
    categories = serializers.ListField(child=serializers.ChoiceField(choices=Category.choices), min_length=1,
                                       max_length=len(Category.values))
    # Not trimmed here: whitespace-only is a rule refusal (422) below, like the page's message.
    purpose = StrictCharField(max_length=300, trim_whitespace=False)
    given_on = serializers.DateField(required=False)
    expires_on = serializers.DateField(help_text=f"At most {Consent.MAX_DAYS} days after given_on")
    explained_in = serializers.ChoiceField(choices=LANGUAGES, default="es")
    interpreter = StrictCharField(required=False, allow_blank=True, max_length=200, default="")
    method = serializers.ChoiceField(choices=Consent.Method.choices, default=Consent.Method.SIGNED)
    signature = StrictCharField(max_length=200, trim_whitespace=False, help_text="The person types their name")
    attested = StrictBooleanField(help_text="Explained in a language the person understands, freely given, "
                                            "revocable, and services do not depend on it")


class VictimConsents(generics.ListAPIView):
    """Consents are kept by the serving agency (the page lists them to its staff only)."""

    serializer_class = ConsentSerializer
    required_permission = {"GET": "victims.view", "POST": "victims.change"}

    @extend_schema(tags=["consents"], summary="Consents of a victim record (serving agency)",
                   parameters=[OpenApiParameter("state", str, enum=CONSENT_STATES),
                               OpenApiParameter("ordering", str, enum=sorted(CONSENT_ORDERINGS))])
    def get(self, request: Request, pk: int) -> Response:
        record = scoped_record(request, pk)
        if not serves(request.user, record):
            raise PermissionDenied("Consents are kept by the agency that serves this person.")
        consents = Consent.objects.restrict(request.user, "view").filter(victim=record)
        today = timezone.localdate()
        state = query_choice(request, "state", CONSENT_STATES)
        if state == "revoked":
            consents = consents.filter(revoked_at__isnull=False)
        elif state == "expired":
            consents = consents.filter(revoked_at__isnull=True, expires_on__lt=today)
        elif state == "valid":
            consents = consents.filter(valid_q(today))  # the one valid-consent rule
        ordering = query_choice(request, "ordering", CONSENT_ORDERINGS, "-given_on")
        page = self.paginate_queryset(consents.select_related("recipient_agency").order_by(ordering, "-pk"))
        services.read_record(request.user, record, record_categories(request.user, record), request, via="api",
                             part="consents")
        return self.get_paginated_response([_consent_data(consent) for consent in page or []])

    @extend_schema(request=ConsentCreateSerializer, responses={201: ConsentSerializer, **RULE_RESPONSE},
                   tags=["consents"],
                   summary="Record a consent to share with another agency",
                   description=f"Written, informed, time-limited (at most {Consent.MAX_DAYS} days), naming the "
                               "recipient agency and the categories of data. Services never depend on it.")
    def post(self, request: Request, pk: int) -> Response:
        record = scoped_record(request, pk, "change")
        serializer = ConsentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        agency = Agency.objects.exclude(pk=record.serving_agency_id).filter(pk=data.pop("recipient_agency")).first()
        if agency is None:
            raise Unprocessable("The recipient must be another agency on LaborLens.")
        given_on: date = data.pop("given_on", None) or timezone.localdate()
        data["purpose"] = data["purpose"].strip()
        if not data["purpose"]:
            raise Unprocessable("Say why the information is shared.")
        try:
            consent = services.record_consent(record, by=request.user, request=request, recipient_agency=agency,
                                              given_on=given_on, **data)
        except RuleError as error:
            raise Unprocessable(str(error)) from None
        return Response(_consent_data(consent), status=status.HTTP_201_CREATED)


class ConsentRevoke(APIView):
    required_permission = "victims.change"

    @extend_schema(request=None, responses={200: ConsentSerializer, **CONFLICT_RESPONSE}, tags=["consents"],
                   summary="Revoke a consent now (no sharing from the next request on)")
    def post(self, request: Request, pk: int) -> Response:
        if request.content_type.startswith("application/json") and request.data:
            raise serializers.ValidationError({"non_field_errors": ["This call takes no body."]})
        consent: Consent = get_scoped_or_404(Consent.objects.select_related("victim__person", "recipient_agency"),
                                             request.user, "change", pk=pk)
        try:
            services.revoke_consent(consent, by=request.user, request=request)
        except RuleError as error:
            raise Conflict(str(error)) from None
        return Response(_consent_data(consent))
