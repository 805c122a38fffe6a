"""The handling marking printed on every page of a case document (case summary,
after-action report): readers of a printout must know it is not for public release."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from reportlab.lib.units import inch


def marking_text() -> str:
    return _("LAW ENFORCEMENT SENSITIVE: for the agencies on this case only. Do not release to the public.")


def mark_page(canvas: Any, document: Any) -> None:
    """reportlab ``onPage`` callback: the marking at the top and the bottom of the page,
    with the page number at the bottom."""
    width, height = document.pagesize
    text = marking_text()
    canvas.saveState()
    canvas.setFont("Helvetica-Bold", 8)
    canvas.drawCentredString(width / 2, height - 0.45 * inch, text)
    canvas.drawCentredString(width / 2, 0.4 * inch, f"{text}  ·  {canvas.getPageNumber()}")
    canvas.restoreState()
