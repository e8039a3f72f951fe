"""The thresholds hr reads, as dated parameters (values: migration 0005, then HR)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

CONTRACT_END_NOTICE_DAYS = Parameter(
    "hr.contract_end_notice_days",
    _("Alerte des fins de contrat : délai avant la fin"),
    unit=Unit.DAYS,
    owner=Role.HR,
    help_text=_("Les managers et les RH voient les contrats qui se terminent dans ce délai."),
)
FIXED_TERM_LONG_DAYS = Parameter(
    "hr.fixed_term_long_days",
    _("Statistiques : durée d'un CDD « de 2 ans ou plus »"),
    unit=Unit.DAYS,
    owner=Role.HR,
    help_text=_("Durée prévue, fin incluse, à partir de laquelle un CDD compte « 2 ans ou plus »."),
)
