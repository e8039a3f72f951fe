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
from telework.forms import AssetFilterForm, AssetForm, CheckinForm, CheckoutForm, LoanFilterForm
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


def checkout(request, form, *, asset):
    """Record the loan of a valid checkout form: the loan page, or None with the
    refusal added to the form (the asset lent meanwhile, a date out of range…)."""
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
        return None
    messages.success(
        request,
        _("Prêt enregistré : %(name)s doit accepter la convention dans l'intranet.")
        % {"name": loan.employee.full_name},
    )
    return redirect(loan)


def _loan_label(record) -> str:
    return _("Prêt du %(out)s") % {"out": record.out_on.strftime("%d/%m/%Y")}


def _asset_page(request, asset, checkout_form, *, status=200):
    loans = list(asset.loans.select_related("employee").order_by("-out_on", "-pk"))
    open_loan = next((loan for loan in loans if loan.returned_on is None), None)
    # The asset's history tells its loans too: lent, returned, condition and notes on return.
    history = history_rows(
        HistorySource(asset.history.all()),
        HistorySource(
            Loan.history.filter(asset_id=asset.pk),
            label=_loan_label,
            hidden=("asset", "last_reminder_on", "agreement_accepted_by"),
        ),
        limit=HISTORY_LIMIT,
    )
    return render(
        request,
        "telework/asset_detail.html",
        {
            "asset": asset,
            "loans": loans,
            "open_loan": open_loan,
            "can_lend": open_loan is None and asset.state == AssetState.IN_STOCK,
            "checkout_form": checkout_form,
            "history": history,
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
        done = checkout(request, form, asset=asset)
        if done is not None:
            return done
    return _asset_page(request, asset, form, status=400)


def _loan_page(request, loan, checkin_form=None):
    can_manage = perms.can_manage_equipment(request.user)
    if checkin_form is None and can_manage and loan.is_open:
        checkin_form = CheckinForm(initial={"returned_on": timezone.localdate()})
    return render(
        request,
        "telework/loan_detail.html",
        {
            "loan": loan,
            "can_manage": can_manage,
            "can_accept": perms.can_accept_agreement(request.user, loan),
            "checkin_form": checkin_form if can_manage and loan.is_open else None,
            "overdue": loan.is_overdue(),
        },
    )


@require_GET
def loan_detail(request, pk):
    return _loan_page(request, perms.get_loan_for(request.user, pk))


@require_POST
@role_required(Role.IT)
def loan_checkin(request, pk):
    """Errors (a return before the loan, a missing condition) are shown next to their field
    on the re-rendered page, with what was typed kept."""
    loan = perms.get_loan_for(request.user, pk)
    form = CheckinForm(request.POST)
    if form.is_valid():
        try:
            services.loan_checkin(loan=loan, by=request.user, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Le retour de l'équipement est enregistré."))
            return redirect(loan)
    return _loan_page(request, loan, form)


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
def loan_list(request):
    """IT's current loans, searched by borrower (name or number), asset (tag or serial) or
    kind; overdue ones can be singled out. Constant queries whatever the page size."""
    today = timezone.localdate()
    form = LoanFilterForm(request.GET or None)
    loans = Loan.objects.open().select_related("asset", "employee__department")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            term = data["q"].strip()
            loans = loans.filter(
                Q(employee__last_name__icontains=term)
                | Q(employee__first_name__icontains=term)
                | Q(employee__employee_number__iexact=term)
                | Q(asset__tag__icontains=term)
                | Q(asset__serial__icontains=term)
            )
        if data["kind"]:
            loans = loans.filter(asset__kind=data["kind"])
        if data["overdue"]:
            loans = loans.filter(due_on__lt=today)
    page = paginate(request, loans.order_by("due_on", "pk"))
    return render(request, "telework/loan_list.html", {"form": form, "page": page, "today": today})


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
