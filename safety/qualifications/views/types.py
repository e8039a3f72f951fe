"""The qualification types, kept by the prevention advisor (their validities are dated
rows of « Référentiels »)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.pagination import paginate
from safety.perms import is_advisor
from safety.qualifications import perms
from safety.qualifications.forms import QualificationTypeForm
from safety.qualifications.models import QualificationType, QualificationValidity


@require_GET
def type_list(request):
    if not perms.can_record(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    validities = {
        row.qualification_type_id: row for row in QualificationValidity.objects.in_force(today)
    }
    page = paginate(request, QualificationType.objects.order_by("name"))
    for kind in page.object_list:
        kind.validity = validities.get(kind.pk)
    return render(
        request,
        "safety/qualifications/type_list.html",
        {"page": page, "can_manage": is_advisor(request.user)},
    )


@require_http_methods(["GET", "POST"])
def type_edit(request, pk=None):
    if not is_advisor(request.user):
        raise Http404 if pk else PermissionDenied
    kind = get_object_or_404(QualificationType, pk=pk) if pk else QualificationType()
    form = QualificationTypeForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        kind = form.save(commit=False)
        kind._history_user = request.user
        kind.save()
        messages.success(
            request,
            _("Le type est enregistré. Sa durée de validité se règle dans « Référentiels »."),
        )
        return redirect("qualifications:types")
    return render(
        request,
        "safety/qualifications/form.html",
        {
            "form": form,
            "title": _("Modifier le type d'habilitation")
            if pk
            else _("Nouveau type d'habilitation"),
            "cancel_url": reverse("qualifications:types"),
        },
    )
