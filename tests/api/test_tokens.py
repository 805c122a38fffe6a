from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from laborlens.api.models import ApiToken
from laborlens.audit.models import AuditEvent

ME = "/api/v1/me/"


def test_a_token_acts_as_its_owner(world, api):
    client, token = api(world.investigator)
    response = client.get(ME)
    assert response.status_code == 200
    assert response.json()["username"] == "investigator"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_tokens_are_stored_hashed(world, api):
    token, secret = ApiToken.issue(world.officer, "x", ["read"], 1)
    assert secret.split("_", 2)[2] not in token.secret_hash
    assert len(token.secret_hash) == 64


def test_missing_bad_expired_and_revoked_tokens_are_401_problems(world, api):
    assert Client().get(ME).status_code in (401, 403)
    bad = Client(HTTP_AUTHORIZATION="Bearer llt_nope_nope").get(ME)
    assert bad.status_code == 401
    assert bad["Content-Type"] == "application/problem+json"
    assert set(bad.json()) >= {"type", "title", "status", "detail"}
    client, token = api(world.officer)
    token.expires_at = timezone.now() - timedelta(seconds=1)
    token.save()
    assert client.get(ME).status_code == 401
    client, token = api(world.officer)
    token.revoked_at = timezone.now()
    token.save()
    assert client.get(ME).status_code == 401


def test_a_deactivated_or_locked_owner_cannot_use_a_token(world, api):
    client, _ = api(world.officer)
    world.officer.is_locked = True
    world.officer.save()
    assert client.get(ME).status_code == 401


def test_read_scope_cannot_write(world, api):
    client, token = api(world.officer, scopes=["read"])
    response = client.delete(f"/api/v1/tokens/{token.pk}/")
    assert response.status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_is_scoped_and_audited(world, api):
    mine_client, mine = api(world.officer)
    _, theirs = api(world.outsider)
    assert mine_client.delete(f"/api/v1/tokens/{theirs.pk}/").status_code == 404
    assert mine_client.delete(f"/api/v1/tokens/{mine.pk}/").status_code == 204
    assert AuditEvent.objects.filter(tag="api:token:revoke", object_id=str(mine.pk)).exists()
    assert mine_client.get(ME).status_code == 401


def test_a_session_without_mfa_is_not_authenticated(world):
    client = Client()
    client.force_login(world.officer)  # password only: no verified second factor
    assert client.get(ME).status_code in (401, 403)


def test_a_verified_session_works(world, login):
    assert login(world.officer).get(ME).status_code == 200


def test_tokens_are_created_only_after_mfa_and_reauthentication(world, login):
    client = Client()
    client.force_login(world.officer)
    assert client.get(reverse("api_tokens")).status_code == 302
    verified = login(world.officer)
    response = verified.post(reverse("api_tokens"), {"name": "n", "scopes": ["read"], "days": 30})
    assert response.status_code == 302 and "reauth" in response["Location"]
    assert not ApiToken.objects.exists()
    fresh = login(world.officer, reauthenticated=True)
    response = fresh.post(reverse("api_tokens"), {"name": "hotline", "scopes": ["read"], "days": 30})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("llt_")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get(ME).status_code == 200
    assert AuditEvent.objects.filter(tag="api:token:create").exists()
    too_long = fresh.post(reverse("api_tokens"), {"name": "x", "scopes": ["read"], "days": 9999})
    assert too_long.status_code == 200 and too_long.context["secret"] is None


def test_pagination_rejects_bad_values_with_a_problem(world, api):
    client, _ = api(world.officer)
    for query in ["page_size=0", "page_size=abc", "page_size=201", "page=-1", "page=x"]:
        response = client.get(f"/api/v1/agencies/?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/agencies/?page_size=2").json()["count"] == 4


def test_unknown_api_paths_answer_in_problem_format(world, api):
    client, _ = api(world.officer)
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_schema_and_docs_are_served_locally(world, login):
    client = login(world.officer)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    docs = client.get("/api/docs/").content.decode()
    assert "https://" not in docs.replace("https://laborlens.invalid", "")
    assert Client().get("/api/schema/").status_code in (401, 403)
