"""What appears in the menu and on the home page, filtered by role permission.

An app adds its entry here; entries whose URL is not installed yet are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    permission: str
    url_name: str
    label: str | Promise
    help: str | Promise


NAV_ITEMS = [
    NavItem("screening.run", "screening:start", _("New screening"),
            _("A few plain-language questions; the result explains itself.")),
    NavItem("screening.view", "screening:list", _("Screenings"),
            _("Screenings you and your team recorded.")),
    NavItem("screening.view", "screening:guide", _("Officer's guide"),
            _("Trafficking, smuggling or a labour violation? What to do first.")),
    NavItem("cases.view", "cases:list", _("Cases"),
            _("Your team's cases: people, evidence, legal elements, operations.")),
    NavItem("cases.view", "cases:my_work", _("My work"),
            _("Your tasks, deadlines and deconfliction notices.")),
    NavItem("victims.view", "cases:my_work", _("My cases"),
            _("Cases you are on as an advocate.")),
    NavItem("cases.view", "cases:search", _("Search cases"),
            _("Cases, people and entities you may see.")),
    NavItem("victims.view", "victims:list", _("Victim services"),
            _("Needs, consent, safety and immigration relief for the people you serve.")),
    NavItem("victims.view", "victims:queue", _("Referrals"),
            _("Referrals to and from your organisation, with follow-up dates.")),
    NavItem("victims.view", "victims:directory", _("Service directory"),
            _("Partner organisations by need, language and place.")),
    NavItem("cases.view", "victims:relief_guide", _("Immigration relief guide"),
            _("Continued Presence, T and U visas: what they are and who signs.")),
    NavItem("activities.view", "activities:list", _("Activities"),
            _("Trainings, partner meetings, joint operations, outreach and agreements.")),
    NavItem("victims.change", "feedback:index", _("Feedback"),
            _("Anonymous service-quality surveys and community trust pulses after outreach.")),
    NavItem("activities.record", "feedback:index", _("Feedback"),
            _("Anonymous service-quality surveys and community trust pulses after outreach.")),
    NavItem("cases.view", "barriers:jurisdiction", _("Barrier map"),
            _("Findings on the five barriers (entry, housing, identity, work, finances) and who can raise each.")),
    NavItem("readiness.assess", "readiness:history", _("Agency readiness"),
            _("Self-assessment against the NIJ recommendations, and progress over time.")),
    NavItem("tips.triage", "tips:triage", _("Tips"),
            _("Tips from the public and partners, most urgent first.")),
    NavItem("tips.submit", "tips:partner", _("Partner observation"),
            _("Report what you saw at a workplace or home.")),
    NavItem("insights.view", "metrics:dashboard", _("Measures"),
            _("Victims identified, referred and interviewed; services, relief, tips, cases and outcomes.")),
    NavItem("cases.supervise", "exchange:index", _("Data exports"),
            _("HTCDS 2.0 files and the NIBRS human trafficking extract of your agency's cases.")),
    NavItem("insights.view", "research:stats", _("Research datasets"),
            _("CTDC-format data kept apart from case records, for statistics.")),
    NavItem("release.prepare", "publishing:list", _("Releases"),
            _("De-identified statistics to share: previewed, approved by a supervisor, audited.")),
    NavItem("release.approve", "publishing:list", _("Releases"),
            _("De-identified statistics to share: previewed, approved by a supervisor, audited.")),
    NavItem("insights.view", "threat:assessment", _("Threat assessment"),
            _("Vulnerable industries, visa employers, debarments and UCR counts: where to look first.")),
]


def items_for(user: object) -> list[dict[str, object]]:
    visible = []
    for item in NAV_ITEMS:
        if not user.can(item.permission):  # type: ignore[attr-defined]
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        if any(v["url"] == url for v in visible):
            continue  # one entry per page, whichever permission opened it
        visible.append({"url": url, "label": item.label, "help": item.help})
    return visible
