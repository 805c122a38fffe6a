from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from laborlens.api import tokencache
from laborlens.api.base import PREFETCHED_HISTORY, token_throttle_key
from laborlens.api.models import TOKEN_PREFIX, ApiToken, hash_secret

LAST_USED_RESOLUTION_SECONDS = 60


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer llt_<key id>_<secret>``."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, raw = header.partition(" ")
        if keyword != self.keyword:
            return None
        parts = raw.strip().split("_", 2)
        if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
            raise exceptions.AuthenticationFailed("Malformed token.")
        secret_hash = hash_secret(parts[2])
        # The shared cache first (no SQL); the database when it has no entry or holds it.
        # The token's throttle history comes in the same round trip (api.base.TokenRateThrottle).
        throttle_key = token_throttle_key(parts[1])
        token, cacheable, extra = tokencache.lookup(secret_hash, also=(throttle_key,))
        if tokencache.enabled():
            setattr(request, PREFETCHED_HISTORY, (throttle_key, extra.get(throttle_key, [])))
        from_database = token is None or token.key_id != parts[1]
        if from_database:
            token = ApiToken.objects.select_related("user").filter(key_id=parts[1]).first()
            if token is None or not token.matches(parts[2]):
                raise exceptions.AuthenticationFailed("Invalid token.")
        if not token.is_usable:
            raise exceptions.AuthenticationFailed("Token expired or revoked.")
        user = token.user
        if not user.is_active or user.is_locked:
            raise exceptions.AuthenticationFailed("Account disabled or locked.")
        if from_database:
            self._mark_used(token)
            if cacheable:
                tokencache.remember(token)
        return user, token

    @staticmethod
    def _mark_used(token: ApiToken) -> None:
        """``last_used_at`` to the minute (the cache keeps a token at most that long)."""
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
            token.last_used_at = now
            token.save(update_fields=["last_used_at"])

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """A browser session counts only once its second factor is verified."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        user, auth = result
        if not user.is_verified():
            return None
        return user, auth
