"""Sign-in in three steps (system-use notice, password, one-time code) and account
administration limited to one's own agency."""

from __future__ import annotations

import base64
import time
from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.accounts import device_vault, services
from laborlens.accounts.forms import (
    AgencyPolicyForm,
    CodeForm,
    LoginForm,
    NewUserForm,
    PasswordChangeForm,
    ReauthForm,
    RoleForm,
)
from laborlens.accounts.models import Agency, User
from laborlens.accounts.reauth import REAUTH_AT, needs_reauth, recently_authenticated
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import mfa_required, permission_required
from laborlens.core.querysets import get_scoped_or_404

NOTICE_KEY = "laborlens_notice_accepted"
PENDING_USER = "laborlens_pending_user"
PENDING_AT = "laborlens_pending_at"
NEXT_KEY = "laborlens_next"
PENDING_SECONDS = 300

LOGIN_FAILED = _(
    "Sign-in failed. Check your user name and password. After 5 failed attempts in "
    "15 minutes the account is locked until your agency administrator unlocks it."
)


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()},
                                                     require_https=request.is_secure()):
        return candidate
    return reverse("core:home")


@require_http_methods(["GET", "POST"])
def notice(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session[NOTICE_KEY] = True
        return redirect("accounts:login")
    return render(request, "accounts/notice.html")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.GET.get("next"):
        request.session[NEXT_KEY] = request.GET["next"]
    if not request.session.get(NOTICE_KEY):
        return redirect("accounts:notice")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        user = services.find_user(username)
        if user is not None and user.is_locked:
            services.register_failure(username, "locked", request)
            form.add_error(None, LOGIN_FAILED)
        else:
            authenticated = authenticate(request, username=user.username if user else username,
                                         password=form.cleaned_data["password"])
            if authenticated is None:
                services.register_failure(username, "password", request)
                form.add_error(None, LOGIN_FAILED)
            else:
                request.session.cycle_key()
                request.session[PENDING_USER] = authenticated.pk
                request.session[PENDING_AT] = time.time()
                return redirect("accounts:mfa")
    return render(request, "accounts/login.html", {"form": form})


def _pending_user(request: HttpRequest) -> User | None:
    pk = request.session.get(PENDING_USER)
    started = request.session.get(PENDING_AT, 0)
    if not pk or time.time() - started > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pk, is_active=True, is_locked=False).first()
    return user


