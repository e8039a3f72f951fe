"""The import pages, the same for every importer: upload → preview → confirm.

Each person sees the importers of their roles and the jobs of those importers only
(another importer's job answers 404)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.errors import DomainError
from imtsocial.formats import filesize
from imtsocial.imports import registry, services
from imtsocial.imports.messages import shown
from imtsocial.imports.models import ImportJob
from imtsocial.imports.tasks import analyse_import, run_import
from imtsocial.pagination import paginate

# The sample files live in one place, docs/samples/, and are served from there.
SAMPLES_DIR = settings.BASE_DIR / "docs" / "samples"
CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Contenu du fichier"))
    file = forms.FileField(
        label=gettext_lazy("Fichier"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, importers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(i.key, i.label) for i in importers]
        if len(importers) == 1:
            self.fields["kind"].initial = importers[0].key
        self.fields["file"].help_text = _(
            "CSV (séparateur point-virgule ou virgule, UTF-8 ou Windows-1252) ou XLSX, "
            "%(size)s et %(rows)s lignes au plus."
        ) % {
            "size": filesize(settings.IMPORT_MAX_BYTES),
            "rows": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", " "),
        }


def _importers(request):
    """The importers of the person's roles; none: 403, like a page of another role."""
    importers = registry.importers_for(request.user)
    if not importers:
        raise PermissionDenied
    return importers


def _jobs_for(request):
    keys = [importer.key for importer in _importers(request)]
    return ImportJob.objects.filter(kind__in=keys).select_related("created_by", "confirmed_by")


def _get_job(request, pk) -> ImportJob:
    """One scoped fetch: the jobs of the person's importers only."""
    return get_object_or_404(_jobs_for(request), pk=pk)


@require_http_methods(["GET", "POST"])
def import_list(request):
    importers = _importers(request)
    wanted = request.GET.get("contenu")
    form = ImportUploadForm(importers=importers, initial={"kind": wanted} if wanted else None)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, importers=importers)
        if form.is_valid():
            try:
                job = services.import_job_create(
                    kind=form.cleaned_data["kind"],
                    uploaded_file=form.cleaned_data["file"],
                    by=request.user,
                )
            except DomainError as error:
                error.add_to_form(form)
            else:
                analyse_import.delay_on_commit(job.pk)
                messages.success(request, _("Fichier déposé : son analyse est en cours."))
                return redirect("imports:detail", pk=job.pk)
    jobs = _jobs_for(request).order_by("-created_at", "-pk")
    return render(
        request,
        "imports/list.html",
        {"form": form, "page": paginate(request, jobs, per_page=20), "importers": importers},
    )


@require_GET
def import_detail(request, pk):
    job = _get_job(request, pk)
    summary = job.summary or {}
    counts = [
        ("new", _("Nouvelles lignes"), summary.get("new", 0)),
        ("update", _("Lignes mises à jour"), summary.get("update", 0)),
        ("skip", _("Lignes inchangées"), summary.get("skip", 0)),
        ("invalid", _("Lignes invalides"), summary.get("invalid", 0)),
    ]
    counts += job.importer.resource.extra_counts(job)
    # Each error in the reader's language (stored as a msgid and its parameters).
    errors = [{**error, "message": shown(error)} for error in summary.get("errors", [])]
    return render(
        request,
        "imports/detail.html",
        {
            "job": job,
            "importer": job.importer,
            "progress": services.import_job_progress(job),
            "analysed": "new" in summary,
            "counts": counts,
            "errors": errors,
            "errors_total": summary.get("errors_total", len(errors)),
            "message": summary.get("message", ""),
            "clean": job.can_confirm and not errors,
        },
    )


@require_GET
@never_cache
def import_status(request, pk):
    return JsonResponse(services.import_job_progress(_get_job(request, pk)))


@require_POST
def import_confirm(request, pk):
    job = _get_job(request, pk)
    try:
        services.import_job_request_confirmation(job=job, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        run_import.delay_on_commit(job.pk, request.user.pk)
        messages.success(request, _("Import confirmé : l'enregistrement est en cours."))
    return redirect("imports:detail", pk=job.pk)


@require_POST
def import_cancel(request, pk):
    job = _get_job(request, pk)
    try:
        services.import_job_cancel(job=job, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Import annulé : rien n'a été enregistré."))
    return redirect("imports:detail", pk=job.pk)


@require_GET
def import_sample(request, name):
    allowed = {sample for importer in _importers(request) for sample in importer.samples}
    if name not in allowed:
        raise Http404
    path = SAMPLES_DIR / name
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type=CONTENT_TYPES[path.suffix]
    )
