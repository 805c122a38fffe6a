"""Release endpoints: list, read, request, approve. Same scoped querysets, rules and audit
events as the pages. Previews and outputs stay in the web app and the CLI (the output
is a file; its download is audited there)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.base import StrictCharField, StrictSerializer
from laborlens.api.exceptions import Conflict, RuleRefused
from laborlens.core.querysets import get_scoped_or_404
from laborlens.publishing import services
from laborlens.publishing.models import Dataset, Method, Release


class ReleaseSerializer(serializers.ModelSerializer):
    requested_by = serializers.CharField(source="requested_by.username")
    approved_by = serializers.CharField(source="approved_by.username", allow_null=True, default=None)

    class Meta:
        model = Release
        fields = ["id", "title", "purpose", "dataset", "method", "parameters", "seed", "status", "requested_by",
                  "requested_at", "approved_by", "approved_at", "published_at", "output_rows", "output_sha256",
                  "charged_epsilon", "charged_delta"]
        read_only_fields = fields


class ReleaseDetailSerializer(ReleaseSerializer):
    selection = serializers.JSONField(help_text="records included and left out, by reason (counts only)")
    preview = serializers.JSONField(help_text="utility against the true counts (internal only)")

    class Meta(ReleaseSerializer.Meta):
        fields = [*ReleaseSerializer.Meta.fields, "selection", "preview"]
        read_only_fields = fields


class ParametersSerializer(StrictSerializer):
    # Names are not trimmed: one made of spaces is an unknown column, refused with 422.
    quasi_identifiers = serializers.ListField(child=StrictCharField(max_length=40, trim_whitespace=False), required=False, max_length=10)
    k = serializers.IntegerField(min_value=2, max_value=1000, required=False)
    max_suppression = serializers.FloatField(min_value=0, max_value=0.5, required=False)
    by = serializers.ListField(child=StrictCharField(max_length=40, trim_whitespace=False), required=False, max_length=5)
    columns = serializers.ListField(child=StrictCharField(max_length=40, trim_whitespace=False), required=False, max_length=12)
    epsilon = serializers.FloatField(min_value=0.01, max_value=10, required=False)
    delta = serializers.FloatField(min_value=0, max_value=0.001, required=False)
    suppress_below = serializers.IntegerField(min_value=0, max_value=1000, required=False)
    years = StrictCharField(max_length=9, required=False, trim_whitespace=False)
    reporting_length = serializers.IntegerField(min_value=1, max_value=4, required=False)


class ReleaseRequestSerializer(StrictSerializer):
    # Not trimmed here: a title of spaces is refused by the workflow's rule (422), like a
    # column name of spaces, so that schema-valid input never meets a 400.
    title = StrictCharField(max_length=200, trim_whitespace=False)
    purpose = StrictCharField(max_length=500, required=False, allow_blank=True)
    dataset = serializers.ChoiceField(choices=Dataset.choices)
    method = serializers.ChoiceField(choices=Method.choices)
    parameters = ParametersSerializer(required=False)


class DecisionSerializer(StrictSerializer):
    note = StrictCharField(max_length=500, required=False, allow_blank=True)


REFUSED = OpenApiResponse(description="Well formed, but the method's parameters or the dataset are refused "
                                      "(e.g. a year range, an epsilon out of bounds); `errors` says why.")
CONFLICT = OpenApiResponse(description="The release's state or the workflow rules do not allow this now.")


class ReleaseList(generics.ListCreateAPIView):
    serializer_class = ReleaseSerializer
    required_permission = {"GET": "releases", "POST": "release.prepare", "*": "releases"}  # accounts/roles.json

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return (Release.objects.restrict(self.request.user, "view")
                .select_related("requested_by", "approved_by").order_by("-requested_at", "-pk"))

    @extend_schema(tags=["releases"], summary="Releases of your agency (analysts and supervisors)")
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        response = super().get(request, *args, **kwargs)
        services.list_releases(request.user, request, page=self.paginator.page.number, via="api")
        return response

    @extend_schema(request=ReleaseRequestSerializer, responses={201: ReleaseSerializer, 422: REFUSED},
                   tags=["releases"],
                   summary="Request a release (analysts); preview it on the web page or with the CLI")
    def post(self, request: Request, *args: object, **kwargs: object) -> Response:
        serializer = ReleaseRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        params = dict(data.get("parameters") or {})
        try:
            release = services.request_release(by=request.user, title=data["title"],  # type: ignore[arg-type]
                                               purpose=data.get("purpose", ""), dataset=data["dataset"],
                                               method=data["method"], parameters=params, request=request)
        except services.WorkflowError as exc:
            raise RuleRefused({"parameters": [str(exc)]}) from exc
        return Response(ReleaseSerializer(release).data, status=status.HTTP_201_CREATED)


class ReleaseDetail(APIView):
    required_permission = "releases"

    @extend_schema(responses=ReleaseDetailSerializer, tags=["releases"], summary="One release")
    def get(self, request: Request, pk: int) -> Response:
        release: Release = get_scoped_or_404(Release.objects.select_related("requested_by", "approved_by"),
                                             request.user, "view", pk=pk)
        services.read_release(request.user, release, request, via="api")
        return Response(ReleaseDetailSerializer(release).data)


class ReleaseApprove(APIView):
    required_permission = "release.approve"

    @extend_schema(request=DecisionSerializer, responses={200: ReleaseSerializer, 409: CONFLICT},
                   tags=["releases"], summary="Approve a previewed release (a supervisor, not the requester)")
    def post(self, request: Request, pk: int) -> Response:
        release: Release = get_scoped_or_404(Release.objects, request.user, "approve", pk=pk)
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.approve_release(release, by=request.user,  # type: ignore[arg-type]
                                     note=serializer.validated_data.get("note", ""), request=request)
        except services.WorkflowError as exc:
            raise Conflict(str(exc)) from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(ReleaseSerializer(release).data)
