from django.shortcuts import render
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.audit.forms import JournalFilterForm
from imtsocial.audit.models import AuditEvent
from imtsocial.pagination import paginate


@require_GET
@role_required(Role.DPO)
def journal(request):
    """Who opened which sensitive record, for the data-protection officer."""
    form = JournalFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_valid():
        data = form.cleaned_data
        if data["actor"]:
            events = events.filter(actor_label__icontains=data["actor"])
        if data["subject"]:
            events = events.filter(subject_label__icontains=data["subject"])
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["start"]:
            events = events.filter(at__date__gte=data["start"])
        if data["end"]:
            events = events.filter(at__date__lte=data["end"])
    return render(request, "audit/journal.html", {"form": form, "page": paginate(request, events)})
