"""« Mon espace »: own telework requests and loans; requests to review; overdue loans.

Every counter goes to the page's batch (``imtsocial.myspace.batch``): whether the person
has a telework request, their loans to accept or overdue, the requests to review (manager
or final decider), the current and overdue loans (IT). The only query of its own is the
list of the person's latest requests, run only when there is one.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section, batch
from telework import perms
from telework.enums import RequestStatus
from telework.models import Loan, TeleworkRequest

OWN_REQUESTS_SHOWN = 3


def sections(request):
    user = request.user
    held = roles_of(user)
    own = employee_of(user)
    counters = batch(request)
    today = timezone.localdate()
    if Role.EMPLOYEE in held:
        own_requests = TeleworkRequest.objects.filter(employee=own)
        has_requests = counters.exists(own_requests)
        own_loans = counters.aggregate(
            Loan.objects.filter(employee=own),
            open=Count("pk", filter=Q(returned_on__isnull=True)),
            to_accept=Count(
                "pk", filter=Q(returned_on__isnull=True, agreement_accepted_at__isnull=True)
            ),
            overdue=Count("pk", filter=Q(returned_on__isnull=True, due_on__lt=today)),
        )
    manager, final = Role.MANAGER in held, perms.is_final_decider(user)
    to_review = _to_review(counters, own, final, manager=manager)
    if Role.IT in held:
        open_loans = counters.aggregate(
            Loan.objects.open(),
            current=Count("pk"),
            overdue=Count("pk", filter=Q(due_on__lt=today)),
        )

    def build() -> list[Section]:
        result = []
        if Role.EMPLOYEE in held:
            requests = (
                own_requests.order_by("-start", "-pk")[:OWN_REQUESTS_SHOWN]
                if has_requests.value
                else []
            )
            result.append(_employee_section(requests, own_loans.value))
        if to_review is not None:
            result.append(_review_section(to_review.value, manager=manager))
        if Role.IT in held:
            result.append(_it_section(open_loans.value))
        # A section with nothing to say stays out of the page (the menu leads to the module).
        return [s for s in result if s.todo or s.items]

    return build


def _it_section(counts) -> Section:
    overdue = counts["overdue"]
    loans_url = reverse("telework:loan_list")
    section = Section(
        title=_("Équipement informatique"),
        role_label=Role.IT.label,
        items=[
            Item(
                label=ngettext(
                    "%(count)d prêt en cours", "%(count)d prêts en cours", counts["current"]
                )
                % {"count": counts["current"]},
                url=loans_url,
            ),
            Item(
                label=ngettext("%(count)d prêt en retard", "%(count)d prêts en retard", overdue)
                % {"count": overdue},
                url=reverse("telework:overdue_loans"),
                badge=_("Retard") if overdue else "",
                badge_level="warning",
            ),
        ],
        links=[
            Item(label=_("Prêts en cours"), url=loans_url),
            Item(label=_("Inventaire"), url=reverse("telework:asset_list")),
        ],
    )
    if overdue:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d prêt d'équipement est en retard",
                    "%(count)d prêts d'équipement sont en retard",
                    overdue,
                )
                % {"count": overdue},
                url=reverse("telework:overdue_loans"),
                badge=_("Retard"),
                badge_level="warning",
            )
        )
    return section


def _employee_section(requests, loans: dict) -> Section:
    section = Section(
        title=_("Télétravail et équipement"),
        role_label=Role.EMPLOYEE.label,
        links=[
            Item(label=_("Demander le télétravail"), url=reverse("telework:request_create")),
            Item(label=_("Mes demandes de télétravail"), url=reverse("telework:my_requests")),
            Item(label=_("Mes équipements prêtés"), url=reverse("telework:my_loans")),
        ],
    )
    for req in requests:
        section.items.append(
            Item(
                label=_("Télétravail du %(start)s au %(end)s")
                % {"start": req.start.strftime("%d/%m/%Y"), "end": req.end.strftime("%d/%m/%Y")},
                url=req.get_absolute_url(),
                badge=req.get_status_display(),
                badge_level=req.status_badge,
            )
        )
    if loans["open"]:
        section.items.append(
            Item(
                label=ngettext(
                    "%(count)d équipement prêté", "%(count)d équipements prêtés", loans["open"]
                )
                % {"count": loans["open"]},
                url=reverse("telework:my_loans"),
            )
        )
    if loans["to_accept"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d convention de prêt à accepter",
                    "%(count)d conventions de prêt à accepter",
                    loans["to_accept"],
                )
                % {"count": loans["to_accept"]},
                url=reverse("telework:my_loans"),
                badge=_("À accepter"),
                badge_level="new",
            )
        )
    if loans["overdue"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d équipement à rendre (date dépassée)",
                    "%(count)d équipements à rendre (date dépassée)",
                    loans["overdue"],
                )
                % {"count": loans["overdue"]},
                url=reverse("telework:my_loans"),
                badge=_("Retard"),
                badge_level="warning",
            )
        )
    return section


def _to_review(counters, own, final: bool, *, manager: bool):
    """The requests awaiting the person's decision, in the batch: as manager, those
    submitted by their reports; as final decider, those a manager approved; never
    their own. ``None`` when the person decides none."""
    conditions = {}
    if manager and own is not None:
        conditions["manager"] = Q(status=RequestStatus.SUBMITTED, manager=own)
    if final:
        conditions["final"] = Q(status=RequestStatus.MANAGER_APPROVED)
    if not conditions:
        return None
    queryset = TeleworkRequest.objects.all()
    if own is not None:
        queryset = queryset.exclude(employee=own)
    return counters.counts(queryset, **conditions)


def _review_section(counts: dict, *, manager: bool) -> Section:
    pending = sum(counts.values())
    section = Section(
        title=_("Demandes de télétravail"),
        role_label=(Role.MANAGER if manager else perms.final_decider_role()).label,
        links=[Item(label=_("Suivi des demandes"), url=reverse("telework:request_list"))],
    )
    if manager:
        section.links.append(
            Item(label=_("Calendrier de l'équipe"), url=reverse("telework:team_calendar"))
        )
    if pending:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d demande de télétravail attend votre décision",
                    "%(count)d demandes de télétravail attendent votre décision",
                    pending,
                )
                % {"count": pending},
                url=reverse("telework:request_list") + "?a_traiter=1",
                badge=_("Télétravail"),
                badge_level="new",
            )
        )
    return section
