from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from telework import pdf, perms, services
from telework.enums import AssetState
from telework.forms import AssetFilterForm, AssetForm, CheckinForm, CheckoutForm
from telework.models import Asset, Loan

HISTORY_LIMIT = 30


@require_GET
@role_required(Role.IT)
def asset_list(request):
    form = AssetFilterForm(request.GET or None)
    open_loans = Loan.objects.open().select_related("employee")
    assets = Asset.objects.select_related("site").prefetch_related(
        Prefetch("loans", queryset=open_loans, to_attr="open_loans")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            assets = assets.filter(Q(tag__icontains=data["q"]) | Q(serial__icontains=data["q"]))
        for key in ("kind", "state", "site"):
            if data[key]:
                assets = assets.filter(**{key: data[key]})
    return render(
        request,
        "telework/asset_list.html",
        {"form": form, "page": paginate(request, assets.order_by("tag"))},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.IT)
def asset_create(request):
    form = AssetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        asset = form.save(commit=False)
        asset._history_user = request.user
        asset.save()
        messages.success(request, _("L'équipement est ajouté à l'inventaire."))
        return redirect(asset)
    return render(
        request,
        "telework/form.html",
        {"form": form, "title": _("Nouvel équipement"), "submit": _("Enregistrer")},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.IT)
def asset_edit(request, pk):
    asset = perms.get_asset_for(request.user, pk)
    form = AssetForm(request.POST or None, instance=asset)
    if request.method == "POST" and form.is_valid():
        try:
            services.asset_update(
                asset=form.save(commit=False), version=form.cleaned_data["version"], by=request.user
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'équipement est mis à jour."))
            return redirect(asset)
    return render(
        request,
        "telework/form.html",
        {
            "form": form,
            "title": _("Modifier %(asset)s") % {"asset": asset},
            "submit": _("Enregistrer"),
        },
    )


def _asset_page(request, asset, checkout_form, *, status=200):
    loans = list(asset.loans.select_related("employee").order_by("-out_on", "-pk"))
    open_loan = next((loan for loan in loans if loan.returned_on is None), None)
    return render(
        request,
        "telework/asset_detail.html",
        {
            "asset": asset,
            "loans": loans,
            "open_loan": open_loan,
            "can_lend": open_loan is None and asset.state == AssetState.IN_STOCK,
            "checkout_form": checkout_form,
            "history": history_rows(HistorySource(asset.history.all()), limit=HISTORY_LIMIT),
        },
        status=status,
    )


@require_GET
@role_required(Role.IT)
def asset_detail(request, pk):
    asset = perms.get_asset_for(request.user, pk)
    return _asset_page(request, asset, CheckoutForm(initial={"out_on": timezone.localdate()}))


@require_POST
@role_required(Role.IT)
def loan_checkout(request, pk):
    asset = perms.get_asset_for(request.user, pk)
    form = CheckoutForm(request.POST)
    if form.is_valid():
        try:
            loan = services.loan_checkout(
                asset=asset,
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
    return _asset_page(request, asset, form, status=400)


@require_GET
def loan_detail(request, pk):
    loan = perms.get_loan_for(request.user, pk)
    can_manage = perms.can_manage_equipment(request.user)
    return render(
        request,
        "telework/loan_detail.html",
        {
            "loan": loan,
            "can_manage": can_manage,
            "can_accept": perms.can_accept_agreement(request.user, loan),
            "checkin_form": CheckinForm(initial={"returned_on": timezone.localdate()})
            if can_manage and loan.is_open
            else None,
            "overdue": loan.is_overdue(),
        },
    )


@require_POST
@role_required(Role.IT)
def loan_checkin(request, pk):
    loan = perms.get_loan_for(request.user, pk)
    form = CheckinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez la date de retour et l'état de l'équipement."))
        return redirect(loan)
    try:
        services.loan_checkin(loan=loan, by=request.user, **form.cleaned_data)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Le retour de l'équipement est enregistré."))
    return redirect(loan)


@require_POST
@role_required(Role.EMPLOYEE)
def loan_accept(request, pk):
    loan = perms.get_loan_for(request.user, pk)
    try:
        services.loan_accept_agreement(loan=loan, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Vous avez accepté la convention de prêt."))
    return redirect(loan)


@require_GET
def loan_agreement(request, pk):
    loan = perms.get_loan_for(request.user, pk)
    response = HttpResponse(pdf.loan_agreement_pdf(loan), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="convention-pret-{loan.asset.tag}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@role_required(Role.IT)
def overdue_loans(request):
    today = timezone.localdate()
    loans = (
        Loan.objects.overdue(today)
        .select_related("asset", "employee__department")
        .order_by("due_on", "pk")
    )
    return render(
        request, "telework/overdue_loans.html", {"page": paginate(request, loans), "today": today}
    )


@require_GET
@role_required(Role.EMPLOYEE)
def my_loans(request):
    loans = (
        Loan.objects.filter(employee=employee_of(request.user))
        .select_related("asset")
        .order_by("-out_on", "-pk")
    )
    return render(request, "telework/my_loans.html", {"page": paginate(request, loans)})
