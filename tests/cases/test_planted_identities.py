"""Issue 15, "Done means" #1: every identifying value of every demo person, planted in every
free-text field, is found only where the rules allow it.

What is planted. ``load_demo()`` builds the demo task force. Every demo person (victims,
suspects and witnesses on the three demo cases) first gets one value of each kind Person
holds (an alias, a phone, an e-mail, an address, an identity document and a date of birth,
distinct per person, saved through ``cases.services.save_person``). Then each person's
values, written the ways people write them (capitals changed, accents dropped, the phone
with other separators, the document with other spacing, the date as dd.mm.yyyy and yyyy/mm/dd), are
written by the case lead, through the services (so versioning, timeline and audit stay
real), into every free-text field of their own case and of what hangs off it: the case
summary, operation plan answers and supervisor's note, after-action report title and
sections, timeline notes, task titles, evidence title/description/source, chain-of-custody
notes, entity notes, element-link notes, the notes of the other people on the case, the reason of a dissemination
of the report to another agency, a tip narrative and a tip note linked to the case, and,
for victims with a victim record, the record's narrative, safe-contact and threat details,
need notes and referral notes.

Who crawls. Every demo user, twice: in the web (a signed-in session, second factor
verified) and through the API (a read token). The web crawl is a breadth-first walk over
same-origin links from the home page and known entry points (case list, every demo case
page, its export, victims, referrals, tips, exports), the API crawl starts from the list and
detail endpoints and follows the API links in the answers. Every answer is searched: HTML,
JSON, CSV, PDF text, and the members of XLSX and ZIP files.

What "allowed" means. The project's own rule: a user may see a person's values when the
person is on a case in the user's scope and ``identity.access.can_see_identity`` says so
(victims: the serving agency, the recording agency on the team, victim services on the team
before a record exists, or a valid consent naming the agency), or when a valid consent gives
the user's agency the victim's identity (a referral carries it to the receiving agency). A
few facts of the demo story are asserted outright so the rule cannot pass vacuously: the
Eastport officer sees only Eastport's person, the prosecutor and the labour inspector see no
victim, the advocate sees the victims she serves.

The test fails with a list of "user, url, person, value" for every value found where it
is not allowed, when a person's values are found by nobody allowed to see them (the planting
did not work), and when a page offers an Edit link that then answers 403 or 404.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
import zlib
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client
from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.api.models import ApiToken
from laborlens.cases import services
from laborlens.cases.demo import SHARED_PHONE
from laborlens.cases.identity.access import IDENTITY, can_see_identity
from laborlens.cases.identity.text import fold
from laborlens.cases.models import (
    AfterActionReport,
    Case,
    Dissemination,
    Entity,
    Evidence,
    OperationPlan,
    Person,
)
from laborlens.demo import load_demo
from laborlens.publishing.models import Release
from laborlens.screening.models import Screening
from laborlens.tips import services as tip_services
from laborlens.tips.models import Source, TipUpdate
from laborlens.victims import services as victim_services
from laborlens.victims.consent import consented_categories
from laborlens.victims.models import Partner, VictimRecord
from tests.conftest import signed_in

WEB_LIMIT = 250  # pages per user (the reachable set is smaller: asserted below)
API_LIMIT = 45
SKIP = ("/static/", "/accounts/logout", "/accounts/login", "/accounts/mfa", "/accounts/notice",
        "/accounts/reauth", "/accounts/device-key", "/i18n/", "/sw.js", "/manifest", "/api/schema", "/api/docs",
        "/tips/report", "/tips/follow-up", "/tips/warning-signs", "/media/")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


# --- the people and their values -----------------------------------------------------------


@dataclass
class Planted:
    person: Person
    label: str  # "case number V-1" for messages
    needles: dict[str, str] = field(default_factory=dict)  # needle (folded, squeezed) -> kind
    long: str = ""  # every value, written another way
    short: str = ""  # name and phone, for titles


def _squeeze(text: str) -> str:
    """Folded as identity.text.fold folds (case, accents), letters and digits only (whole pages: fast)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^0-9a-z]", "", "".join(ch for ch in decomposed if ch.isascii()).casefold())


def _vary_name(name: str) -> str:
    """Capitals changed and accents dropped: "Mateo Quispe Huamán" -> "MATEO quispe HUAMAN"."""
    plain = "".join(ch for ch in fold(name)[0])
    words = plain.split()
    return "  ".join(word.upper() if index % 2 == 0 else word for index, word in enumerate(words))


