"""Sessions: ended when a login is disabled; re-authentication after a long idle.

- ``end_sessions_of(user)`` deletes every open session of ``user`` (database sessions);
  called when the account is disabled (``is_active`` turns False: the ``post_save``
  signal of ``imtsocial.accounts.apps``) and, through that, when the daily task closes the
  logins of people whose departure date has passed (``accounts.tasks``).
- ``note_activity`` / ``reauthentication_redirect``: a request that comes more than
  ``IDLE_REAUTH_SECONDS`` after the previous one marks the session idle; the pages of
  ``IDLE_REAUTH_VIEWS`` then ask for allauth's reauthentication, and only a fresh
  authentication (password or second factor) clears the mark.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.sessions.models import Session
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

LAST_SEEN = "imtsocial.last_seen"
IDLE_SINCE = "imtsocial.idle_detected_at"
# The last activity is written at most this often (a session write per page otherwise).
_ACTIVITY_GRANULARITY = 30


def end_sessions_of(user) -> int:
    """Delete the open sessions of ``user``; returns how many were ended."""
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    wanted = str(user.pk)
    ended = []
    for key, data in (
        Session.objects.filter(expire_date__gt=timezone.now())
        .values_list("session_key", "session_data")
        .iterator()
    ):
        if str(store.decode(data).get("_auth_user_id")) == wanted:
            ended.append(key)
    if ended:
        Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def note_activity(request) -> None:
    """Record the activity of this request; mark the session when it follows a long idle."""
    now = time.time()
    session = request.session
    last_seen = session.get(LAST_SEEN)
    if last_seen is not None and now - last_seen > settings.IDLE_REAUTH_SECONDS:
        session.setdefault(IDLE_SINCE, now)
    if last_seen is None or now - last_seen >= _ACTIVITY_GRANULARITY:
        session[LAST_SEEN] = now


def _last_authentication_at(request) -> float:
    from allauth.account.authentication import get_authentication_records

    records = get_authentication_records(request, request.user)
    return max((record.get("at", 0) for record in records), default=0)


def reauthentication_redirect(request):
    """The redirect to allauth's reauthentication when the session was idle, else None."""
    idle_since = request.session.get(IDLE_SINCE)
    if idle_since is None:
        return None
    if _last_authentication_at(request) >= idle_since:
        del request.session[IDLE_SINCE]
        return None
    query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
    return HttpResponseRedirect(f"{reverse('account_reauthenticate')}?{query}")
