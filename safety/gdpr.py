"""What prevention declares for the GDPR: the DUERP editions are kept 40 years, never
purged (code du travail, art. R4121-4: kept 40 years from their drafting)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.gdpr.registry import Outcome, RetentionRule

RULES = [
    RetentionRule(
        key="safety.duerp_editions",
        category=_("Éditions du DUERP"),
        module=_("Prévention"),
        starts=_("après la publication"),
        outcome=Outcome.KEEP,
        legal_basis=_("Obligation légale : code du travail, art. R4121-4 (40 ans)"),
        fixed_period=_("40 ans"),
        detail=_("Jamais supprimées ni anonymisées par la tâche de conservation."),
    ),
]
