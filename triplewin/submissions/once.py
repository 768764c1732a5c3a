"""One-time create forms: however often a create form is sent, it saves once.

Three pieces, used together by every view that creates a record from a form:

- the page renders `{{ submission_token() }}` inside the form (a Jinja global): a hidden,
  signed, single-use token for this person and this form's address;
- the view is wrapped in `@one_time_form`. On a post it first looks the token up: a copy of a
  post that was saved (a double click, a resend after a timeout, a second tab) is sent where
  the first one went, with "This was already saved.";
- the view calls its create service inside `with saving_once(request):`. A missing, expired or
  forged token is refused there, as a ValidationError the view shows next to the form. Else
  the block opens the transaction the record is saved in, and spends the token in it first,
  by inserting its unique nonce: a copy arriving at the same moment waits on that insert
  until the first commits, and then fails it and is sent on like a later copy. The
  transaction stays open until the view has answered, so that where it sent the person is
  stored with the spent token; if anything fails, all of it rolls back and the token can be
  used again. The form is checked before the block, outside the transaction.

`tests/test_every_create_form.py` fails for a create view that is not wrapped; ADR 0017.
"""

from __future__ import annotations

import functools
import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.transaction import Atomic
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from triplewin.submissions import services, tokens
from triplewin.submissions.models import SpentToken

ALREADY_SAVED = "This was already saved."
MARK = "one_time_form"

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass
class _Post:
    user: User | None
    purpose: str
    nonce: str | None
    problem: str = ""
    # Set once `saving_once` has saved: the open transaction and the token spent in it.
    saving: Atomic | None = None
    token: SpentToken | None = None


# The post being handled for each request; weak, so a finished request leaves nothing behind.
_POSTS: weakref.WeakKeyDictionary[HttpRequest, _Post] = weakref.WeakKeyDictionary()


class _Taken(Exception):
    pass


def _user(request: HttpRequest) -> User | None:
    user = getattr(request, "user", None)
    return user if isinstance(user, User) else None


def _read(request: HttpRequest) -> _Post:
    user = _user(request)
    post = _Post(user=user, purpose=request.path, nonce=None)
    raw = request.POST.get(tokens.FIELD, "")
    try:
        post.nonce = tokens.nonce_of(raw, user_id=user.pk if user else None, purpose=request.path)
    except tokens.BadToken as problem:
        post.problem = str(problem)
    return post


def _already_saved(request: HttpRequest, spent: SpentToken | None) -> HttpResponse:
    target = spent.redirect_to if spent is not None else ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    messages.info(request, ALREADY_SAVED)
    return HttpResponseRedirect(target or request.path)


def _spent(post: _Post) -> SpentToken | None:
    return services.spent_token(nonce=post.nonce) if post.nonce is not None else None


def _went_to(request: HttpRequest, response: HttpResponse) -> str:
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        return str(response["Location"])
    return request.get_full_path()


def one_time_form(view: View) -> View:
    """Save a create form at most once per token; see the module docstring."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        post = _read(request)
        spent = _spent(post)
        if spent is not None:
            return _already_saved(request, spent)
        _POSTS[request] = post
        try:
            response = view(request, *args, **kwargs)
        except _Taken:
            return _already_saved(request, _spent(post))
        except BaseException:
            if post.saving is not None:
                post.saving.__exit__(*sys.exc_info())
            raise
        finally:
            _POSTS.pop(request, None)
        if post.saving is None:
            # Not saved here; a copy may have been saved while this one was being checked.
            spent = _spent(post)
            return response if spent is None else _already_saved(request, spent)
        try:
            assert post.token is not None
            services.token_finish(token=post.token, redirect_to=_went_to(request, response))
        except BaseException:
            post.saving.__exit__(*sys.exc_info())
            raise
        post.saving.__exit__(None, None, None)
        return response

    setattr(wrapper, MARK, True)
    return cast(View, wrapper)


def is_one_time(view: Callable[..., Any]) -> bool:
    return getattr(view, MARK, False) is True


@contextmanager
def saving_once(request: HttpRequest) -> Iterator[None]:
    """Wrap the create service call: refuses a bad token, else saves in the token's transaction.

    In a view that is not one-time it does nothing, so an add-or-edit helper shared by both
    kinds of view can always call it.
    """
    post = _POSTS.get(request)
    if post is None or post.saving is not None:
        yield
        return
    if post.problem or post.nonce is None:
        raise ValidationError(post.problem or tokens.UNREADABLE)
    # Entered here and left by `one_time_form` once the view has answered.
    saving = transaction.atomic()
    saving.__enter__()
    try:
        try:
            post.token = services.token_spend(
                nonce=post.nonce, user=post.user, purpose=post.purpose
            )
        except IntegrityError:
            raise _Taken from None
        yield
    except BaseException:
        saving.__exit__(*sys.exc_info())
        raise
    post.saving = saving


@pass_context
def submission_token(context: Context, action: str | None = None) -> Markup:
    """The hidden one-time token for a form posting to `action` (this page by default)."""
    request = context.get("request")
    if not isinstance(request, HttpRequest):
        return Markup("")
    user = _user(request)
    purpose = urlsplit(action).path if action else request.path
    token = tokens.mint(user_id=user.pk if user else None, purpose=purpose)
    return Markup('<input type="hidden" name="{}" value="{}">').format(tokens.FIELD, escape(token))
