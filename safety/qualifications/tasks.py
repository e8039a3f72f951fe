"""The daily reminder of expiring and expired qualifications (Celery beat).

A qualification is reminded once when its notice period starts (its type's
``notice_days`` in force today) and once when it has expired — for an expiry at most
that many days ago, so that records of years past do not wake up. Nothing is sent for a
qualification already renewed (the holder has a later one of the same type) or for
someone who has left. At most one message per qualification and threshold: the
``QualificationReminder`` row is written first, the e-mails go after its commit."""

from datetime import timedelta

from celery import shared_task
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hr.models import Employee
from safety.qualifications import notifications, services
from safety.qualifications.enums import Threshold
from safety.qualifications.models import Qualification, QualificationReminder


def due_reminders(today):
    """(qualification, threshold) pairs to remind ``today``, without those already sent."""
    notices = services.notice_days_at(today)
    if not notices:
        return []
    window = Q(pk__in=[])
    for type_id, days in notices.items():
        window |= Q(
            qualification_type_id=type_id,
            expires_on__gte=today - timedelta(days=days),
            expires_on__lte=today + timedelta(days=days),
        )
    candidates = (
        services.not_renewed(
            Qualification.objects.filter(window, holder__in=Employee.objects.active(today))
        )
        .select_related("holder__user", "holder__manager__user")
        .order_by("pk")
    )
    sent = set(
        QualificationReminder.objects.filter(qualification__in=candidates).values_list(
            "qualification_id", "threshold", "expires_on"
        )
    )
    result = []
    for qualification in candidates:
        threshold = Threshold.EXPIRED if qualification.expires_on < today else Threshold.NOTICE
        if (qualification.pk, threshold, qualification.expires_on) not in sent:
            result.append((qualification, threshold))
    return result


@shared_task
def remind_expiring_qualifications() -> int:
    """Returns the number of qualifications reminded."""
    today = timezone.localdate()
    count = 0
    for qualification, threshold in due_reminders(today):
        try:
            with transaction.atomic():
                QualificationReminder.objects.create(
                    qualification=qualification,
                    threshold=threshold,
                    expires_on=qualification.expires_on,
                    sent_on=today,
                )
                transaction.on_commit(
                    lambda q=qualification: notifications.expiry_reminder(qualification=q)
                )
        except IntegrityError:
            continue  # another run reminded it meanwhile
        count += 1
    return count
