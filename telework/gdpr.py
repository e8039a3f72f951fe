"""The person's part of « Mes données » in telework: requests and equipment loans."""

from django.utils.translation import gettext_lazy as _

from imtsocial.gdpr.registry import SubjectSection, display, record_of
from telework.models import Loan, TeleworkRequest


def subject_sections(user, employee):
    if employee is None:
        return []
    requests = TeleworkRequest.objects.filter(employee=employee).order_by("start")
    loans = Loan.objects.filter(employee=employee).select_related("asset").order_by("out_on")
    return [
        SubjectSection(
            _("Demandes de télétravail"),
            [
                record_of(
                    r,
                    (
                        "start",
                        "end",
                        "fixed_days",
                        "floating_days",
                        "reason",
                        "status",
                        "submitted_at",
                        "decided_at",
                        "refusal_reason",
                    ),
                )
                for r in requests
            ],
        ),
        SubjectSection(
            _("Prêts de matériel"),
            [
                {
                    str(_("Matériel")): str(loan.asset),
                    **record_of(loan, ("out_on", "due_on", "returned_on")),
                    str(_("Convention acceptée le")): display(loan.agreement_accepted_at),
                }
                for loan in loans
            ],
        ),
    ]
