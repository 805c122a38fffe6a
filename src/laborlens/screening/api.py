"""Screening endpoints: the stateless assessment and saved screenings, through the same
services and scoped querysets as the web pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.base import StrictBooleanField, StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict, Unprocessable
from laborlens.api.keyset import KeysetPagination
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.querysets import get_scoped_or_404
from laborlens.screening import services
from laborlens.screening.models import AGE_GROUPS, LANGUAGES, SETTINGS, Screening

MAX_ANSWERS = 200



class StrictUUIDField(serializers.UUIDField):
    """A UUID written as a string: DRF's own field also takes an integer (UUID(int=...)), which the
    schema does not allow."""

    def to_internal_value(self, data):  # type: ignore[no-untyped-def]
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)

class AnswerSerializer(StrictSerializer):
    value = serializers.ChoiceField(choices=services.VALUES)
    source = serializers.ChoiceField(choices=services.SOURCES, required=False, default="statement")
    note = StrictCharField(required=False, allow_blank=True, max_length=services.MAX_NOTE, default="")
    unconfirmed = StrictBooleanField(required=False, default=False)


def _answers_schema() -> dict[str, Any]:
    """Every answerable catalogue id as a documented key; no other key is accepted."""
    answer = {
        "type": "object", "additionalProperties": False, "required": ["value"],
        "properties": {
            "value": {"type": "string", "enum": list(services.VALUES)},
            "source": {"type": "string", "enum": list(services.SOURCES)},
            "note": {"type": "string", "maxLength": services.MAX_NOTE},
            "unconfirmed": {"type": "boolean"},
        },
    }
    return {"type": "object", "additionalProperties": False,
            "properties": {item_id: answer for item_id in sorted(services.answerable_ids())}}


@extend_schema_field(_answers_schema())
class AnswersField(serializers.DictField):
    pass


def _check_answers(answers: dict[str, Any]) -> dict[str, Any]:
    if len(answers) > MAX_ANSWERS:
        raise serializers.ValidationError(f"At most {MAX_ANSWERS} answers.")
    unknown = sorted(set(answers) - services.answerable_ids())
    if unknown:
        raise serializers.ValidationError({key[:60]: ["Unknown indicator id."] for key in unknown[:20]})
    return answers


class AssessRequestSerializer(StrictSerializer):
    age_group = serializers.ChoiceField(choices=AGE_GROUPS, default="unknown")
    answers = AnswersField(child=AnswerSerializer(), allow_empty=True)

    def validate_answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        return _check_answers(answers)


_AGE_GROUP_IDS = frozenset(value for value, _label in AGE_GROUPS)
_ANSWER_KEYS = frozenset({"value", "source", "note", "unconfirmed"})


def _plain_note(note: Any) -> str | None:
    """What ``AnswerSerializer``'s note field makes of ``note`` when it accepts it, else None."""
    if type(note) is not str:
        return None
    text = note.strip()  # DRF trims, then a blank note is ""
    if not text:
        return ""
    if len(text) > services.MAX_NOTE or "\x00" in text:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def plain_assess_request(data: Any) -> dict[str, Any] | None:
    """``AssessRequestSerializer(data=data).validated_data`` for a request that it accepts and
    that holds only plain JSON of the documented types; None for anything else, which then
    goes through the serializer (and gets its exact errors). DRF's nested field walk was an
    eighth of an API assessment in the profile; a test compares the two on many requests."""
    if type(data) is not dict or not data.keys() <= {"age_group", "answers"} or "answers" not in data:
        return None
    age_group = data.get("age_group", "unknown")
    answers = data["answers"]
    if type(age_group) is not str or age_group not in _AGE_GROUP_IDS or type(answers) is not dict:
        return None
    if len(answers) > MAX_ANSWERS or not answers.keys() <= services.answerable_ids():
        return None
    clean: dict[str, Any] = {}
    for item_id, answer in answers.items():
        if type(answer) is not dict or not answer.keys() <= _ANSWER_KEYS:
            return None
        value, source = answer.get("value"), answer.get("source", "statement")
        note, unconfirmed = _plain_note(answer.get("note", "")), answer.get("unconfirmed", False)
        if (type(value) is not str or value not in services.VALUES or type(source) is not str
                or source not in services.SOURCES or note is None or type(unconfirmed) is not bool):
            return None
        clean[item_id] = {"value": value, "source": source, "note": note, "unconfirmed": unconfirmed}
    return {"age_group": age_group, "answers": clean}


