"""The retention periods declared by the platform itself (RULES.md §6), kept by the DPO."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

# RULES.md §6: « It is kept until the agent's 80th birthday ».
PERSONNEL_FILE_AGE = Parameter(
    "gdpr.personnel_file_age",
    _("Dossier individuel : conservé jusqu'à cet âge de l'agent"),
    unit=Unit.YEARS,
    owner=Role.DPO,
)
# RULES.md §6: « aid files 5 years after the decision » (to be confirmed by the DPO).
AID_FILE_YEARS = Parameter(
    "gdpr.aid_file_years",
    _("Dossiers d'aide sociale : durée de conservation après la décision"),
    unit=Unit.YEARS,
    owner=Role.DPO,
)
# RULES.md §6: tax notices, « to be confirmed by the data-protection officer ».
TAX_NOTICE_YEARS = Parameter(
    "gdpr.tax_notice_years",
    _("Avis d'imposition : durée de conservation après l'année de l'avis"),
    unit=Unit.YEARS,
    owner=Role.DPO,
)
# RULES.md §6: evaluation records outside the personnel file, « to be confirmed ».
EVALUATION_RECORD_YEARS = Parameter(
    "gdpr.evaluation_record_years",
    _("Entretiens professionnels hors dossier individuel : durée après la campagne"),
    unit=Unit.YEARS,
    owner=Role.DPO,
)
