"""Read-only case endpoints: the same scoped querysets, identity rule and audit events
as the case pages. Writes stay in the web app for now (forms carry the workflow rules)."""

from __future__ import annotations

from collections import namedtuple
from functools import partial
from typing import Any, NamedTuple

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.accounts.models import Agency
from laborlens.api.base import refuse_empty
from laborlens.api.keyset import COUNT_CAP, KeysetPagination, keys_of, planner_estimate, position_of
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import countcache, services
from laborlens.cases.identity.access import can_see_identity, member_case_ids
from laborlens.cases.identity.text import renderer_for_case
from laborlens.cases.lists import CaseFilterForm
from laborlens.cases.models import Case, CaseMember, Entity, Evidence, Person, Stage
from laborlens.core import keyset, prepared
from laborlens.core.querysets import OutOfScope, get_scoped_or_404

CASE_ORDERINGS = {"number", "-number", "opened_on", "-opened_on"}
API_FILTERS = ("number", "opened_from", "opened_until", "mine")


class CappedCountPaginator(Paginator):
    """Counts at most ``COUNT_CAP + 1`` rows: an exact ``COUNT(*)`` over a supervisor's
    half-million cases is the slowest part of a page at scale (BENCHMARKS.md "Scale"). The
    count is kept in the shared cache until a case or a team changes (cases.countcache)."""

    @cached_property
    def counted(self) -> int:
        return countcache.capped_count(self.object_list, COUNT_CAP + 1)

    @cached_property
    def count(self) -> int:
        return min(self.counted, COUNT_CAP)

    @property
    def capped(self) -> bool:
        return self.counted > COUNT_CAP


class CasePagination(KeysetPagination):
    """``count`` is exact up to 10,000; beyond it ``count_capped`` is true and the pages stop
    at 10,000 cases (narrow the list with ``stage`` or reverse ``ordering``). With ``cursor``
    the pages go on without a count (laborlens.api.keyset)."""

    django_paginator_class = CappedCountPaginator

    def capped_count(self, queryset: Any) -> int:
        return countcache.capped_count(queryset, COUNT_CAP + 1)

    def estimate(self, queryset: Any) -> int | None:
        if connections[queryset.db].vendor == "postgresql":
            return countcache.estimate(queryset, planner_estimate)
        return super().estimate(queryset)

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        if not self.keyset_mode:
            response.data["count_capped"] = self.page.paginator.capped
        return response

    def page_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().page_response_schema(schema)
        paginated["properties"]["count_capped"] = {
            "type": "boolean", "description": f"true when more than {COUNT_CAP:,} cases match: "
            f"count then says {COUNT_CAP:,}"}
        paginated["required"] = [*paginated.get("required", []), "count_capped"]
        return paginated


class CaseSerializer(serializers.ModelSerializer):
    lead_agency = serializers.CharField(source="lead_agency.short_name")

    class Meta:
        model = Case
        fields = ["id", "number", "title", "lead_agency", "stage", "jurisdiction", "industry",
                  "visa_programmes", "exploitation", "co_occurring_crimes", "opened_on", "closed_on",
                  "version"]
        read_only_fields = fields

    def to_representation(self, case: Case) -> dict[str, Any]:
        """What DRF's field-by-field walk returns (``tests/api/test_case_serializer.py``
        compares the two), built directly: the walk was a tenth of a list request of 50 cases."""
        return {"id": case.pk, "number": _text(case.number), "title": _text(case.title),
                "lead_agency": _text(case.lead_agency.short_name), "stage": _text(case.stage),
                "jurisdiction": _text(case.jurisdiction), "industry": _text(case.industry),
                "visa_programmes": case.visa_programmes, "exploitation": _text(case.exploitation),
                "co_occurring_crimes": case.co_occurring_crimes, "opened_on": _day(case.opened_on),
                "closed_on": _day(case.closed_on), "version": case.version}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


class TeamMemberSerializer(serializers.Serializer):
    username = serializers.CharField()
    agency = serializers.CharField()
    role = serializers.CharField()


class CaseDetailSerializer(CaseSerializer):
    summary = serializers.CharField()
    team = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "summary", "team"]
        read_only_fields = fields

    def to_representation(self, case: Case) -> dict[str, Any]:
        return {**super().to_representation(case), "summary": _text(case.summary), "team": self.get_team(case)}

    def get_team(self, case: Case) -> list[dict[str, str]]:
        members = self.context.get("team")
        if members is None:
            members = team_of(case)
        return [{"username": m.username, "agency": m.agency, "role": m.role} for m in members]


class TeamMember(NamedTuple):
    user_id: int
    username: str
    agency: str
    role: str


