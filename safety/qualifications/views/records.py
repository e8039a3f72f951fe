"""One qualification: its page, recording and editing (prevention), its certificate."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.files import private_file_response
from imtsocial.history import HistorySource, history_rows
from safety.qualifications import perms, services
from safety.qualifications.forms import QualificationForm
from safety.qualifications.models import Qualification


@require_GET
def detail(request, pk):
    qualification = perms.get_qualification_for(request.user, pk)
    if qualification.holder.user_id != request.user.pk:
        AuditEvent.log_view(actor=request.user, obj=qualification, subject=qualification.holder)
    services.with_states([qualification], timezone.localdate())
    history = None
    if perms.can_record(request.user):
        history = history_rows(
            HistorySource(qualification.history.all(), label=lambda record: _("Habilitation")),
            limit=50,
        )
    return render(
        request,
        "safety/qualifications/detail.html",
        {
            "qualification": qualification,
            "can_record": perms.can_record(request.user),
            "history": history,
        },
    )


def _form_page(request, form, title, cancel_url):
    return render(
        request,
        "safety/qualifications/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
    )


@require_http_methods(["GET", "POST"])
def create(request):
    if not perms.can_record(request.user):
        raise PermissionDenied
    form = QualificationForm(request.POST or None, request.FILES or None, instance=Qualification())
    if request.method == "POST" and form.is_valid():
        qualification = services.qualification_save(form=form, by=request.user)
        messages.success(request, _("L'habilitation est enregistrée."))
        return redirect(qualification)
    return _form_page(request, form, _("Nouvelle habilitation"), reverse("qualifications:list"))


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    qualification = perms.get_qualification_for_edit(request.user, pk)
    form = QualificationForm(request.POST or None, request.FILES or None, instance=qualification)
    if request.method == "POST" and form.is_valid():
        try:
            qualification = services.qualification_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'habilitation est modifiée."))
            return redirect(qualification)
    return _form_page(request, form, _("Modifier l'habilitation"), qualification.get_absolute_url())


@require_GET
def certificate(request, pk):
    qualification = perms.get_qualification_for(request.user, pk)
    if not qualification.certificate:
        raise Http404
    if qualification.holder.user_id != request.user.pk:
        AuditEvent.log_download(
            actor=request.user,
            obj=qualification,
            subject=qualification.holder,
            detail=_("attestation"),
        )
    return private_file_response(
        qualification.certificate,
        filename=f"attestation-{qualification.qualification_type.code}-"
        f"{qualification.obtained_on:%Y-%m-%d}.pdf",
        as_attachment=False,
    )
