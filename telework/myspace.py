"""« Mon espace »: own telework requests and loans; requests to review; overdue loans.

Queries: two for an employee (own requests, own loans), one for a manager or the
final decider (requests to review), one for IT (current and overdue loans, counted).
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section
from telework import perms
from telework.enums import RequestStatus
from telework.models import Loan, TeleworkRequest

OWN_REQUESTS_SHOWN = 3


def sections(request) -> list[Section]:
    user = request.user
    held = roles_of(user)
    own = employee_of(user)
    today = timezone.localdate()
    result = []
    if Role.EMPLOYEE in held:
        result.append(_employee_section(own, today))
    final = perms.is_final_decider(user)
    if Role.MANAGER in held or final:
        section = _review_section(own, final, manager=Role.MANAGER in held)
        if section is not None:
            result.append(section)
    if Role.IT in held:
        counts = Loan.objects.open().aggregate(
            current=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
        )
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
        result.append(section)
    # A section with nothing to say stays out of the page (the menu leads to the module).
    return [s for s in result if s.todo or s.items]


def _employee_section(own, today) -> Section:
    requests = list(
        TeleworkRequest.objects.filter(employee=own).order_by("-start", "-pk")[:OWN_REQUESTS_SHOWN]
    )
    loans = Loan.objects.filter(employee=own).aggregate(
        open=Count("pk", filter=Q(returned_on__isnull=True)),
        to_accept=Count(
            "pk", filter=Q(returned_on__isnull=True, agreement_accepted_at__isnull=True)
        ),
        overdue=Count("pk", filter=Q(returned_on__isnull=True, due_on__lt=today)),
    )
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


def _review_section(own, final: bool, *, manager: bool) -> Section | None:
    counts = {}
    filters = {}
    if manager and own is not None:
        filters["manager"] = Count("pk", filter=Q(status=RequestStatus.SUBMITTED, manager=own))
    if final:
        filters["final"] = Count("pk", filter=Q(status=RequestStatus.MANAGER_APPROVED))
    if not filters:
        return None
    queryset = TeleworkRequest.objects.all()
    if own is not None:
        queryset = queryset.exclude(employee=own)
    counts = queryset.aggregate(**filters)
    pending = counts.get("manager", 0) + counts.get("final", 0)
    section = Section(
        title=_("Demandes de télétravail"),
        role_label=(Role.MANAGER if manager else Role.HR).label,
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
