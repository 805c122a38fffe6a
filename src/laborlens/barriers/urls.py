from django.urls import path

from laborlens.barriers import views

app_name = "barriers"

urlpatterns = [
    path("", views.jurisdiction_map, name="jurisdiction"),
    path("case/<int:pk>/", views.case_map, name="case"),
]
