from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.accounts.models import Agency
from laborlens.api.models import ApiToken
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.querysets import get_scoped_or_404


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    agency = serializers.CharField()
    role = serializers.CharField()
    permissions = serializers.ListField(child=serializers.CharField())


class MeView(APIView):
    @extend_schema(responses=MeSerializer, summary="Who am I", tags=["accounts"])
    def get(self, request: Request) -> Response:
        user = request.user
        return Response({"username": user.username, "agency": user.agency.short_name,
                         "role": user.role, "permissions": sorted(user.permissions)})


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "agency_type", "jurisdiction"]


class AgencyList(generics.ListAPIView):
    serializer_class = AgencySerializer
    ordering = ["name"]

    def get_queryset(self):  # type: ignore[no-untyped-def]
        queryset = Agency.objects.restrict(self.request.user, "view")
        agency_type = self.request.query_params.get("agency_type")
        if agency_type:
            queryset = queryset.filter(agency_type=agency_type)
        return queryset.order_by("name")

    @extend_schema(summary="Agencies (names are not secret)", tags=["accounts"])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "key_id", "scopes", "created_at", "expires_at", "revoked_at", "last_used_at"]


class TokenList(generics.ListAPIView):
    serializer_class = TokenSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return ApiToken.objects.restrict(self.request.user, "view").order_by("-created_at")

    @extend_schema(summary="Your API tokens (secrets are never shown again)", tags=["accounts"])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)


class TokenRevoke(APIView):
    @extend_schema(request=None, responses={204: None}, summary="Revoke one of your tokens",
                   tags=["accounts"])
    def delete(self, request: Request, pk: int) -> Response:
        token: ApiToken = get_scoped_or_404(ApiToken.objects, request.user, "change", pk=pk)
        with transaction.atomic():
            if token.revoked_at is None:
                token.revoked_at = timezone.now()
                token.save(update_fields=["revoked_at"])
                record_event(EventTag.API_TOKEN_REVOKED, request=request, obj=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
