"""The screening endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.screening import api

urlpatterns = [
    path("v1/assess/", api.AssessView.as_view(), name="assess"),
    path("v1/screenings/", api.ScreeningList.as_view(), name="screenings"),
    path("v1/screenings/<int:pk>/", api.ScreeningDetail.as_view(), name="screening"),
    path("v1/screenings/<int:pk>/send/", api.ScreeningSend.as_view(), name="screening_send"),
    path("v1/screenings/<int:pk>/attach/", api.ScreeningAttach.as_view(), name="screening_attach"),
]
