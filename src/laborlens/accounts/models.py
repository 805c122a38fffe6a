"""Agencies, task forces and the people who use LaborLens.

Every user belongs to exactly one agency and holds one role; what a role may do is read
from roles.json. Agencies are isolated: nobody sees or manages another agency's people.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.roles import (
    agency_type_choices,
    agency_types,
    grants,
    permissions_for,
    role_choices,
    roles,
)
from laborlens.core.querysets import RestrictedQuerySet


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    agency_type = models.CharField(_("type"), max_length=40, choices=agency_type_choices())
    jurisdiction = models.CharField(_("jurisdiction"), max_length=200)
    ori = models.CharField(_("ORI"), max_length=9, blank=True, help_text=_("FBI originating agency identifier"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # Agency policy: may its records be counted in de-identified releases (publishing app)?
    allow_statistical_use = models.BooleanField(
        _("allow statistical use"), default=False,
        help_text=_("Records of this agency may be counted in de-identified releases that a supervisor approves."))

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_law_enforcement(self) -> bool:
        return agency_types()[self.agency_type].law_enforcement

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        # Names of partner agencies are not secret; their people and data are.
        if action == "view":
            return Q()
        if action == "manage" and user.can("accounts.manage"):
            return Q(pk=user.agency_id)
        return None


class TaskForce(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=200)
    agencies = models.ManyToManyField(Agency, related_name="task_forces", blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            return Q(agencies=user.agency_id)
        return None


class LaborLensUserManager(UserManager.from_queryset(RestrictedQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="users")
    role = models.CharField(_("role"), max_length=40, choices=role_choices())
    is_locked = models.BooleanField(_("locked"), default=False)
    locked_at = models.DateTimeField(null=True, blank=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    preferred_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")

    objects = LaborLensUserManager()
    REQUIRED_FIELDS = ["email"]

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        role = roles().get(self.role)
        if role is None:
            return self.role
        return role.es if get_language() == "es" else role.en

    @property
    def permissions(self) -> frozenset[str]:
        return permissions_for(self.role)

    def can(self, permission: str) -> bool:
        """A role permission ("cases.view") or a named set of them ("case_work": any member),
        from ``accounts/roles.json``."""
        return self.is_active and not self.is_locked and grants(self.permissions, permission)

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            return Q(agency_id=user.agency_id)
        if action == "manage" and user.can("accounts.manage"):
            return Q(agency_id=user.agency_id)
        return None

    def end_all_sessions(self) -> int:
        """Server-side kill: every session this user holds stops working now."""
        keys = list(self.sessions.values_list("session_key", flat=True))
        Session.objects.filter(session_key__in=keys).delete()
        self.sessions.all().delete()
        return len(keys)


class UserSession(models.Model):
    """Which sessions belong to whom, so deactivation can end them at once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"session of user {self.user_id}"


class LoginFailure(models.Model):
    """Failed password or MFA attempts, counted by account name (never by IP address,
    which a client can spoof with X-Forwarded-For)."""

    username = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    reason = models.CharField(max_length=20)

    def __str__(self) -> str:
        return f"{self.username} {self.reason} {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def recent_count(cls, username: str) -> int:
        since = timezone.now() - timedelta(seconds=settings.LOCKOUT_WINDOW_SECONDS)
        return cls.objects.filter(username=username.lower(), at__gte=since).count()

    @classmethod
    def clear(cls, username: str) -> None:
        cls.objects.filter(username=username.lower()).delete()
