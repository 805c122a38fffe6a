from django.urls import path

from laborlens.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.release_list, name="list"),
    path("new/", views.release_new, name="new"),
    path("budget/", views.budget_set, name="budget"),
    path("<int:pk>/", views.release_detail, name="detail"),
    path("<int:pk>/preview/", views.release_preview, name="preview"),
    path("<int:pk>/decide/", views.release_decide, name="decide"),
    path("<int:pk>/publish/", views.release_publish, name="publish"),
    path("<int:pk>/download/", views.release_download, name="download"),
]
