"""The skills panel of the employee file (the person, their manager and HR see the file;
registered in ``hr.panels.file_panels``). One query."""

from django.urls import reverse


def skills_panel(request, employee) -> dict:
    held = list(employee.skills.select_related("skill").order_by("skill__name")[:20])
    return {
        "template": "skills/components/panel.html",
        "skills": held,
        "url": reverse("skills:person", args=[employee.pk]),
    }
