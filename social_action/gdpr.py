"""What social action declares for the GDPR (RULES.md §6): aid files and tax notices,
and the person's part of « Mes données » (aid requests: metadata, amounts, dates)."""

from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.gdpr import parameters
from imtsocial.gdpr.registry import Outcome, RetentionRule, SubjectSection, record_of, years_before
from social_action.models import AidDocument, AidMessage, AidRequest, HouseholdFacts

# Personal fields of an aid file blanked after the period (scheme, year, status, amounts
# and dates stay, without the household's situation, for the budget and the statistics).
BLANKED = {
    "household": "",
    "reference_income": None,
    "tax_shares": None,
    "child_birth_date": None,
    "months": None,
    "aeeh_from": None,
    "aeeh_to": None,
    "zone": "",
    "lease_date": None,
    "expenses": None,
    "reason": "",
    "over_budget_reason": "",
    "decision_note": "",
}
NOT_BLANK = (
    Q(documents__isnull=False)
    | Q(messages__isnull=False)
    | ~Q(household="")
    | Q(reference_income__isnull=False)
    | Q(tax_shares__isnull=False)
    | Q(child_birth_date__isnull=False)
    | Q(lease_date__isnull=False)
    | Q(expenses__isnull=False)
    | ~Q(reason="")
    | ~Q(over_budget_reason="")
    | ~Q(decision_note="")
)


def _aid_files_due(today):
    """RULES.md §6: « aid files 5 years after the decision » (default, DPO to confirm)."""
    cutoff = years_before(today, parameters.AID_FILE_YEARS.at(today))
    decided_before = timezone.make_aware(datetime.combine(cutoff, time.min))
    ids = AidRequest.objects.filter(decided_at__lt=decided_before).filter(NOT_BLANK).values("pk")
    return AidRequest.objects.filter(pk__in=ids)


def _aid_files_apply(queryset, today):
    pks = list(queryset.values_list("pk", flat=True))
    for document in AidDocument.objects.filter(request_id__in=pks):
        document.file.delete(save=False)
    AidDocument.objects.filter(request_id__in=pks).delete()
    AidMessage.objects.filter(request_id__in=pks).delete()
    AidRequest.objects.filter(pk__in=pks).update(**BLANKED)
    AidRequest.history.filter(id__in=pks).delete()  # the old values live in the history
    return len(pks)


def _tax_notices_due(today):
    """RULES.md §6: tax notices, default kept 3 years after the year of the notice
    (the notice of year N+1 states the income of year N)."""
    years = parameters.TAX_NOTICE_YEARS.at(today)
    return HouseholdFacts.objects.filter(income_year__lt=today.year - years - 1)


def _tax_notices_apply(queryset, today):
    return queryset.delete()[0]


RULES = [
    RetentionRule(
        key="social_action.aid_files",
        category=_("Dossiers d'aide sociale"),
        module=_("Action sociale"),
        starts=_("après la décision"),
        outcome=Outcome.ANONYMISE,
        legal_basis=_("Mission de service public (action sociale) ; RULES §6 : 5 ans, à confirmer"),
        parameter=parameters.AID_FILE_YEARS,
        due=_aid_files_due,
        apply=_aid_files_apply,
        detail=_(
            "Pièces justificatives et messages supprimés, situation du foyer effacée ; "
            "dispositif, année et montants restent."
        ),
    ),
    RetentionRule(
        key="social_action.tax_notices",
        category=_("Avis d'imposition (revenu fiscal, parts)"),
        module=_("Action sociale"),
        starts=_("après l'année de l'avis"),
        outcome=Outcome.DELETE,
        legal_basis=_("Mission de service public (barèmes des aides) ; durée à confirmer"),
        parameter=parameters.TAX_NOTICE_YEARS,
        due=_tax_notices_due,
        apply=_tax_notices_apply,
    ),
]


def subject_sections(user, employee):
    if employee is None:
        return []
    requests = AidRequest.objects.filter(requester=employee).select_related("scheme")
    facts = HouseholdFacts.objects.filter(employee=employee).order_by("income_year")
    return [
        SubjectSection(
            _("Demandes d'aide sociale"),
            [
                {
                    str(_("Dispositif")): str(r.scheme),
                    **record_of(
                        r,
                        (
                            "year",
                            "status",
                            "amount_asked",
                            "amount_granted",
                            "submitted_at",
                            "decided_at",
                            "paid_at",
                        ),
                    ),
                    str(_("Pièces justificatives")): str(r.documents.count()),
                }
                for r in requests
            ],
        ),
        SubjectSection(
            _("Situation fiscale du foyer"),
            [record_of(f, ("income_year", "reference_income", "tax_shares")) for f in facts],
        ),
    ]
