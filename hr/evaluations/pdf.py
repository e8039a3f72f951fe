"""The interview report as a PDF (rendered by the worker, ``tasks.render_interview_pdf``)."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction

from hr.evaluations.models import EvaluationInterview
from imtsocial.pdf import render_pdf


def interview_render(interview: EvaluationInterview) -> str:
    """Render the report of the interview as it is now; returns the SHA-256 checksum.

    Idempotent: a PDF already made for this version is kept."""
    if interview.pdf_ready:
        return interview.pdf_checksum
    content = render_pdf("pdf/evaluation_report.html", {"interview": interview})
    checksum = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        row = EvaluationInterview.objects.select_for_update().get(pk=interview.pk)
        if row.version != interview.version:  # a later step will render its own
            return ""
        old = row.pdf.name if row.pdf else ""
        row.pdf.save(f"entretien-{row.campaign_id}-{row.pk}.pdf", ContentFile(content), save=False)
        row.pdf_checksum, row.pdf_of_version = checksum, row.version
        EvaluationInterview.objects.filter(pk=row.pk).update(
            pdf=row.pdf.name, pdf_checksum=checksum, pdf_of_version=row.version
        )
    if old and old != row.pdf.name:
        row.pdf.storage.delete(old)
    return checksum
