"""``GET /api/v1/exports/htcds/?format=json|csv`` and ``GET /api/v1/exports/nibrs/``:
the same scoped, validated, audited exports as the web page (``cases.supervise``)."""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from laborlens.api.exceptions import problem
from laborlens.exchange import nibrs, services

HTCDS_RECORD = {
    "type": "object",
    "properties": {"ll_RecordType": {"type": "string", "enum": ["Case", "Victim", "Perpetrator"]},
                   "ll_CaseId": {"type": "string"}, "ll_PersonId": {"type": "string"}},
    "required": ["ll_RecordType", "ll_CaseId"],
    "additionalProperties": True,
}
HTCDS_DOCUMENT = {
    "type": "object",
    "required": ["standard", "profile", "citation", "licence", "records"],
    "properties": {"standard": {"type": "string"}, "profile": {"type": "string"},
                   "citation": {"type": "string"}, "licence": {"type": "string"},
                   "records": {"type": "array", "items": HTCDS_RECORD}},
}
ROWS = {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "string"}}}
NIBRS_DOCUMENT = {
    "type": "object",
    "required": ["format", "segments", "not_reportable"],
    "properties": {
        "format": {"type": "string"},
        "segments": {"type": "object", "required": list(nibrs.SEGMENTS),
                     "properties": {name: ROWS for name in nibrs.SEGMENTS}},
        "not_reportable": {"type": "array", "items": {
            "type": "object", "required": ["case", "lacks", "codes"],
            "properties": {"case": {"type": "string"},
                           "lacks": {"type": "array", "items": {"type": "string"}},
                           "codes": {"type": "array", "items": {"type": "string", "enum": list(nibrs.LACKS)}}}}},
    },
}


class CsvRenderer(BaseRenderer):
    """``?format=csv``: the CSV text as is; errors stay problem-details JSON."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, str):
            return data.encode("utf-8")
        return json.dumps(data).encode("utf-8")


class HtcdsExport(APIView):
    required_permission = services.EXPORT_PERMISSION
    renderer_classes = [JSONRenderer, CsvRenderer]

    @extend_schema(
        tags=["exports"], summary="Your agency's cases as a de-identified HTCDS 2.0 file",
        parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"], required=False,
                                     description="json (default) or csv")],
        responses={
            (200, "application/json"): OpenApiResponse(response=HTCDS_DOCUMENT, description="The HTCDS file"),
            (200, "text/csv"): OpenApiResponse(response=OpenApiTypes.STR,
                                               description="The HTCDS file as CSV (format=csv)"),
        },
    )
    def get(self, request: Request) -> Any:
        wanted = request.query_params.getlist("format") or [request.accepted_renderer.format]
        if len(wanted) > 1 or wanted[0] not in services.FORMATS:
            raise serializers.ValidationError({"format": ["One of json, csv."]})
        text = services.export_htcds(request.user, wanted[0], request=request, via="api")  # type: ignore[arg-type]
        if wanted[0] == "csv":
            response = Response(text, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="htcds.csv"'
            return response
        return Response(json.loads(text))


class NibrsExport(APIView):
    required_permission = services.EXPORT_PERMISSION

    @extend_schema(
        tags=["exports"], summary="NIBRS human trafficking extract (64A, 64B) of your agency's cases",
        responses={200: OpenApiResponse(response=NIBRS_DOCUMENT, description="Segments and the cases not yet reportable"),
                   422: OpenApiResponse(description="No extract: the agency's ORI is missing or a placeholder, or "
                                                    "incidents fail NIBRS data-element rules (every error listed)")},
    )
    def get(self, request: Request) -> Response:
        try:
            extract = services.export_nibrs(request.user, request=request, via="api")  # type: ignore[arg-type]
        except services.NibrsRefused as refusal:
            # Every error of every incident, and no extract (HTTP 422).
            problems = refusal.extract.problems if refusal.extract is not None else []
            # An RFC 9457 problem document like every other API error, with the errors listed.
            return problem(422, "Unprocessable content", str(refusal), specification=nibrs.SPEC_VERSION,
                           errors=[{"case": p.case, "segment": p.segment, "row": p.row,
                                    "data_element": p.element, "message": p.message} for p in problems])
        return Response({"format": nibrs.FORMAT, "segments": extract.segments,
                         "not_reportable": extract.not_reportable})
