from django.urls import path

from laborlens.feedback import views

app_name = "feedback"

urlpatterns = [
    # public, no login
    path("survey/", views.survey_start, name="survey_start"),
    path("s/<str:code>/", views.survey, name="survey"),
    path("pulse/", views.pulse_start, name="pulse_start"),
    path("p/<str:code>/", views.pulse, name="pulse"),
    # staff
    path("", views.index, name="index"),
    path("surveys/new/", views.survey_new, name="survey_new"),
    path("surveys/paper/", views.paper_entry, name="paper"),
    path("pulses/new/<int:activity>/", views.pulse_new, name="pulse_new"),
    path("pulses/<int:pk>/", views.pulse_detail, name="pulse_detail"),
    path("results/", views.results, name="results"),
]
