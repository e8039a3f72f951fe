"""HR imports: upload → preview (dry run in a task) → confirm (import in a task). HR only."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.enums import ImportKind, ImportStatus
from hr.imports import (
    COLUMNS,
    ImportFileError,
    ImportStateError,
    import_job_can_cancel,
    import_job_can_confirm,
    import_job_cancel,
    import_job_create,
    import_job_is_running,
    import_job_progress,
    import_job_request_confirmation,
)
from hr.models import ImportJob
from hr.tasks import analyse_import, run_import
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.pagination import paginate

# The sample files live in one place, docs/samples/, and are served from there.
SAMPLES_DIR = settings.BASE_DIR / "docs" / "samples"
SAMPLES = {
    ImportKind.EMPLOYEES: ["employes.csv", "employes.xlsx"],
    ImportKind.CONTRACTS: ["contrats.csv"],
    ImportKind.SALARIES: ["salaires.csv"],
}
CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BADGES = {
    ImportStatus.PENDING: "fr-badge--info",
    ImportStatus.ANALYSING: "fr-badge--info",
    ImportStatus.READY: "fr-badge--new",
    ImportStatus.INVALID: "fr-badge--error",
    ImportStatus.IMPORTING: "fr-badge--info",
    ImportStatus.DONE: "fr-badge--success",
    ImportStatus.FAILED: "fr-badge--error",
    ImportStatus.CANCELLED: "",
}


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Contenu du fichier"), choices=ImportKind.choices)
    file = forms.FileField(
        label=gettext_lazy("Fichier"),
        help_text=gettext_lazy(
            "CSV (séparateur point-virgule ou virgule, UTF-8 ou Windows-1252) ou XLSX, "
            "10 Mo et 50 000 lignes au plus."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


def _get_job(pk) -> ImportJob:
    # Every HR agent sees every import of the service; others are stopped by the role.
    return get_object_or_404(ImportJob.objects.select_related("created_by", "confirmed_by"), pk=pk)


def _kinds():
    return [
        {"label": label, "columns": ";".join(COLUMNS[value]), "samples": SAMPLES[value]}
        for value, label in ImportKind.choices
    ]


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def import_list(request):
    form = ImportUploadForm()
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                job = import_job_create(
                    kind=form.cleaned_data["kind"],
                    uploaded_file=form.cleaned_data["file"],
                    by=request.user,
                )
            except ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                analyse_import.delay_on_commit(job.pk)
                messages.success(request, _("Fichier déposé : son analyse est en cours."))
                return redirect("hr:import_detail", pk=job.pk)
    jobs = ImportJob.objects.select_related("created_by").order_by("-created_at", "-pk")
    page = paginate(request, jobs, per_page=20)
    for job in page:
        job.badge = BADGES[job.status]
    return render(request, "hr/imports/list.html", {"form": form, "page": page, "kinds": _kinds()})


@require_GET
@role_required(Role.HR)
def import_detail(request, pk):
    job = _get_job(pk)
    summary = job.summary or {}
    counts = [
        ("new", _("Nouvelles lignes"), summary.get("new", 0)),
        ("update", _("Lignes mises à jour"), summary.get("update", 0)),
        ("skip", _("Lignes inchangées"), summary.get("skip", 0)),
        ("invalid", _("Lignes invalides"), summary.get("invalid", 0)),
    ]
    if job.kind == ImportKind.EMPLOYEES:
        label = (
            _("Comptes de connexion créés (invitation envoyée)")
            if job.status == ImportStatus.DONE
            else _("Comptes de connexion à créer (invitation par e-mail)")
        )
        counts.append(("logins", label, summary.get("logins", 0)))
    errors = summary.get("errors", [])
    context = {
        "job": job,
        "badge": BADGES[job.status],
        "running": import_job_is_running(job),
        "progress": import_job_progress(job),
        "analysed": "new" in summary,
        "counts": counts,
        "errors": errors,
        "errors_total": summary.get("errors_total", len(errors)),
        "message": summary.get("message", ""),
        "can_confirm": import_job_can_confirm(job),
        "can_cancel": import_job_can_cancel(job),
        "samples": SAMPLES[job.kind],
        "columns": ";".join(COLUMNS[job.kind]),
    }
    return render(request, "hr/imports/detail.html", context)


@require_GET
@never_cache
@role_required(Role.HR)
def import_status(request, pk):
    return JsonResponse(import_job_progress(_get_job(pk)))


@require_POST
@role_required(Role.HR)
def import_confirm(request, pk):
    job = _get_job(pk)
    try:
        import_job_request_confirmation(job=job, by=request.user)
    except ImportStateError as exc:
        messages.error(request, str(exc))
    else:
        run_import.delay_on_commit(job.pk, request.user.pk)
        messages.success(request, _("Import confirmé : l'enregistrement est en cours."))
    return redirect("hr:import_detail", pk=job.pk)


@require_POST
@role_required(Role.HR)
def import_cancel(request, pk):
    job = _get_job(pk)
    try:
        import_job_cancel(job=job, by=request.user)
    except ImportStateError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Import annulé : rien n'a été enregistré."))
    return redirect("hr:import_detail", pk=job.pk)


@require_GET
@role_required(Role.HR)
def import_sample(request, name):
    if not any(name in names for names in SAMPLES.values()):
        raise Http404
    path = SAMPLES_DIR / name
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=CONTENT_TYPES[path.suffix],
    )
