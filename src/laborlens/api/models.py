"""Personal API tokens: shown once, stored hashed, scoped, expiring and revocable."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from laborlens.core.querysets import RestrictedQuerySet

TOKEN_PREFIX = "llt"  # noqa: S105  (a visible prefix, not a secret)
SCOPES = {
    "read": "Read what your role and scope allow",
    "write": "Create and change records your role allows",
}
MAX_LIFETIME_DAYS = 365


def hash_secret(secret: str) -> str:
    # Tokens carry 256 bits of randomness, so a fast hash is enough (no guessing attacks).
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_id = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_id})"

    @classmethod
    def scope_for(cls, user: object, action: str) -> Q | None:
        # A token is its owner's alone; administrators revoke by deactivating the person.
        return Q(user_id=user.pk)  # type: ignore[attr-defined]

    @classmethod
    def issue(cls, user: object, name: str, scopes: list[str], days: int) -> tuple[ApiToken, str]:
        key_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_id=key_id, secret_hash=hash_secret(secret),
            scopes=sorted(set(scopes)), expires_at=timezone.now() + timedelta(days=days),
        )
        return token, f"{TOKEN_PREFIX}_{key_id}_{secret}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, hash_secret(secret))
