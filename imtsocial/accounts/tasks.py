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
