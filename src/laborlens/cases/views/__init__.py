"""Case pages, one module per group of pages; ``cases/urls.py`` names them all from here.

Small functions; every object is fetched through ``restrict()`` (404 outside scope), every
read of a case, person, entity or evidence item leaves an audit event.

- ``common``: the access rule, the scoped case, the form page, edit conflicts, who may edit text
- ``case``: the case list, opening, the case page, editing, the team, sharing, the JSON export
- ``case_entries``: tasks, charges, interviews and timeline notes added from the case page
- ``people``: people on a case and the review of intelligence records
- ``entities``, ``evidence`` (files, custody, element links, the elements board)
- ``operations``: operation plans and after-action reports (PDF, shared copies)
- ``my_work``: my work, search, acknowledging a deconfliction notice
"""

from laborlens.cases.views.case import (
    case_create,
    case_detail,
    case_edit,
    case_export,
    case_list,
    case_share,
    case_team,
)
from laborlens.cases.views.case_entries import (
    charge_create,
    interview_create,
    task_complete,
    task_create,
    timeline_note,
)
from laborlens.cases.views.entities import entity_create, entity_detail, entity_edit
from laborlens.cases.views.evidence import (
    board,
    evidence_create,
    evidence_custody,
    evidence_detail,
    evidence_edit,
    evidence_link,
    evidence_upload,
    file_download,
    link_delete,
)
from laborlens.cases.views.my_work import my_work, notice_acknowledge, search_view
from laborlens.cases.views.operations import (
    plan_create,
    plan_detail,
    plan_edit,
    report_create,
    report_detail,
    report_edit,
    report_pdf_view,
    shared_report,
)
from laborlens.cases.views.people import (
    intelligence_reviews,
    person_create,
    person_detail,
    person_edit,
    person_review,
)

__all__ = [
    "board", "case_create", "case_detail", "case_edit", "case_export", "case_list", "case_share", "case_team",
    "charge_create", "entity_create", "entity_detail", "entity_edit", "evidence_create", "evidence_custody",
    "evidence_detail", "evidence_edit", "evidence_link", "evidence_upload", "file_download", "intelligence_reviews",
    "interview_create", "link_delete", "my_work", "notice_acknowledge", "person_create", "person_detail",
    "person_edit", "person_review", "plan_create", "plan_detail", "plan_edit", "report_create", "report_detail",
    "report_edit", "report_pdf_view", "search_view", "shared_report", "task_complete", "task_create",
    "timeline_note",
]
