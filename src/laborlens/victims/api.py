"""Victim services endpoints: victim records, needs, consents, referrals and the service
directory, with exactly the rules of the pages in ``views.py``:

* every object comes through ``restrict()`` (out of scope = 404), writes go through
  ``services`` (each audited there);
* what a user sees of a record is decided by ``victims.access.record_categories`` and identity by
  ``cases.identity.access`` (both read consent fresh on every call);
* every read of a record, its needs or consents, the referral queue, a referral or the
  directory leaves the audit event the matching page leaves, with ``"via": "api"``;
* services never depend on consent: a referral without consent carries the pseudonym,
  the need and the note only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.accounts.models import Agency
from laborlens.api.base import StrictBooleanField, StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict, Unprocessable
from laborlens.api.permissions import RolePermission
from laborlens.cases.identity.access import serves, shown
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims import services
from laborlens.victims.access import record_categories
from laborlens.victims.consent import state as consent_state
from laborlens.victims.consent import valid_q, victims_consenting
from laborlens.victims.models import (
    Category,
    Consent,
    Need,
    NeedItem,
    Partner,
    Referral,
    VictimRecord,
)
from laborlens.victims.services import ConflictError, RuleError

LANGUAGES = [code for code, _label in LANGUAGE_CHOICES]
MAX_ID = 2**31 - 1
CLOSED = [Referral.Status.DECLINED, Referral.Status.COMPLETED]
REFERRAL_ACTIONS = list(services.TRANSITIONS)


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


class VictimsAccess(RolePermission):
    """As ``views.victims_access``: victim services staff, or case staff (who see records of
    their cases' victims, limited to what consent gives their agency)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        return bool(request.user.can("victims.view") or request.user.can("cases.view"))


def _query_choice(request: Request, name: str, choices: list[str] | set[str], default: str | None = None) -> str | None:
    values = request.query_params.getlist(name)
    if not values:
        return default
    if len(values) > 1 or values[0] not in choices:
        raise serializers.ValidationError({name: [f"One of {', '.join(sorted(choices))}."]})
    return values[0]


def _query_text(request: Request, name: str, max_length: int = 100) -> str:
    values = request.query_params.getlist(name)
    if not values:
        return ""
    if len(values) > 1 or len(values[0]) > max_length or "\x00" in values[0]:
        raise serializers.ValidationError({name: [f"One value of at most {max_length} characters."]})
    return values[0].strip()


class SafeText(StrictCharField):
    """Text that can be stored (and encrypted): no NUL, no lone surrogate."""

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise serializers.ValidationError("Text must be valid Unicode.") from None
        return text


class VictimsStrict(StrictSerializer):
    """Base of this module's request bodies (documented as closed objects)."""


class StrictVictimsSchema(OpenApiSerializerExtension):
    target_class = VictimsStrict
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_basic_serializer(self.target, direction)
        schema["additionalProperties"] = False
        return schema


def _id_field(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


# --- victim records --------------------------------------------------------------------------

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


def _record(request: Request, pk: int, action: str = "view") -> VictimRecord:
    record: VictimRecord = get_scoped_or_404(
        VictimRecord.objects.select_related("person__case", "serving_agency"), request.user, action, pk=pk)
    return record


def _owner(user: Any, record: VictimRecord) -> bool:
    return bool(VictimRecord.objects.restrict(user, "change").filter(pk=record.pk).exists())


def _visible_need_ids(user: Any, need: str) -> Any:
    """Records whose needs the user sees (served by their agency, or a valid consent naming
    their agency and "needs") and that have this need: a filter must not reveal more."""
    consented = victims_consenting(user.agency_id, Category.NEEDS)
    with_need = NeedItem.objects.filter(need=need)
    served = with_need.filter(victim__serving_agency_id=user.agency_id) if user.can("victims.view") else with_need.none()
    return (served | with_need.filter(victim_id__in=consented)).values("victim_id")


class VictimList(generics.ListAPIView):
    permission_classes = [VictimsAccess]
    serializer_class = VictimSummarySerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        request, user = self.request, self.request.user
        queryset = VictimRecord.objects.restrict(user, "view").select_related("person__case", "serving_agency")
        wanted = _query_choice(request, "status", VictimRecord.Status.values)
        if wanted:
            queryset = queryset.filter(status=wanted)
        need = _query_choice(request, "need", Need.values)
        if need:
            queryset = queryset.filter(pk__in=_visible_need_ids(user, need))
        ordering = _query_choice(request, "ordering", VICTIM_ORDERINGS, "-identified_on")
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
    permission_classes = [VictimsAccess]

    @extend_schema(responses=VictimDetailSerializer, tags=["victims"], summary="One victim record",
                   description="Only the categories your access includes; identity as the page shows it.")
    def get(self, request: Request, pk: int) -> Response:
        user = request.user
        record = _record(request, pk)
        categories = record_categories(user, record)
        owner = _owner(user, record)
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


# --- needs -----------------------------------------------------------------------------------


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


class NeedCreateSerializer(VictimsStrict):
    need = serializers.ChoiceField(choices=Need.choices)
    urgency = serializers.ChoiceField(choices=NeedItem.Urgency.choices, default=NeedItem.Urgency.SOON)
    status = serializers.ChoiceField(choices=NeedItem.Status.choices, default=NeedItem.Status.IDENTIFIED)
    note = SafeText(required=False, allow_blank=True, max_length=1000, default="")


class NeedUpdateSerializer(VictimsStrict):
    urgency = serializers.ChoiceField(choices=NeedItem.Urgency.choices, required=False)
    status = serializers.ChoiceField(choices=NeedItem.Status.choices, required=False)
    note = SafeText(required=False, allow_blank=True, max_length=1000, default="")
    version = _id_field(required=False, help_text="The version you started from (recommended: a stale "
                                                   "version is refused with 409)")


NEED_ORDERINGS = {"urgency", "-urgency", "need", "-need", "updated_at", "-updated_at"}


class VictimNeeds(generics.ListAPIView):
    """Needs of one record: seen where the page shows them (serving agency, or a consent
    naming your agency and "needs"); recorded by the serving agency."""

    permission_classes = [VictimsAccess]
    serializer_class = NeedSerializer
    required_permission = {"GET": None, "POST": "victims.change"}

    @extend_schema(tags=["victims"], summary="Needs of a victim record",
                   parameters=[OpenApiParameter("status", str, enum=NeedItem.Status.values),
                               OpenApiParameter("ordering", str, enum=sorted(NEED_ORDERINGS))])
    def get(self, request: Request, pk: int) -> Response:
        record = _record(request, pk)
        categories = record_categories(request.user, record)
        if Category.NEEDS not in categories:
            raise PermissionDenied("Your access to this record does not include the person's needs.")
        items = NeedItem.objects.filter(victim=record)
        wanted = _query_choice(request, "status", NeedItem.Status.values)
        if wanted:
            items = items.filter(status=wanted)
        ordering = _query_choice(request, "ordering", NEED_ORDERINGS, "urgency")
        page = self.paginate_queryset(items.order_by(ordering, "pk"))
        owner = _owner(request.user, record)
        services.read_record(request.user, record, categories, request, via="api", part="needs")
        return self.get_paginated_response([_need_data(item, owner) for item in page or []])

    @extend_schema(request=NeedCreateSerializer, responses={200: NeedSerializer, 201: NeedSerializer},
                   tags=["victims"], summary="Record a need (or update the one row for that need)",
                   description="One row per need: recording a need that is already there updates it (200).")
    def post(self, request: Request, pk: int) -> Response:
        record = _record(request, pk, "change")
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


# --- consents --------------------------------------------------------------------------------

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


class ConsentCreateSerializer(VictimsStrict):
    recipient_agency = _id_field(help_text="The agency that may receive the information (not your own)")
    categories = serializers.ListField(child=serializers.ChoiceField(choices=Category.choices), min_length=1,
                                       max_length=len(Category.values))
    # Not trimmed here: whitespace-only is a rule refusal (422) below, like the page's message.
    purpose = SafeText(max_length=300, trim_whitespace=False)
    given_on = serializers.DateField(required=False)
    expires_on = serializers.DateField(help_text=f"At most {Consent.MAX_DAYS} days after given_on")
    explained_in = serializers.ChoiceField(choices=LANGUAGES, default="es")
    interpreter = SafeText(required=False, allow_blank=True, max_length=200, default="")
    method = serializers.ChoiceField(choices=Consent.Method.choices, default=Consent.Method.SIGNED)
    signature = SafeText(max_length=200, trim_whitespace=False, help_text="The person types their name")
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
        record = _record(request, pk)
        if not serves(request.user, record):
            raise PermissionDenied("Consents are kept by the agency that serves this person.")
        consents = Consent.objects.restrict(request.user, "view").filter(victim=record)
        today = timezone.localdate()
        state = _query_choice(request, "state", CONSENT_STATES)
        if state == "revoked":
            consents = consents.filter(revoked_at__isnull=False)
        elif state == "expired":
            consents = consents.filter(revoked_at__isnull=True, expires_on__lt=today)
        elif state == "valid":
            consents = consents.filter(valid_q(today))  # the one valid-consent rule
        ordering = _query_choice(request, "ordering", CONSENT_ORDERINGS, "-given_on")
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
        record = _record(request, pk, "change")
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


# --- referrals -------------------------------------------------------------------------------

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
        direction = _query_choice(request, "direction", ["incoming", "outgoing"])
        if direction == "incoming":
            queryset = queryset.filter(partner__agency_id=user.agency_id)
        elif direction == "outgoing":
            queryset = queryset.filter(victim__serving_agency_id=user.agency_id)
        show = _query_choice(request, "show", ["open", "all"], "all")
        if show == "open":
            queryset = queryset.exclude(status__in=CLOSED)
        wanted = _query_choice(request, "status", Referral.Status.values)
        if wanted:
            queryset = queryset.filter(status=wanted)
        need = _query_choice(request, "need", Need.values)
        if need:
            queryset = queryset.filter(need=need)
        ordering = _query_choice(request, "ordering", REFERRAL_ORDERINGS, "follow_up_on")
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


class ReferralCreateSerializer(VictimsStrict):
    partner = _id_field(help_text="A directory entry")
    need = serializers.ChoiceField(choices=Need.choices)
    note = SafeText(required=False, allow_blank=True, max_length=500, default="",
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
        record = _record(request, pk, "change")
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


class ReferralActionSerializer(VictimsStrict):
    action = serializers.ChoiceField(choices=REFERRAL_ACTIONS)
    reason = SafeText(required=False, allow_blank=True, max_length=300, default="",
                      help_text="Required to decline (at least 3 characters)")
    version = _id_field(help_text="The version you started from")


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


# --- service directory -----------------------------------------------------------------------

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
    permission_classes = [VictimsAccess]
    serializer_class = PartnerSerializer

    @extend_schema(tags=["directory"], summary="Search the service directory",
                   parameters=[OpenApiParameter("need", str, enum=Need.values),
                               OpenApiParameter("language", str, enum=LANGUAGES),
                               OpenApiParameter("place", {"type": "string", "maxLength": 100, "pattern": "^[^\\x00]*$"},
                                                description="Part of the service area or name"),
                               OpenApiParameter("ordering", str, enum=sorted(PARTNER_ORDERINGS))])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        need = _query_choice(request, "need", Need.values)
        language = _query_choice(request, "language", LANGUAGES)
        place = _query_text(request, "place").lower()
        ordering = _query_choice(request, "ordering", PARTNER_ORDERINGS, "name")
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
