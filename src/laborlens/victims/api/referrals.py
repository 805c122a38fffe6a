"""Referrals: sending one, the queue of those received and sent, one referral, and the
receiving organisation's steps."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.base import StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict, Unprocessable
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims import services
from laborlens.victims.api.common import (
    CONFLICT_RESPONSE,
    RULE_RESPONSE,
    id_field,
    query_choice,
    scoped_record,
)
from laborlens.victims.models import Category, Need, Partner, Referral

CLOSED = [Referral.Status.DECLINED, Referral.Status.COMPLETED]


REFERRAL_ACTIONS = list(services.TRANSITIONS)


REFERRAL_ORDERINGS = {"follow_up_on", "-follow_up_on", "sent_at", "-sent_at"}


class ReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    direction = serializers.ChoiceField(choices=["incoming", "outgoing"])
    victim = serializers.IntegerField(allow_null=True, help_text="The victim record, for the sending agency only")
    pseudonym = serializers.CharField()
    need = serializers.ChoiceField(choices=Need.choices)
    status = serializers.ChoiceField(choices=Referral.Status.choices)
    from_agency = serializers.CharField()
    partner = serializers.IntegerField()
    partner_name = serializers.CharField()
    sent_at = serializers.DateTimeField()
    follow_up_on = serializers.DateField()
    follow_up_due = serializers.BooleanField()
    days_to_referral = serializers.IntegerField()
    version = serializers.IntegerField()


class ReferralDetailSerializer(ReferralSerializer):
    note = serializers.CharField()
    decline_reason = serializers.CharField()
    shared_categories = serializers.ListField(child=serializers.ChoiceField(choices=Category.choices))
    shared = serializers.DictField(help_text="Only what a valid consent covered when the referral was sent")
    actions = serializers.ListField(child=serializers.ChoiceField(choices=REFERRAL_ACTIONS),
                                    help_text="The steps you may take now (receiving organisation)")


def _referral_data(referral: Referral, user: Any) -> dict[str, Any]:
    sender = referral.victim.serving_agency_id == user.agency_id
    return {"id": referral.pk, "direction": "outgoing" if sender else "incoming",
            "victim": referral.victim_id if sender else None, "pseudonym": referral.victim.pseudonym,
            "need": referral.need, "status": referral.status, "from_agency": referral.victim.serving_agency.short_name,
            "partner": referral.partner_id, "partner_name": referral.partner.name, "sent_at": referral.sent_at,
            "follow_up_on": referral.follow_up_on, "follow_up_due": referral.follow_up_due,
            "days_to_referral": referral.days_to_referral, "version": referral.version}


def _referral_detail(referral: Referral, user: Any) -> dict[str, Any]:
    can_work = referral.partner.agency_id == user.agency_id and user.can("victims.change")
    seen = services.referral_renderer(user, referral)
    return ReferralDetailSerializer({
        **_referral_data(referral, user), "note": seen(referral.note), "decline_reason": seen(referral.decline_reason),
        "shared_categories": referral.shared_categories, "shared": referral.shared or {},
        "actions": [action for action, (sources, _target) in services.TRANSITIONS.items()
                    if referral.status in sources] if can_work else [],
    }).data


REFERRAL_RELATED = ("partner", "victim__person", "victim__serving_agency")


class ReferralList(generics.ListAPIView):
    """The queue: referrals your organisation received and sent."""

    serializer_class = ReferralSerializer
    required_permission = "victims.view"

    def get_queryset(self):  # type: ignore[no-untyped-def]
        request, user = self.request, self.request.user
        queryset = Referral.objects.restrict(user, "view").select_related(*REFERRAL_RELATED)
        direction = query_choice(request, "direction", ["incoming", "outgoing"])
        if direction == "incoming":
            queryset = queryset.filter(partner__agency_id=user.agency_id)
        elif direction == "outgoing":
            queryset = queryset.filter(victim__serving_agency_id=user.agency_id)
        show = query_choice(request, "show", ["open", "all"], "all")
        if show == "open":
            queryset = queryset.exclude(status__in=CLOSED)
        wanted = query_choice(request, "status", Referral.Status.values)
        if wanted:
            queryset = queryset.filter(status=wanted)
        need = query_choice(request, "need", Need.values)
        if need:
            queryset = queryset.filter(need=need)
        ordering = query_choice(request, "ordering", REFERRAL_ORDERINGS, "follow_up_on")
        return queryset.order_by(ordering, "pk")

    @extend_schema(tags=["referrals"], summary="Referrals received and sent by your organisation",
                   parameters=[OpenApiParameter("direction", str, enum=["incoming", "outgoing"]),
                               OpenApiParameter("show", str, enum=["open", "all"]),
                               OpenApiParameter("status", str, enum=Referral.Status.values),
                               OpenApiParameter("need", str, enum=Need.values),
                               OpenApiParameter("ordering", str, enum=sorted(REFERRAL_ORDERINGS))])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        services.view_queue(request.user, request, via="api")
        return self.get_paginated_response([_referral_data(referral, request.user) for referral in page or []])


class ReferralCreateSerializer(StrictSerializer):
    partner = id_field(help_text="A directory entry")
    need = serializers.ChoiceField(choices=Need.choices)
    note = StrictCharField(required=False, allow_blank=True, max_length=500, default="",
                    help_text="No names or contact details here: they travel only with consent.")
    follow_up_on = serializers.DateField(required=False, allow_null=True, default=None,
                                         help_text="Today or later (default: in three days)")


class VictimReferrals(APIView):
    required_permission = "victims.change"

    @extend_schema(request=ReferralCreateSerializer, responses={201: ReferralDetailSerializer, **RULE_RESPONSE},
                   tags=["referrals"],
                   summary="Refer a victim to a directory entry",
                   description="Never conditional on consent: only categories a valid consent naming the receiving "
                               "organisation covers travel with it; otherwise the pseudonym, the need and the note.")
    def post(self, request: Request, pk: int) -> Response:
        record = scoped_record(request, pk, "change")
        serializer = ReferralCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        partner = Partner.objects.restrict(request.user, "view").filter(pk=data["partner"]).first()
        if partner is None:
            raise Unprocessable("No such directory entry.")
        if data["follow_up_on"] and data["follow_up_on"] < timezone.localdate():
            raise Unprocessable("The follow-up date cannot be in the past.")
        referral = services.send_referral(record, by=request.user, partner=partner, need=data["need"],
                                          note=data["note"], follow_up_on=data["follow_up_on"], request=request)
        return Response(_referral_detail(referral, request.user), status=status.HTTP_201_CREATED)


class ReferralDetail(APIView):
    required_permission = "victims.view"

    @extend_schema(responses=ReferralDetailSerializer, tags=["referrals"], summary="One referral")
    def get(self, request: Request, pk: int) -> Response:
        referral: Referral = get_scoped_or_404(Referral.objects.select_related(*REFERRAL_RELATED), request.user,
                                               "view", pk=pk)
        services.read_referral(request.user, referral, request, via="api")
        return Response(_referral_detail(referral, request.user))


class ReferralActionSerializer(StrictSerializer):
    action = serializers.ChoiceField(choices=REFERRAL_ACTIONS)
    reason = StrictCharField(required=False, allow_blank=True, max_length=300, default="",
                      help_text="Required to decline (at least 3 characters)")
    version = id_field(help_text="The version you started from")


class ReferralAction(APIView):
    """The receiving organisation works its queue: receive, accept or decline, start, complete."""

    required_permission = "victims.change"

    @extend_schema(request=ReferralActionSerializer,
                   responses={200: ReferralDetailSerializer, **CONFLICT_RESPONSE, **RULE_RESPONSE},
                   tags=["referrals"], summary="Move a referral you received to its next step")
    def post(self, request: Request, pk: int) -> Response:
        referral: Referral = get_scoped_or_404(Referral.objects.select_related(*REFERRAL_RELATED), request.user,
                                               "work", pk=pk)
        serializer = ReferralActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["action"] == "decline" and len(data["reason"].strip()) < 3:
            raise Unprocessable("Say why the referral is declined, so the sender can find another place.")
        try:
            services.move_referral(referral, data["action"], by=request.user, reason=data["reason"],
                                   expected_version=data["version"], request=request)
        except ConflictError:
            raise Conflict() from None
        except RuleError as error:
            raise Conflict(str(error)) from None
        return Response(_referral_detail(referral, request.user))
