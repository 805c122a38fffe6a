"""Role checks come from one table (issue 18.3): named permission sets in accounts/roles.json,
read by ``User.can``, so the page decorator and the API permission class need nothing else."""

from __future__ import annotations

import pytest

from laborlens.accounts.roles import grants, permission_sets, roles


def test_every_set_names_real_permissions_and_no_set_shadows_a_permission():
    held = set().union(*(role.permissions for role in roles().values()))
    for name, members in permission_sets().items():
        assert members <= held, (name, sorted(members - held))
        assert len(members) >= 2, f"{name}: a set of one is just the permission"
        assert name not in held and "." not in name, name


@pytest.mark.parametrize("role", sorted(roles()))
def test_a_set_is_granted_exactly_when_the_role_holds_one_of_its_members(role):
    permissions = roles()[role].permissions
    for name, members in permission_sets().items():
        assert grants(permissions, name) == bool(permissions & members), (role, name)
    assert not grants(permissions, "no.such-permission")


def test_the_sets_keep_the_old_hand_written_checks():
    # what cases_access / victims_access / relief_access / release_role_required / activities._viewer checked
    assert grants(roles()["victim_advocate"].permissions, "case_work")  # victims.view, no cases.view
    assert grants(roles()["line_officer"].permissions, "case_work")
    assert not grants(roles()["analyst"].permissions, "case_work")
    assert grants(roles()["analyst"].permissions, "releases") and grants(roles()["supervisor"].permissions, "releases")
    assert not grants(roles()["investigator"].permissions, "releases")
    assert grants(roles()["prosecutor"].permissions, "relief") and not grants(roles()["line_officer"].permissions, "relief")


def test_an_inactive_user_holds_no_set(world):
    user = world.investigator
    assert user.can("case_work")
    user.is_active = False
    assert not user.can("case_work")
