"""The victims endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.victims import api

urlpatterns = [
    path("v1/victims/", api.VictimList.as_view(), name="victims"),
    path("v1/victims/<int:pk>/", api.VictimDetail.as_view(), name="victim"),
    path("v1/victims/<int:pk>/needs/", api.VictimNeeds.as_view(), name="victim_needs"),
    path("v1/victims/<int:pk>/consents/", api.VictimConsents.as_view(), name="victim_consents"),
    path("v1/victims/<int:pk>/referrals/", api.VictimReferrals.as_view(), name="victim_referrals"),
    path("v1/needs/<int:pk>/", api.NeedDetail.as_view(), name="need"),
    path("v1/consents/<int:pk>/revoke/", api.ConsentRevoke.as_view(), name="consent_revoke"),
    path("v1/referrals/", api.ReferralList.as_view(), name="referrals"),
    path("v1/referrals/<int:pk>/", api.ReferralDetail.as_view(), name="referral"),
    path("v1/referrals/<int:pk>/actions/", api.ReferralAction.as_view(), name="referral_action"),
    path("v1/directory/", api.Directory.as_view(), name="directory"),
]
