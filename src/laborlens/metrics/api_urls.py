"""The metrics endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.metrics import api

urlpatterns = [
    path("v1/metrics/", api.MetricsView.as_view(), name="metrics"),
]
