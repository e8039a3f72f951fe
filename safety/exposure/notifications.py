"""Exposure e-mails: a measurement above a limit value tells the active prevention
advisor(s) to log in; it names neither the unit nor the substance nor the value."""

from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.notifications import absolute_url, email_of, send_email
from safety.models import PreventionAdvisor


def advisor_emails() -> list[str]:
    return [
        email_of(advisor.user)
        for advisor in PreventionAdvisor.objects.filter(active=True).select_related("user")
    ]


def over_limit(*, measurement) -> int:
    return send_email(
        advisor_emails(),
        _("[imtsocial] Une mesure d'exposition dépasse une valeur limite"),
        _(
            "Bonjour,\n\nUne mesure d'exposition aux agents chimiques vient d'être enregistrée "
            "au-dessus d'une valeur limite.\nConnectez-vous à l'intranet pour l'examiner."
        ),
        link=absolute_url(reverse("exposure:campaign_detail", args=[measurement.campaign_id])),
    )
