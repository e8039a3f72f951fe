"""Register e-mails, queued after commit; each reloads its record by primary key."""

from celery import shared_task

from safety.registers import notifications
from safety.registers.models import DgiReport, RsstEntry, WorkAccident


@shared_task
def notify_rsst(entry_id: int, event: str) -> int:
    entry = (
        RsstEntry.objects.select_related(
            "author__user", "author__manager__user", "work_unit__department__head__user"
        )
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        return 0
    if event == "answered":
        return notifications.rsst_answered(entry)
    return notifications.rsst_written(entry)


@shared_task
def notify_dgi(report_id: int) -> int:
    report = DgiReport.objects.filter(pk=report_id).first()
    return 0 if report is None else notifications.dgi_reported(report)


@shared_task
def notify_accident(accident_id: int) -> int:
    accident = WorkAccident.objects.select_related("work_unit").filter(pk=accident_id).first()
    return 0 if accident is None else notifications.accident_recorded(accident)
