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
SALARY_RISE_CONFIRM_PERCENT = Parameter(
    "hr.salary_rise_confirm_percent",
    _("Saisie d'un salaire : hausse à faire confirmer"),
    unit=Unit.PERCENT,
    owner=Role.HR,
    help_text=_(
        "Un nouveau salaire supérieur à ce pourcentage du salaire précédent de l'agent "
        "(150 % : une fois et demie) est enregistré seulement après confirmation."
    ),
)
SALARY_DROP_CONFIRM_PERCENT = Parameter(
    "hr.salary_drop_confirm_percent",
    _("Saisie d'un salaire : baisse à faire confirmer"),
    unit=Unit.PERCENT,
    owner=Role.HR,
    help_text=_(
        "Un nouveau salaire inférieur à ce pourcentage du salaire précédent de l'agent, ou de "
        "la rémunération minimale de sa catégorie, est enregistré seulement après confirmation."
    ),
)
SALARY_BENCHMARK_CONFIRM_PERCENT = Parameter(
    "hr.salary_benchmark_confirm_percent",
    _("Saisie d'un salaire : écart au repère de la catégorie à faire confirmer"),
    unit=Unit.PERCENT,
    owner=Role.HR,
    help_text=_(
        "Un salaire supérieur à ce pourcentage de la rémunération minimale de la catégorie "
        "(au prorata de la quotité) est enregistré seulement après confirmation."
    ),
)
