from django.urls import path

from laborlens.accounts import views

app_name = "accounts"

urlpatterns = [
    path("notice/", views.notice, name="notice"),
    path("login/", views.login_view, name="login"),
    path("mfa/", views.mfa_view, name="mfa"),
    path("mfa/enrol/", views.mfa_enrol, name="mfa_enrol"),
    path("logout/", views.logout_view, name="logout"),
    path("reauth/", views.reauth, name="reauth"),
    path("device-key/", views.device_key, name="device_key"),
    path("me/", views.my_account, name="me"),
    path("users/", views.user_list, name="user_list"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/", views.user_detail, name="user_detail"),
    path("agency/policy/", views.agency_policy, name="agency_policy"),
]
