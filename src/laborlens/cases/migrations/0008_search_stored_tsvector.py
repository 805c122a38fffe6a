"""PostgreSQL search reads a stored tsvector instead of computing to_tsvector per row.

With the expression index of 0002, a search for a common word ("farm") let the planner walk
the primary key under the LIMIT and compute to_tsvector('simple', body) for every row it
passed: 27 ms of the database's CPU for one search at 1,000,000 cases (BENCHMARKS.md,
"People-like load", 2026-12-06). A generated column holds the vector once, kept in step by
PostgreSQL on every insert and update; the GIN index moves to it. SQLite (FTS5) is unchanged.
"""

from django.db import migrations

POSTGRES_UP = [
    "ALTER TABLE cases_searchdocument ADD COLUMN body_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED",
    "CREATE INDEX cases_searchdocument_tsv ON cases_searchdocument USING gin (body_tsv)",
    "DROP INDEX IF EXISTS cases_searchdocument_body_fts",
    # the rewrite leaves the table without statistics: the planner would guess until autovacuum came
    "ANALYZE cases_searchdocument",
]
POSTGRES_DOWN = [
    "CREATE INDEX IF NOT EXISTS cases_searchdocument_body_fts ON cases_searchdocument "
    "USING gin (to_tsvector('simple', body))",
    "DROP INDEX IF EXISTS cases_searchdocument_tsv",
    "ALTER TABLE cases_searchdocument DROP COLUMN IF EXISTS body_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_case_updated_index")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
