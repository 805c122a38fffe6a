"""Tip endpoints: public submission (no login, rate-limited per client, nothing stored
about the client), partner submission, and the triage list. Same services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from laborlens.accounts.models import Agency
from laborlens.api.base import StrictCharField, StrictSerializer, refuse_empty
from laborlens.api.keyset import KeysetPagination
from laborlens.catalogue.industries import industries
from laborlens.tips import ratelimit, rules, services
from laborlens.tips.lists import PRIORITIES, TipFilterForm
from laborlens.tips.models import Source, Status, Tip, When

MAX_OBSERVATIONS = 20


def _observation_field() -> serializers.ListField:
    return serializers.ListField(child=serializers.ChoiceField(choices=[o.id for o in rules.observations()]),
                                 max_length=MAX_OBSERVATIONS, required=False, default=list)


class TipContentSerializer(StrictSerializer):
    observations = _observation_field()
    # Required here (the web form also takes ticked boxes alone): a rule the schema can state.
    narrative = StrictCharField(min_length=10, max_length=services.MAX_NARRATIVE)
    work_type = serializers.ChoiceField(choices=[i.id for i in industries()] + ["other"], required=False,
                                        allow_blank=True, default="")
    business_name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    address = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    city = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    when = serializers.ChoiceField(choices=When.choices, required=False, default=When.UNKNOWN)


class PublicTipSerializer(TipContentSerializer):
    contact = StrictCharField(max_length=200, required=False, allow_blank=True, default="")


class PartnerTipSerializer(TipContentSerializer):
    recipient = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    partner_sector = serializers.ChoiceField(choices=[s.id for s in rules.sectors()])


class PublicTipThrottle(BaseThrottle):
    """Per client, counted in the cache under an HMAC of the address (never stored)."""

    def allow_request(self, request: Request, view: Any) -> bool:
        return ratelimit.allow(request, "api")

    def wait(self) -> float:
        return float(ratelimit.limits()["api"][1])


class PublicTipView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicTipThrottle]

    @extend_schema(
        request=PublicTipSerializer, auth=[], tags=["tips"], summary="Send a tip as a member of the public",
        description="No login. Keep the returned code and passphrase: they are shown once and let the tipster "
                    "add information later on the follow-up page. No IP address is stored.",
        responses={201: inline_serializer("PublicTipReceipt", {"code": serializers.CharField(),
                                                               "passphrase": serializers.CharField()}),
                   503: inline_serializer("TipsUnavailable", {"detail": serializers.CharField()})},
        examples=[OpenApiExample("Spanish tip", request_only=True, value={
            "observations": ["documents_taken"], "narrative": "Nos quitaron los pasaportes al llegar.",
            "city": "Riverton", "when": "week"})],
    )
    def post(self, request: Request) -> Response:
        serializer = PublicTipSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        agency = services.receiving_agency()
        if agency is None:
            return Response({"detail": "Tips cannot be received right now; call 1-888-373-7888."},
                            status=status.HTTP_503_SERVICE_UNAVAILABLE)
        tip, passphrase = services.submit(source=Source.PUBLIC, agency=agency, data=dict(serializer.validated_data))
        return Response({"code": tip.code, "passphrase": passphrase}, status=status.HTTP_201_CREATED)


class TipSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Tip
        fields = ["id", "code", "source", "status", "priority", "priority_reasons", "language", "indicator_ids",
                  "observations", "when", "city", "created_at", "version", "reading"]
        read_only_fields = fields


class PartnerTipView(APIView):
    required_permission = "tips.submit"

    @extend_schema(request=PartnerTipSerializer, responses={201: TipSummarySerializer}, tags=["tips"],
                   summary="Send a partner observation to a law-enforcement agency of your task force")
    def post(self, request: Request) -> Response:
        serializer = PartnerTipSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        recipients = {a.pk: a for a in services.partner_recipients(request.user)}  # type: ignore[arg-type]
        agency: Agency | None = recipients.get(data.pop("recipient"))
        if agency is None:  # unknown, or outside the partner's task forces: 404, as for any object out of scope
            raise NotFound("No such law-enforcement agency in your task forces.")
        tip, _unused = services.submit(source=Source.PARTNER, agency=agency, data=data,
                                       submitted_by=request.user, request=request)  # type: ignore[arg-type]
        return Response(TipSummarySerializer(tip).data, status=status.HTTP_201_CREATED)


API_FILTERS = ("priority", "source", "since", "until")


class TipList(generics.ListAPIView):
    """The triage queue, most urgent first. Narratives are not listed (read them on the page)."""

    serializer_class = TipSummarySerializer
    pagination_class = KeysetPagination  # numbered pages, or ?cursor= (api/keyset.py)
    required_permission = "tips.triage"

    def get_queryset(self):  # type: ignore[no-untyped-def]
        queryset = Tip.objects.restrict(self.request.user, "change")
        wanted = self.request.query_params.getlist("status")
        if len(wanted) > 1 or (wanted and wanted[0] not in Status.values):
            raise serializers.ValidationError({"status": [f"One of {', '.join(Status.values)}."]})
        # The queue page's other filters (tips/lists.py), with its messages; its default order.
        params = self.request.query_params
        refuse_empty(params, ("priority", "since", "until"))
        form = TipFilterForm({"status": wanted[0] if wanted else "all",
                              **{name: params[name] for name in API_FILTERS if name in params}})
        if not form.is_valid():
            raise serializers.ValidationError({name: [str(e) for e in errors] for name, errors in form.errors.items()})
        return form.apply(queryset)

    @extend_schema(tags=["tips"], summary="Tips to triage in your agency",
                   parameters=[OpenApiParameter("status", str, enum=Status.values, required=False),
                               OpenApiParameter("priority", int, enum=PRIORITIES, required=False),
                               OpenApiParameter("source", str, enum=Source.values, required=False),
                               OpenApiParameter("since", OpenApiTypes.DATE, required=False),
                               OpenApiParameter("until", OpenApiTypes.DATE, required=False)])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        response = super().get(request, *args, **kwargs)
        services.list_tips(request.user, request, status=(request.query_params.getlist("status") or ["all"])[0],
                           count=len(response.data["results"]), via="api")
        return response
