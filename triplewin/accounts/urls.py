from django.urls import path

from triplewin.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("sso/<slug:slug>/", views.sso_start, name="sso-start"),
]
