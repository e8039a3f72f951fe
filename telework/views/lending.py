from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from telework import services
from telework.forms import LoanForm


@require_http_methods(["GET", "POST"])
@role_required(Role.IT)
def loan_create(request):
    """IT records a loan by choosing the asset and the borrower (two pickers)."""
    form = LoanForm(request.POST or None, initial={"out_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            loan = services.loan_checkout(
                asset=form.cleaned_data["asset"],
                employee=form.employee,
                out_on=form.cleaned_data["out_on"],
                due_on=form.cleaned_data["due_on"],
                by=request.user,
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request,
                _("Prêt enregistré : %(name)s doit accepter la convention dans l'intranet.")
                % {"name": loan.employee.full_name},
            )
            return redirect(loan)
    return render(
        request,
        "telework/form.html",
        {"form": form, "title": _("Nouveau prêt"), "submit": _("Enregistrer le prêt")},
    )
