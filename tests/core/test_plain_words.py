"""Issue 17.8, plain words everywhere: no internal word reaches a user's eyes.

Several demo users, each in English and in Spanish, walk the pages they can reach from the
home page and a few entry points (a breadth-first crawl over same-origin links, as in
tests/cases/test_planted_identities.py). The visible text of every HTML page (tags, scripts,
styles and attribute values removed) must hold none of:

- a catalogue id (``dr_nature_of_job_location_employer``, ``usc18_1592``, ``ind_…``),
- a dotted catalogue key (``act.harbors``),
- an audit event tag (``victims:consent:revoke``),
- a seed source key (``seed_000``),
- a file name (``CHANGELOG.md``, ``rules.json``),
- a bare language code list ("Languages: es").

The test fails with "user, language, url, what was found" for each hit. It also fails if
the crawl reached too few pages (so it cannot pass by seeing nothing).
"""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest

from laborlens.cases.models import Case
from laborlens.demo import load_demo
from laborlens.victims.models import VictimRecord
from tests.conftest import signed_in

CRAWLERS = ["officer", "investigator", "supervisor", "admin", "auditor", "advocate", "analyst", "prosecutor"]
LIMIT = 120  # pages per user and language
SKIP = ("/static/", "/accounts/logout", "/accounts/login", "/accounts/mfa", "/accounts/notice",
        "/accounts/reauth", "/accounts/device-key", "/i18n/", "/sw.js", "/manifest", "/api/", "/media/",
        "/exports/htcds", "/exports/nibrs", "/admin/")
START = ["/", "/cases/", "/screening/", "/victims/", "/victims/referrals/", "/tips/triage/", "/audit/",
         "/metrics/", "/catalogue/", "/releases/", "/activities/", "/readiness/", "/barriers/", "/threat/"]

PATTERNS = {
    # catalogue, source and status keys: snake_case (dr_nature_of_job_location_employer,
    # usc18_1592, ilo_ec_2009, not_established); plain words never hold an underscore
    "internal key": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    # dotted keys (act.harbors, reading.trafficking.adult); web addresses are left out below
    "dotted key": re.compile(r"(?<![\w@./-])[a-z]{2,}(?:\.[a-z_]{2,})+\b(?![./@-]?\w)"),
    "event tag": re.compile(r"\b[a-z_]+:[a-z_]+:[a-z_]+\b"),
    "seed source key": re.compile(r"\bseed[ _]?0\d\d\b", re.I),
    "file name": re.compile(r"\b[\w-]+\.(?:md|json|py|csv|po|yaml|yml|txt)\b(?!\w)"),
    "language codes": re.compile(r"(?:Languages|Idiomas)\s*:\s*(?:[a-z]{2,3}(?:-[a-z]+)?\b[\s,]*)+(?=$|[^\w\s])",
                                 re.M),
}
# One date format per language ("4 Dec 2026", "4 dic 2026"): a date written any other way is
# a page that kept its own pattern.
OTHER_DATES = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# English words the Spanish pages must not show (the indicator weights in parentheses).
ENGLISH_IN_SPANISH = re.compile(r"\((?:strong|medium|weak)\)|\b(?:not_established|supported|unknown)\b")
WEB_ENDINGS = (".gov", ".org", ".com", ".net", ".edu", ".int", ".invalid", ".example", ".test")
# Visible words that look like a pattern but are plain language (none so far).
ALLOWED: set[str] = set()


def visible_text(page: str) -> str:
    """What a reader sees: no scripts, styles, comments, tags (so no attribute values). An
    element marked ``data-verbatim`` shows what a person wrote or uploaded (the name of a file
    they imported) and is left out: it is theirs, not the application's words."""
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    page = re.sub(r"<(\w+)\b[^>]*\bdata-verbatim\b[^>]*>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def internal_words(text: str, language: str = "en") -> list[tuple[str, str]]:
    found = [("date format", m.group(0)) for m in OTHER_DATES.finditer(text)]
    if language == "es":
        found += [("English word", m.group(0)) for m in ENGLISH_IN_SPANISH.finditer(text)]
    for what, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            word = match.group(0).strip()
            if word not in ALLOWED and not (what == "dotted key" and word.endswith(WEB_ENDINGS)):
                found.append((what, word))
    return found


def _links(body: str) -> list[str]:
    links = []
    for link in re.findall(r'href="([^"]+)"', body):
        link = urldefrag(html.unescape(link))[0]
        path = urlparse(link).path
        if link.startswith("/") and not link.startswith("//") and not path.startswith(SKIP):
            links.append(link)
    return links


def _crawl(client, start: list[str]) -> dict[str, str]:
    pages: dict[str, str] = {}
    variants: dict[str, int] = {}
    queue = deque(start)
    seen: set[str] = set()
    while queue and len(pages) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        path = urlparse(url).path
        if "?" in url:  # filters, pages: a couple of each
            variants[path] = variants.get(path, 0) + 1
            if variants[path] > 2:
                continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode("utf-8", "replace")
        pages[url] = body
        queue.extend(_links(body))
    return pages


def test_the_pattern_catches_what_the_issue_quotes():
    """The detector itself: each example from issue 17 is caught, plain sentences are not."""
    for example in ["Source: seed_000, point 2", "brochure wording not verified, see CHANGELOG.md",
                    "dr_nature_of_job_location_employer", "usc18_1592", "act.harbors",
                    "victims:consent:revoke", "Languages: es", "Rule: reading.trafficking.adult",
                    "Purpose: not_established", "The four recommendations (seed 002)"]:
        assert internal_words(example), example
    assert internal_words("Opened 2026-12-04") and internal_words("Opened 12/4/2026")
    assert internal_words("Salario bajo (medium)", "es") and not internal_words("Low pay (medium)", "en")
    for plain in ["Source: Seed document, point 2", "18 U.S.C. § 1592", "Languages: Spanish",
                  "Act: harboring", "4 Dec 2026, 10:30", "Updated 4 dic 2026",
                  "officer@demo.invalid", "see cops.usdoj.gov.", "e.g. a passport", "at 10:30:00"]:
        assert not internal_words(plain), plain
    assert "secret" not in visible_text('<a title="secret">shown</a><script>secret()</script>')
    assert "mine.csv" not in visible_text('<th data-verbatim>mine.csv</th><td>shown</td>')


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_no_internal_word_is_shown_to_users(language, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    users = load_demo()
    start = list(START)
    for case in Case.objects.order_by("pk"):
        start += [f"/cases/{case.pk}/", f"/cases/{case.pk}/board/"]
    start += [f"/victims/{pk}/" for pk in VictimRecord.objects.order_by("pk").values_list("pk", flat=True)]
    problems: list[str] = []
    total = 0
    for name in CRAWLERS:
        client = signed_in(users[name])
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        pages = _crawl(client, start)
        total += len(pages)
        for url, body in pages.items():
            for what, word in internal_words(visible_text(body), language):
                problems.append(f"{name} {language} {url}: {what} {word!r}")
    assert total > 150, total
    assert not problems, "\n".join(sorted(set(problems)))
