"""The telework authorisation and the equipment loan agreement, as PDF."""

from django.utils import timezone

from imtsocial.pdf import render_pdf
from telework.models import Loan, TeleworkRequest, TeleworkRule


def authorisation_pdf(request: TeleworkRequest) -> bytes:
    return render_pdf(
        "telework/pdf/authorisation.html",
        {
            "req": request,
            "rule": TeleworkRule.objects.get_in_force(request.start),
            "printed_on": timezone.localdate(),
        },
    )


def loan_agreement_pdf(loan: Loan) -> bytes:
    return render_pdf(
        "telework/pdf/loan_agreement.html", {"loan": loan, "printed_on": timezone.localdate()}
    )
