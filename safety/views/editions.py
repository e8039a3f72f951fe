"""The yearly editions: publication (advisor), list, detail, diff, PDF download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from imtsocial.files import private_file_response
from safety import perms, services, stats
from safety.enums import Priority
from safety.forms import EditionPublishForm
from safety.models import DuerpEdition

READER_ROLES = (Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR)


@require_GET
@role_required(*READER_ROLES)
def edition_list(request):
    editions = DuerpEdition.objects.select_related("published_by").defer("snapshot", "method")
    return render(
        request,
        "safety/edition_list.html",
        {"editions": editions, "can_publish": perms.can_publish(request.user)},
    )


@require_GET
@role_required(*READER_ROLES)
def edition_detail(request, pk):
    edition = perms.get_edition_for(request.user, pk)
    previous = (
        DuerpEdition.objects.filter(published_at__lt=edition.published_at)
        .defer("snapshot", "method")
        .order_by("-published_at")
        .first()
    )
    return render(
        request,
        "safety/edition_detail.html",
        {
            "edition": edition,
            "previous": previous,
            "summary": stats.snapshot_summary(edition.snapshot),
            "priority_totals": stats.snapshot_priority_totals(edition.snapshot),
            "priorities": Priority.choices,
            "budget": stats.snapshot_budget(edition.snapshot),
            "ready": edition.is_ready,
        },
    )


@require_GET
@role_required(*READER_ROLES)
def edition_diff(request, pk):
    edition = perms.get_edition_for(request.user, pk)
    previous = (
        DuerpEdition.objects.filter(published_at__lt=edition.published_at)
        .order_by("-published_at")
        .first()
    )
    diff = stats.edition_diff(previous.snapshot if previous else None, edition.snapshot)
    return render(
        request,
        "safety/edition_diff.html",
        {"edition": edition, "previous": previous, "diff": diff},
    )


@require_GET
@role_required(*READER_ROLES)
def edition_download(request, pk):
    edition = perms.get_edition_for(request.user, pk)
    return private_file_response(edition.pdf, filename=edition.filename)


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def edition_publish(request):
    if not perms.can_publish(request.user):
        raise PermissionDenied
    form = EditionPublishForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            edition = services.edition_publish(
                year=form.cleaned_data["year"], note=form.cleaned_data["note"], by=request.user
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request,
                _("%(edition)s publiée : le PDF est en préparation.") % {"edition": edition},
            )
            return redirect(edition)
    return render(
        request,
        "safety/form.html",
        {
            "form": form,
            "title": _("Publier l'édition annuelle du DUERP"),
            "intro": _(
                "La publication fige l'état actuel de tous les risques et de toutes les actions. "
                "Une édition publiée ne peut plus être modifiée : une correction se fait par une "
                "nouvelle édition."
            ),
            "submit_label": _("Publier"),
            # Publishing freezes the edition for good: the person confirms in a dialog.
            "confirm_title": _("Publier l'édition du DUERP ?"),
            "confirm_text": _(
                "L'édition sera figée et diffusée ; elle ne pourra plus être modifiée ni supprimée."
            ),
            "confirm_label": _("Oui, publier l'édition"),
            "cancel_url": "safety:edition_list",
        },
    )
