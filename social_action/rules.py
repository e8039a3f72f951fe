"""The amount rules of RULES.md §3, computed from the date-effective figures.

Pure reads: ``estimate(scheme, facts, at=…)`` says whether the person looks
eligible and how much the scheme would give, with the reasons in French."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from imtsocial.formats import money as euros
from social_action import parameters
from social_action.enums import AmountMode, Household, RateKey, Rule, Zone
from social_action.models import AidScheme, GiftCategory, IncomeBand, Rate

CENT = Decimal("0.01")

# The questions each rule asks (the request form shows only these).
RULE_FIELDS = {
    Rule.CESU_CHILDCARE: [
        "household",
        "reference_income",
        "tax_shares",
        "child_birth_date",
        "months",
    ],
    Rule.AIP: ["zone", "lease_date", "expenses"],
    Rule.AEEH: ["child_birth_date", "aeeh_notified", "aeeh_from", "aeeh_to", "months"],
    Rule.HIGHER_EDUCATION: ["child_birth_date"],
    Rule.MEAL: [],
    Rule.NONE: ["amount_asked", "reason"],
}
REQUIRED_FIELDS = {
    Rule.CESU_CHILDCARE: [
        "household",
        "reference_income",
        "tax_shares",
        "child_birth_date",
        "months",
    ],
    Rule.AIP: ["zone", "lease_date", "expenses"],
    Rule.AEEH: ["child_birth_date", "aeeh_from", "months"],
    Rule.HIGHER_EDUCATION: ["child_birth_date"],
    Rule.MEAL: [],
    Rule.NONE: ["amount_asked", "reason"],
}
AIP_ZONE_RATE = {
    Zone.HIGH_RENT: RateKey.AIP_HIGH_RENT,
    Zone.PRIORITY: RateKey.AIP_PRIORITY,
    Zone.OTHER: RateKey.AIP_OTHER,
}


@dataclass
class Estimate:
    eligible: bool = True
    amount: Decimal | None = None
    reasons: list[str] = field(default_factory=list)  # why not eligible
    notes: list[str] = field(default_factory=list)  # how the amount was found
    unverified: bool = False  # a figure used is still "à confirmer"

    def refuse(self, reason: str):
        self.eligible = False
        self.reasons.append(reason)


def money(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def age_on(birth: date, at: date) -> int:
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when less than a month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def rate(key: RateKey, at: date) -> Rate | None:
    return Rate.objects.get_in_force(at, key=key)


def cesu_band(household: str, reference_income: Decimal, tax_shares: Decimal, at: date):
    """(band number 1-3, the IncomeBand row) for the household, or (None, None)."""
    row = (
        IncomeBand.objects.in_force(at)
        .filter(household=household, tax_shares__lte=tax_shares)
        .order_by("-tax_shares", "-valid_from")
        .first()
    )
    if row is None:
        return None, None
    if reference_income <= row.band1_max:
        return 1, row
    if reference_income <= row.band2_max:
        return 2, row
    return 3, row


def _use_rate(est: Estimate, key: RateKey, at: date) -> Decimal | None:
    row = rate(key, at)
    if row is None:
        est.refuse(
            _("Aucun barème « %(rate)s » n'est en vigueur au %(date)s.")
            % {"rate": RateKey(key).label, "date": at.strftime("%d/%m/%Y")}
        )
        return None
    if not row.verified:
        est.unverified = True
    return row.amount


def estimate(scheme: AidScheme, facts, *, at: date, employee=None) -> Estimate:
    """``facts``: any object with the request's attributes (an AidRequest, unsaved or not)."""
    est = Estimate()
    if not scheme.eligible:
        est.refuse(_("Ce dispositif n'est pas ouvert au personnel de l'école."))
    if not scheme.on_request:
        est.refuse(_("Ce dispositif ne fait pas l'objet d'une demande individuelle."))
    if (
        employee is not None
        and scheme.min_seniority_months
        and (
            employee.hire_date is None
            or months_between(employee.hire_date, at) < scheme.min_seniority_months
        )
    ):
        est.refuse(
            _("Ce dispositif demande %(n)d mois d'ancienneté.") % {"n": scheme.min_seniority_months}
        )
    cap = scheme.cap_at(at)
    handler = _RULES.get(scheme.rule, _rule_none)
    handler(est, scheme, facts, at, employee, cap)
    if est.amount is not None:
        est.amount = money(max(est.amount, Decimal(0)))
        if cap is not None and est.amount > cap:
            est.amount = money(cap)
            est.notes.append(
                _("Montant ramené au plafond du dispositif (%(cap)s).") % {"cap": euros(cap)}
            )
    if not est.eligible:
        est.amount = None
    return est


def _rule_none(est, scheme, facts, at, employee, cap):
    asked = getattr(facts, "amount_asked", None)
    if asked is None:
        return
    if cap is not None and asked > cap:
        est.refuse(
            _("Le montant demandé dépasse le plafond du dispositif (%(cap)s).")
            % {"cap": euros(cap)}
        )
        return
    est.amount = asked
    if scheme.amount_mode == AmountMode.CASE_BY_CASE:
        est.notes.append(
            _("Montant décidé au cas par cas après l'évaluation de l'assistante sociale.")
        )