class AssessmentSerializer(serializers.Serializer):
    reading = serializers.ChoiceField(choices=["trafficking", "deception_exploitation", "exploitation",
                                               "smuggling", "insufficient"])
    catalogue_version = serializers.CharField()
    age_group = serializers.CharField()
    reading_detail = serializers.DictField()
    dimensions = serializers.ListField(child=serializers.DictField())
    us_law = serializers.DictField()
    next_questions = serializers.ListField(child=serializers.DictField())
    recommended_actions = serializers.ListField(child=serializers.DictField())
    explanation = serializers.ListField(child=serializers.DictField())


class AssessView(APIView):
    """Stateless: nothing is stored, so nothing about a person is kept or audited."""

    required_permission = "screening.run"

    @extend_schema(
        request=AssessRequestSerializer, responses=AssessmentSerializer, tags=["screening"],
        summary="Assess these answers (stateless)",
        examples=[OpenApiExample("Debt and documents", request_only=True, value={
            "age_group": "adult",
            "answers": {"cd_debt_bondage": {"value": "present", "source": "statement"},
                        "cd_confiscation_of_documents": {"value": "present"}}})],
    )
    def post(self, request: Request) -> Response:
        data = plain_assess_request(request.data)
        if data is None:
            serializer = AssessRequestSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        return Response(services.assess(data["answers"], data["age_group"]))


class ScreeningSerializer(serializers.ModelSerializer):
    class Meta:
        model = Screening
        fields = ["id", "label", "age_group", "setting", "question_language", "reading",
                  "present_indicators", "catalogue_version", "created_at", "completed_at", "version",
                  "idempotency_key"]
        read_only_fields = fields


class ScreeningCreateSerializer(StrictSerializer):
    label = StrictCharField(max_length=80)
    age_group = serializers.ChoiceField(choices=AGE_GROUPS, default="unknown")
    setting = serializers.ChoiceField(choices=SETTINGS, default="other")
    question_language = serializers.ChoiceField(choices=LANGUAGES, default="en")
    idempotency_key = StrictUUIDField(
        required=False, help_text="A UUID chosen by the client. Sending the same key again returns the screening "
                                  "it created (200) instead of creating another.")
    answers = AnswersField(child=AnswerSerializer(), allow_empty=True, required=False)
    complete = StrictBooleanField(required=False, default=False,
                                  help_text="Mark the screening completed (all answers given).")

    def validate_answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        return _check_answers(answers)


class KeyConflict(Conflict):
    default_detail = "This idempotency key belongs to another screening; nothing was created."
    default_code = "conflict"


KEY_CONFLICT_RESPONSE = OpenApiResponse(response=inline_serializer("ScreeningKeyProblem", {
    "type": serializers.CharField(), "title": serializers.CharField(), "status": serializers.IntegerField(),
    "detail": serializers.CharField()}), description="The idempotency key is taken by another screening.")


class ScreeningList(generics.ListAPIView):
    serializer_class = ScreeningSerializer
    pagination_class = KeysetPagination  # numbered pages, or ?cursor= (api/keyset.py)
    required_permission = {"GET": "screening.view", "POST": "screening.run"}

    def get_queryset(self):  # type: ignore[no-untyped-def]
        queryset = Screening.objects.restrict(self.request.user, "view")
        reading = self.request.query_params.get("reading")
        if reading:
            queryset = queryset.filter(reading=reading)
        ordering = self.request.query_params.get("ordering", "-created_at")
        if ordering not in {"created_at", "-created_at"}:
            raise serializers.ValidationError({"ordering": ["Use created_at or -created_at."]})
        return queryset.order_by(ordering, "-pk")

    @extend_schema(tags=["screening"], summary="Screenings you may see")
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=ScreeningCreateSerializer,
                   responses={201: ScreeningSerializer, 200: ScreeningSerializer, 409: KEY_CONFLICT_RESPONSE},
                   tags=["screening"], summary="Start a screening (or send one queued on a phone)")
    def post(self, request: Request) -> Response:
        serializer = ScreeningCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        key = data.pop("idempotency_key", None)
        answers = data.pop("answers", {})
        complete = data.pop("complete", False)
        if key is None:
            screening = services.create(user=request.user, request=request, **data)
            if answers:
                screening = services.record_answers(screening, _as_list(answers), user=request.user, request=request)
            if complete:
                services.complete(screening, user=request.user, request=request)
            return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)
        try:
            screening, created = services.create_once(user=request.user, request=request, idempotency_key=key,
                                                      answers=answers, complete=complete, **data)
        except services.KeyConflict:
            raise KeyConflict() from None
        except services.AnswerError as error:
            raise serializers.ValidationError({"answers": [str(error)]}) from None
        if not created:
            record_event(EventTag.SCREENING_VIEWED, request=request, obj=screening,
                         detail={"via": "api", "idempotent_replay": True})
        return Response(ScreeningSerializer(screening).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def _as_list(answers: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"indicator": key, **value} for key, value in answers.items()]


