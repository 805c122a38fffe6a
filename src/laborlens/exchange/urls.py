from django.urls import path

from laborlens.exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.index, name="index"),
    path("htcds.csv", views.htcds_download, {"fmt": "csv"}, name="htcds_csv"),
    path("htcds.json", views.htcds_download, {"fmt": "json"}, name="htcds_json"),
    path("nibrs.json", views.nibrs_download, {"fmt": "json"}, name="nibrs_json"),
    path("nibrs.zip", views.nibrs_download, {"fmt": "csv"}, name="nibrs_zip"),
    path("nibrs.xml", views.nibrs_download, {"fmt": "xml"}, name="nibrs_xml"),
    path("nibrs/check/", views.nibrs_check, name="nibrs_check"),
    path("htcds/import/", views.htcds_import, name="htcds_import"),
]