def team_of(case: Case) -> list[TeamMember]:
    """The team as the detail shows it: four columns, not two whole models per member
    (the user row and its agency were a sixth of a detail read in the profile)."""
    rows = prepared.fixed("cases.team_of", _team_query, slots=1).rows(case.pk)
    return [TeamMember(*row) for row in rows]


def _team_query() -> Any:
    """The team of the case in slot 0: compiled once (core.prepared), run per request."""
    return (CaseMember.objects.filter(case_id=prepared.slot(0)).order_by("pk")
            .values_list("user_id", "user__username", "user__agency__short_name", "role"))


class IdentitySerializer(serializers.Serializer):
    full_name = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    date_of_birth = serializers.CharField()
    phones = serializers.ListField(child=serializers.CharField())
    emails = serializers.ListField(child=serializers.CharField())
    address = serializers.CharField()
    city = serializers.CharField()


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.CharField()
    pseudonym = serializers.CharField()
    is_minor = serializers.BooleanField()
    languages = serializers.ListField(child=serializers.CharField())
    identity = IdentitySerializer(allow_null=True, help_text="null unless your access includes this person's identity")


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "kind", "name", "trade_name", "city"]
        read_only_fields = fields


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "number", "kind", "title", "source", "collected_on"]
        read_only_fields = fields


# The columns a list row shows: not the summary (up to 5,000 characters a case) nor the
# lead agency's whole row, for 50 to 200 rows a page.
LIST_COLUMNS = ("number", "title", "lead_agency__short_name", "stage", "jurisdiction", "industry",
                "visa_programmes", "exploitation", "co_occurring_crimes", "opened_on", "closed_on", "version")


def row_data(row: Any) -> dict[str, Any]:
    """``CaseSerializer``'s dict for one row of ``values_list("pk", *LIST_COLUMNS, named=True)``
    (``tests/api/test_case_serializer.py`` holds the two equal)."""
    return {"id": row.pk, "number": _text(row.number), "title": _text(row.title),
            "lead_agency": _text(row.lead_agency__short_name), "stage": _text(row.stage),
            "jurisdiction": _text(row.jurisdiction), "industry": _text(row.industry),
            "visa_programmes": row.visa_programmes, "exploitation": _text(row.exploitation),
            "co_occurring_crimes": row.co_occurring_crimes, "opened_on": _day(row.opened_on),
            "closed_on": _day(row.closed_on), "version": row.version}


