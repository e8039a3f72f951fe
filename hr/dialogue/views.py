"""Social-dialogue pages: the calendar of coming meetings and elections, the bodies
with their members and meetings, the minutes; HR adds mandates and meetings."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hr.dialogue import forms, perms
from hr.dialogue.models import Body, Election, Mandate, Meeting
from hr.dialogue.names import BodyNames
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.files import private_file_response
from imtsocial.pagination import paginate

READERS = (Role.EMPLOYEE, Role.HR, Role.DIRECTOR)


@require_GET
@role_required(*READERS)
def calendar(request):
    today = timezone.localdate()
    meetings = Meeting.objects.filter(date__gte=today).order_by("date", "pk")
    page = paginate(request, meetings)
    names = BodyNames()
    for meeting in page:
        meeting.body_name = names.at(meeting.body_id, meeting.date)
    return render(
        request,
        "dialogue/calendar.html",
        {"page": page, "elections": Election.objects.filter(date__gte=today).order_by("date")},
    )


@require_GET
@role_required(*READERS)
def body_list(request):
    today = timezone.localdate()
    bodies = list(Body.objects.filter(active=True).order_by("kind", "code"))
    names = BodyNames()
    for body in bodies:
        body.name = names.at(body.pk, today)
    return render(request, "dialogue/body_list.html", {"bodies": bodies})


@require_GET
def body_detail(request, pk):
    body = perms.get_body_for(request.user, pk)
    today = timezone.localdate()
    names = BodyNames()
    members = (
        body.mandates.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("employee")
        .order_by("kind", "employee__last_name", "member_name")
    )
    meetings = paginate(request, body.meetings.order_by("-date", "-pk"))
    for meeting in meetings:
        meeting.body_name = names.at(body.pk, meeting.date)
    return render(
        request,
        "dialogue/body_detail.html",
        {
            "body": body,
            "name": names.at(body.pk, today),
            "names": names.history(body.pk),
            "members": members,
            "page": meetings,
            "can_manage": perms.can_manage(request.user),
        },
    )


@require_GET
def minutes_download(request, pk):
    meeting = perms.get_meeting_for(request.user, pk)
    return private_file_response(
        meeting.minutes,
        filename=f"pv-{meeting.body.code}-{meeting.date:%Y-%m-%d}.pdf",
        as_attachment=False,
    )


def _form_page(request, body, form, title):
    return render(
        request,
        "dialogue/form.html",
        {"form": form, "title": title, "body": body, "cancel_url": body.get_absolute_url()},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def mandate_add(request, pk):
    body = perms.get_body_for(request.user, pk)
    form = forms.MandateForm(request.POST or None, instance=Mandate(body=body))
    if request.method == "POST" and form.is_valid():
        mandate = form.save(commit=False)
        mandate._history_user = request.user
        mandate.save()
        messages.success(request, _("Le mandat est enregistré."))
        return redirect(body)
    return _form_page(request, body, form, _("Nouveau mandat"))


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def meeting_add(request, pk):
    body = perms.get_body_for(request.user, pk)
    form = forms.MeetingForm(
        request.POST or None, request.FILES or None, instance=Meeting(body=body)
    )
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting._history_user = request.user
        meeting.save()
        messages.success(request, _("La réunion est enregistrée."))
        return redirect(body)
    return _form_page(request, body, form, _("Nouvelle réunion"))
