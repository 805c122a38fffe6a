from django.urls import path

from laborlens.victims import views

app_name = "victims"

urlpatterns = [
    path("", views.record_list, name="list"),
    path("new/", views.record_open, name="open"),
    path("<int:pk>/", views.record_detail, name="detail"),
    path("<int:pk>/edit/", views.record_edit, name="edit"),
    path("<int:pk>/needs/", views.need_save, name="need"),
    path("<int:pk>/consent/", views.consent_create, name="consent"),
    path("<int:pk>/refer/", views.referral_create, name="refer"),
    path("<int:victim>/relief/new/", views.relief_edit, name="relief_new"),
    path("relief/<int:pk>/", views.relief_edit, name="relief_edit"),
    path("relief/guide/", views.relief_guide, name="relief_guide"),
    path("consents/<int:pk>/print/", views.consent_print, name="consent_print"),
    path("consents/<int:pk>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("directory/", views.directory, name="directory"),
    path("directory/new/", views.partner_edit, name="partner_new"),
    path("directory/<int:pk>/", views.partner_edit, name="partner_edit"),
    path("referrals/", views.queue, name="queue"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("referrals/<int:pk>/action/", views.referral_action, name="referral_action"),
]
