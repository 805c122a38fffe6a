"""Identity-aware free text: plant every identifying value of the victim, written the ways
people write them (accents added or dropped, capitals, phone and document numbers with other
spacing, the date of birth in another format), in every free-text field of the case; then
crawl every page, form, PDF and API response the deputy (another agency on the team, who may
not see the victim's identity) can reach, and find none of them. The author's agency still
reads its text unchanged, and edit rights follow ownership."""

from __future__ import annotations

import re
import zlib
from collections import deque
from datetime import timedelta
from urllib.parse import urldefrag, urlparse

from django.utils import timezone

from laborlens.cases import services
from laborlens.cases.identity.text import fold
from laborlens.cases.models import AfterActionReport, Entity, Evidence, OperationPlan
from tests.cases.conftest import VICTIM_NAME

# How people write the values the system knows (conftest: "Quintessa Zyxwort",
# "+12025550187", "Passport GT 9981234", born 1990-02-03, "12 Orchard Lane").
PLANTED = ("quintéssa ZYXWÓRT told us; QUINTESSA  zyxwort again; Zyxwort alone; call (202) 555-0187 or "
           "202.555.0187; passport gt-998-1234 and 9981234; born 02/03/1990; lives at 12 orchard  lane.")
# Needles, searched in folded text with separators removed where they vary.
NAME_NEEDLES = ["quintessa", "zyxwort", "orchard lane", "orchardlane"]
DIGIT_NEEDLES = ["5550187", "9981234", "02031990", "gt9981234"]


def _pdf_text(data: bytes) -> str:
    parts = [data.decode("latin-1")]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.S):
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


def _leaks(body: str) -> list[str]:
    folded = fold(body)[0]
    squeezed = re.sub(r"[\s().\-/\\]", "", folded)
    found = [needle for needle in NAME_NEEDLES if needle in folded or needle in squeezed]
    return found + [needle for needle in DIGIT_NEEDLES if needle in squeezed]


def _plant(cw) -> None:
    by = cw.w.investigator
    case = cw.case
    services.update_case(case, {"title": f"Orchard crew {PLANTED}"[:200], "summary": PLANTED},
                         expected_version=case.version, by=by)
    report = AfterActionReport.objects.get(pk=cw.report.pk)
    report.title = "Barn check: Zyxwort, (202) 555 0187"
    for name in AfterActionReport.SECTIONS:
        setattr(report, name, PLANTED)
    services.save_report(report, by=by, expected_version=report.version)
    plan = OperationPlan.objects.get(pk=cw.plan.pk)
    plan.title = "Welfare check for Quintessa Zyxwórt"
    for name in OperationPlan.QUESTIONS:
        if isinstance(getattr(plan, name), str):
            setattr(plan, name, PLANTED)
    plan.supervisor_note = PLANTED
    services.save_plan(plan, by=by, expected_version=plan.version)
    evidence = Evidence.objects.get(pk=cw.evidence.pk)
    evidence.title, evidence.description, evidence.source = "Statement of Q. ZYXWORT", PLANTED, "QUINTESSA zyxwort"
    services.save_evidence(evidence, by=by, expected_version=evidence.version)
    entity = Entity.objects.get(pk=cw.business.pk)
    entity.notes = PLANTED
    services.save_entity(entity, by=by, expected_version=entity.version)
    services.create_task(case, by=by, title="Drive Quintessa Zyxwort to the clinic, 202-555-0187",
                         due_on=timezone.localdate() + timedelta(days=2), assignee=by)
    services.add_timeline_note(case, by=by, text=PLANTED)
    services.link_element(cw.evidence, element="means.serious_harm_1589a2", note_text=PLANTED, by=by)


def _crawl(client, start: list[str], limit: int = 120) -> dict[str, tuple[int, str]]:
    seen: dict[str, tuple[int, str]] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = _pdf_text(raw) if "pdf" in content_type else raw.decode("utf-8", "replace")
        seen[url] = (response.status_code, body)
        if "html" in content_type:
            for link in re.findall(r'href="([^"]+)"', body):
                link = urldefrag(link.replace("&amp;", "&"))[0]
                path = urlparse(link).path
                if link.startswith("/") and not link.startswith("//") and not any(
                        path.startswith(prefix) for prefix in ("/static/", "/accounts/", "/logout", "/i18n/")):
                    queue.append(link)
    return seen


