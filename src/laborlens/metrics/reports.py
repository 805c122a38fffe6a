"""Funder performance report (PDF and XLSX) and the case summary PDF.

The funder report carries aggregates only, with the small-cell rules of
``metrics.disclosure``: a count from 1 to ``settings.METRICS_SMALL_COUNT - 1`` (default 5,
env ``LABORLENS_METRICS_SMALL_COUNT``) is printed as "<5", a sum, mean or median over
fewer cases or persons than that as "—", and a cell withheld only so that a total cannot
give back a small one as "x". Zero is shown as 0.

The case summary is for someone who may see the case: people appear as
``cases.identity.access.shown`` decides (pseudonym unless the user may see the identity).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from laborlens.cases.identity.access import member_case_ids, shown
from laborlens.core.marking import mark_page
from laborlens.metrics import disclosure
from laborlens.metrics.figures import Filters, compute_all, small_count
from laborlens.metrics.figures import Table as Figure

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import Case


def threshold() -> int:
    return small_count()


def suppressed_rows(figure: Figure, limit: int) -> list[tuple[str, list[str]]]:
    """The figure's rows as printed: small cells and their complements withheld
    (``disclosure.protect``)."""
    cells = disclosure.protect(figure, limit)
    return [(label, [cell.text for cell in row]) for (_code, label, _values), row in zip(figure.rows, cells, strict=True)]


def withheld_note(limit: int) -> str:
    return _("“—”: a sum, mean or median over fewer than %(limit)s cases or persons, withheld. "
             "“x”: withheld so that a total cannot give back a small figure.") % {"limit": limit}


def _period_text(f: Filters) -> str:
    return _("%(scope)s, %(start)s to %(end)s") % {"scope": f.scope_label, "start": f.start.isoformat(),
                                                    "end": f.end.isoformat()}


def funder_pdf(f: Filters) -> bytes:
    limit = threshold()
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    title = _("Performance report")
    document = SimpleDocTemplate(buffer, pagesize=LETTER, title=title, author="LaborLens",
                                 leftMargin=0.9 * inch, rightMargin=0.9 * inch)
    story = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(_period_text(f)), styles["Heading2"]),
        Paragraph(escape(_("Aggregates only. Counts from 1 to %(below)s are shown as “<%(limit)s”. "
                           "Generated %(when)s.") % {"below": limit - 1, "limit": limit,
                                                     "when": timezone.localtime().strftime("%Y-%m-%d %H:%M")}),
                  styles["Italic"]),
        Paragraph(escape(withheld_note(limit)), styles["Italic"]),
        Spacer(1, 12),
    ]
    for figure in compute_all(f):
        story.append(Paragraph(escape(figure.title), styles["Heading3"]))
        rows = suppressed_rows(figure, limit)
        if not rows:
            story.append(Paragraph(escape(figure.note or _("Nothing to report.")), styles["BodyText"]))
            continue
        data = [["", *figure.columns]] + [[Paragraph(escape(label), styles["BodyText"]), *cells]
                                          for label, cells in rows]
        table = Table(data, colWidths=[3.6 * inch] + [1.4 * inch] * len(figure.columns), hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        story.append(table)
        if figure.note:
            story.append(Paragraph(escape(figure.note), styles["Italic"]))
    document.build(story)
    return buffer.getvalue()


def funder_xlsx(f: Filters) -> bytes:
    limit = threshold()
    book = Workbook()
    sheet = book.active
    sheet.title = "Report"
    sheet.append([_("Performance report")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_period_text(f)])
    sheet.append([_("Aggregates only. Counts from 1 to %(below)s are shown as “<%(limit)s”.") % {
        "below": limit - 1, "limit": limit}])
    sheet.append([withheld_note(limit)])
    for figure in compute_all(f):
        sheet.append([])
        sheet.append([figure.title, *figure.columns])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, cells in suppressed_rows(figure, limit):
            # Suppressed cells stay text; the others are numbers a funder can add up.
            sheet.append([label, *[_number_or_text(cell) for cell in cells]])
    sheet.column_dimensions["A"].width = 60
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _number_or_text(cell: str) -> object:
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell


def case_summary_pdf(case: Case, user: User) -> bytes:
    """A one-document summary of a case for someone who may see it; identities only as
    ``cases.identity.access.shown`` allows."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=LETTER, title=case.number, author="LaborLens",
                                 leftMargin=0.9 * inch, rightMargin=0.9 * inch)
    body, h3 = styles["BodyText"], styles["Heading3"]
    people = shown(user, case.people.all(), member_case_ids(user))
    labels = {item.person.pk: item.label for item in people}
    story = [
        Paragraph(escape(_("Case summary")), styles["Title"]),
        Paragraph(escape(f"{case.number} · {case.title}"), styles["Heading2"]),
        Paragraph(escape(_("Prepared for %(user)s, %(when)s. Identities appear only where your access allows.") % {
            "user": user.username, "when": timezone.localtime().strftime("%Y-%m-%d %H:%M")}), styles["Italic"]),
        Spacer(1, 8),
    ]
    facts = [
        (_("Stage"), case.get_stage_display()), (_("Lead agency"), case.lead_agency.name),
        (_("Jurisdiction"), case.jurisdiction or "—"), (_("Industry"), case.industry_label or "—"),
        (_("Opened"), case.opened_on.isoformat()),
    ]
    for label, value in facts:
        story.append(Paragraph(f"<b>{escape(str(label))}:</b> {escape(str(value))}", body))
    story.append(Paragraph(escape(_("People")), h3))
    for item in people:
        story.append(Paragraph(escape(f"{item.label} · {item.person.get_role_display()}"), body))
    if not people:
        story.append(Paragraph(escape(_("No one recorded yet.")), body))
    story.append(Paragraph(escape(_("Interviews")), h3))
    interviews = list(case.interviews.all())
    for interview in interviews:
        story.append(Paragraph(escape(
            f"{interview.held_on.isoformat()} · {labels.get(interview.person_id, '—')} · "
            f"{interview.get_kind_display()}"), body))
    if not interviews:
        story.append(Paragraph(escape(_("No interviews recorded yet.")), body))
    story.append(Paragraph(escape(_("Charges and outcomes")), h3))
    charges = list(case.charges.all())
    for charge in charges:
        who = labels.get(charge.defendant_id, _("unnamed defendant")) if charge.defendant_id else _("unnamed defendant")
        line = f"{charge.statute_label} · {who} · {charge.get_disposition_display()}"
        if charge.restitution_ordered:
            line += " · " + _("restitution %(amount)s USD") % {"amount": charge.restitution_ordered}
        story.append(Paragraph(escape(line), body))
    if not charges:
        story.append(Paragraph(escape(_("No charges recorded yet.")), body))
    story.append(Paragraph(escape(_("Evidence")), h3))
    for item in case.evidence.all():
        story.append(Paragraph(escape(f"{item.number} · {item.get_kind_display()} · {item.title}"), body))
    document.build(story, onFirstPage=mark_page, onLaterPages=mark_page)
    return buffer.getvalue()
