"""« Mon espace »: the person's interview to sign or review, the evaluator's and the
endorser's to-dos, HR's campaign follow-up, the director's figures.

The counters (interviews to conduct or endorse, the latest campaign and its progress)
go to the page's batch of counters (``imtsocial.myspace.batch``): no query of their
own. One query per person: their latest interview. Constant whatever the number of
interviews."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.evaluations.enums import DONE_STATUSES, InterviewStatus, ReviewStatus
from hr.evaluations.models import EvaluationCampaign, EvaluationInterview
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.memo import CachedReads
from imtsocial.myspace import Item, Section, batch

IN_PROGRESS = [InterviewStatus.PLANNED, InterviewStatus.HELD, InterviewStatus.WRITTEN]


def sections(request):
    held = roles_of(request.user)
    counters = batch(request)
    own = employee_of(request.user) if Role.EMPLOYEE in held else None
    follows_up, hr = Role.HR in held or Role.DIRECTOR in held, Role.HR in held
    if own is not None:
        mine = Q(evaluator=own)
        conducted = counters.aggregate(
            EvaluationInterview.objects.filter(mine | Q(endorser=own)),
            to_plan=Count("pk", filter=mine & Q(status=InterviewStatus.TO_PLAN)),
            in_progress=Count("pk", filter=mine & Q(status__in=IN_PROGRESS)),
            review=Count("pk", filter=mine & Q(review_status=ReviewStatus.REQUESTED)),
            to_endorse=Count("pk", filter=Q(endorser=own, status=InterviewStatus.SIGNED)),
            total=Count("pk"),
        )

    def build() -> list[Section]:
        found = []
        if own is not None:
            found += [_employee_section(own), _conductor_section(conducted.value)]
        if follows_up:
            campaign, progress = _latest_campaign(at=timezone.localdate())
            found.append(_follow_up_section(campaign, progress, hr=hr))
        return [section for section in found if section is not None]

    return build


# The follow-up card reads the same figures for every HR person and the director: kept
# in the cache until an interview or a campaign is written (``imtsocial.memo``; the
# services' ``bulk_create`` and ``update()`` touch it themselves).
FOLLOW_UP_READS = CachedReads(
    "evaluations.follow_up",
    models=("evaluations.EvaluationInterview", "evaluations.EvaluationCampaign"),
)


def _latest_campaign(*, at) -> tuple[dict, dict]:
    """The latest campaign (its pk and year: all the card shows of it) and its progress,
    counted as ``hr.evaluations.stats.campaign_progress`` does (done: notified or later;
    late: not done after the deadline)."""

    def compute():
        campaign = EvaluationCampaign.objects.order_by("-year").values("pk", "year").first()
        if campaign is None:
            return {"pk": None, "year": None}, {
                "total": 0, "done": 0, "late": 0, "without_evaluator": 0,
            }  # fmt: skip
        progress = EvaluationInterview.objects.filter(campaign=campaign["pk"]).aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status__in=DONE_STATUSES)),
            late=Count(
                "pk",
                filter=Q(campaign__deadline__lt=at) & ~Q(status__in=DONE_STATUSES),
            ),
            without_evaluator=Count("pk", filter=Q(evaluator__isnull=True)),
        )
        return {"pk": campaign["pk"], "year": campaign["year"]}, progress

    return FOLLOW_UP_READS.get_or_compute(("latest", at), compute)


def _employee_section(own) -> Section | None:
    """The person's interview of the latest campaign, with what they must do."""
    interview = (
        EvaluationInterview.objects.filter(employee=own)
        .select_related("campaign")
        .order_by("-campaign__year")
        .first()
    )
    if interview is None:
        return None
    interview.employee = own  # named in the item, already read
    section = Section(
        title=_("Mon entretien professionnel"),
        role_label=Role.EMPLOYEE.label,
        links=[Item(label=_("Mes entretiens"), url=reverse("evaluations:interview_list"))],
    )
    item = Item(
        label=str(interview),
        url=interview.get_absolute_url(),
        badge=interview.get_status_display(),
        badge_level=interview.status_badge,
    )
    today = timezone.localdate()
    if interview.status == InterviewStatus.NOTIFIED:
        item.detail = _("Lisez votre compte rendu, ajoutez vos observations et signez-le.")
        section.todo.append(item)
    elif interview.status == InterviewStatus.PLANNED and interview.scheduled_for:
        item.detail = _("Entretien prévu le %(date)s.") % {
            "date": long_date(interview.scheduled_for)
        }
        section.items.append(item)
    else:
        section.items.append(item)
    deadline = interview.review_request_deadline
    if deadline and interview.review_status == ReviewStatus.NONE and today <= deadline:
        section.items.append(
            Item(
                label=_("Vous pouvez demander la révision du compte rendu jusqu'au %(date)s.")
                % {"date": long_date(deadline)},
                url=interview.get_absolute_url(),
            )
        )
    return section


