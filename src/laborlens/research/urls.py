from django.urls import path

from laborlens.research import views

app_name = "research"

urlpatterns = [
    path("", views.stats, name="stats"),
]
