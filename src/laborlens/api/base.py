"""Shared pieces for every API view: strict input, pagination, per-token throttling."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from laborlens.api.models import ApiToken


class StrictSerializer(serializers.Serializer):
    """Unknown fields are an error, not silently dropped."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


class StrictModelSerializer(StrictSerializer, serializers.ModelSerializer):
    pass


class StrictBooleanField(serializers.BooleanField):
    """JSON true or false only: "yes", 1 or "true" are refused."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictCharField(serializers.CharField):
    """Text must arrive as text: a number is not silently turned into a string. NUL
    characters and lone surrogates are refused (text that can be stored and encrypted) and the schema says so with a pattern, so clients
    and the fuzzer know before they send. The pattern does not match "", so that for a field
    that may be blank the schema's oneOf (pattern | "") stays exclusive; DRF returns a
    blank value before validators run."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.append(RegexValidator(r"^[^\x00]+$", message="Null characters are not allowed."))

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        text = str(super().to_internal_value(data))
        try:  # JSON allows a lone surrogate; the database and the field encryption do not
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise serializers.ValidationError("Text must be valid Unicode.") from None
        return text


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.getlist(self.page_size_query_param)
        if not raw:
            return self.page_size
        if len(raw) > 1 or not raw[0].isdigit() or not 1 <= int(raw[0]) <= self.max_page_size:
            raise serializers.ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw[0])

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        self.check_page_number(request)
        return super().paginate_queryset(queryset, request, view)

    def check_page_number(self, request: Request) -> None:
        raw = request.query_params.getlist(self.page_query_param)
        if raw and (len(raw) > 1 or not raw[0].isdigit() or int(raw[0]) < 1):
            raise serializers.ValidationError({self.page_query_param: ["A whole number from 1."]})

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
        return parameters


PREFETCHED_HISTORY = "_laborlens_throttle_history"


def token_throttle_key(key_id: str) -> str:
    return TokenRateThrottle.cache_format % {"scope": TokenRateThrottle.scope, "ident": f"token-{key_id}"}


class TokenRateThrottle(SimpleRateThrottle):
    """Each API token has its own budget; sessions share their user's. A token's history is
    read by the token check in the same cache round trip as the token itself
    (``PREFETCHED_HISTORY``), so a throttled API request costs two round trips, not three."""

    scope = "token"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, ApiToken):
            return token_throttle_key(request.auth.key_id)
        if request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request: Request, view: Any) -> bool:
        prefetched = getattr(request, PREFETCHED_HISTORY, None)
        if self.rate is None or prefetched is None:
            return bool(super().allow_request(request, view))
        self.key = self.get_cache_key(request, view)
        if self.key != prefetched[0]:
            return bool(super().allow_request(request, view))
        # DRF's own steps, with the history already read.
        self.history = list(prefetched[1])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        if len(self.history) >= self.num_requests:
            return bool(self.throttle_failure())
        return bool(self.throttle_success())


def refuse_empty(params: Any, names: tuple[str, ...]) -> None:
    """A typed query parameter given with no value (``?until=``) is a 400, as the schema says:
    the pages read an empty field as "no filter", the API asks for a value or no parameter."""
    empty = [name for name in names if name in params and params[name] == ""]
    if empty:
        raise serializers.ValidationError({name: ["Give a value, or leave the parameter out."] for name in empty})