def _vary_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)[-10:]
    return f"({digits[:3]}) {digits[3:6]}.{digits[6:]}"


def _vary_document(document: str) -> str:
    tokens = re.findall(r"[^\W_]+", fold(document)[0])
    return "-".join(tokens[-2:]) if len(tokens) >= 2 else document.lower()


def _enrich(person: Person, index: int) -> Person:
    """One value of each kind Person holds, distinct per person, saved through the service."""
    person = Person.objects.get(pk=person.pk)
    first = fold(person.full_name)[0].split()[0]
    person.aliases = [*(person.aliases or []), f"Zorrillo {first.title()}{index}"]
    person.phones = [*(person.phones or []), f"+1719{index:03d}8{index:03d}"]
    person.emails = [*(person.emails or []), f"{first}.planted{index}@correo.example"]
    person.address = person.address or f"{100 + index} Zephyrine Court, Riverton"
    person.id_documents = [*(person.id_documents or []), f"Passport QX {7000000 + index * 1111}"]
    person.date_of_birth = person.date_of_birth or f"1981-07-{10 + index:02d}"
    return services.save_person(person, by=person.created_by, expected_version=person.version)


def _planted(person: Person) -> Planted:
    item = Planted(person=person, label=f"{person.case.number} {person.pseudonym}")
    names = [person.full_name, *(person.aliases or [])]
    parts = []
    for name in names:
        item.needles[_squeeze(name)] = "name" if name == person.full_name else "alias"
        parts.append(_vary_name(name))
    for phone in person.phones or []:
        if phone == SHARED_PHONE:
            continue  # the recruiter's phone is on the sheriff's own case too (the deconfliction story)
        item.needles[re.sub(r"\D", "", phone)[-7:]] = "phone"
        parts.append(_vary_phone(phone))
    for email in person.emails or []:
        item.needles[_squeeze(email)] = "e-mail"
        parts.append(email.upper())
    for document in person.id_documents or []:
        item.needles[_squeeze(document)[-7:]] = "document"
        parts.append(_vary_document(document))
    if person.address:
        street = person.address.split(",")[0]
        item.needles[_squeeze(street)] = "address"
        parts.append(street.upper())
    if person.date_of_birth:
        year, month, day = person.date_of_birth.split("-")
        item.needles[f"{year}{month}{day}"] = "date of birth"
        item.needles[f"{day}{month}{year}"] = "date of birth"
        parts.append(f"{day}.{month}.{year} ({year}/{month}/{day})")
    item.long = "; ".join(parts)
    phone = _vary_phone(person.phones[-1])
    item.short = f"{_vary_name(person.full_name)} {phone}"
    return item


# --- planting --------------------------------------------------------------------------------


# Who each lead agency shares its after-action report with (a dissemination, 28 CFR 23.20(g)).
SHARED_WITH = {"RPD": "STATE-LABOR", "HCSO": "RPD", "EPD": "RPD"}


