from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from laborlens.api import views
from laborlens.cases import api as cases_api
from laborlens.exchange import api as exchange_api
from laborlens.metrics import api as metrics_api
from laborlens.publishing import api as publishing_api
from laborlens.screening import api as screening_api
from laborlens.tips import api as tips_api
from laborlens.victims import api as victims_api

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/me/", views.MeView.as_view(), name="me"),
    path("v1/agencies/", views.AgencyList.as_view(), name="agencies"),
    path("v1/tokens/", views.TokenList.as_view(), name="tokens"),
    path("v1/tokens/<int:pk>/", views.TokenRevoke.as_view(), name="token_revoke"),
    path("v1/assess/", screening_api.AssessView.as_view(), name="assess"),
    path("v1/screenings/", screening_api.ScreeningList.as_view(), name="screenings"),
    path("v1/screenings/<int:pk>/", screening_api.ScreeningDetail.as_view(), name="screening"),
    path("v1/cases/", cases_api.CaseList.as_view(), name="cases"),
    path("v1/cases/<int:pk>/", cases_api.CaseDetail.as_view(), name="case"),
    path("v1/cases/<int:pk>/people/", cases_api.CasePeople.as_view(), name="case_people"),
    path("v1/cases/<int:pk>/entities/", cases_api.CaseEntities.as_view(), name="case_entities"),
    path("v1/cases/<int:pk>/evidence/", cases_api.CaseEvidence.as_view(), name="case_evidence"),
    path("v1/metrics/", metrics_api.MetricsView.as_view(), name="metrics"),
    path("v1/tips/", tips_api.TipList.as_view(), name="tips"),
    path("v1/tips/public/", tips_api.PublicTipView.as_view(), name="tips_public"),
    path("v1/tips/partner/", tips_api.PartnerTipView.as_view(), name="tips_partner"),
    path("v1/victims/", victims_api.VictimList.as_view(), name="victims"),
    path("v1/victims/<int:pk>/", victims_api.VictimDetail.as_view(), name="victim"),
    path("v1/victims/<int:pk>/needs/", victims_api.VictimNeeds.as_view(), name="victim_needs"),
    path("v1/victims/<int:pk>/consents/", victims_api.VictimConsents.as_view(), name="victim_consents"),
    path("v1/victims/<int:pk>/referrals/", victims_api.VictimReferrals.as_view(), name="victim_referrals"),
    path("v1/needs/<int:pk>/", victims_api.NeedDetail.as_view(), name="need"),
    path("v1/consents/<int:pk>/revoke/", victims_api.ConsentRevoke.as_view(), name="consent_revoke"),
    path("v1/referrals/", victims_api.ReferralList.as_view(), name="referrals"),
    path("v1/referrals/<int:pk>/", victims_api.ReferralDetail.as_view(), name="referral"),
    path("v1/referrals/<int:pk>/actions/", victims_api.ReferralAction.as_view(), name="referral_action"),
    path("v1/directory/", victims_api.Directory.as_view(), name="directory"),
    path("v1/releases/", publishing_api.ReleaseList.as_view(), name="releases"),
    path("v1/releases/<int:pk>/", publishing_api.ReleaseDetail.as_view(), name="release"),
    path("v1/releases/<int:pk>/approve/", publishing_api.ReleaseApprove.as_view(), name="release_approve"),
    path("v1/exports/htcds/", exchange_api.HtcdsExport.as_view(), name="export_htcds"),
    path("v1/exports/nibrs/", exchange_api.NibrsExport.as_view(), name="export_nibrs"),
]