def test_planted_identities_never_reach_the_deputy(cw, login):
    _plant(cw)
    deputy = login(cw.deputy)  # sheriff's office, on the team, sees the victim as V-1
    case = cw.case
    start = [f"/cases/{case.pk}/", f"/cases/reports/{cw.report.pk}/", f"/cases/reports/{cw.report.pk}/edit/",
             f"/cases/reports/{cw.report.pk}/pdf/", f"/cases/operations/{cw.plan.pk}/", f"/cases/operations/{cw.plan.pk}/edit/",
             f"/cases/evidence/{cw.evidence.pk}/", f"/cases/entities/{cw.business.pk}/",
             f"/cases/shared/{cw.shared.pk}/", f"/api/v1/cases/{case.pk}/", f"/api/v1/cases/{case.pk}/people/",
             f"/api/v1/cases/{case.pk}/entities/", f"/api/v1/cases/{case.pk}/evidence/"]
    pages = _crawl(deputy, start)
    ok = {url: body for url, (status, body) in pages.items() if status == 200}
    assert len(ok) >= 10 and len(pages) < 120, sorted(pages)  # the whole reachable set, not a truncated one
    leaks = {url: _leaks(body) for url, (_status, body) in pages.items() if _leaks(body)}
    assert not leaks, "\n".join(f"{url}: {found}" for url, found in leaks.items())
    # The pseudonym stands where the values were, and the page says something was withheld.
    report_page = pages[f"/cases/reports/{cw.report.pk}/"][1]
    assert cw.victim.pseudonym in report_page and 'data-testid="withheld"' in report_page
    # Another agency does not edit the report or the plan: the edit form would show the raw text.
    assert pages[f"/cases/reports/{cw.report.pk}/edit/"][0] == 403
    assert pages[f"/cases/operations/{cw.plan.pk}/edit/"][0] == 403
    assert f"/cases/reports/{cw.report.pk}/edit/" not in report_page
    # Users of another agency off the team reach none of it, and see none of it either.
    for outsider in (cw.rival, cw.w.outsider):
        pages = _crawl(login(outsider), start)
        assert not any(status == 200 for url, (status, _body) in pages.items() if url in start[:9]), outsider
        leaks = {url: _leaks(body) for url, (_status, body) in pages.items() if _leaks(body)}
        assert not leaks, (outsider.username, leaks)


def test_the_authors_agency_reads_and_edits_its_text_unchanged(cw, login):
    _plant(cw)
    investigator = login(cw.w.investigator)
    page = investigator.get(f"/cases/reports/{cw.report.pk}/").content.decode()
    assert "quintéssa ZYXWÓRT" in page and 'data-testid="withheld"' not in page
    edit = investigator.get(f"/cases/reports/{cw.report.pk}/edit/")
    assert edit.status_code == 200 and "quintéssa ZYXWÓRT" in edit.content.decode()
    assert f"/cases/reports/{cw.report.pk}/edit/" in page
    # The PDF leaves the building: identities removed for everyone, the author included.
    pdf = _pdf_text(investigator.get(f"/cases/reports/{cw.report.pk}/pdf/").content)
    assert not _leaks(pdf), _leaks(pdf)
    assert VICTIM_NAME not in pdf


def test_edit_rights_follow_ownership_and_what_the_text_holds(cw, login):
    deputy = login(cw.deputy)
    # Nothing identifying in the evidence yet: another agency on the team may edit it...
    assert deputy.get(f"/cases/evidence/{cw.evidence.pk}/edit/").status_code == 200
    # ...but reports and plans are edited only by the agency that wrote them.
    assert deputy.get(f"/cases/reports/{cw.report.pk}/edit/").status_code == 403
    assert deputy.get(f"/cases/operations/{cw.plan.pk}/edit/").status_code == 403
    assert deputy.post(f"/cases/reports/{cw.report.pk}/edit/", {"title": "x", "what_happened": "y",
                                                               "version": 1}).status_code == 403
    # Once the evidence names the victim, its edit form would show the raw text: refused.
    _plant(cw)
    assert deputy.get(f"/cases/evidence/{cw.evidence.pk}/edit/").status_code == 403
    assert login(cw.w.investigator).get(f"/cases/evidence/{cw.evidence.pk}/edit/").status_code == 200


def test_search_by_a_hidden_identity_finds_no_free_text(cw, login):
    _plant(cw)
    for query in ["Zyxwort", "quintessa zyxwórt", "(202) 555-0187", "Orchard"]:
        body = login(cw.deputy).post("/cases/search/", {"q": query}).content.decode()
        body = re.sub(r'<input[^>]*name="q"[^>]*>', "", body)  # the deputy's own query, echoed in the box
        assert not _leaks(body), (query, _leaks(body))
        if query != "Orchard":  # the words of someone the deputy may not see: the hit itself would tell
            assert f'href="/cases/{cw.case.pk}/"' not in body, query
    # The investigator, who sees the victim, finds the case by her name.
    body = login(cw.w.investigator).post("/cases/search/", {"q": "Zyxwort"}).content.decode()
    assert f'href="/cases/{cw.case.pk}/"' in body


def test_a_renderer_for_several_cases_decrypts_only_whom_it_hides(cw, monkeypatch):
    """renderer_for_cases (case list, my work, search) hides whom a renderer over every person
    would, and reads identifying values only of the people it hides."""
    from laborlens.cases.identity.text import Renderer, renderer_for_cases
    from laborlens.cases.models import Person
    from laborlens.core import crypto

    real = crypto.decrypt
    decrypted: list[object] = []

    def counting(token):
        decrypted.append(token)
        return real(token)

    for user, hides_victim in ((cw.deputy, True), (cw.w.investigator, False)):
        full = Renderer(user, Person.objects.filter(case=cw.case))
        decrypted.clear()
        monkeypatch.setattr(crypto, "decrypt", counting)
        several = renderer_for_cases(user, [cw.case.pk])
        monkeypatch.setattr(crypto, "decrypt", real)
        assert {p.pk for p in several.hidden} == {p.pk for p in full.hidden}
        assert (cw.victim.pk in {p.pk for p in several.hidden}) is hides_victim
        assert bool(decrypted) is hides_victim  # nobody hidden: nothing decrypted
    assert renderer_for_cases(cw.deputy, []).hidden == []
