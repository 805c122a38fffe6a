from __future__ import annotations

from django.urls import reverse

from laborlens.accounts.models import User
from laborlens.audit.models import AuditEvent
from tests.permissions import assert_view_permissions


def test_user_list_permissions_and_scope(world, login):
    assert_view_permissions(
        reverse("accounts:user_list"), allowed=world.admin, no_permission=world.officer,
        outsider=None, login=login, audit_tag="accounts:user:list",
    )
    page = login(world.admin).get(reverse("accounts:user_list")).content.decode()
    assert "investigator" in page and "outsider" not in page


def test_user_detail_of_another_agency_is_404(world, login):
    assert_view_permissions(
        reverse("accounts:user_detail", args=[world.officer.pk]), allowed=world.admin,
        no_permission=world.investigator, outsider=world.outsider_admin, login=login,
    )


def test_outside_admin_cannot_change_our_people(world, login):
    client = login(world.outsider_admin, reauthenticated=True)
    url = reverse("accounts:user_detail", args=[world.officer.pk])
    assert client.post(url, {"action": "deactivate"}).status_code == 404
    world.officer.refresh_from_db()
    assert world.officer.is_active


def test_sensitive_changes_need_reauthentication(world, login):
    client = login(world.admin)
    url = reverse("accounts:user_detail", args=[world.officer.pk])
    response = client.post(url, {"action": "deactivate"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauth"))
    world.officer.refresh_from_db()
    assert world.officer.is_active


def test_admin_creates_a_user_in_their_own_agency(world, login):
    client = login(world.admin, reauthenticated=True)
    response = client.post(reverse("accounts:user_create"), {
        "username": "newofficer", "first_name": "New", "last_name": "Officer",
        "email": "new@test.invalid", "role": "line_officer", "password": "long-enough-passphrase-77",
    })
    assert response.status_code == 302
    created = User.objects.get(username="newofficer")
    assert created.agency == world.agency_a
    assert created.password.startswith("md5$") or created.password.startswith("argon2")
    assert AuditEvent.objects.filter(tag="accounts:user:create", object_id=str(created.pk)).exists()


def test_common_and_short_passwords_are_refused(world, login):
    client = login(world.admin, reauthenticated=True)
    for weak in ["password", "password1234", "short"]:
        response = client.post(reverse("accounts:user_create"), {
            "username": f"weak{len(weak)}", "email": "w@test.invalid", "role": "line_officer",
            "password": weak,
        })
        assert response.status_code == 200
        assert not User.objects.filter(username=f"weak{len(weak)}").exists()


def test_role_change_is_audited_and_ends_sessions(world, login):
    officer_client = login(world.officer)
    client = login(world.admin, reauthenticated=True)
    url = reverse("accounts:user_detail", args=[world.officer.pk])
    assert client.post(url, {"action": "role", "role": "investigator"}).status_code == 302
    world.officer.refresh_from_db()
    assert world.officer.role == "investigator"
    assert AuditEvent.objects.filter(tag="accounts:user:role_change").exists()
    assert officer_client.get("/").status_code == 302
    assert client.post(url, {"action": "role", "role": "emperor"}).status_code == 400


def test_unknown_action_is_a_clear_400(world, login):
    client = login(world.admin, reauthenticated=True)
    url = reverse("accounts:user_detail", args=[world.officer.pk])
    assert client.post(url, {"action": "explode"}).status_code == 400
