"""``laborlens generate-scale --cases N``: synthetic cases straight into PostgreSQL with COPY.

For benchmarks only. Distributions come from the public data in ``../shared/data``: the
CTDC labour subset (sex, age band, citizenship, type of labour, means of control, year)
and the FBI UCR human-trafficking counts (jurisdictions, sex vs labour, weighted by the
number of offences). Every case gets a team (lead and investigator of its lead agency),
one to three potential victims and sometimes a suspect, a business, a screening, a search
document and the audit events that ``record_event`` would have written: numbers from the
event sequence and the same HMAC as ``audit/chain.py``, so the sealer seals them like any
others and ``laborlens audit verify`` passes afterwards.

Identifying fields are real Fernet ciphertext made with the configured field key (every
name, date of birth and phone number is encrypted on its own). Empty lists and dicts, which
every record has several of, reuse tokens from a pool of real encryptions of ``[]``/``{}``; that only
shows that those fields are equal to each other, which the schema already says.

Rows go in batches of ``BATCH`` cases, each in its own transaction; running servers may keep
appending audit events meanwhile (no lock is shared with them).
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from laborlens.audit.chain import event_hmac, hashed_fields
from laborlens.audit.models import AuditEvent
from laborlens.cases.models import Case, CaseMember, Entity, Person, SearchDocument, Stage
from laborlens.screening.models import Screening

BATCH = 5000
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data"
CTDC_FILE = "ctdc_labour_subset.csv"
UCR_FILE = "ucr_human_trafficking_2013_2020.csv"
FIRST = ["Maria", "Jose", "Ana", "Luis", "Rosa", "Juan", "Carmen", "Pedro", "Lucia", "Miguel",
         "Nguyen", "Thi", "Ravi", "Priya", "Olena", "Ivan", "Grace", "Samuel", "Amina", "Kofi"]
LAST = ["Garcia", "Lopez", "Hernandez", "Martinez", "Tran", "Pham", "Singh", "Patel", "Kovalenko",
        "Mensah", "Okafor", "Reyes", "Flores", "Castillo", "Santos", "Cruz", "Morales", "Dang"]
LABOUR_TO_INDUSTRY = {
    "Construction": "construction", "Manufacturing": "manufacturing",
    "Domestic Work": "private_homes_domestic_work", "Aquafarming": "fishing",
    "Begging": "peddling_begging", "Peddling": "peddling_begging",
    "Agriculture": "farming_agriculture", "Other": "janitorial_services",
}
UNKNOWN_INDUSTRIES = ["farming_agriculture", "restaurants_food_services", "construction",
                      "hospitality", "janitorial_services", "salon_services", "retail"]
CONTROL_TO_INDICATORS = {
    "Threats": ["threats", "fear"], "Financial": ["debt", "wages_withheld"],
    "Psychological": ["isolation"], "Physical": ["violence"], "Restrictive": ["movement_restricted"],
}
READINGS = ["trafficking", "deception_exploitation", "exploitation", "insufficient"]
STAGES = [(Stage.DISCOVERY, 20), (Stage.SCREENING, 15), (Stage.INVESTIGATION, 30),
          (Stage.PROSECUTION, 10), (Stage.POST_ADJUDICATION, 5), (Stage.CLOSED, 20)]


class ScaleError(Exception):
    pass


@dataclass
class Distributions:
    people: list[dict[str, str]]
    jurisdictions: list[tuple[str, str]]  # (jurisdiction, sex|labor)
    weights: list[int]


def load_distributions(data_dir: Path) -> Distributions:
    try:
        with (data_dir / CTDC_FILE).open(newline="") as handle:
            people = list(csv.DictReader(handle))
        with (data_dir / UCR_FILE).open(newline="") as handle:
            ucr = list(csv.DictReader(handle))
    except OSError as error:
        raise ScaleError(f"cannot read the CTDC/UCR files in {data_dir}: {error.strerror}; "
                         "pass --data-dir") from None
    counts: Counter[tuple[str, str]] = Counter()
    for row in ucr:
        kind = "labor" if "Servitude" in row["OFFENSE_SUBCAT_NAME"] else "sex"
        count = int(row["ACTUAL_COUNT"] or 0)
        if count > 0:
            counts[(f"{row['PUB_AGENCY_NAME']}, {row['STATE_ABBR']}", kind)] += count
    if not people or not counts:
        raise ScaleError("the CTDC/UCR files are empty")
    items = list(counts.items())
    return Distributions(people, [key for key, _ in items], [weight for _, weight in items])


class Progress:
    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.quiet, self.start = total, quiet, time.monotonic()

    def show(self, done: int) -> None:
        if self.quiet:
            return
        width = 30
        filled = int(width * done / max(self.total, 1))
        elapsed = time.monotonic() - self.start
        rate = done / elapsed if elapsed else 0.0
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done:,}/{self.total:,} cases "
                         f"{rate:,.0f}/s {elapsed:,.0f}s")
        if done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _next_id(cursor: Any, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608  (model table)
    return int(cursor.fetchone()[0])


def _columns(model: Any, names: list[str]) -> tuple[str, list[str]]:
    fields = {f.attname: f.column for f in model._meta.concrete_fields}
    return model._meta.db_table, [fields[name] for name in names]


class Generator:
    def __init__(self, dist: Distributions, seed: int) -> None:
        self.dist = dist
        self.rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
        self.fernet = Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode())
        self.empty_pool = [self.fernet.encrypt(b"[]").decode() for _ in range(256)]
        self.empty_dict_pool = [self.fernet.encrypt(b"{}").decode() for _ in range(256)]
        self.version = self._catalogue_version()

    @staticmethod
    def _catalogue_version() -> str:
        from laborlens.catalogue.loader import load_catalogue

        return load_catalogue().version

    def enc(self, text: str) -> str:
        return self.fernet.encrypt(text.encode()).decode() if text else ""

    def enc_json(self, value: list[str]) -> str:
        if not value:
            return self.rng.choice(self.empty_pool)
        return self.fernet.encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).decode()

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {self.rng.choice(LAST)}"


def _agency_users() -> dict[int, list[int]]:
    from laborlens.accounts.models import User

    teams: dict[int, list[int]] = {}
    for user_id, agency_id in User.objects.filter(is_active=True, agency__isnull=False).values_list("pk", "agency_id"):
        teams.setdefault(agency_id, []).append(user_id)
    teams = {agency: users for agency, users in teams.items() if len(users) >= 2}
    if not teams:
        raise ScaleError("no agency has two active users yet; run `laborlens demo-load` first "
                         "(or create agencies and users)")
    return teams


def generate(cases: int, *, data_dir: str | None = None, seed: int = 1, quiet: bool = False) -> str:
    if connection.vendor != "postgresql":
        raise ScaleError("generate-scale writes with PostgreSQL COPY; set DATABASE_URL=postgres://…")
    if not 1 <= cases <= 5_000_000:
        raise ScaleError("--cases must be between 1 and 5,000,000")
    dist = load_distributions(Path(data_dir) if data_dir else DEFAULT_DATA_DIR)
    teams = _agency_users()
    agencies = sorted(teams)
    gen = Generator(dist, seed)
    progress = Progress(cases, quiet)
    started = time.monotonic()
    totals: Counter[str] = Counter()
    done = 0
    while done < cases:
        size = min(BATCH, cases - done)
        totals.update(_batch(gen, size, teams, agencies))
        done += size
        progress.show(done)
    elapsed = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    parts = ", ".join(f"{count:,} {name}" for name, count in totals.items())
    return f"generated {cases:,} cases in {elapsed:,.1f} s ({cases / elapsed:,.0f} cases/s): {parts}"


def _batch(gen: Generator, size: int, teams: dict[int, list[int]], agencies: list[int]) -> Counter[str]:
    rng = gen.rng
    counts: Counter[str] = Counter()
    with transaction.atomic():
        raw = connection.connection
        with raw.cursor() as cursor:
            ids = {table: _next_id(cursor, model._meta.db_table) for table, model in
                   {"case": Case, "member": CaseMember, "person": Person, "entity": Entity,
                    "screening": Screening, "doc": SearchDocument}.items()}
        rows: dict[str, list[tuple[Any, ...]]] = {key: [] for key in ids}
        pending: list[tuple[str, int, int, str, int, dict[str, Any]]] = []

        def audit(tag: str, actor: int, agency: int, object_type: str, object_id: int,
                  detail: dict[str, Any]) -> None:
            pending.append((tag, actor, agency, object_type, object_id, detail))

        today = timezone.localdate()
        for _ in range(size):
            agency = rng.choice(agencies)
            lead, investigator = rng.sample(teams[agency], 2)
            profile = rng.choice(gen.dist.people)
            jurisdiction, kind = rng.choices(gen.dist.jurisdictions, gen.dist.weights)[0]
            labour = profile["Labor_Type"]
            industry = LABOUR_TO_INDUSTRY.get(labour) or rng.choice(UNKNOWN_INDUSTRIES)
            year = int(profile["yearOfRegistration"] or 2018)
            opened = date(min(max(year, 2010), today.year), rng.randint(1, 12), rng.randint(1, 28))
            stage = rng.choices([s for s, _ in STAGES], [w for _, w in STAGES])[0]
            closed = min(opened + timedelta(days=rng.randint(60, 1500)), today) if stage == Stage.CLOSED else None
            case_id = ids["case"]
            ids["case"] += 1
            number = f"SC-{opened.year}-{case_id:08d}"
            title = f"{industry.replace('_', ' ').title()} workers, {jurisdiction}"
            control = profile["ControlCategory"]
            summary = f"{labour} labour; control: {control}; recruiter: {profile['RecruiterCategory']}."
            created = datetime.combine(opened, datetime.min.time(), UTC)
            rows["case"].append((case_id, 1, number, title[:200], agency, stage, jurisdiction[:200], industry,
                                 "[]", "labor" if kind == "labor" else rng.choice(["sex", "both"]), "[]",
                                 summary, opened, closed, lead, created, created))
            audit("cases:case:create", lead, agency, "cases.case", case_id, {"number": number})
            for user, role in ((lead, "lead"), (investigator, "investigator")):
                rows["member"].append((ids["member"], case_id, user, role, lead, created))
                ids["member"] += 1
            victims = rng.choices([1, 2, 3], [70, 20, 10])[0]
            people = [("victim", f"V-{n + 1}") for n in range(victims)]
            if rng.random() < 0.4:
                people.append(("suspect", "S-1"))
            for role, pseudonym in people:
                minor = profile["ageCategories"] in {"Age 0-8", "Age 9-17"} and role == "victim"
                birth_year = opened.year - (rng.randint(10, 17) if minor else rng.randint(18, 60))
                phone = f"+1202555{rng.randint(0, 9999):04d}"
                person_id = ids["person"]
                ids["person"] += 1
                rows["person"].append((
                    person_id, 1, case_id, role, pseudonym, gen.enc(gen.name()), gen.rng.choice(gen.empty_pool),
                    gen.enc(f"{birth_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
                    gen.enc_json([phone]), gen.rng.choice(gen.empty_pool), "", "",
                    gen.rng.choice(gen.empty_pool), "", json.dumps(["es"] if rng.random() < 0.6 else ["en"]),
                    minor, agency, False, "", None, lead, created, "U", "U", "U"))
                audit("cases:person:create", lead, agency, "cases.person", person_id,
                      {"case": number, "role": role, "pseudonym": pseudonym})
            entity_id = ids["entity"]
            ids["entity"] += 1
            business = f"{rng.choice(LAST)} {industry.split('_')[0].title()} LLC"
            rows["entity"].append((entity_id, 1, case_id, "business", business, "", jurisdiction.split(",")[0][:100],
                                   gen.enc_json([f"{rng.randint(1, 9999)} Main St"]), gen.rng.choice(gen.empty_pool),
                                   gen.rng.choice(gen.empty_pool), gen.rng.choice(gen.empty_pool), "", lead, created))
            audit("cases:entity:create", lead, agency, "cases.entity", entity_id, {"case": number, "kind": "business"})
            rows["doc"].append((ids["doc"], case_id, "case", case_id, f"{number} {title} {summary}"))
            ids["doc"] += 1
            screening_id = ids["screening"]
            ids["screening"] += 1
            indicators = CONTROL_TO_INDICATORS.get(control, [])
            reading = rng.choices(READINGS, [25, 25, 30, 20])[0]
            rows["screening"].append((screening_id, agency, lead, created, created, f"Screening {number}",
                                      "minor" if profile["ageCategories"] in {"Age 0-8", "Age 9-17"} else "adult",
                                      "workplace", "en", rng.choice(gen.empty_dict_pool),
                                      rng.choice(gen.empty_dict_pool), reading, json.dumps(indicators), gen.version,
                                      created, 1, case_id, "[]"))
            audit("screening:screening:create", lead, agency, "screening.screening", screening_id,
                  {"age_group": "adult", "setting": "workplace"})
        events = _audit_rows(pending)
        plans = [
            (Case, ["id", "version", "number", "title", "lead_agency_id", "stage", "jurisdiction", "industry",
                    "visa_programmes", "exploitation", "co_occurring_crimes", "summary", "opened_on", "closed_on",
                    "created_by_id", "created_at", "updated_at"], rows["case"]),
            (CaseMember, ["id", "case_id", "user_id", "role", "added_by_id", "added_at"], rows["member"]),
            (Person, ["id", "version", "case_id", "role", "pseudonym", "full_name", "aliases", "date_of_birth",
                      "phones", "emails", "address", "city", "id_documents", "notes", "languages", "is_minor",
                      "recorded_by_agency_id", "intelligence_only", "justification", "review_due",
                      "created_by_id", "created_at", "sex", "race", "ethnicity"], rows["person"]),
            (Entity, ["id", "version", "case_id", "kind", "name", "trade_name", "city", "addresses", "phones",
                      "identifiers", "owners", "notes", "created_by_id", "created_at"], rows["entity"]),
            (SearchDocument, ["id", "case_id", "kind", "object_id", "body"], rows["doc"]),
            (Screening, ["id", "agency_id", "created_by_id", "created_at", "updated_at", "label", "age_group",
                         "setting", "question_language", "answers", "result", "reading", "present_indicators",
                         "catalogue_version", "completed_at", "version", "case_id", "answers_to_review"],
             rows["screening"]),
            (AuditEvent, ["id", "seq", "created_at", "tag", "outcome", "actor_id", "actor_label", "agency_id", "ip",
                          "object_type", "object_id", "detail", "prev_hash", "hash"], events),
        ]
        with raw.cursor() as cursor:
            for model, names, data in plans:
                table, columns = _columns(model, names)
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in data:
                        copy.write_row(row)
                counts[model._meta.verbose_name_plural] += len(data)
                if model is not AuditEvent:  # its numbers came from its own sequence
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)",
                                   [max(1, _next_id(cursor, table) - 1)])
    return counts


def _audit_rows(pending: list[tuple[str, int, int, str, int, dict[str, Any]]]) -> list[tuple[Any, ...]]:
    """Audit events as ``record_event`` writes them: numbers drawn from the event sequence
    (so appends by running servers are never in the way), an HMAC each; the sealer seals them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                       [AuditEvent._meta.db_table, len(pending)])
        numbers = sorted(int(row[0]) for row in cursor.fetchall())
    clock = datetime.now(UTC)
    events: list[tuple[Any, ...]] = []
    for seq, (tag, actor, agency, object_type, object_id, detail) in zip(numbers, pending, strict=True):
        clock += timedelta(microseconds=1)
        fields = hashed_fields(seq=seq, created_at=clock, tag=tag, outcome="success", actor_id=actor,
                               actor_label=f"user{actor}", agency_id=agency, ip="", object_type=object_type,
                               object_id=str(object_id), detail=detail)
        events.append((seq, seq, clock, tag, "success", actor, f"user{actor}", agency, "",
                       object_type, str(object_id), json.dumps(detail), "",
                       event_hmac(settings.AUDIT_CHAIN_KEY, fields)))
    return events
