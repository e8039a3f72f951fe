"""The delays of the interview workflow, as dated parameters (values: migration 0001,
then HR in « Référentiels »). RULES: the date given at least 8 days ahead; a review
within 15 clear days of the notification, answered within 15 clear days; the joint
committee within one month."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

NOTICE_DAYS = Parameter(
    "evaluations.notice_days",
    _("Entretien professionnel : délai minimal entre la convocation et l'entretien"),
    unit=Unit.DAYS,
    owner=Role.HR,
)
REVIEW_REQUEST_CLEAR_DAYS = Parameter(
    "evaluations.review_request_clear_days",
    _("Entretien professionnel : délai de demande de révision après la notification"),
    unit=Unit.DAYS,
    owner=Role.HR,
    help_text=_("En jours francs."),
)
REVIEW_ANSWER_CLEAR_DAYS = Parameter(
    "evaluations.review_answer_clear_days",
    _("Entretien professionnel : délai de réponse à une demande de révision"),
    unit=Unit.DAYS,
    owner=Role.HR,
    help_text=_("En jours francs."),
)
COMMITTEE_REFERRAL_MONTHS = Parameter(
    "evaluations.committee_referral_months",
    _("Entretien professionnel : délai de saisine de la commission paritaire"),
    unit=Unit.MONTHS,
    owner=Role.HR,
    help_text=_("À compter de la réponse à la demande de révision (ou de l'absence de réponse)."),
)
FIXED_TERM_MIN_MONTHS = Parameter(
    "evaluations.fixed_term_min_months",
    _("Campagne d'entretiens : durée au-delà de laquelle un CDD est évalué"),
    unit=Unit.MONTHS,
    owner=Role.HR,
    help_text=_("Les agents en CDD d'une durée supérieure sont dans la campagne."),
)
REMINDER_DAYS = Parameter(
    "evaluations.reminder_days",
    _("Campagne d'entretiens : rappel aux évaluateurs avant la date limite"),
    unit=Unit.DAYS,
    owner=Role.HR,
)