def _conductor_section(counts: dict) -> Section | None:
    """Interviews the person conducts (direct manager) or endorses (N+2), by step."""
    if not counts["total"]:
        return None
    url = reverse("evaluations:team_list")
    section = Section(
        title=_("Entretiens professionnels de mon équipe"),
        role_label=Role.MANAGER.label,
        links=[Item(label=_("Entretiens à conduire ou à viser"), url=url)],
    )
    section.items.append(
        Item(
            label=ngettext(
                "%(n)s entretien que vous conduisez ou visez",
                "%(n)s entretiens que vous conduisez ou visez",
                counts["total"],
            )
            % {"n": counts["total"]},
            url=url,
        )
    )
    if counts["to_plan"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s entretien à planifier", "%(n)s entretiens à planifier", counts["to_plan"]
                )
                % {"n": counts["to_plan"]},
                url=f"{url}?status={InterviewStatus.TO_PLAN}",
            )
        )
    if counts["in_progress"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s entretien à tenir ou compte rendu à notifier",
                    "%(n)s entretiens à tenir ou comptes rendus à notifier",
                    counts["in_progress"],
                )
                % {"n": counts["in_progress"]},
                url=url,
            )
        )
    if counts["review"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s demande de révision à laquelle répondre",
                    "%(n)s demandes de révision auxquelles répondre",
                    counts["review"],
                )
                % {"n": counts["review"]},
                url=url,
            )
        )
    if counts["to_endorse"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s compte rendu à viser",
                    "%(n)s comptes rendus à viser",
                    counts["to_endorse"],
                )
                % {"n": counts["to_endorse"]},
                url=f"{url}?status={InterviewStatus.SIGNED}",
            )
        )
    return section


def _follow_up_section(latest: dict, progress: dict, *, hr: bool) -> Section | None:
    # An unsaved instance for the label and the link: the pk and year are all they read.
    campaign = None if latest["pk"] is None else EvaluationCampaign(**latest)
    if campaign is None and not hr:
        return None
    links = [Item(label=_("Chiffres des entretiens"), url=reverse("evaluations:statistics"))]
    if hr:
        links = [
            Item(label=_("Campagnes d'entretiens"), url=reverse("evaluations:campaign_list")),
            Item(label=_("Suivi des entretiens"), url=reverse("evaluations:follow_up")),
            *links,
        ]
    section = Section(
        title=_("Entretiens professionnels"),
        role_label=(Role.HR if hr else Role.DIRECTOR).label,
        links=links,
    )
    if campaign is None:
        return section
    section.items.append(
        Item(
            label=_("%(campaign)s : %(done)s comptes rendus notifiés sur %(total)s")
            % {"campaign": campaign, "done": progress["done"], "total": progress["total"]},
            url=campaign.get_absolute_url() if hr else reverse("evaluations:statistics"),
        )
    )
    if hr and progress["late"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s entretien en retard", "%(n)s entretiens en retard", progress["late"]
                )
                % {"n": progress["late"]},
                url=f"{reverse('evaluations:follow_up')}?campaign={campaign.pk}&late=on",
                badge=_("en retard"),
                badge_level="error",
            )
        )
    if hr and progress["without_evaluator"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s agent sans responsable direct : son entretien n'a pas d'évaluateur",
                    "%(n)s agents sans responsable direct : leur entretien n'a pas d'évaluateur",
                    progress["without_evaluator"],
                )
                % {"n": progress["without_evaluator"]},
                url=campaign.get_absolute_url(),
            )
        )
    return section
