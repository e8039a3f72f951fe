"""Skills pages: the skill list (HR), a person's skills (the person, their manager, HR;
HR edits), and the critical skills at risk (HR with names, the director counts)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.skills import forms, perms, stats
from hr.skills.models import EmployeeSkill, Skill
from hr.skills.parameters import HORIZON_YEARS
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.pagination import paginate


@require_GET
@role_required(Role.HR)
def skill_list(request):
    skills = Skill.objects.order_by("-critical", "name")
    return render(request, "skills/skill_list.html", {"page": paginate(request, skills)})


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def skill_edit(request, pk=None):
    skill = get_object_or_404(Skill, pk=pk) if pk else Skill()
    form = forms.SkillForm(request.POST or None, instance=skill)
    if request.method == "POST" and form.is_valid():
        skill = form.save(commit=False)
        skill._history_user = request.user
        skill.save()
        messages.success(request, _("La compétence est enregistrée."))
        return redirect("skills:skill_list")
    title = _("Modifier la compétence") if pk else _("Nouvelle compétence")
    return render(request, "skills/form.html", {"form": form, "title": title})


@require_GET
@role_required(Role.EMPLOYEE)
def my_skills(request):
    return redirect("skills:person", pk=employee_of(request.user).pk)


@require_http_methods(["GET", "POST"])
def person(request, pk):
    employee = perms.get_person_for(request.user, pk)
    if request.method == "GET" and employee.user_id != request.user.pk:
        AuditEvent.log_view(
            actor=request.user, obj=employee, subject=employee, detail=_("compétences")
        )
    can_manage = perms.can_manage(request.user)
    form = forms.EmployeeSkillForm(request.POST or None, employee=employee)
    if request.method == "POST":
        if not can_manage:
            messages.error(request, _("Les compétences sont tenues par les ressources humaines."))
            return redirect("skills:person", pk=employee.pk)
        if form.is_valid():
            held = form.save(commit=False)
            held._history_user = request.user
            held.save()
            messages.success(request, _("La compétence est ajoutée."))
            return redirect("skills:person", pk=employee.pk)
    skills = employee.skills.select_related("skill").order_by("skill__name")
    return render(
        request,
        "skills/person.html",
        {
            "employee": employee,
            "page": paginate(request, skills),
            "form": form if can_manage else None,
        },
    )


@require_POST
@role_required(Role.HR)
def person_skill_remove(request, pk):
    held = get_object_or_404(EmployeeSkill, pk=pk)
    held.delete()
    messages.success(request, _("La compétence est retirée."))
    return redirect("skills:person", pk=held.employee_id)


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def critical(request):
    today = timezone.localdate()
    form = forms.HorizonForm(request.GET or None)
    years = form.cleaned_data["years"] if form.is_valid() else HORIZON_YEARS.at(today)
    rows, few = stats.critical_skills(at=today, horizon_years=years)
    widest = max([row.count for row in rows] + [1])
    chart = [
        {
            "name": row.skill.name,
            "count": row.count,
            "remaining": row.remaining,
            "now_width": round(300 * row.count / widest),
            "then_width": round(300 * row.remaining / widest),
            "y": 30 * index,
        }
        for index, row in enumerate(rows)
    ]
    return render(
        request,
        "skills/critical.html",
        {
            "form": form,
            "years": years,
            "rows": rows,
            "at_risk": stats.at_risk(rows, few),
            "few": few,
            "chart": chart,
            "chart_height": 30 * len(chart) + 10,
            "names": perms.can_see_holders(request.user),
        },
    )
