from django.urls import path

from laborlens.metrics import views

app_name = "metrics"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures/<slug:key>.csv", views.figure_csv, name="csv"),
    path("report.pdf", views.funder_report, {"fmt": "pdf"}, name="report_pdf"),
    path("report.xlsx", views.funder_report, {"fmt": "xlsx"}, name="report_xlsx"),
    path("cases/<int:pk>/summary.pdf", views.case_summary, name="case_summary"),
]
