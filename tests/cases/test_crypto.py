"""Identifying fields are ciphertext in the database; key rotation keeps everything readable."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from laborlens.cases.models import MatchKey, Person
from laborlens.cases.services import read_file, upload_dir
from laborlens.cli import main
from laborlens.core import crypto
from tests.cases.conftest import PNG, SUSPECT_NAME, VICTIM_DOCUMENT, VICTIM_NAME, VICTIM_PHONE


def raw_row(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


def test_identifying_fields_are_encrypted_at_rest(cw):
    row = raw_row("cases_person", cw.victim.pk)
    for plaintext in [VICTIM_NAME, "Quintessa", VICTIM_PHONE, "9981234", "1990-02-03", "Orchard Lane", "Riverton"]:
        assert plaintext not in row
    assert cw.victim.pseudonym in row  # the pseudonym is not secret
    assert SUSPECT_NAME not in raw_row("cases_person", cw.suspect.pk)
    reloaded = Person.objects.get(pk=cw.victim.pk)
    assert reloaded.full_name == VICTIM_NAME and reloaded.phones == [VICTIM_PHONE]
    assert reloaded.id_documents == [VICTIM_DOCUMENT]


def test_attachments_are_encrypted_on_disk_and_names_in_the_database(cw):
    stored = (upload_dir() / cw.attachment.stored_name).read_bytes()
    assert PNG not in stored and not stored.startswith(b"\x89PNG")
    assert read_file(cw.attachment) == PNG
    assert "stub.png" not in raw_row("cases_evidencefile", cw.attachment.pk)


def test_match_keys_are_keyed_digests_without_plaintext(cw, settings):
    values = list(MatchKey.objects.filter(person=cw.victim).values_list("value", flat=True))
    assert values and all(len(value) == 64 for value in values)
    digest = crypto.blind_index("name", "quintessa zyxwort")
    assert digest in values
    settings.BLIND_INDEX_KEY = "another-key-entirely-0123456789-abcdefghijklmnop"
    assert crypto.blind_index("name", "quintessa zyxwort") != digest
    assert crypto.blind_index("phone", "x") != crypto.blind_index("email", "x")  # purposes kept apart


def test_encrypted_fields_cannot_be_filtered_on():
    with pytest.raises(TypeError):
        list(Person.objects.filter(full_name__icontains="quin"))


def test_key_rotation_keeps_every_record_readable(cw, settings, capsys):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    before = raw_row("cases_person", cw.victim.pk)
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    assert main(["keys", "rotate"]) == 0
    assert "re-encrypted" in capsys.readouterr().out
    after = raw_row("cases_person", cw.victim.pk)
    assert before != after
    # The old key is gone: everything still reads with the new key alone.
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    for person in Person.objects.all():
        assert person.full_name
    victim = Person.objects.get(pk=cw.victim.pk)
    assert victim.full_name == VICTIM_NAME and victim.id_documents == [VICTIM_DOCUMENT]
    assert read_file(cw.attachment) == PNG
    assert cw.attachment.__class__.objects.get(pk=cw.attachment.pk).original_name == "stub.png"
    # Without the key that now encrypts everything, reading fails loudly, not silently.
    settings.FIELD_ENCRYPTION_KEYS = [old_key]
    with pytest.raises(crypto.DecryptionError):
        Person.objects.get(pk=cw.victim.pk)


def test_reindex_after_blind_index_key_change(cw, settings, login):
    from django.urls import reverse

    settings.BLIND_INDEX_KEY = "a-brand-new-blind-index-key-0123456789-abcdefgh"
    client = login(cw.w.investigator)
    body = client.post(reverse("cases:search"), {"q": VICTIM_NAME}).content.decode()
    assert f"/cases/people/{cw.victim.pk}/" not in body  # old digests no longer match
    assert main(["keys", "rotate", "--reindex"]) == 0
    body = client.post(reverse("cases:search"), {"q": VICTIM_NAME}).content.decode()
    assert f"/cases/people/{cw.victim.pk}/" in body


def test_empty_values_stay_empty_and_json_defaults(cw):
    person = Person.objects.get(pk=cw.suspect.pk)
    assert person.aliases == [] and person.notes == ""
