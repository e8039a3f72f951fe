"""Evaluation background tasks: thin, idempotent, queued after commit."""

from celery import shared_task

from hr.evaluations import notifications, pdf
from hr.evaluations.models import EvaluationInterview


def _interview(pk):
    return (
        EvaluationInterview.objects.select_related(
            "campaign", "employee__user", "evaluator__user", "endorser__user"
        )
        .filter(pk=pk)
        .first()
    )


@shared_task
def notify_interview_changed(interview_id: int, audience: str) -> int:
    interview = _interview(interview_id)
    if interview is None:
        return 0
    return notifications.interview_changed(interview=interview, audience=audience)


@shared_task
def render_interview_pdf(interview_id: int) -> str:
    """The report as the employee will keep it; re-rendered after each step."""
    interview = _interview(interview_id)
    if interview is None:
        return ""
    return pdf.interview_render(interview)


@shared_task
def remind_evaluators() -> int:
    """Weekly (beat): evaluators whose campaign deadline is near, and HR."""
    return notifications.evaluators_remind()
