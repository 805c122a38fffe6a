"""The token check runs no SQL once a token is cached, and revocation still works at once
(laborlens.api.tokencache). The test settings' cache is per-process memory; the cluster
tests (tests/cluster) do the same through two servers and Redis."""

from __future__ import annotations

from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from laborlens.api import tokencache
from laborlens.api.authentication import BearerTokenAuthentication
from laborlens.api.models import ApiToken

ME = "/api/v1/me/"


def authenticate(secret: str):
    request = Request(RequestFactory().get(ME, HTTP_AUTHORIZATION=f"Bearer {secret}"))
    return BearerTokenAuthentication().authenticate(request)


def test_a_cached_token_is_checked_without_sql(world):
    token, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    with CaptureQueriesContext(connection) as first:
        authenticate(secret)
    assert len(first) >= 1  # looked up (and last_used_at written) once
    with CaptureQueriesContext(connection) as second:
        user, found = authenticate(secret)
    assert len(second) == 0
    assert (user.pk, found.pk) == (world.investigator.pk, token.pk)


def test_a_wrong_secret_for_a_cached_key_id_is_refused(world):
    _, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    authenticate(secret)
    prefix, key_id, _ = secret.split("_", 2)
    try:
        authenticate(f"{prefix}_{key_id}_{'x' * 43}")
    except AuthenticationFailed:
        pass
    else:
        raise AssertionError("a guessed secret was accepted")


def test_revoking_through_the_api_refuses_the_cached_token_at_once(world, api):
    client, token = api(world.officer)
    assert client.get(ME).status_code == 200  # now cached
    assert client.delete(f"/api/v1/tokens/{token.pk}/").status_code == 204
    assert client.get(ME).status_code == 401


def test_revoking_on_the_tokens_page_refuses_the_cached_token_at_once(world, api, login):
    client, token = api(world.investigator)
    assert client.get(ME).status_code == 200
    browser = login(world.investigator, reauthenticated=True)
    assert browser.post("/accounts/tokens/", {"revoke": token.pk}).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(ME).status_code == 401


def test_locking_or_deactivating_the_owner_refuses_the_cached_token_at_once(world, api):
    client, _ = api(world.officer)
    assert client.get(ME).status_code == 200
    world.officer.is_locked = True
    world.officer.save(update_fields=["is_locked"])
    assert client.get(ME).status_code == 401
    client, _ = api(world.analyst)
    assert client.get(ME).status_code == 200
    world.analyst.is_active = False
    world.analyst.save()
    assert client.get(ME).status_code == 401


def test_a_role_change_is_seen_on_the_next_request(world, api):
    client, _ = api(world.officer)
    assert client.get(ME).json()["role"] == "line_officer"
    world.officer.role = "investigator"
    world.officer.save(update_fields=["role"])
    assert client.get(ME).json()["role"] == "investigator"


def test_a_stale_entry_written_back_after_revocation_is_not_used(world):
    """A request that read the token just before the revocation may store it just after."""
    token, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    authenticate(secret)
    stale = ApiToken.objects.select_related("user").get(pk=token.pk)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    tokencache.remember(stale)  # the late write
    try:
        authenticate(secret)
    except AuthenticationFailed:
        pass
    else:
        raise AssertionError("a revoked token was accepted from a stale cache entry")


def test_using_a_token_does_not_hold_it_out_of_the_cache(world):
    """last_used_at is written on a database lookup; that write must not stop caching."""
    token, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    authenticate(secret)
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert tokencache.lookup(token.secret_hash)[0] is not None


def test_a_session_client_is_unaffected(world, login):
    assert login(world.investigator).get(ME).status_code == 200
    assert Client().get(ME).status_code in (401, 403)


def test_per_process_memory_is_not_used_for_tokens_unless_asked(world, settings):
    """Two demo workers each have their own memory: a revocation served by one could not drop
    the other's entry, so without a shared cache every request checks the database."""
    settings.API_TOKEN_CACHE = None
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert not tokencache.enabled()
    token, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    authenticate(secret)
    with CaptureQueriesContext(connection) as again:
        user, found = authenticate(secret)
    assert len(again) >= 1 and found.pk == token.pk
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/0"}}
    assert tokencache.enabled()


def test_the_throttle_read_with_the_token_still_limits_each_token(world, monkeypatch):
    """The token check reads the token's throttle history in the same cache round trip; the
    budget is still counted and enforced per token."""
    from django.core.cache import cache

    from laborlens.api.base import TokenRateThrottle, token_throttle_key

    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "3/min"})
    token, secret = ApiToken.issue(world.investigator, "t", ["read"], 1)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert [client.get(ME).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert len(cache.get(token_throttle_key(token.key_id))) == 3
    _, other = ApiToken.issue(world.investigator, "u", ["read"], 1)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {other}").get(ME).status_code == 200