def _rule_cesu(est, scheme, facts, at, employee, cap):
    birth = facts.child_birth_date
    if birth is None or facts.household not in Household.values:
        return
    limit = parameters.CESU_MAX_AGE.at(at)
    if birth > at or age_on(birth, at) >= limit:
        est.refuse(
            _("Le CESU garde d'enfant concerne les enfants de moins de %(age)s ans.")
            % {"age": limit}
        )
        return
    if facts.reference_income is None or not facts.tax_shares:
        return
    band, row = cesu_band(facts.household, facts.reference_income, facts.tax_shares, at)
    if band is None:
        est.refuse(_("Aucune tranche de revenus n'est en vigueur pour ce foyer."))
        return
    if not row.verified:
        est.unverified = True
    key = RateKey(f"cesu_{facts.household}_{band}")
    yearly = _use_rate(est, key, at)
    if yearly is None:
        return
    months = facts.months or 12
    est.amount = yearly * months / 12
    est.notes.append(
        _("Tranche %(band)d : %(yearly)s par an, %(months)d mois sur 12.")
        % {"band": band, "yearly": euros(yearly), "months": months}
    )


def _rule_aip(est, scheme, facts, at, employee, cap):
    since_hire = parameters.AIP_MONTHS_SINCE_HIRE.at(at)
    if employee is not None and (
        employee.hire_date is None or months_between(employee.hire_date, at) >= since_hire
    ):
        est.refuse(
            _("L'AIP se demande dans les %(months)s mois suivant la prise de poste.")
            % {"months": since_hire}
        )
    since_lease = parameters.AIP_MONTHS_SINCE_LEASE.at(at)
    if facts.lease_date is not None and months_between(facts.lease_date, at) >= since_lease:
        est.refuse(
            _("L'AIP se demande dans les %(months)s mois suivant la signature du bail.")
            % {"months": since_lease}
        )
    if not facts.zone or facts.expenses is None:
        return
    zone_cap = _use_rate(est, AIP_ZONE_RATE[Zone(facts.zone)], at)
    if zone_cap is None:
        return
    est.amount = min(facts.expenses, zone_cap)
    est.notes.append(
        _("Montant = dépenses engagées dans la limite de %(cap)s.") % {"cap": euros(zone_cap)}
    )


def _rule_aeeh(est, scheme, facts, at, employee, cap):
    if not facts.aeeh_notified:
        est.refuse(_("Cette aide suppose une AEEH notifiée pour l'enfant."))
        return
    birth = facts.child_birth_date
    limit = parameters.AEEH_MAX_AGE.at(at)
    if birth is not None and age_on(birth, at) >= limit:
        est.refuse(_("Cette aide concerne les enfants de moins de %(age)s ans.") % {"age": limit})
        return
    if facts.aeeh_to is not None and facts.aeeh_to < at.replace(month=1, day=1):
        est.refuse(_("La notification de l'AEEH a pris fin avant l'exercice."))
        return
    monthly = _use_rate(est, RateKey.AEEH_MONTHLY, at)
    if monthly is None:
        return
    months = facts.months or 12
    est.amount = monthly * months
    est.notes.append(
        _("%(monthly)s par mois pendant %(months)d mois.")
        % {"monthly": euros(monthly), "months": months}
    )


def _rule_higher_education(est, scheme, facts, at, employee, cap):
    birth = facts.child_birth_date
    if birth is None:
        return
    low = parameters.HIGHER_EDUCATION_MIN_AGE.at(at)
    high = parameters.HIGHER_EDUCATION_MAX_AGE.at(at)
    if not low <= age_on(birth, at) <= high:
        est.refuse(
            _(
                "L'allocation concerne un enfant de %(low)s à %(high)s ans "
                "entrant dans le supérieur."
            )
            % {"low": low, "high": high}
        )
        return
    est.amount = _use_rate(est, RateKey.HIGHER_EDUCATION, at)


def _rule_meal(est, scheme, facts, at, employee, cap):
    amount = _use_rate(est, RateKey.MEAL, at)
    if amount is not None:
        est.notes.append(
            _("Subvention de %(amount)s par repas, versée au restaurant.")
            % {"amount": euros(amount)}
        )


_RULES = {
    Rule.NONE: _rule_none,
    Rule.CESU_CHILDCARE: _rule_cesu,
    Rule.AIP: _rule_aip,
    Rule.AEEH: _rule_aeeh,
    Rule.HIGHER_EDUCATION: _rule_higher_education,
    Rule.MEAL: _rule_meal,
}

# The rates each rule reads (shown on the scheme's page, « à confirmer » when unverified).
RULE_RATES = {
    Rule.CESU_CHILDCARE: [
        RateKey.CESU_COUPLE_1,
        RateKey.CESU_COUPLE_2,
        RateKey.CESU_COUPLE_3,
        RateKey.CESU_SINGLE_1,
        RateKey.CESU_SINGLE_2,
        RateKey.CESU_SINGLE_3,
    ],
    Rule.AIP: [RateKey.AIP_HIGH_RENT, RateKey.AIP_PRIORITY, RateKey.AIP_OTHER],
    Rule.MEAL: [RateKey.MEAL],
    Rule.AEEH: [RateKey.AEEH_MONTHLY],
    Rule.HIGHER_EDUCATION: [RateKey.HIGHER_EDUCATION],
}


def gift_categories(at: date) -> list[GiftCategory]:
    """The Christmas gift categories in force at ``at``, youngest first."""
    return list(GiftCategory.objects.in_force(at).order_by("max_age", "code"))


def gift_category_for(age: int, at: date) -> GiftCategory | None:
    """The category of a child of ``age`` at the event of ``at`` (None: too old)."""
    return next((c for c in gift_categories(at) if age <= c.max_age), None)


def christmas_max_age(at: date) -> int | None:
    """The oldest age the categories in force at ``at`` take (None: no category)."""
    categories = gift_categories(at)
    return categories[-1].max_age if categories else None
