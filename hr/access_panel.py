"""« Qui a consulté mon dossier »: the panel of « Mon dossier » that lists who opened the
person's file, salary, evaluation, coaching record, aid file or documents, and when
(RULES.md §6: the journal is kept three years, the panel shows what it keeps).

Only the person concerned sees it (``None`` for HR, the manager and everyone else, who
open the same page). Registered in ``hr.panels.file_panels``; paginated, two queries."""

from imtsocial.audit.models import AuditEvent
from imtsocial.pagination import paginate

PER_PAGE = 20


def access_panel(request, employee) -> dict | None:
    if employee.user_id is None or employee.user_id != request.user.pk:
        return None
    reads = AuditEvent.objects.reads_of(employee=employee, user=request.user)
    return {
        "template": "hr/components/access_panel.html",
        "page": paginate(request, reads, per_page=PER_PAGE),
    }
