from django.urls import path

from laborlens.languages import views

app_name = "languages"

urlpatterns = [
    path("languages/", views.victim_languages, name="victim_languages"),
    path("languages/<str:code>/export/", views.victim_language_export, name="victim_language_export"),
    path("languages/import/", views.victim_language_import, name="victim_language_import"),
]
