from django.urls import path

from laborlens.readiness import views

app_name = "readiness"

urlpatterns = [
    path("", views.history, name="history"),
    path("new/", views.assess, name="assess"),
    path("<int:pk>/", views.detail, name="detail"),
]
