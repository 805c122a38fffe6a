"""Search across cases, people and entities, returning only what the user may see.

Text (case titles and summaries, business names, evidence descriptions) is indexed in
``SearchDocument`` and matched by the database's full-text engine: an FTS5 table in the
embedded SQLite default, a stored, GIN-indexed ``to_tsvector`` column in PostgreSQL (migrations
0002 and 0008), picked by ``connection.vendor``. People are never in that index: names, phones,
e-mail addresses and document numbers are found through keyed blind indexes
(``MatchKey``), so nothing is decrypted to search. Every query starts from
``Case.objects.restrict(user, "view")``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models.expressions import RawSQL

from laborlens.core.crypto import blind_index
from laborlens.matching import keys, normalise

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import Case, Entity, Evidence

MAX_TOKENS = 8
MAX_RESULTS = 50


def tokens(query: str) -> list[str]:
    return [token[:40] for token in normalise.words(query)][:MAX_TOKENS]


class SqliteBackend:
    vendor = "sqlite"

    def matching_ids(self, words: list[str]) -> RawSQL:
        # Each token quoted (so FTS5 syntax in the input is inert) and prefix-matched.
        expression = " ".join(f'"{word}"*' for word in words)
        return RawSQL("SELECT rowid FROM cases_searchdocument_fts WHERE cases_searchdocument_fts MATCH %s",
                      [expression])


class PostgresBackend:
    vendor = "postgresql"

    def matching_ids(self, words: list[str]) -> RawSQL:
        # Tokens are [a-z0-9]+ after normalisation, so they are safe tsquery lexemes.
        expression = " & ".join(f"{word}:*" for word in words)
        # body_tsv: to_tsvector('simple', body), stored and GIN-indexed (migration 0008)
        return RawSQL("SELECT id FROM cases_searchdocument WHERE body_tsv @@ to_tsquery('simple', %s)", [expression])


def backend() -> SqliteBackend | PostgresBackend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise RuntimeError(f"no full-text search backend for {connection.vendor}")


def _index(case_id: int, kind: str, object_id: int, parts: list[str]) -> None:
    from laborlens.cases.models import SearchDocument

    body = " ".join(normalise.words(" ".join(part for part in parts if part)))
    SearchDocument.objects.update_or_create(kind=kind, object_id=object_id,
                                            defaults={"case_id": case_id, "body": body})


def index_case(case: Case) -> None:
    _index(case.pk, "case", case.pk, [case.number, case.title, case.summary, case.jurisdiction,
                                      case.industry_label])


def index_entity(entity: Entity) -> None:
    _index(entity.case_id, "entity", entity.pk, [entity.name, entity.trade_name, entity.city,
                                                 entity.get_kind_display()])


def index_evidence(evidence: Evidence) -> None:
    _index(evidence.case_id, "evidence", evidence.pk, [evidence.number, evidence.title,
                                                       evidence.description, evidence.source,
                                                       evidence.get_kind_display()])


def exact_keys(query: str) -> list[str]:
    """Blind-index digests for a query that looks like a phone, e-mail or number."""
    digests = []
    text = query.strip()
    if sum(char.isdigit() for char in text) >= 7:
        try:
            digests.append(blind_index(keys.PHONE, normalise.phone(text)))
        except normalise.NormaliseError:
            pass
    if "@" in text:
        try:
            digests.append(blind_index(keys.EMAIL, normalise.email(text)))
        except normalise.NormaliseError:
            pass
    ident = normalise.identifier(text)
    if len(ident) >= 4 and any(char.isdigit() for char in ident):
        digests.extend(blind_index(kind, ident) for kind in (keys.PLATE, keys.ACCOUNT, keys.LICENCE))
        digests.append(blind_index(keys.DOCUMENT, normalise.document(text)))
    return [digest for digest in digests if digest]


@dataclass
class Results:
    query: str
    cases: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)
    evidence: list[Any] = field(default_factory=list)
    # The viewer's renderer for the free text of the result cases (identity.text.Renderer):
    # built once here from the same decisions that hid identity hits, so the page need not
    # read and decrypt the same people a second time.
    renderer: Any = None

    @property
    def count(self) -> int:
        return len(self.cases) + len(self.people) + len(self.entities) + len(self.evidence)


def _people_by_name(people: Any, words: list[str], kind_keys: Any) -> Any:
    for key in kind_keys:
        people = people.filter(match_keys__kind=key.kind, match_keys__value=key.value)
    return people


def run(user: User, query: str) -> Results:
    from laborlens.cases.identity.access import findable_by_identity, known_for
    from laborlens.cases.models import Case, Entity, Evidence, Person, SearchDocument

    results = Results(query=query)
    words = tokens(query)
    if not words:
        return results
    visible = Case.objects.restrict(user, "view")
    documents = (SearchDocument.objects.filter(case__in=visible.values("pk"))
                 .filter(pk__in=backend().matching_ids(words)).values_list("kind", "object_id")[:300])
    ids: dict[str, list[int]] = {"case": [], "entity": [], "evidence": []}
    for kind, object_id in documents:
        ids.setdefault(kind, []).append(object_id)

    digests = exact_keys(query)
    people = Person.objects.restrict(user, "view").select_related("case")
    by_name = _people_by_name(people, words, keys.name_search_keys(query)[:5])
    found = {person.pk: person for person in by_name[:MAX_RESULTS]}
    if not found:
        sound_keys = keys.name_sound_keys(query)
        # Every token must sound alike, read either as English (Metaphone) or as Spanish.
        for kind in (keys.NAME_SOUND, keys.NAME_SOUND_ES):
            kind_keys = [key for key in sound_keys if key.kind == kind][:5]
            if not kind_keys:
                continue
            by_sound = _people_by_name(people, words, kind_keys)
            found.update((person.pk, person) for person in by_sound[:MAX_RESULTS])
    if digests:
        found.update((person.pk, person) for person in people.filter(match_keys__value__in=digests).distinct()[:MAX_RESULTS])
    # A served victim is found by name, phone or document only by those who may see who they are.
    known = known_for(found.values(), user.agency_id)
    found = {pk: person for pk, person in found.items() if findable_by_identity(user, person, known=known)}
    found.update((person.pk, person) for person in people.filter(pseudonym__iexact=query.strip()[:40])[:MAX_RESULTS])
    results.people = sorted(found.values(), key=lambda person: (person.case_id, person.pk))[:MAX_RESULTS]

    results.cases = list(visible.filter(pk__in=ids["case"]).select_related("lead_agency")[:MAX_RESULTS])
    entities = Entity.objects.restrict(user, "view").select_related("case")
    entity_ids = set(ids["entity"])
    if digests:
        entity_ids |= set(entities.filter(match_keys__value__in=digests).values_list("pk", flat=True))
    results.entities = list(entities.filter(pk__in=entity_ids)[:MAX_RESULTS])
    results.evidence = list(Evidence.objects.restrict(user, "view").filter(pk__in=ids["evidence"])
                            .select_related("case")[:MAX_RESULTS])
    return _without_hidden_identity_hits(user, query, results)


def _without_hidden_identity_hits(user: User, query: str, results: Results) -> Results:
    """A query that is an identifying value of someone the user may not see (a name, phone,
    document) finds no free text of that person's case: the hit itself would tell them."""
    from laborlens.cases.identity.access import ShownPerson
    from laborlens.cases.identity.text import Renderer, Rules, renderer_for_cases
    from laborlens.cases.models import Person

    case_ids = {item.pk for item in results.cases} | {item.case_id for item in [*results.entities, *results.evidence]}
    results.renderer = renderer_for_cases(user, case_ids)
    if not results.renderer.reveals(query):
        return results  # the query is nobody's hidden identity: no case to drop (the usual search)
    hidden: dict[int, list[Person]] = {}
    for person in results.renderer.hidden:
        hidden.setdefault(person.case_id, []).append(person)
    blocked = {case_id for case_id, people in hidden.items() if Rules(people).apply(query)[1]}
    results.cases = [item for item in results.cases if item.pk not in blocked]
    results.entities = [item for item in results.entities if item.case_id not in blocked]
    results.evidence = [item for item in results.evidence if item.case_id not in blocked]
    results.renderer = Renderer(user, (), decided=[ShownPerson(person, False) for person in results.renderer.hidden
                                                   if person.case_id not in blocked])
    return results
