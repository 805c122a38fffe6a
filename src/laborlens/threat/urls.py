from django.urls import path

from laborlens.threat import views

app_name = "threat"

urlpatterns = [
    path("", views.assessment, name="assessment"),
    path("imports/", views.imports, name="imports"),
    path("upload/", views.upload, name="upload"),
    path("upload/<int:pk>/", views.upload_status, name="upload_status"),
]
