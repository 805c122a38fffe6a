"""The publishing endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.publishing import api

urlpatterns = [
    path("v1/releases/", api.ReleaseList.as_view(), name="releases"),
    path("v1/releases/<int:pk>/", api.ReleaseDetail.as_view(), name="release"),
    path("v1/releases/<int:pk>/approve/", api.ReleaseApprove.as_view(), name="release_approve"),
]
