from celery import shared_task

from imtsocial.accounts.models import User
from imtsocial.accounts.services import user_send_invitation


@shared_task
def send_invitation(user_id: int) -> bool:
    """Send the set-your-password e-mail. Idempotent enough: a repeat sends a fresh link."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    user_send_invitation(user=user)
    return True


@shared_task
def send_invitations(user_ids: list[int]) -> int:
    """``send_invitation`` for a batch of logins (an import queues one task per batch)."""
    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        user_send_invitation(user=user)
        sent += 1
    return sent


@shared_task
def notify_roles_changed(user_id: int) -> int:
    """E-mail the person whose roles changed and the DPO(s) (content-free)."""
    from imtsocial.accounts.notifications import roles_changed

    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    return roles_changed(user=user)


@shared_task
def close_departed_accounts() -> int:
    """Disable the logins of people whose departure date has passed (daily): their open
    sessions end with it (``accounts.sessions``). Superusers are left alone."""
    from django.utils import timezone

    departed = User.objects.filter(
        is_active=True, is_superuser=False, employee__leave_date__lt=timezone.localdate()
    )
    count = 0
    for user in departed:
        user.is_active = False
        user.save(update_fields=["is_active"])
        count += 1
    return count
