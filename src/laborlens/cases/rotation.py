"""Key rotation over every model with encrypted fields, and blind-index rebuilding.

Ciphertext is rotated directly in the database (MultiFernet.rotate: decrypt with any
configured key, encrypt with the first), so no plaintext leaves this process and no
version number or timeline changes. Evidence files on disk are rotated too.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, transaction

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.crypto import encrypted_fields, rotate_token


def rotate() -> dict[str, int]:
    counts: dict[str, int] = {}
    quote = connection.ops.quote_name
    with transaction.atomic():
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            columns = [quote(field.column) for field in fields]
            count = 0
            with connection.cursor() as cursor:
                # Identifiers come from model metadata, never from input.
                cursor.execute(f"SELECT {pk}, {', '.join(columns)} FROM {table}")  # noqa: S608
                rows = cursor.fetchall()
                assignments = ", ".join(f"{column} = %s" for column in columns)
                for row_pk, *tokens in rows:
                    rotated = [rotate_token(token.encode()).decode() if token else token for token in tokens]
                    cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                                   [*rotated, row_pk])
                    count += sum(1 for token in tokens if token)
            counts[model._meta.label] = count
        counts["cases.EvidenceFile (stored files)"] = _rotate_files()
        record_event(EventTag.FIELD_KEYS_ROTATED, actor_label="cli", detail={"values": sum(counts.values())})
    return counts


def _rotate_files() -> int:
    from laborlens.cases.models import EvidenceFile
    from laborlens.core import storage

    count = 0
    for stored_name in EvidenceFile.objects.values_list("stored_name", flat=True):
        if storage.exists(stored_name):
            storage.replace(stored_name, rotate_token(storage.read(stored_name)))
            count += 1
    return count


def reindex(*, deconflict: bool = False) -> int:
    """Recompute every person's and entity's keys; with ``deconflict``, then look for
    overlaps the new keys reveal (after every key is rebuilt, so both sides are current)."""
    from laborlens.cases import deconfliction
    from laborlens.cases.models import Entity, MatchKey, Person
    from laborlens.cases.services import entity_match_keys, person_match_keys, refresh_keys

    notices = 0
    with transaction.atomic():
        for person in Person.objects.all():
            refresh_keys(person, check=False)
        for entity in Entity.objects.all():
            refresh_keys(entity, check=False)
        if deconflict:
            for person in Person.objects.select_related("case"):
                notices += deconfliction.check(person.case, person_match_keys(person))
            for entity in Entity.objects.select_related("case"):
                notices += deconfliction.check(entity.case, entity_match_keys(entity))
        total = MatchKey.objects.count()
        record_event(EventTag.BLIND_INDEX_REBUILT, actor_label="cli", detail={"keys": total, "notices": notices})
    return total
