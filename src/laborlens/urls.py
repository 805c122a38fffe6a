from django.urls import include, path
from django.views.i18n import set_language

from laborlens.api import web as api_web
from laborlens.screening import pwa

urlpatterns = [
    path("", include("laborlens.core.urls")),
    path("accounts/", include("laborlens.accounts.urls")),
    path("audit/", include("laborlens.audit.urls")),
    path("cases/", include("laborlens.cases.urls")),
    path("api/", include("laborlens.api.urls")),
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
