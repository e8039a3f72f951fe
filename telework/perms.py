"""Who may do what in telework/. Used by views, templates and services alike."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from telework.enums import (
    AUTHORISATION_READER,
    FINAL_DECIDER,
    MANAGER,
    REQUEST_FLOW,
    REQUESTER,
    FinalDecider,
)
from telework.models import Asset, Loan, TeleworkRequest


def final_decider_role() -> Role:
    """HR by default; ``TELEWORK_FINAL_DECIDER = "director"`` gives it to the director."""
    value = getattr(settings, "TELEWORK_FINAL_DECIDER", FinalDecider.HR)
    return Role.DIRECTOR if value == FinalDecider.DIRECTOR else Role.HR


def is_final_decider(user) -> bool:
    return has_role(user, final_decider_role())


def can_view_statistics(user) -> bool:
    return has_role(user, Role.HR, Role.DIRECTOR)


def can_manage_regimes(user) -> bool:
    return has_role(user, Role.HR)


def can_manage_equipment(user) -> bool:
    return has_role(user, Role.IT)


def requests_visible_to(user):
    """Own requests; those the person reviews as manager; all for the final decider
    and HR."""
    if has_role(user, Role.HR) or is_final_decider(user):
        return TeleworkRequest.objects.all()
    own = employee_of(user)
    if own is None:
        return TeleworkRequest.objects.none()
    return TeleworkRequest.objects.filter(Q(employee=own) | Q(manager=own))


def get_request_for(user, pk) -> TeleworkRequest:
    """One scoped fetch: 404 for a request ``user`` may not see."""
    return get_object_or_404(
        requests_visible_to(user).select_related(
            "employee__department", "employee__site", "employee__user", "manager"
        ),
        pk=pk,
    )


def is_requester(user, request: TeleworkRequest) -> bool:
    return request.employee.user_id is not None and request.employee.user_id == user.pk


def can_see_reason(user, request: TeleworkRequest) -> bool:
    """The manager sees the outcome, never a health or social reason (RULES.md §6)."""
    if is_requester(user, request) or has_role(user, Role.HR) or is_final_decider(user):
        return True
    return not request.reason_is_confidential


def is_reviewing_manager(user, request: TeleworkRequest) -> bool:
    """The requester's manager named on the request (never the requester themself)."""
    own = employee_of(user)
    return own is not None and request.manager_id == own.pk and not is_requester(user, request)


def is_final_decider_for(user, request: TeleworkRequest) -> bool:
    return is_final_decider(user) and not is_requester(user, request)


def reads_authorisation(user, request: TeleworkRequest) -> bool:
    return is_requester(user, request) or has_role(user, Role.HR) or is_final_decider(user)


# Who each actor of ``REQUEST_FLOW`` is.
ACTORS = {
    REQUESTER: is_requester,
    MANAGER: is_reviewing_manager,
    FINAL_DECIDER: is_final_decider_for,
    AUTHORISATION_READER: reads_authorisation,
}


def can(user, request: TeleworkRequest, verb: str) -> bool:
    return REQUEST_FLOW.can(user, request, verb, ACTORS)


def can_manager_decide(user, request: TeleworkRequest) -> bool:
    return can(user, request, "manager_approve")


def can_final_decide(user, request: TeleworkRequest) -> bool:
    return can(user, request, "approve")


def can_withdraw(user, request: TeleworkRequest) -> bool:
    return can(user, request, "withdraw")


def can_renew(user, request: TeleworkRequest) -> bool:
    return can(user, request, "renew")


def can_download_authorisation(user, request: TeleworkRequest) -> bool:
    return can(user, request, "download_authorisation")


def get_asset_for(user, pk) -> Asset:
    if not can_manage_equipment(user):
        raise Http404
    return get_object_or_404(Asset.objects.select_related("site"), pk=pk)


def loans_visible_to(user):
    if can_manage_equipment(user):
        return Loan.objects.all()
    own = employee_of(user)
    if own is None:
        return Loan.objects.none()
    return Loan.objects.filter(employee=own)


def get_loan_for(user, pk) -> Loan:
    """IT sees every loan; an employee only their own."""
    return get_object_or_404(
        loans_visible_to(user).select_related("asset__site", "employee__user", "employee__site"),
        pk=pk,
    )


def can_accept_agreement(user, loan: Loan) -> bool:
    return loan.employee.user_id == user.pk and loan.agreement_accepted_at is None