@require_http_methods(["GET", "POST"])
def mfa_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    device = services.confirmed_device(user)
    if device is None:
        return redirect("accounts:mfa_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_code(device, form.cleaned_data["code"]):
            return _finish_login(request, user, device)
        locked = services.register_failure(user.username, "mfa", request)
        if locked:
            request.session.flush()
            messages.error(request, LOGIN_FAILED)
            return redirect("accounts:login")
        form.add_error("code", _("That code is not valid or was already used. Wait for the next code."))
    return render(request, "accounts/mfa.html", {"form": form})


@require_http_methods(["GET", "POST"])
def mfa_enrol(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if services.confirmed_device(user) is not None:
        return redirect("accounts:mfa")
    device = services.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_code(device, form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record_event(EventTag.MFA_ENROLLED, request=request, actor=user, obj=user)
            return _finish_login(request, user, device)
        services.register_failure(user.username, "mfa", request)
        form.add_error("code", _("That code did not match. Check the time on your phone and try again."))
    context = {
        "form": form,
        "qr_svg": services.provisioning_svg(device),
        "secret": services.base32_secret(device),
    }
    return render(request, "accounts/mfa_enrol.html", context)


def _finish_login(request: HttpRequest, user: User, device: Any) -> HttpResponse:
    next_url = _safe_next(request, request.session.pop(NEXT_KEY, None))
    request.session.pop(PENDING_USER, None)
    request.session.pop(PENDING_AT, None)
    services.complete_login(request, user, device)
    request.session[NOTICE_KEY] = True
    return redirect(next_url)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are signed out."))
    response = redirect("accounts:login")
    # Unsent screening answers on this device (vault.js) go with the session.
    response["Clear-Site-Data"] = '"storage"'
    return response


@require_GET
@mfa_required
def device_key(request: HttpRequest) -> HttpResponse:
    """Key material for this phone's device vault (static/laborlens/vault.js; the rules are in
    accounts/device_vault.py). The phone names its vault in the X-LaborLens-Vault header; the
    browser imports the key as a non-extractable AES-GCM key."""
    key, token, expires = device_vault.open_vault(request.user.pk, request.headers.get("X-LaborLens-Vault", ""))
    return JsonResponse({"alg": "AES-GCM", "key": base64.b64encode(key).decode(), "vault": token,
                         "expires": expires})


@require_http_methods(["GET", "POST"])
@mfa_required
def reauth(request: HttpRequest) -> HttpResponse:
    """Password and a fresh code again before sensitive account changes."""
    form = ReauthForm(request.POST or None)
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST" and form.is_valid():
        device = services.confirmed_device(user)
        password_ok = user.check_password(form.cleaned_data["password"])
        if password_ok and device is not None and services.verify_code(device, form.cleaned_data["code"]):
            request.session[REAUTH_AT] = time.time()
            return redirect(_safe_next(request, request.GET.get("next")))
        if services.register_failure(user.username, "reauth", request):
            logout(request)
            return redirect("accounts:login")
        form.add_error(None, _("Password or code not accepted."))
    return render(request, "accounts/reauth.html", {"form": form})


@require_http_methods(["GET", "POST"])
@mfa_required
def my_account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST":
        if not recently_authenticated(request):
            return needs_reauth(request)
        if form.is_valid():
            with transaction.atomic():
                user.set_password(form.cleaned_data["new_password"])
                user.save(update_fields=["password"])
                record_event(EventTag.USER_PASSWORD_CHANGED, request=request, obj=user)
            user.end_all_sessions()
            messages.success(request, _("Password changed. Please sign in again."))
            return redirect("accounts:login")
    return render(request, "accounts/my_account.html", {"form": form})


@permission_required("accounts.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.restrict(request.user, "manage").select_related("agency").order_by("username")
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    record_event(EventTag.USER_LIST_VIEWED, request=request, detail={"page": page.number})
    return render(request, "accounts/user_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@permission_required("accounts.manage")
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None)
    if request.method == "POST":
        if not recently_authenticated(request):
            return needs_reauth(request)
        if form.is_valid():
            with transaction.atomic():
                user = form.save(commit=False)
                user.agency = request.user.agency  # type: ignore[union-attr]
                user.set_password(form.cleaned_data["password"])
                user.save()
                record_event(EventTag.USER_CREATED, request=request, obj=user,
                             detail={"role": user.role})
            messages.success(request, _("Account created. The person enrols an authenticator at first sign-in."))
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("accounts.manage")
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target: User = get_scoped_or_404(User.objects, request.user, "manage", pk=pk)
    role_form = RoleForm(initial={"role": target.role})
    if request.method == "POST":
        if not recently_authenticated(request):
            return needs_reauth(request)
        action = request.POST.get("action", "")
        actor: User = request.user  # type: ignore[assignment]
        if action == "unlock":
            services.unlock(target, actor, request)
            messages.success(request, _("Account unlocked."))
        elif action == "deactivate" and target != actor:
            services.set_active(target, False, actor, request)
            messages.success(request, _("Account deactivated; its sessions have ended."))
        elif action == "reactivate":
            services.set_active(target, True, actor, request)
            messages.success(request, _("Account reactivated."))
        elif action == "reset_mfa":
            services.reset_mfa(target, actor, request)
            messages.success(request, _("Authenticator removed; the person enrols again at next sign-in."))
        elif action == "role":
            role_form = RoleForm(request.POST)
            if role_form.is_valid():
                services.change_role(target, role_form.cleaned_data["role"], actor, request)
                messages.success(request, _("Role changed."))
            else:
                return render(request, "accounts/user_detail.html",
                              {"target": target, "role_form": role_form}, status=400)
        else:
            messages.error(request, _("That action is not available."))
            return render(request, "accounts/user_detail.html",
                          {"target": target, "role_form": role_form}, status=400)
        return redirect("accounts:user_detail", pk=target.pk)
    return render(request, "accounts/user_detail.html", {"target": target, "role_form": role_form})


@require_http_methods(["GET", "POST"])
@permission_required("accounts.manage")
def agency_policy(request: HttpRequest) -> HttpResponse:
    """The agency's data policy (for now: whether its records may be counted in releases)."""
    agency: Agency = get_scoped_or_404(Agency.objects, request.user, "manage", pk=request.user.agency_id)  # type: ignore[union-attr]
    # Not "request.POST or None": an unticked box posts nothing, and that is still a submission.
    form = AgencyPolicyForm(request.POST if request.method == "POST" else None, instance=agency)
    if request.method == "POST":
        if not recently_authenticated(request):
            return needs_reauth(request)
        if form.is_valid():
            with transaction.atomic():
                agency = form.save()
                detail: dict[str, object] = {"allow_statistical_use": agency.allow_statistical_use}
                if "ori" in form.changed_data:
                    detail["ori"] = agency.ori
                record_event(EventTag.AGENCY_POLICY_CHANGED, request=request, obj=agency, detail=detail)
            messages.success(request, _("Agency policy saved."))
            return redirect("accounts:agency_policy")
    return render(request, "accounts/agency_policy.html", {"form": form, "agency": agency})
