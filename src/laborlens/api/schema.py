"""Document the problem-details error responses on every operation, so that clients
(and schemathesis) know every status code the API can answer with."""

from __future__ import annotations

from typing import Any

PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
        "retry_after": {"type": "integer"},
    },
}
ERRORS = {
    "400": "Invalid input; nothing was changed.",
    "401": "Authentication required or token invalid, expired or revoked.",
    "403": "Your role or token scope does not allow this.",
    "404": "Not found, or outside your scope.",
    "405": "Method not allowed.",
    "406": "Not acceptable.",
    "413": "The request body is larger than the API accepts (1 MiB).",
    "415": "Unsupported media type.",
    "429": "Too many requests for this token.",
}

CURSOR_REFUSED = ("The cursor is well formed but not one this list gave out for this ordering; "
                  "`errors.cursor` says so. Start again with an empty cursor.")


def add_problem_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = PROBLEM_SCHEMA
    reference = {"$ref": "#/components/schemas/Problem"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                if code == "400" and method == "get" and not operation.get("parameters"):
                    continue
                if code == "413" and method not in {"post", "put", "patch"}:
                    continue
                responses.setdefault(code, {
                    "description": description,
                    "content": {"application/problem+json": {"schema": reference}},
                })
            if any(p.get("name") == "cursor" and p.get("in") == "query" for p in operation.get("parameters", [])):
                responses.setdefault("422", {
                    "description": CURSOR_REFUSED, "content": {"application/problem+json": {"schema": reference}}})
    return result


def register_schema_extensions() -> None:
    """Tell drf-spectacular how our two authentication classes appear in the schema, and that
    every strict request body is a closed object (one extension for every app's serializers)."""
    from drf_spectacular.extensions import (
        OpenApiAuthenticationExtension,
        OpenApiSerializerExtension,
    )

    class StrictBody(OpenApiSerializerExtension):  # type: ignore[misc]
        """Document what ``api.base.StrictSerializer`` enforces: no property beyond the listed ones."""

        target_class = "laborlens.api.base.StrictSerializer"
        match_subclasses = True

        def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
            schema: dict[str, Any] = auto_schema._map_basic_serializer(self.target, direction)
            schema["additionalProperties"] = False
            return schema

    class BearerScheme(OpenApiAuthenticationExtension):  # type: ignore[misc]
        target_class = "laborlens.api.authentication.BearerTokenAuthentication"
        name = "bearerToken"

        def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
            return {"type": "http", "scheme": "bearer",
                    "description": "Personal API token `llt_<key id>_<secret>`."}

    class SessionScheme(OpenApiAuthenticationExtension):  # type: ignore[misc]
        target_class = "laborlens.api.authentication.VerifiedSessionAuthentication"
        name = "session"

        def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
            return {"type": "apiKey", "in": "cookie", "name": "laborlens_session"}
