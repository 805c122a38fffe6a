from django.urls import path

from laborlens.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.screening_list, name="list"),
    path("new/", views.screening_new, name="start"),
    path("guide/", views.guide, name="guide"),
    path("<int:pk>/", views.screening_detail, name="detail"),
    path("<int:pk>/answer/", views.screening_answer, name="answer"),
    path("<int:pk>/result/", views.screening_result, name="result"),
    path("<int:pk>/print/", views.screening_print, name="print"),
    path("<int:pk>/attach/", views.screening_attach, name="attach"),
]
