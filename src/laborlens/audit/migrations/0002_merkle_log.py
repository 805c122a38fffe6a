"""From one locked hash chain to events sealed into a signed Merkle log (issue 16).

The existing chain is checked once more, exactly as ``laborlens audit verify`` checked it
(every HMAC, every link, the head row), and then sealed whole into checkpoint 1, signed
with ``LABORLENS_AUDIT_SIGNING_KEY``: from then on those events verify like any others
(their own HMAC, in the old chained form, and their place under a signed root). A broken
chain stops the migration: sealing it would make the tampering look legitimate.

The event number counter is moved past every old number, so new numbers (taken from the
table's id sequence) never meet an old one.
"""

from typing import Any

from django.db import migrations, models


class BrokenChainError(RuntimeError):
    pass


def seal_existing_chain(apps: Any, schema_editor: Any) -> None:
    from django.conf import settings
    from django.utils import timezone

    from laborlens.audit import merkle
    from laborlens.audit.chain import GENESIS_HASH, event_digest, hashed_fields, leaf_data

    event_model = apps.get_model("audit", "AuditEvent")
    head_model = apps.get_model("audit", "AuditChainHead")
    checkpoint_model = apps.get_model("audit", "AuditCheckpoint")
    db = schema_editor.connection.alias
    frontier = merkle.Frontier()
    prev = GENESIS_HASH
    rows = event_model.objects.using(db).order_by("seq").values_list(
        "seq", "created_at", "tag", "outcome", "actor_id", "actor_label", "agency_id", "ip",
        "object_type", "object_id", "detail", "prev_hash", "hash")
    for expected, row in enumerate(rows.iterator(chunk_size=5000), start=1):
        seq, created_at, tag, outcome, actor_id, actor_label, agency_id, ip, otype, oid, detail, row_prev, digest = row
        fields = hashed_fields(seq=seq, created_at=created_at, tag=tag, outcome=outcome, actor_id=actor_id,
                               actor_label=actor_label, agency_id=agency_id, ip=ip, object_type=otype,
                               object_id=oid, detail=detail)
        if seq != expected or row_prev != prev or event_digest(settings.AUDIT_CHAIN_KEY, fields, prev) != digest:
            raise BrokenChainError(
                f"the audit chain does not verify at event {seq} (expected {expected}); run "
                "`laborlens audit verify` on the previous release and investigate before migrating")
        frontier.append(merkle.leaf_hash(leaf_data(seq, digest)))
        prev = digest
    head = head_model.objects.using(db).filter(pk=1).first()
    if head is not None and (head.last_seq != frontier.size or head.last_hash != prev):
        raise BrokenChainError(
            f"the audit chain head names event {head.last_seq} but the chain ends at {frontier.size} "
            "(events at the end were deleted); investigate before migrating")
    _move_counter_past_old_numbers(schema_editor)
    if frontier.size == 0:
        return
    key = merkle.load_signing_key(settings.AUDIT_SIGNING_KEY)
    now = timezone.now()
    timestamp_ms = int(now.timestamp() * 1000)
    root = frontier.root()
    checkpoint_model.objects.using(db).create(
        number=1, tree_size=frontier.size, root_hash=root.hex(), timestamp_ms=timestamp_ms,
        signature=merkle.sign_tree_head(key, frontier.size, timestamp_ms, root).hex(),
        public_key=merkle.public_key_bytes(key).hex(), first_seq=1, last_seq=frontier.size,
        gaps=[], late=[], frontier=frontier.to_json(), sealed_at=now)


def _move_counter_past_old_numbers(schema_editor: Any) -> None:
    connection = schema_editor.connection
    table = "audit_auditevent"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0), COALESCE(MAX(seq), 0) FROM {table}")  # noqa: S608
        top = max(cursor.fetchone())
        if top == 0:
            return
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, top])
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [top, table])


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.CreateModel(
            name="AuditCheckpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(unique=True)),
                ("tree_size", models.PositiveBigIntegerField(unique=True)),
                ("root_hash", models.CharField(max_length=64)),
                ("timestamp_ms", models.BigIntegerField()),
                ("signature", models.CharField(max_length=128)),
                ("public_key", models.CharField(max_length=64)),
                ("first_seq", models.PositiveBigIntegerField()),
                ("last_seq", models.PositiveBigIntegerField()),
                ("gaps", models.JSONField(blank=True, default=list)),
                ("late", models.JSONField(blank=True, default=list)),
                ("frontier", models.JSONField(blank=True, default=list)),
                ("sealed_at", models.DateTimeField(db_index=True)),
            ],
            options={
                "ordering": ["-number"],
            },
        ),
        migrations.RunPython(seal_existing_chain, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="AuditChainHead",
        ),
    ]
