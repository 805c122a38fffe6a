"""Case rules shared by views, the API, the CLI, the demo loader and tests, one module per
topic: ``case`` (reads, opening, editing, the team, disseminations), ``people`` (people,
entities, match keys, intelligence records), ``evidence``, ``operations`` (plans, reports,
tasks, charges, interviews) and ``common`` (refusals, optimistic locking, the timeline).
Callers use ``laborlens.cases.services.<name>``: every rule is named here.

Each change happens in one transaction with its audit event and a timeline line. Audit
details and timeline text carry pseudonyms, item numbers and kinds, never a decrypted
identifier.
"""

from laborlens.cases.services.case import (
    add_member,
    create_case,
    disseminate,
    list_cases,
    read_case,
    read_case_people,
    remove_member,
    update_case,
)
from laborlens.cases.services.common import eligible_agencies, lead_of, note
from laborlens.cases.services.evidence import (
    add_custody,
    add_file,
    link_element,
    read_file,
    save_evidence,
    unlink_element,
    upload_dir,
)
from laborlens.cases.services.operations import (
    add_charge,
    add_interview,
    add_timeline_note,
    complete_task,
    create_task,
    plan_transition,
    save_plan,
    save_report,
)
from laborlens.cases.services.people import (
    MAX_REVIEW_YEARS,
    acknowledge,
    entity_match_keys,
    latest_review_date,
    person_match_keys,
    purge,
    purge_overdue,
    refresh_keys,
    revalidate,
    review_window,
    save_entity,
    save_person,
    validate_intelligence,
    validate_review_date,
)

__all__ = [
    "MAX_REVIEW_YEARS",
    "acknowledge",
    "add_charge",
    "add_custody",
    "add_file",
    "add_interview",
    "add_member",
    "add_timeline_note",
    "complete_task",
    "create_case",
    "create_task",
    "disseminate",
    "eligible_agencies",
    "entity_match_keys",
    "latest_review_date",
    "lead_of",
    "link_element",
    "list_cases",
    "note",
    "person_match_keys",
    "plan_transition",
    "purge",
    "purge_overdue",
    "read_case",
    "read_case_people",
    "read_file",
    "refresh_keys",
    "remove_member",
    "revalidate",
    "review_window",
    "save_entity",
    "save_evidence",
    "save_person",
    "save_plan",
    "save_report",
    "unlink_element",
    "update_case",
    "upload_dir",
    "validate_intelligence",
    "validate_review_date",
]
