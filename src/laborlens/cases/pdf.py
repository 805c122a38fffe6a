"""After-action report as PDF (reportlab), always with identities removed."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from laborlens.cases.models import AfterActionReport
from laborlens.cases.redact import redact
from laborlens.core.marking import mark_page


def report_sections(report: AfterActionReport) -> list[tuple[str, str]]:
    people = list(report.case.people.all())
    return [(str(AfterActionReport._meta.get_field(name).verbose_name),
             redact(getattr(report, name), report.case, people)) for name in AfterActionReport.SECTIONS]


def report_pdf(report: AfterActionReport) -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=LETTER, title=redact(report.title, report.case), author="LaborLens",
                                 leftMargin=0.9 * inch, rightMargin=0.9 * inch)
    story = [
        Paragraph(escape(_("After-action report")), styles["Title"]),
        Paragraph(escape(f"{report.case.number} · {redact(report.title, report.case)}"), styles["Heading2"]),
        Paragraph(escape(_("Identities removed. Generated %(when)s.") % {
            "when": timezone.localtime().strftime("%Y-%m-%d %H:%M")}), styles["Italic"]),
        Spacer(1, 12),
    ]
    for heading, text in report_sections(report):
        story.append(Paragraph(escape(heading), styles["Heading3"]))
        for paragraph in (text or "—").split("\n"):
            story.append(Paragraph(escape(paragraph) or "&nbsp;", styles["BodyText"]))
    document.build(story, onFirstPage=mark_page, onLaterPages=mark_page)
    return buffer.getvalue()
