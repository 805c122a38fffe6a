"""What every app's API shares: the schema, its docs, the caller, agencies and tokens. Each
app keeps its endpoints in its own ``api_urls.py``; the root URLconf gathers them all under
/api/ in the ``api`` namespace."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from laborlens.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/me/", views.MeView.as_view(), name="me"),
    path("v1/agencies/", views.AgencyList.as_view(), name="agencies"),
    path("v1/tokens/", views.TokenList.as_view(), name="tokens"),
    path("v1/tokens/<int:pk>/", views.TokenRevoke.as_view(), name="token_revoke"),
]
