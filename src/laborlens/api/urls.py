from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from laborlens.api import views
from laborlens.cases import api as cases_api
from laborlens.screening import api as screening_api
from laborlens.tips import api as tips_api

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
    path("v1/tips/", tips_api.TipList.as_view(), name="tips"),
    path("v1/tips/public/", tips_api.PublicTipView.as_view(), name="tips_public"),
    path("v1/tips/partner/", tips_api.PartnerTipView.as_view(), name="tips_partner"),
]