def _plant_case(case: Case, people: list[Planted], users: dict) -> None:
    lead = next(member.user for member in case.memberships.select_related("user") if member.role == "lead")
    text = " | ".join(item.long for item in people)
    short = " / ".join(item.short for item in people)
    today = timezone.localdate()
    case = Case.objects.get(pk=case.pk)
    services.update_case(case, {"summary": f"Planted: {text}"[:5000]}, expected_version=case.version, by=lead)
    plan = OperationPlan.objects.filter(case=case).first() or services.save_plan(OperationPlan(
        case=case, title="Welfare check", planned_for=today + timedelta(days=3)), by=lead)
    plan = OperationPlan.objects.get(pk=plan.pk)
    plan.title = f"Welfare check: {people[0].short}"[:200]
    for name in OperationPlan.QUESTIONS:
        if isinstance(getattr(plan, name), str):
            setattr(plan, name, text[:3000])
    plan.supervisor_note = text[:2000]
    services.save_plan(plan, by=lead, expected_version=plan.version)
    report = AfterActionReport.objects.filter(case=case).first() or services.save_report(AfterActionReport(
        case=case, operation=plan, title="Welfare check", what_happened="x"), by=lead)
    report = AfterActionReport.objects.get(pk=report.pk)
    report.title = f"After {people[0].short}"[:200]
    for name in AfterActionReport.SECTIONS:
        setattr(report, name, text[:5000])
    report = services.save_report(report, by=lead, expected_version=report.version)
    # The report shared outside the lead agency, with a reason that names everyone.
    recipient = Agency.objects.filter(short_name=SHARED_WITH[lead.agency.short_name]).get()
    services.disseminate(case, by=lead, recipient_agency=recipient, what=Dissemination.What.REPORT, report=report,
                         reason=f"For {short}"[:500])
    entity = Entity.objects.filter(case=case).first() or services.save_entity(Entity(
        case=case, kind="business", name="Planted business"), by=lead)
    entity = Entity.objects.get(pk=entity.pk)
    entity.notes = text
    services.save_entity(entity, by=lead, expected_version=entity.version)
    for item in people:
        services.create_task(case, by=lead, title=f"Call {item.short}"[:200],
                             due_on=today + timedelta(days=2), assignee=lead)
        services.add_timeline_note(case, by=lead, text=item.long[:500])
        evidence = services.save_evidence(Evidence(
            case=case, kind="interview_notes", title=f"Statement of {item.short}"[:200],
            description=item.long, source=_vary_name(item.person.full_name)[:200],
            collected_on=today - timedelta(days=1)), by=lead)
        services.add_custody(evidence, by=lead, data={"at": timezone.now(), "action": "collected",
                                                      "handler": "Det. planted", "notes": item.short[:500]})
        services.link_element(evidence, element="means.serious_harm_1589a2", note_text=item.long[:300], by=lead)
        # Another person's notes on the same case speak of this one.
        other = next((o.person for o in people if o.person.pk != item.person.pk), None)
        if other is not None:
            other = Person.objects.get(pk=other.pk)
            other.notes = f"{other.notes or ''} Knows {item.long}"[:4000]
            services.save_person(other, by=other.created_by, expected_version=other.version)
    tip, _ = tip_services.submit(source=Source.PUBLIC, agency=lead.agency,
                                 data={"narrative": f"Planted tip: {text}", "city": "Riverton", "when": "week"})
    tip_services.add_update(tip, by=lead, kind=TipUpdate.Kind.NOTE, text=short[:1000])
    tip_services.link_case(tip, case, by=lead, expected_version=tip.version)
    # Victim records: need notes and a referral note to the shelter.
    shelter = Partner.objects.filter(name="Casa Esperanza Shelter").first()
    for item in people:
        record = VictimRecord.objects.filter(person=item.person).first()
        if record is None:
            continue
        by = next(user for user in users.values() if user.agency_id == record.serving_agency_id)
        record.narrative, record.safe_contact, record.threat_details = text, item.short, text
        victim_services.save_record(record, by=by, expected_version=record.version)
        victim_services.save_need(record, by=by, need="transport", urgency="soon", status="identified",
                                  note=item.long[:500])
        if shelter is not None:
            victim_services.send_referral(record, by=by, partner=shelter, need="transport", note=item.short[:500])


def _plant_everything(users: dict) -> list[Planted]:
    people = list(Person.objects.select_related("case").order_by("pk"))
    assert len(people) >= 6, "the demo has fewer people than the story says"
    enriched = [_enrich(person, index + 1) for index, person in enumerate(people)]
    planted = [_planted(Person.objects.select_related("case").get(pk=person.pk)) for person in enriched]
    for case in Case.objects.filter(pk__in={item.person.case_id for item in planted}).order_by("pk"):
        _plant_case(case, [item for item in planted if item.person.case_id == case.pk], users)
    return planted


# --- who may see whom --------------------------------------------------------------------------


def _allowed(user, person: Person) -> bool:
    record = VictimRecord.objects.filter(person=person).first() if person.role == Person.Role.VICTIM else None
    if record is not None and IDENTITY in consented_categories(record, user.agency_id):
        return True
    if not Person.objects.restrict(user, "view").filter(pk=person.pk).exists():
        return False
    return can_see_identity(user, person)


# --- crawling ------------------------------------------------------------------------------------


