from django.urls import include, path
from django.views.i18n import set_language

from laborlens.api import urls as api_urls
from laborlens.api import web as api_web
from laborlens.cases import api_urls as cases_api
from laborlens.exchange import api_urls as exchange_api
from laborlens.metrics import api_urls as metrics_api
from laborlens.publishing import api_urls as publishing_api
from laborlens.screening import api_urls as screening_api
from laborlens.screening import pwa
from laborlens.tips import api_urls as tips_api
from laborlens.victims import api_urls as victims_api

# Every app owns its endpoints (its api_urls.py); here they meet under /api/, namespace "api".
API_PATTERNS = [
    *api_urls.urlpatterns,
    *screening_api.urlpatterns,
    *cases_api.urlpatterns,
    *metrics_api.urlpatterns,
    *tips_api.urlpatterns,
    *victims_api.urlpatterns,
    *publishing_api.urlpatterns,
    *exchange_api.urlpatterns,
]

urlpatterns = [
    path("", include("laborlens.core.urls")),
    path("", include("laborlens.languages.urls")),
    path("accounts/", include("laborlens.accounts.urls")),
    path("audit/", include("laborlens.audit.urls")),
    path("cases/", include("laborlens.cases.urls")),
    path("api/", include((API_PATTERNS, "api"))),
    path("screening/", include("laborlens.screening.urls")),
    path("tips/", include("laborlens.tips.urls")),
    path("victims/", include("laborlens.victims.urls")),
    path("releases/", include("laborlens.publishing.urls")),
    path("metrics/", include("laborlens.metrics.urls")),
    path("activities/", include("laborlens.activities.urls")),
    path("feedback/", include("laborlens.feedback.urls")),
    path("readiness/", include("laborlens.readiness.urls")),
    path("barriers/", include("laborlens.barriers.urls")),
    path("threat/", include("laborlens.threat.urls")),
    path("exports/", include("laborlens.exchange.urls")),
    path("research/", include("laborlens.research.urls")),
    path("notifications/", include("laborlens.notifications.urls")),
    path("accounts/tokens/", api_web.tokens, name="api_tokens"),
    path("i18n/setlang/", set_language, name="set_language"),
    # The installable app: the worker at the root so that its scope may be the whole site.
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
]

handler400 = "laborlens.core.views.error_400"
handler403 = "laborlens.core.views.error_403"
handler404 = "laborlens.core.views.error_404"
handler500 = "laborlens.core.views.error_500"
