from django.urls import path

from laborlens.tips import views

app_name = "tips"

urlpatterns = [
    path("report/", views.report, name="report"),
    path("follow-up/", views.follow_up, name="follow_up"),
    path("warning-signs/", views.awareness, name="awareness"),
    path("partner/", views.partner, name="partner"),
    path("triage/", views.triage_list, name="triage"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/triage/", views.triage_update, name="triage_update"),
    path("<int:pk>/note/", views.add_note, name="note"),
    path("<int:pk>/screening/", views.to_screening, name="to_screening"),
    path("<int:pk>/case/", views.link_case, name="link_case"),
    path("<int:pk>/share/", views.share, name="share"),
]
