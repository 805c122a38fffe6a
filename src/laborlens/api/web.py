"""The page where a person creates personal API tokens: only after MFA and a fresh
re-authentication, and the secret is shown exactly once."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from laborlens.accounts.reauth import needs_reauth, recently_authenticated
from laborlens.api.models import MAX_LIFETIME_DAYS, SCOPES, ApiToken
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import mfa_required
from laborlens.core.querysets import get_scoped_or_404


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What is this token for?"), max_length=100)
    scopes = forms.MultipleChoiceField(label=_("Scopes"), choices=list(SCOPES.items()),
                                       widget=forms.CheckboxSelectMultiple, initial=["read"])
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=MAX_LIFETIME_DAYS,
                              initial=90)


@require_http_methods(["GET", "POST"])
@mfa_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST":
        if not recently_authenticated(request):
            return needs_reauth(request)
        if request.POST.get("revoke"):
            token = get_scoped_or_404(ApiToken.objects, request.user, "change", pk=request.POST["revoke"])
            with transaction.atomic():
                token.revoked_at = timezone.now()
                token.save(update_fields=["revoked_at"])
                record_event(EventTag.API_TOKEN_REVOKED, request=request, obj=token)
            return redirect("api_tokens")
        if form.is_valid():
            with transaction.atomic():
                token, secret = ApiToken.issue(request.user, form.cleaned_data["name"],
                                               form.cleaned_data["scopes"], form.cleaned_data["days"])
                record_event(EventTag.API_TOKEN_CREATED, request=request, obj=token,
                             detail={"scopes": token.scopes, "days": form.cleaned_data["days"]})
            form = TokenForm()
    mine = ApiToken.objects.restrict(request.user, "view").order_by("-created_at")
    return render(request, "api/tokens.html", {"form": form, "secret": secret, "tokens": mine})
