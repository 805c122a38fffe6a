"""Full-text index over SearchDocument.body: an FTS5 table kept in step by triggers on
SQLite, a GIN index on to_tsvector('simple', body) on PostgreSQL (see cases/search.py)."""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE cases_searchdocument_fts USING fts5("
    "body, content='cases_searchdocument', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER cases_searchdocument_ai AFTER INSERT ON cases_searchdocument BEGIN "
    "INSERT INTO cases_searchdocument_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER cases_searchdocument_ad AFTER DELETE ON cases_searchdocument BEGIN "
    "INSERT INTO cases_searchdocument_fts(cases_searchdocument_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER cases_searchdocument_au AFTER UPDATE ON cases_searchdocument BEGIN "
    "INSERT INTO cases_searchdocument_fts(cases_searchdocument_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO cases_searchdocument_fts(rowid, body) VALUES (new.id, new.body); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS cases_searchdocument_ai",
    "DROP TRIGGER IF EXISTS cases_searchdocument_ad",
    "DROP TRIGGER IF EXISTS cases_searchdocument_au",
    "DROP TABLE IF EXISTS cases_searchdocument_fts",
]
POSTGRES_UP = [
    "CREATE INDEX cases_searchdocument_body_fts ON cases_searchdocument USING gin (to_tsvector('simple', body))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS cases_searchdocument_body_fts"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
