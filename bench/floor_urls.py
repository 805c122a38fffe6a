"""The framework's floor for same-run comparisons (issue 16, parts 6 and 7).

``/floor/`` answers a few bytes from a plain Django function view with no query; every other
URL is LaborLens as deployed. Benchmarks start gunicorn with ``--pythonpath bench`` and
``DJANGO_SETTINGS_MODULE=floor_settings`` (the floor behind LaborLens's whole middleware
stack) or ``floor_bare_settings`` (the floor with no middleware: Django's own minimum), so
the ratio of a LaborLens page to the floor is measured under the same server, workers and
machine load. Never part of the installed application.
"""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("floor/", floor),
    path("", include("laborlens.urls")),
]
