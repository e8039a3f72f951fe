"""Training e-mails: a decision to take, or a decision taken; they invite the person to
log in and say nothing more."""

from django.utils.translation import gettext as _

from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email


def enrolment_changed(*, enrolment: Enrolment, audience: str) -> int:
    if audience == "employee":
        recipients = [email_of(enrolment.employee)]
    elif enrolment.employee.manager is not None:
        recipients = [email_of(enrolment.employee.manager)]
    else:
        recipients = [user.email for user in members_of(Role.HR)]
    return send_email(
        recipients,
        _("[imtsocial] Une inscription à une formation a changé"),
        _(
            "Bonjour,\n\nUne inscription à une formation qui vous concerne a changé ou attend "
            "votre décision.\nConnectez-vous à l'intranet pour la consulter."
        ),
        link=absolute_url("/"),
    )
