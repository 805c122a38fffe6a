from django.urls import path

from laborlens.screening import pwa, views

app_name = "screening"

urlpatterns = [
    path("", views.screening_list, name="list"),
    path("new/", views.screening_new, name="start"),
    path("guide/", views.guide, name="guide"),
    path("read-aloud/", views.read_aloud, name="read_aloud"),
    path("field/", pwa.field, name="field"),
    path("field/catalogue.json", pwa.field_catalogue_json, name="field_catalogue"),
    path("field/token/", pwa.field_token, name="field_token"),
    path("<int:pk>/", views.screening_detail, name="detail"),
    path("<int:pk>/answer/", views.screening_answer, name="answer"),
    path("<int:pk>/result/", views.screening_result, name="result"),
    path("<int:pk>/print/", views.screening_print, name="print"),
    path("<int:pk>/attach/", views.screening_attach, name="attach"),
    path("<int:pk>/send/", views.screening_send, name="send"),
    path("<int:pk>/handled/", views.screening_handled, name="handled"),
]
