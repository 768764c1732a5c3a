"""Sign in and sign out, on Django's own auth views with NHS.UK templates."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views

from triplewin.accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(page_title="Sign in", nav="sign-in", form_has_errors=bool(form.errors))
        return context


class SignOutView(auth_views.LogoutView):
    pass
