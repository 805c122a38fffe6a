"""The tips endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.tips import api

urlpatterns = [
    path("v1/tips/", api.TipList.as_view(), name="tips"),
    path("v1/tips/public/", api.PublicTipView.as_view(), name="tips_public"),
    path("v1/tips/partner/", api.PartnerTipView.as_view(), name="tips_partner"),
]