def _body(response) -> tuple[str, str]:
    """(content type, searchable text) of an answer: PDF streams inflated, XLSX/ZIP unpacked."""
    content_type = response.get("Content-Type", "")
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return content_type, "\n".join(archive.read(name).decode("utf-8", "replace")
                                           for name in archive.namelist())
    if raw[:5] == b"%PDF-":
        parts = [raw.decode("latin-1")]
        for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, flags=re.S):
            try:
                parts.append(zlib.decompress(stream).decode("latin-1"))
            except zlib.error:
                continue
        return content_type, "\n".join(parts)
    text = raw.decode("utf-8", "replace")
    if "json" in content_type:
        try:  # \u escapes back to characters
            text = json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return content_type, text


def _links(content_type: str, body: str) -> list[str]:
    if "html" in content_type:
        found = re.findall(r'(?:href|hx-get|data-url)="([^"]+)"', body)
    elif "json" in content_type:
        found = re.findall(r'"((?:http://testserver)?/api/v1/[^"\s]*)"', body)
    else:
        return []
    links = []
    for link in found:
        link = urldefrag(link.replace("&amp;", "&").replace("http://testserver", ""))[0]
        path = urlparse(link).path
        if link.startswith("/") and not link.startswith("//") and not path.startswith(SKIP):
            links.append(link)
    return links


def _crawl(client: Client, start: list[str], limit: int) -> dict[str, tuple[int, str, str]]:
    seen: dict[str, tuple[int, str, str]] = {}
    variants: dict[str, int] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        path = urlparse(url).path
        if "?" in url:  # filters, sorting and pages: a few of each, not every combination
            variants[path] = variants.get(path, 0) + 1
            if variants[path] > 2:
                continue
        response = client.get(url)
        content_type, body = _body(response)
        seen[url] = (response.status_code, content_type, body)
        if response.status_code == 200:
            queue.extend(_links(content_type, body))
    return seen


def _start_urls(cases: list[Case]) -> tuple[list[str], list[str]]:
    web = ["/", "/cases/", "/cases/my-work/", "/victims/", "/victims/referrals/", "/tips/triage/", "/exports/",
           "/exports/htcds.csv", "/exports/htcds.json", "/exports/nibrs.json", "/exports/nibrs.zip", "/audit/"]
    api = ["/api/v1/me/", "/api/v1/cases/", "/api/v1/tips/", "/api/v1/victims/", "/api/v1/referrals/",
           "/api/v1/screenings/", "/api/v1/releases/", "/api/v1/exports/htcds/", "/api/v1/exports/nibrs/"]
    for case in cases:
        web += [f"/cases/{case.pk}/", f"/cases/{case.pk}/export/", f"/cases/{case.pk}/board/"]
        api += [f"/api/v1/cases/{case.pk}/", f"/api/v1/cases/{case.pk}/people/",
                f"/api/v1/cases/{case.pk}/entities/", f"/api/v1/cases/{case.pk}/evidence/"]
    api += [f"/api/v1/screenings/{pk}/" for pk in Screening.objects.order_by("pk").values_list("pk", flat=True)]
    api += [f"/api/v1/releases/{pk}/" for pk in Release.objects.order_by("pk").values_list("pk", flat=True)]
    for record in VictimRecord.objects.order_by("pk"):
        api += [f"/api/v1/victims/{record.pk}/", f"/api/v1/victims/{record.pk}/needs/",
                f"/api/v1/victims/{record.pk}/consents/", f"/api/v1/victims/{record.pk}/referrals/"]
    return web, api


def _context(body: str, needle: str) -> str:
    """Where a squeezed needle sits in the raw answer (for the failure message)."""
    gap = r"[^0-9A-Za-z]*"
    match = re.search(gap.join(re.escape(ch) for ch in needle), body, flags=re.I)
    return repr(body[max(0, match.start() - 60):match.end() + 30]) if match else "(accents folded)"


# Machine timestamps (``<time datetime>``, JSON): squeezed, "03:00:58.005123" holds the
# planted phone tail "0058005". No identifying value is ever written as one.
TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?\b")


def _found(body: str, planted: list[Planted]) -> list[tuple[Planted, str, str]]:
    squeezed = _squeeze(TIMESTAMP.sub(" ", body))
    return [(item, needle, kind) for item in planted for needle, kind in item.needles.items() if needle in squeezed]


