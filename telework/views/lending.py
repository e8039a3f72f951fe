from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from telework.forms import LoanForm
from telework.views.equipment import checkout


@require_http_methods(["GET", "POST"])
@role_required(Role.IT)
def loan_create(request):
    """IT records a loan by choosing the asset and the borrower (two pickers)."""
    form = LoanForm(request.POST or None, initial={"out_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = checkout(request, form, asset=form.cleaned_data["asset"])
        if done is not None:
            return done
    return render(
        request,
        "telework/form.html",
        {"form": form, "title": _("Nouveau prêt"), "submit": _("Enregistrer le prêt")},
    )
