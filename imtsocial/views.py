from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language
from kombu import Connection

from imtsocial.accounts.roles import roles_of
from imtsocial.myspace import sections_for


def home(request):
    """« Mon espace »: what the person must do next, per role."""
    sections = sections_for(request)
    todo_count = sum(len(section.todo) for section in sections)
    return render(
        request,
        "home.html",
        {"sections": sections, "todo_count": todo_count, "has_role": bool(roles_of(request.user))},
    )


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return "error"
    return "ok"


def _broker_state() -> str:
    from imtsocial.celery import app

    if app.conf.task_always_eager:
        # Tasks in the web process: fine for the embedded demo mode, never in
        # production (a PDF or an import would run inside a request).
        return "inline" if settings.EMBEDDED else "error"
    try:
        with Connection(app.conf.broker_url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        return "error"
    return "ok"


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """Database and broker state, for load balancers and docker healthchecks."""
    state = {"database": _database_state(), "broker": _broker_state()}
    healthy = "error" not in state.values()
    state["status"] = "ok" if healthy else "error"
    return JsonResponse(state, status=200 if healthy else 503)


@login_not_required
@require_POST
def set_language(request):
    """Django's language switch, remembered on the account of a signed-in person."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if (
        user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and user.preferred_language != language
    ):
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response