class CaseList(generics.ListAPIView):
    serializer_class = CaseSerializer  # the schema; rows are built by ``row_data``
    pagination_class = CasePagination

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        """A page of plain rows: building 50 cases and 50 agencies as models (and DRF's list
        walk) was a third of a list request in the profile. The same scoped, filtered and
        ordered queryset, the same pages and cursors (the keys are attributes of a row too)."""
        first = self.first_page(request)
        if first is not None:
            return first
        rows = self.get_queryset().values_list("pk", *LIST_COLUMNS, named=True)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response([row_data(row) for row in page])

    def first_page(self, request: Request) -> Response | None:
        """The list as it opens (no parameter, or an empty ``cursor``: the first page, newest
        first, 50 rows) from statements compiled once for this user's scope (core.prepared):
        building and compiling the scoped page and count queries was a third of a list request.
        The answer is the paginators' own (their response methods, the same count and estimate
        entries of the shared cache); any other request, or a scope that cannot be reused, takes
        the usual path (``tests/api/test_case_list_prepared.py`` holds the two equal)."""
        params = request.query_params
        keyset_mode = len(params) == 1 and params.getlist("cursor") == [""]
        if params and not keyset_mode:
            return None
        user = request.user
        size = CasePagination.page_size
        page = prepared.scoped("cases.list.first", Case, user, "view", partial(_first_rows, size + 1))
        counted = prepared.scoped("cases.list.count", Case, user, "view", _count_key)
        if page is None or counted is None:
            return None
        rows = [FIRST_PAGE_ROW._make(row) for row in page.rows()]
        pagination = self.paginator
        assert isinstance(pagination, CasePagination)  # noqa: S101  (the class above)
        pagination.request = request
        if keyset_mode:
            pagination.keyset_mode = True
            keys = keys_of(Case.objects.order_by(*FIRST_PAGE_ORDER))
            order = ",".join(keyset.order_of(keys))
            items = rows[:size]
            more = len(rows) > size
            pagination.links = {"next": pagination._link(order, "a", more and position_of(keys, items[-1]) or None),
                                "previous": None}
            if connections[page.alias].vendor == "postgresql":
                estimated = prepared.scoped("cases.list.estimate", Case, user, "view", _estimate_key)
                if estimated is None:
                    return None
                pagination.count_estimate = countcache.cached_by_sql(
                    countcache.ESTIMATE_PREFIX, estimated.alias, estimated.sql, estimated.params,
                    lambda: planner_estimate(self.first_page_queryset()))
            else:
                pagination.count_estimate = min(self.first_page_count(counted), COUNT_CAP)
            return pagination.get_paginated_response([row_data(row) for row in items])
        pagination.keyset_mode = False
        paginator = CappedCountPaginator(rows[:size], size)
        paginator.__dict__["counted"] = self.first_page_count(counted)
        pagination.page = paginator.page(1)
        return pagination.get_paginated_response([row_data(row) for row in pagination.page])

    def first_page_queryset(self) -> Any:
        """What ``get_queryset`` gives for the list as it opens (for a count not in the cache)."""
        return _listed(Case.objects.restrict(self.request.user, "view"))

    def first_page_count(self, counted: prepared.Prepared) -> int:
        return int(countcache.cached_by_sql(
            countcache.CAPPED_COUNT_PREFIX, counted.alias, counted.sql, counted.params,
            lambda: self.first_page_queryset().values("pk").order_by()[: COUNT_CAP + 1].count()))

    def get_queryset(self):  # type: ignore[no-untyped-def]
        queryset = Case.objects.restrict(self.request.user, "view")
        stage = self.request.query_params.get("stage")
        if stage is not None:
            if stage not in Stage.values:
                raise serializers.ValidationError({"stage": [f"One of {', '.join(Stage.values)}."]})
            queryset = queryset.filter(stage=stage)
        # The case list page's other filters (cases/lists.py), with its messages.
        params = self.request.query_params
        refuse_empty(params, ("opened_from", "opened_until", "mine"))
        if "mine" in params and params.getlist("mine") not in (["true"], ["false"]):
            raise serializers.ValidationError({"mine": ["true or false, once."]})
        form = CaseFilterForm({name: params[name] for name in API_FILTERS if name in params})
        if not form.is_valid():
            raise serializers.ValidationError({name: [str(e) for e in errors] for name, errors in form.errors.items()})
        queryset = form.apply(queryset, self.request.user)
        ordering = self.request.query_params.get("ordering", "-opened_on")
        if ordering not in CASE_ORDERINGS:
            raise serializers.ValidationError({"ordering": [f"One of {', '.join(sorted(CASE_ORDERINGS))}."]})
        return queryset.order_by(ordering, "-pk")

    @extend_schema(tags=["cases"], summary="Cases you may see (team, or your agency's as supervisor)",
                   parameters=[OpenApiParameter("number", str, required=False, description="Case number contains"),
                               OpenApiParameter("opened_from", OpenApiTypes.DATE, required=False),
                               OpenApiParameter("opened_until", OpenApiTypes.DATE, required=False),
                               OpenApiParameter("mine", bool, required=False,
                                                description="Only cases you are on the team of")])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        response = super().get(request, *args, **kwargs)
        # The event the case list page leaves, so an auditor sees both channels alike.
        if "cursor" in request.query_params:
            first_page = not request.query_params["cursor"]
        else:
            first_page = request.query_params.get("page", "1") == "1"
        services.list_cases(request.user, request, first_page=first_page, count=len(response.data["results"]), via="api")
        return response


# The list as it opens (CaseList.first_page): its order, its rows, and the key queries of
# its count and estimate exactly as the paginators derive them from the usual queryset.
FIRST_PAGE_ORDER = ("-opened_on", "-pk")
FIRST_PAGE_ROW = namedtuple("Row", ["pk", *LIST_COLUMNS])  # type: ignore[misc]  # noqa: PYI024


def _listed(queryset: Any) -> Any:
    return queryset.order_by(*FIRST_PAGE_ORDER).values_list("pk", *LIST_COLUMNS, named=True)


def _first_rows(limit: int, queryset: Any) -> Any:
    return _listed(queryset).values_list("pk", *LIST_COLUMNS)[:limit]


def _count_key(queryset: Any) -> Any:
    return _listed(queryset).values("pk").order_by()[: COUNT_CAP + 1]


def _estimate_key(queryset: Any) -> Any:
    return _listed(queryset).values("pk").order_by()


def _case(request: Request, pk: int) -> Case:
    case: Case = get_scoped_or_404(Case.objects.select_related("lead_agency"), request.user, "view", pk=pk)
    return case


# The columns the detail shows (the lead agency's short name, not its whole row).
DETAIL_COLUMNS = (*LIST_COLUMNS, "summary")


# The case's own columns of DETAIL_COLUMNS, in the model's order (what ``Model.from_db`` reads).
_DETAIL_FIELDS = tuple(field.attname for field in Case._meta.concrete_fields
                       if field.attname in {"id", "lead_agency_id", *DETAIL_COLUMNS})
_AGENCY_FIELDS = tuple(field.attname for field in Agency._meta.concrete_fields if field.attname in {"id", "short_name"})


def _detail_query(queryset: Any) -> Any:
    """The scoped case in slot 0, its shown columns and its lead agency's short name."""
    return queryset.filter(pk=prepared.slot(0)).order_by().values_list(*_DETAIL_FIELDS, "lead_agency__short_name")


