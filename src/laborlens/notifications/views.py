"""The notification preferences page (from "My account"): each kind on or off, at once or
in one daily summary, and the language of the mails. A user only ever sees and changes
their own choices."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laborlens.core.permissions import mfa_required
from laborlens.notifications import services
from laborlens.notifications.forms import PreferencesForm
from laborlens.notifications.models import Notification


@require_http_methods(["GET", "POST"])
@mfa_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PreferencesForm(request.POST or None, current=services.preferences_of(user),  # type: ignore[arg-type]
                           language=user.preferred_language)  # type: ignore[union-attr]
    if request.method == "POST" and form.is_valid():
        services.save_preferences(user, form.choices(), language=form.cleaned_data["language"],  # type: ignore[arg-type]
                                  request=request)
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    recent = Notification.objects.restrict(user, "view")[:10]  # type: ignore[arg-type]
    response = render(request, "notifications/preferences.html", {
        "form": form, "enabled": settings.NOTIFICATIONS_ENABLED, "has_email": services.reachable(user),  # type: ignore[arg-type]
        "recent": recent})
    return response
