"""Cases: team, people, entities, evidence mapped to legal elements, operations, tasks.

Who sees what is decided in one place per model, ``scope_for(user, action)``:

* a case is seen by its team (``CaseMember`` rows, read on every request, so adding or
  removing someone takes effect at once) and by supervisors of the lead agency;
* it is changed by team members who are not observers and whose role allows
  ``cases.change``, and by those supervisors;
* everything on a case (people, entities, evidence, plans, reports, tasks, timeline,
  blind-index keys) is scoped through its case;
* whether a person's identity is shown is decided by ``cases.identity.access.can_see_identity``.

Identifying fields of people and entities are encrypted (``core.crypto``); matching and
name search use keyed blind indexes (``MatchKey``, see ``matching.keys``).

The models live in modules by topic and are all imported here, so ``laborlens.cases.models.X``
(and every migration) keeps working: ``case`` (the case, its team, the visibility rule),
``people``, ``entities`` (with blind-index keys and search documents), ``evidence``,
``operations`` (plans, reports, tasks, timeline), ``sharing`` (disseminations, deconfliction),
``outcomes`` (charges, interviews); ``choices`` is shared (the abstract bases are ``core.bases``).
"""

from __future__ import annotations

# isort: off
# In the order the models were defined in, which is the order Django registers them and
# apps.get_models() returns them (the backup writes its tables in that order).
from laborlens.cases.models.choices import (
    CRIME_CHOICES,
    STAGE_ORDER,
    VISA_CHOICES,
    Exploitation,
    NibrsEthnicity,
    NibrsRace,
    NibrsSex,
    Stage,
)
from laborlens.cases.models.case import (
    Case,
    CaseMember,
    CaseScoped,
    may_use_cases,
    member_cases,
    on_team_elsewhere,
)
from laborlens.cases.models.people import IntelligenceReview, Person
from laborlens.cases.models.entities import Entity, MatchKey, SearchDocument
from laborlens.cases.models.evidence import (
    CustodyEvent,
    ElementLink,
    Evidence,
    EvidenceFile,
    EvidenceScoped,
)
from laborlens.cases.models.operations import AfterActionReport, OperationPlan, Task, TimelineEntry
from laborlens.cases.models.sharing import DeconflictionNotice, Dissemination
from laborlens.cases.models.outcomes import Charge, Interview
# isort: on

__all__ = [
    "CRIME_CHOICES", "STAGE_ORDER", "VISA_CHOICES",
    "Exploitation", "NibrsEthnicity", "NibrsRace", "NibrsSex", "Stage",
    "Case", "CaseMember", "CaseScoped", "may_use_cases", "member_cases", "on_team_elsewhere",
    "IntelligenceReview", "Person",
    "Entity", "MatchKey", "SearchDocument",
    "CustodyEvent", "ElementLink", "Evidence", "EvidenceFile", "EvidenceScoped",
    "AfterActionReport", "OperationPlan", "Task", "TimelineEntry",
    "DeconflictionNotice", "Dissemination",
    "Charge", "Interview",
]
