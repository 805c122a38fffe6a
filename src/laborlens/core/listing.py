"""Lists people can work with: filters and sorting in the query string, and the same rows
as CSV or XLSX (issue 17.7).

A list page builds one queryset (``Model.objects.restrict(user, ...)`` narrowed by its
filter form) and one set of columns that say how each row reads *on the page* (identities
through ``identity.text`` or the tips redaction, as the page shows them). The export writes
those same columns over the same queryset, so a file never holds what the page would not
show to that user. The view records one audit event per export.

* ``ListForm``: a filter form whose ``sort`` field offers only the orderings the list
  whitelists; anything else is a form error (a 400 page with the message, never a 500).
* ``export_format``: ``?format=csv`` or ``?format=xlsx`` (empty: the page); anything else
  is an error message.
* ``day_range``: a "from day X until day Y" filter on a date-time column, as local midnights
  (the site's time zone) in a half-open range, the way the metrics count a period.
* ``safe_cell``: text that a spreadsheet would read as a formula (starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return; OWASP "CSV injection") gets a leading
  apostrophe, in both formats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from django import forms
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Past this many rows a download stops; the page says so (narrow the filters instead). Free
# text is rendered page by page as the pages show it: 2,500 cases took 8-10 s on the shared
# 2-core machine (PostgreSQL, 50,000 cases) while each page read its people and compiled every
# hidden person's patterns; 1.4-1.9 s since the people are read once for the whole download
# (cases.lists.page_titles) and a pattern is compiled only for a text that can match it
# (identity.text.Rules). BENCHMARKS.md "Case list download".
EXPORT_LIMIT = 2500
# Query-string keys that move through the pages, not part of what is filtered.
PAGING_KEYS = ("page", "after", "before", "format")


@dataclass(frozen=True)
class Column:
    label: Any  # a (lazy) translated heading
    value: Callable[[Any], Any]


def safe_cell(value: Any) -> Any:
    """A cell value as exported: numbers stay numbers, dates become ISO text, and text that
    a spreadsheet could run as a formula starts with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) \
            else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def table(columns: Sequence[Column], rows: Iterable[Any]) -> list[list[Any]]:
    """The header and one list of safe cells per row."""
    out = [[safe_cell(str(column.label)) for column in columns]]
    out += [[safe_cell(column.value(row)) for column in columns] for row in rows]
    return out


def page_by_page(rows: Sequence[Any], size: int, render: Callable[[list[Any]], Callable[[Any], Any]],
                 key: Callable[[Any], Any] = lambda row: row.pk) -> dict[Any, Any]:
    """``render(chunk)`` for each run of ``size`` rows in the download's order, the same runs
    the pages show: free text is rendered exactly as on the page that lists the row (one
    set of hidden people per page, ``identity.text.Renderer``), and each text is matched
    against a page's people only, not against everyone in the download."""
    out: dict[Any, Any] = {}
    for start in range(0, len(rows), size):
        chunk = list(rows[start:start + size])
        render_one = render(chunk)
        out.update({key(row): render_one(row) for row in chunk})
    return out


def _csv(cells: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(cells)
    # With a byte-order mark, spreadsheet programs read accents (Spanish) as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(cells: list[list[Any]], title: str) -> bytes:
    from openpyxl import Workbook  # the funder report's writer (metrics/reports.py)
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "List")
    header, *body = cells
    bold = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True)
        bold.append(cell)
    sheet.append(bold)
    for row in body:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_response(fmt: str, name: str, columns: Sequence[Column], rows: Iterable[Any]) -> HttpResponse:
    """The rows as a CSV or XLSX download named ``<name>-<today>.<fmt>``, not cached."""
    cells = table(columns, rows)
    body = _csv(cells) if fmt == "csv" else _xlsx(cells, name)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate().isoformat()}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def export_format(request: HttpRequest) -> tuple[str, str]:
    """(``""`` for the page, ``"csv"`` or ``"xlsx"``; an error message or ``""``)."""
    fmt = request.GET.get("format", "").strip().lower()
    if fmt in {"", "html"}:
        return "", ""
    if fmt in FORMATS:
        return fmt, ""
    return "", str(_("Unknown download format. Choose CSV or XLSX."))


def bind(form: forms.Form, request: HttpRequest) -> tuple[str, dict[str, Any]]:
    """The download format asked for (an unknown one becomes an error on the form) and the
    context every list page shares."""
    fmt, problem = export_format(request)
    if problem:
        form.is_valid()
        form.add_error(None, problem)
    return fmt, {"form": form, "query": list_query(request), "export_limit": EXPORT_LIMIT}


def export_detail(form: forms.Form, fmt: str, rows: int) -> dict[str, Any]:
    """The audit detail of one download: format, row count, sort and filters (no row content)."""
    return {"format": fmt, "rows": rows, "sort": getattr(form, "sort", ""), **filter_detail(form)}


def list_query(request: HttpRequest) -> str:
    """The filters and sort of this request, for the pages' and the downloads' links."""
    query = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        kept = [value for value in values if value]
        if key not in PAGING_KEYS and kept:
            query.setlist(key, kept)
    return query.urlencode()


def filter_detail(form: forms.Form) -> dict[str, Any]:
    """What was asked for, for the audit event (values as given, no row content)."""
    if not getattr(form, "cleaned_data", None):
        return {}
    return {key: (value.isoformat() if isinstance(value, date) else str(value))
            for key, value in form.cleaned_data.items() if value not in (None, "", False)}


class ListForm(forms.Form):
    """A list's filters and its sort. ``SORTS`` maps each offered value to its label and
    ordering; the first entry is the default."""

    SORTS: ClassVar[dict[str, tuple[Any, tuple[str, ...]]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sort"] = forms.ChoiceField(
            label=_("Sort by"), required=False, choices=[(key, label) for key, (label, _o) in self.SORTS.items()])

    @property
    def sort(self) -> str:
        chosen = (self.cleaned_data.get("sort") if getattr(self, "cleaned_data", None) else "") or ""
        return chosen if chosen in self.SORTS else next(iter(self.SORTS))

    def ordering(self) -> tuple[str, ...]:
        return self.SORTS[self.sort][1]

    def check_dates(self, data: dict[str, Any], start: str, end: str) -> None:
        if data.get(start) and data.get(end) and data[start] > data[end]:
            self.add_error(end, _("The end date must be on or after the start date."))


def local_midnight(day: date) -> datetime:
    """The first instant of ``day`` in the current (the site's) time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def day_range(column: str, since: date | None, until: date | None) -> Q:
    """``column`` (a date-time) on the days ``since`` through ``until``, either open: from the
    local midnight that starts ``since`` up to, not including, the one after ``until``. The
    days are the reader's calendar days (the site's time zone), not UTC ones; the half-open
    end keeps the last instant of a day in it and the next day's first out."""
    bounds: dict[str, datetime] = {}
    if since:
        bounds[f"{column}__gte"] = local_midnight(since)
    if until:
        bounds[f"{column}__lt"] = local_midnight(until + timedelta(days=1))
    return Q(**bounds)


def date_field(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}),
                           input_formats=["%Y-%m-%d"])