class ScreeningDetailSerializer(ScreeningSerializer):
    assessment = serializers.DictField(source="result")

    class Meta(ScreeningSerializer.Meta):
        fields = [*ScreeningSerializer.Meta.fields, "assessment"]
        read_only_fields = fields


class ScreeningDetail(APIView):
    required_permission = {"GET": "screening.view", "PATCH": "screening.run"}

    @extend_schema(responses=ScreeningDetailSerializer, tags=["screening"], summary="One screening")
    def get(self, request: Request, pk: int) -> Response:
        screening = get_scoped_or_404(Screening.objects, request.user, "view", pk=pk)
        services.read_screening(request.user, screening, request, via="api")
        return Response(ScreeningDetailSerializer(screening).data)

    @extend_schema(request=AssessRequestSerializer, responses=ScreeningDetailSerializer,
                   tags=["screening"], summary="Record answers (merged into the screening)")
    def patch(self, request: Request, pk: int) -> Response:
        screening = get_scoped_or_404(Screening.objects, request.user, "change", pk=pk)
        serializer = AssessRequestSerializer(data={"answers": request.data.get("answers", {})}
                                             if isinstance(request.data, dict) and set(request.data) <= {"answers"}
                                             else request.data)
        serializer.is_valid(raise_exception=True)
        raw = _as_list(serializer.validated_data["answers"])
        try:
            screening = services.record_answers(screening, raw, user=request.user, request=request)
        except services.AnswerError as error:
            raise serializers.ValidationError({"answers": [str(error)]}) from None
        return Response(ScreeningDetailSerializer(screening).data)


MAX_ID = 2**31 - 1


class SendRequestSerializer(StrictSerializer):
    recipient = serializers.IntegerField(min_value=1, max_value=MAX_ID,
                                         help_text="The user id of an investigator or supervisor of your agency.")


class HandoffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    screening = serializers.IntegerField(source="screening_id")
    recipient = serializers.IntegerField(source="recipient_id")
    sent_at = serializers.DateTimeField()
    handled_at = serializers.DateTimeField(allow_null=True)


class ScreeningSend(APIView):
    """Send your screening to a named colleague, who finds it in My work (the web page's rule)."""

    required_permission = "screening.run"

    @extend_schema(request=SendRequestSerializer, responses={
                       201: HandoffSerializer, 200: HandoffSerializer,
                       (422, "application/problem+json"): OpenApiResponse(
                           description="This person cannot receive screenings from you (not an investigator or "
                                       "supervisor of your agency, or yourself); nothing was sent.")},
                   tags=["screening"], summary="Send a screening to an investigator")
    def post(self, request: Request, pk: int) -> Response:
        screening = get_scoped_or_404(Screening.objects, request.user, "change", pk=pk)
        serializer = SendRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recipient = services.recipients_for(request.user).filter(pk=serializer.validated_data["recipient"]).first()
        if recipient is None:
            # Schema-valid, refused by the rule of who may receive (422, as every rule refusal).
            raise Unprocessable("This person cannot receive screenings from you.")
        before = screening.handoffs.filter(recipient=recipient, handled_at__isnull=True).exists()
        try:
            handoff = services.send_to(screening, recipient, user=request.user, request=request)
        except services.SendError as error:
            raise Unprocessable(str(error)) from None
        return Response(HandoffSerializer(handoff).data, status=status.HTTP_200_OK if before else status.HTTP_201_CREATED)


class AttachRequestSerializer(StrictSerializer):
    case = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="A case you are on.")


class ScreeningAttach(APIView):
    """Attach a screening (yours, or one sent to you) to a case you are on."""

    required_permission = "screening.run"

    @extend_schema(request=AttachRequestSerializer, responses=ScreeningDetailSerializer, tags=["screening"],
                   summary="Attach a screening to a case")
    def post(self, request: Request, pk: int) -> Response:
        from laborlens.cases.models import Case

        screening = get_scoped_or_404(Screening.objects, request.user, "attach", pk=pk)
        serializer = AttachRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = get_scoped_or_404(Case.objects, request.user, "add_screening", pk=serializer.validated_data["case"])
        services.attach_to_case(screening, case, user=request.user, request=request)
        screening.refresh_from_db()
        return Response(ScreeningDetailSerializer(screening).data)
