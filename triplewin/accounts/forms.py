from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm
from django import forms

from triplewin.config.forms import InputGuard


class SignInForm(InputGuard, LoginForm):
    """allauth's sign-in form (so throttling, two-factor and sessions apply), in our words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Email address"
        login.widget = forms.EmailInput(attrs={"autocomplete": "username"})
        login.error_messages["required"] = "Enter your email address."
        login.error_messages["invalid"] = "Enter an email address, like name@example.nhs.uk."
        password = self.fields["password"]
        password.help_text = ""
        password.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
        password.error_messages["required"] = "Enter your password."