def scoped_case_for_detail(user: Any, pk: int) -> Case:
    """``get_scoped_or_404(Case.objects.select_related("lead_agency").only(*DETAIL_COLUMNS),
    user, "view", pk=pk)``, from a statement compiled once for this user's scope
    (core.prepared: building and compiling the scoped query was a quarter of a detail read).
    The same scope, the same columns, the same 404 (``tests/cases/test_api_prepared.py``)."""
    statement = prepared.scoped("cases.detail", Case, user, "view", _detail_query, slots=1)
    if statement is None:
        case: Case = get_scoped_or_404(Case.objects.select_related("lead_agency").only(*DETAIL_COLUMNS),
                                       user, "view", pk=pk)
        return case
    low, high = connections[statement.alias].ops.integer_field_range(Case._meta.pk.get_internal_type())
    rows = statement.rows(pk) if type(pk) is int and low <= pk <= high else []
    if not rows:
        raise OutOfScope(Case._meta.label_lower)
    *values, short_name = rows[0]
    case = Case.from_db(statement.alias, _DETAIL_FIELDS, values)
    agency_values = {"id": case.lead_agency_id, "short_name": short_name}
    case.lead_agency = Agency.from_db(statement.alias, _AGENCY_FIELDS, [agency_values[name] for name in _AGENCY_FIELDS])
    return case


class CaseDetail(APIView):
    @extend_schema(responses=CaseDetailSerializer, tags=["cases"], summary="One case")
    def get(self, request: Request, pk: int) -> Response:
        case = scoped_case_for_detail(request.user, pk)
        services.read_case(request.user, case, request, via="api")
        team = team_of(case)
        data = CaseDetailSerializer(case, context={"team": team}).data
        # Free text as this caller may see it; whether they are on the team is read off the
        # team just fetched rather than asked of the database again.
        on_team = frozenset({case.pk}) if any(m.user_id == request.user.pk for m in team) else frozenset()
        seen = renderer_for_case(request.user, case, member_of=on_team)
        data["title"], data["summary"] = seen(data["title"]), seen(data["summary"])
        return Response(data)


def _person_data(user: Any, person: Person, member_of: frozenset[int]) -> dict[str, Any]:
    identity = None
    if can_see_identity(user, person, member_of=member_of):
        identity = {"full_name": person.full_name, "aliases": list(person.aliases or []),
                    "date_of_birth": person.date_of_birth, "phones": list(person.phones or []),
                    "emails": list(person.emails or []), "address": person.address, "city": person.city}
    return {"id": person.pk, "role": person.role, "pseudonym": person.pseudonym,
            "is_minor": person.is_minor, "languages": list(person.languages or []), "identity": identity}


class CasePeople(APIView):
    @extend_schema(responses=PersonSerializer(many=True), tags=["cases"],
                   summary="People on a case; identities only where your access includes them")
    def get(self, request: Request, pk: int) -> Response:
        case = _case(request, pk)
        people = Person.objects.restrict(request.user, "view").filter(case=case).order_by("pk")
        member_of = member_case_ids(request.user, [case.pk])
        data = [_person_data(request.user, person, member_of) for person in people]
        record_event(EventTag.CASE_PERSON_VIEWED, request=request, obj=case,
                     detail={"via": "api", "people": len(data),
                             "identities_shown": sum(1 for item in data if item["identity"])})
        return Response(data)


class CaseEntities(APIView):
    @extend_schema(responses=EntitySerializer(many=True), tags=["cases"], summary="Entities on a case")
    def get(self, request: Request, pk: int) -> Response:
        case = _case(request, pk)
        entities = Entity.objects.restrict(request.user, "view").filter(case=case).order_by("pk")
        record_event(EventTag.CASE_ENTITY_VIEWED, request=request, obj=case, detail={"via": "api"})
        seen = renderer_for_case(request.user, case)
        data = EntitySerializer(entities, many=True).data
        for item in data:
            item["name"] = seen(item.get("name"))
        return Response(data)


class CaseEvidence(APIView):
    @extend_schema(responses=EvidenceSerializer(many=True), tags=["cases"],
                   summary="Evidence metadata on a case (files are downloaded in the web app)")
    def get(self, request: Request, pk: int) -> Response:
        case = _case(request, pk)
        items = Evidence.objects.restrict(request.user, "view").filter(case=case).order_by("pk")
        record_event(EventTag.CASE_EVIDENCE_VIEWED, request=request, obj=case, detail={"via": "api"})
        seen = renderer_for_case(request.user, case)
        data = EvidenceSerializer(items, many=True).data
        for item in data:
            item["title"], item["source"] = seen(item.get("title")), seen(item.get("source"))
        return Response(data)
