"""The exchange endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.exchange import api

urlpatterns = [
    path("v1/exports/htcds/", api.HtcdsExport.as_view(), name="export_htcds"),
    path("v1/exports/nibrs/", api.NibrsExport.as_view(), name="export_nibrs"),
]