def test_a_timestamp_is_no_planted_phone_but_the_phone_written_another_way_is():
    # A CI run on PostgreSQL once failed on a timeline entry made at 03:00:58.005 (2026-12-07).
    item = Planted(person=None, label="HCSO-2026-0001 V-1", needles={"0058005": "phone"})  # type: ignore[arg-type]
    stamped = '<time datetime="2026-12-07T03:00:58.005123-05:00">Dec. 7, 2026, 3:00 a.m.</time>'
    assert _found(stamped, [item]) == []
    assert _found('{"at": "2026-12-07T08:00:58.005123Z"}', [item]) == []
    assert _found(stamped + " called MATEO  quispe (719) 005.8005", [item]) == [(item, "0058005", "phone")]


# --- the test ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_planted_identity_is_found_only_where_the_rules_allow_it():
    users = load_demo()
    planted = _plant_everything(users)
    people = {item.person.pk: item for item in planted}
    by_name = {fold(item.person.full_name)[0]: item.person for item in planted}

    # The demo story, stated outright: the rule below cannot pass by allowing nothing or everything.
    assert not any(_allowed(users["outsider"], p) for p in by_name.values() if p.full_name != "Linh Tran")
    assert _allowed(users["outsider"], by_name["linh tran"])
    victims = [p for p in by_name.values() if p.role == Person.Role.VICTIM and p.case.lead_agency.short_name != "EPD"]
    assert not any(_allowed(users[name], p) for name in ("prosecutor", "inspector") for p in victims)
    assert _allowed(users["advocate"], by_name["mateo quispe huaman"])
    assert _allowed(users["advocate"], by_name["rosa elena mamani"])
    assert _allowed(users["investigator"], by_name["mateo quispe huaman"])
    assert not _allowed(users["investigator"], by_name["lucia ccori apaza"])
    assert _allowed(users["prosecutor"], by_name["victor lopez"])

    allowed = {(name, pk): _allowed(user, people[pk].person) for name, user in users.items() for pk in people}
    cases = list(Case.objects.order_by("pk"))
    web_start, api_start = _start_urls(cases)
    leaks: list[str] = []
    found_by_allowed: set[tuple[int, str]] = set()  # (person, needle) found in free text by someone allowed
    broken_edits: list[str] = []
    crawled: dict[str, int] = {}
    for name, user in sorted(users.items()):
        _token, secret = ApiToken.issue(user, "crawl", ["read"], 1)
        web = _crawl(signed_in(user), web_start, WEB_LIMIT)
        api = _crawl(Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), api_start, API_LIMIT)
        assert len(web) < WEB_LIMIT, (name, "the crawl was cut short", sorted(web)[-20:])
        # Search snippets: each person searched by name and by phone, as typed by someone else.
        searcher = signed_in(user)
        for item in planted:
            for query in (_vary_name(item.person.full_name), _vary_phone(item.person.phones[-1])):
                response = searcher.post("/cases/search/", {"q": query})
                body = re.sub(r'<input[^>]*name="q"[^>]*>', "", response.content.decode())  # the query, echoed
                web[f"POST /cases/search/ q={query}"] = (response.status_code, response["Content-Type"], body)
        crawled[name] = len(web) + len(api)
        for url, (status, content_type, body) in [*web.items(), *api.items()]:
            for item, needle, kind in _found(body, planted):
                if allowed[(name, item.person.pk)]:
                    if not re.search(r"/people/|/victims/\d+/$", url):  # free text, not the person's own record
                        found_by_allowed.add((item.person.pk, needle))
                else:
                    leaks.append(f"{name}, {url}, {item.label}, {kind} ({needle}): {_context(body, needle)}")
            if "html" in content_type and status == 200:
                for link in set(re.findall(r'href="(/[^"]*/edit/)"', body)):
                    answer = web.get(link)
                    code = answer[0] if answer else signed_in(user).get(link).status_code
                    if code in (403, 404):
                        broken_edits.append(f"{name}, {url} offers {link} -> {code}")
    assert not leaks, f"{len(leaks)} planted values found where the rules forbid them:\n" + "\n".join(sorted(set(leaks)))
    assert not broken_edits, "Edit links that answer 403/404:\n" + "\n".join(sorted(set(broken_edits)))
    # The planting worked: each person's values are found by someone allowed to see them.
    missing = [f"{item.label} {kind} ({needle})" for item in planted for needle, kind in item.needles.items()
               if (item.person.pk, needle) not in found_by_allowed]
    assert not missing, "planted values found by nobody allowed to see them (the planting did not work):\n" + "\n".join(missing)
    assert sum(crawled.values()) > 300, crawled
