"""The delay prevention has to answer an RSST entry, as a dated parameter (kept by
prevention): an entry still unanswered after it is flagged late."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

RSST_ANSWER_DAYS = Parameter(
    "registers.rsst_answer_days",
    _("Registre santé et sécurité : délai de réponse de la prévention"),
    unit=Unit.DAYS,
    owner=Role.PREVENTION,
    help_text=_("Une observation sans réponse au-delà de ce délai est signalée en retard."),
)
