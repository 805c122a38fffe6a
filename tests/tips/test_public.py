"""The public tip form: anonymous, bilingual, spam-resistant, rate-limited, no IP stored."""

from __future__ import annotations

import re
import time

import pytest
from django.db import connection
from django.test import Client, override_settings

from laborlens.audit.models import AuditEvent
from laborlens.tips.forms import form_token
from laborlens.tips.models import Tip, TipKey, TipUpdate
from tests.tips.conftest import SPANISH_TIP, post_tip, tip_data

pytestmark = pytest.mark.django_db


def _secret(response, name: str) -> str:
    match = re.search(rf'data-testid="{name}">([^<]+)<', response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def test_form_shows_hotline_emergency_and_links(world):
    response = Client().get("/tips/report/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "1-888-373-7888" in body and "911" in body
    assert "/tips/warning-signs/" in body and "/tips/follow-up/" in body
    assert 'type="checkbox"' in body and "<fieldset" in body and "<legend>" in body


def test_form_in_spanish(world):
    response = Client(headers={"accept-language": "es"}).get("/tips/report/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="es"' in body
    assert "El patrón se queda con los pasaportes" in body  # checkbox labels come from the data file


def test_anonymous_spanish_tip_is_stored_encrypted_with_indicators(world):
    response = post_tip(narrative=SPANISH_TIP, observations=["documents_taken", "owe_money"])
    assert response.status_code == 201
    code, passphrase = _secret(response, "tip-code"), _secret(response, "tip-passphrase")
    tip = Tip.objects.get(code=code)
    assert tip.agency == world.agency_a  # the first law-enforcement agency hosts the tip line
    assert tip.language == "es"
    assert "cd_confiscation_of_documents" in tip.indicator_ids
    assert tip.submitted_by is None
    # Passphrase hashed with Argon2, never stored in clear.
    assert tip.passphrase_hash.startswith("argon2")
    assert passphrase not in tip.passphrase_hash
    with connection.cursor() as cursor:
        cursor.execute("SELECT narrative, business_name, address, contact FROM tips_tip WHERE id = %s", [tip.pk])
        raw = cursor.fetchone()
    assert "pasaportes" not in raw[0] and raw[0].startswith("gAAAA")
    assert "Sunrise" not in raw[1] and "Mill" not in raw[2]
    # Keys are digests, no plaintext.
    assert TipKey.objects.filter(tip=tip).count() >= 3
    assert not TipKey.objects.filter(value__icontains="sunrise").exists()


def test_no_ip_address_anywhere(world):
    response = Client(REMOTE_ADDR="203.0.113.77").post("/tips/report/", tip_data(contact="call me"))
    assert response.status_code == 201
    tip = Tip.objects.get()
    event = AuditEvent.objects.get(tag="tips:tip:submit")
    assert event.ip == "" and event.actor_id is None
    assert "203.0.113.77" not in str(event.detail)
    for field in Tip._meta.concrete_fields:
        assert "203.0.113" not in str(getattr(tip, field.attname))
    with connection.cursor() as cursor:
        for table in ("tips_tip", "tips_tipupdate", "tips_tipkey", "audit_auditevent"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  (fixed table names)
            assert "203.0.113.77" not in str(cursor.fetchall())


def test_honeypot_refuses_and_stores_nothing(world):
    response = post_tip(website="http://spam.example")
    assert response.status_code == 400
    assert Tip.objects.count() == 0


def test_too_fast_refused(world):
    response = post_tip(started=form_token(time.time()))
    assert response.status_code == 400
    assert "quick" in response.content.decode()
    assert Tip.objects.count() == 0


def test_forged_or_old_token_refused(world):
    assert post_tip(started="forged").status_code == 400
    assert post_tip(started=form_token(time.time() - 3 * 3600)).status_code == 400
    assert Tip.objects.count() == 0


def test_empty_tip_refused_with_message(world):
    response = post_tip(observations=[], narrative="hi")
    assert response.status_code == 400
    assert "tick at least one box" in response.content.decode()


def test_unknown_fields_and_oversize_refused(world):
    assert post_tip(ip_address="1.2.3.4").status_code == 400
    assert post_tip(narrative="x" * 30000).status_code == 413
    assert post_tip(narrative="x" * 5001).status_code == 400
    assert post_tip(observations=["not_a_box"]).status_code == 400
    assert Tip.objects.count() == 0


@override_settings(TIPS_RATE_LIMITS={"submit": (2, 3600)})
def test_submissions_rate_limited_per_client(world):
    client = Client(REMOTE_ADDR="198.51.100.9")
    assert post_tip(client).status_code == 201
    assert post_tip(client).status_code == 201
    assert post_tip(client).status_code == 429
    assert Tip.objects.count() == 2
    assert post_tip(Client(REMOTE_ADDR="198.51.100.10")).status_code == 201


def test_follow_up_with_code_and_passphrase(world, login):
    response = post_tip(narrative=SPANISH_TIP)
    code, passphrase = _secret(response, "tip-code"), _secret(response, "tip-passphrase")
    tip = Tip.objects.get(code=code)
    from laborlens.tips import services

    services.add_update(tip, by=world.investigator, kind="question", text="¿Cuántas personas viven allí?")
    services.add_update(tip, by=world.investigator, kind="note", text="internal only")
    client = Client()
    response = client.post("/tips/follow-up/", {"action": "open", "code": code.lower().replace("-", " "),
                                                "passphrase": passphrase.upper(), "website": "",
                                                "started": form_token()})
    assert response.status_code == 302
    page = client.get("/tips/follow-up/").content.decode()
    assert "¿Cuántas personas viven allí?" in page and "internal only" not in page
    response = client.post("/tips/follow-up/", {"action": "add", "text": "Anoche golpearon a un compañero."})
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.updates.filter(kind=TipUpdate.Kind.ADDITION).count() == 1
    assert "violence" in tip.priority_reasons
    event = AuditEvent.objects.filter(tag="tips:tip:follow_up").get()
    assert event.ip == ""


def test_follow_up_wrong_passphrase_and_lockout(world):
    response = post_tip()
    code = _secret(response, "tip-code")
    client = Client()
    for _ in range(5):
        bad = client.post("/tips/follow-up/", {"action": "open", "code": code, "passphrase": "wrong",
                                               "website": "", "started": form_token()})
        assert bad.status_code == 400
        assert "not right" in bad.content.decode()
    passphrase = _secret(response, "tip-passphrase")
    locked = Client(REMOTE_ADDR="192.0.2.50").post(
        "/tips/follow-up/", {"action": "open", "code": code, "passphrase": passphrase, "website": "",
                             "started": form_token()})
    assert locked.status_code == 429


def test_add_without_session_refused(world):
    response = Client().post("/tips/follow-up/", {"action": "add", "text": "hello"})
    assert response.status_code == 403
    assert TipUpdate.objects.count() == 0


def test_awareness_page_bilingual(world):
    en = Client().get("/tips/warning-signs/")
    assert en.status_code == 200 and "Hotels" in en.content.decode()
    es = Client(headers={"accept-language": "es"}).get("/tips/warning-signs/")
    assert "Hoteles" in es.content.decode()


def test_notice_page_links_to_public_pages(world):
    body = Client().get("/accounts/notice/").content.decode()
    assert "/tips/report/" in body and "/tips/warning-signs/" in body


def test_tipster_never_sees_internal_status(world):
    from laborlens.tips import services
    from laborlens.tips.models import Status

    response = post_tip()
    tip = Tip.objects.get(code=_secret(response, "tip-code"))
    tip.status = Status.CASE
    tip.save()
    assert str(services.public_view(tip)["status"]) == "Being reviewed"
