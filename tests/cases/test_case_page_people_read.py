"""The case page lists the case's people, with the names of those whose identity the reader
may see: it records the read as the API's case_people does and as the person page records
each person it shows (cases:person:view, with how many identities it showed)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from tests.cases.conftest import SUSPECT_NAME, VICTIM_NAME, build_case_world
from tests.permissions import last_audit_seq

pytestmark = pytest.mark.django_db


@pytest.fixture
def cw(world, settings, tmp_path):  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return build_case_world(world)


def test_the_case_page_records_whose_identities_it_showed(cw, login):  # noqa: ANN001
    for user, names_shown in ((cw.w.investigator, 2), (cw.deputy, 1)):
        before = last_audit_seq()
        page = login(user).get(reverse("cases:detail", args=[cw.case.pk])).content.decode()
        assert (VICTIM_NAME in page) is (names_shown == 2) and SUSPECT_NAME in page
        [event] = AuditEvent.objects.filter(seq__gt=before, tag=EventTag.CASE_PERSON_VIEWED.value)
        assert (event.object_type, event.object_id, event.actor_id) == ("cases.case", str(cw.case.pk), user.pk)
        assert event.detail == {"people": 2, "identities_shown": names_shown}
