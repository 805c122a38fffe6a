"""The shared permission test (netbox utilities/testing/views.py): apply to every view.

For a URL of a protected object: a user without the role permission gets 403, a user
with it gets 200, the outsider (object outside their scope) gets 404, and a successful
read leaves an audit event.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from laborlens.accounts.models import User
from laborlens.audit.models import AuditEvent


def last_audit_seq() -> int:
    """The highest event number so far (numbers come from a sequence: not the row count)."""
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def assert_view_permissions(
    url: str,
    *,
    allowed: User,
    no_permission: User | None,
    outsider: User | None,
    login: Callable[[User], Client],
    audit_tag: str | None = None,
) -> None:
    if no_permission is not None:
        response = login(no_permission).get(url)
        assert response.status_code == 403, f"{no_permission.username} should get 403 at {url}"
    if outsider is not None:
        response = login(outsider).get(url)
        assert response.status_code == 404, f"{outsider.username} should get 404 at {url}"
    before = last_audit_seq()
    response = login(allowed).get(url)
    assert response.status_code == 200, f"{allowed.username} should get 200 at {url}"
    if audit_tag is not None:
        assert AuditEvent.objects.filter(seq__gt=before, tag=audit_tag,
                                         actor_id=allowed.pk).exists(), f"no {audit_tag} event"
