"""The roles page: a superuser or a role administrator grants and removes the group roles
of a person — never their own — each change journaled and e-mailed (services)."""

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from imtsocial.accounts.forms import PeopleSearchForm, PersonRolesForm
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import GROUP_ROLES, can_manage_roles
from imtsocial.accounts.services import SelfGrantError, user_roles_update
from imtsocial.audit.models import AuditAction, AuditEvent
from imtsocial.collation import by_name
from imtsocial.pagination import paginate

HISTORY_LIMIT = 100


def _require_role_admin(request):
    if not can_manage_roles(request.user):
        raise PermissionDenied


def _role_groups():
    return Prefetch(
        "groups",
        queryset=Group.objects.filter(name__in=[r.value for r in GROUP_ROLES]).order_by("name"),
        to_attr="role_groups",
    )


def _labels(groups) -> list[str]:
    held = {g.name for g in groups}
    return [str(r.label) for r in GROUP_ROLES if r.value in held]


@require_http_methods(["GET"])
def people(request):
    """Every active login with its roles, searchable by name or e-mail."""
    _require_role_admin(request)
    form = PeopleSearchForm(request.GET or None)
    users = User.objects.filter(is_active=True).prefetch_related(_role_groups())
    if form.is_valid() and form.cleaned_data["q"]:
        for word in form.cleaned_data["q"].split():
            users = users.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
    page = paginate(request, users.order_by(*by_name()))
    rows = [{"user": u, "roles": _labels(u.role_groups)} for u in page]
    return render(request, "accounts/people.html", {"form": form, "page": page, "rows": rows})


@require_http_methods(["GET", "POST"])
def person_roles(request, pk):
    """The roles of one person: checkboxes, a confirmation, the history of grants."""
    _require_role_admin(request)
    target = get_object_or_404(User.objects.prefetch_related(_role_groups()), pk=pk)
    is_self = target.pk == request.user.pk
    held = [g.name for g in target.role_groups]
    if request.method == "POST":
        form = PersonRolesForm(request.POST, target=target, by=request.user)
        if form.is_valid():
            try:
                granted, removed = user_roles_update(
                    user=target, roles=form.cleaned_data["roles"], by=request.user
                )
            except SelfGrantError:  # the form refuses it first; kept for other callers
                form.add_error(None, _("Vous ne pouvez pas modifier vos propres rôles."))
            else:
                if granted or removed:
                    messages.success(
                        request,
                        _(
                            "Rôles de %(name)s enregistrés ; la personne et le délégué à "
                            "la protection des données sont prévenus par e-mail."
                        )
                        % {"name": target},
                    )
                else:
                    messages.info(request, _("Aucun rôle n'a changé."))
                return redirect("accounts:person_roles", pk=target.pk)
    else:
        form = PersonRolesForm(initial={"roles": held}, target=target, by=request.user)
    history = AuditEvent.objects.filter(
        object_type=User._meta.label_lower, object_id=str(target.pk), action=AuditAction.CHANGE
    )[:HISTORY_LIMIT]
    return render(
        request,
        "accounts/person_roles.html",
        {
            "target": target,
            "form": form,
            "is_self": is_self,
            "held": _labels(target.role_groups),
            "history": history,
        },
    )
