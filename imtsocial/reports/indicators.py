"""Every indicator and series of the « ODD 8 » chapter, composed from the apps' stats.

Registered once, from ``ReportsConfig.ready()``. Each ``compute`` receives the reference
date of the year (its 31 December) and reads the statistics function of the app that
owns the fact, through ``shared`` so that one function runs once per year however many
indicators read it. A value of ``None`` means « no data for that year » (the module
holds no record for it): the page and the chapter print « — », never a zero as a fact.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _gettext

from imtsocial.reports.catalogue import register, register_series, shared

# The chapter quotes the SMIC in force when it is written (RULES §1): by default on
# 1 January of the next year.
PUBLICATION_DELAY = timedelta(days=1)

# Scheme codes of the aid figures of section E.
HIGHER_EDUCATION_SCHEME = "allocation-superieur"
EXCEPTIONAL_AID_SCHEME = "aide-exceptionnelle"
# Inspection kind of the « sorbonnes de laboratoire ».
FUME_HOOD_KIND = "sorbonne"
TALENT_DEVELOPER_COURSE = "Développeur de talents"


def publication_date(at: date) -> date:
    return at + PUBLICATION_DELAY


# Section A ---------------------------------------------------------------------


def _pay(at):
    from hr.stats import permanent_pay

    return shared(permanent_pay, at=at)


def _mix(at):
    from hr.stats import contract_mix

    return shared(contract_mix, at=at)


def _headcount(at):
    from hr.stats import headcount_by_contract_kind

    return shared(headcount_by_contract_kind, at=at)


def pay_permanent_average(at):
    pay = _pay(at)
    return pay.average if pay.counted else None


def _smic_monthly(day):
    from hr.stats import smic_in_force

    smic = shared(smic_in_force, at=day)
    return smic.monthly if smic else None


def smic_monthly(at):
    return _smic_monthly(publication_date(at))


def smic_monthly_reference_date(at):
    return _smic_monthly(at)


def benchmarks_below_smic(at):
    from hr.stats import benchmarks_at_or_below_smic

    return shared(benchmarks_at_or_below_smic, at=at)


def staff_headcount(at):
    return _headcount(at).total or None


def phd_students(at):
    headcount = _headcount(at)
    return headcount.by_kind["doctorant"] if headcount.total else None


def _mix_share(name):
    def compute(at):
        mix = _mix(at)
        return getattr(mix, name) if mix.total else None

    compute.__name__ = name
    return compute


def _telework(at):
    from telework.stats import telework_figures

    return shared(telework_figures, at)


def _year_has_staff(at) -> bool:
    return _telework(at).headcount > 0


def teleworkers_before_regime(at):
    """Regular teleworkers the day before the exceptional regime of the year began
    (none began: at the reference date)."""
    from telework.stats import regime_started_in, teleworkers_at

    if not _year_has_staff(at):
        return None
    regime = shared(regime_started_in, at.year)
    day = regime.start - timedelta(days=1) if regime else at
    return shared(teleworkers_at, day)


def teleworkers_regular(at):
    return _telework(at).teleworkers if _year_has_staff(at) else None


def exceptional_regime_active(at):
    if not _year_has_staff(at):
        return None
    return 1 if _telework(at).regime else 0


def _loans(at):
    from telework.stats import loans_by_kind

    return shared(loans_by_kind, date(at.year, 1, 1), at)


def _loans_of(kind):
    def compute(at):
        from telework.enums import AssetKind

        rows = _loans(at)
        if not sum(count for _label, count in rows):
            return None
        labels = dict(AssetKind.choices)
        return dict(rows).get(labels[kind], 0)

    compute.__name__ = f"loans_{kind}"
    return compute


# Section B ---------------------------------------------------------------------


def _meetings(at):
    from hr.dialogue.stats import meetings_held

    return shared(meetings_held, at.year)


def dialogue_bodies(at):
    return len(_meetings(at)) or None


def dialogue_meetings(at):
    return sum(row["meetings"] for row in _meetings(at)) or None


# Section C ---------------------------------------------------------------------


def _training(at):
    from hr.training.stats import training_hours

    return shared(training_hours, at.year)


def _training_value(key):
    def compute(at):
        row = _training(at)
        return row[key] if row["places"] or row["done"] else None

    compute.__name__ = f"training_{key}"
    return compute


def training_sessions(at):
    from hr.training.stats import sessions_of_year

    return shared(sessions_of_year, at.year) or None


def talent_developers_trained(at):
    from hr.coaching.stats import talent_developers

    return shared(talent_developers, at)["trained"] or None


def evaluations_completion_pct(at):
    from hr.evaluations.stats import completion_of_year

    row = shared(completion_of_year, at.year)
    return Decimal(str(row["rate"])) if row["rate"] is not None else None


def critical_skills_at_risk(at):
    from hr.skills.parameters import HORIZON_YEARS
    from hr.skills.stats import at_risk, critical_skills

    rows, few = shared(critical_skills, at=at, horizon_years=HORIZON_YEARS.at(at))
    return len(at_risk(rows, few)) if rows else None


# Section D ---------------------------------------------------------------------


def _network(at):
    from safety.network.stats import network_at

    return shared(network_at, at)


def prevention_agents(at):
    return _network(at)["agents"] or None


def prevention_agents_labs(at):
    network = _network(at)
    return network["in_laboratories"] if network["agents"] else None


def _first_aid(at):
    from safety.qualifications.stats import first_aiders_at

    return shared(first_aiders_at, at)


def first_aiders(at):
    row = _first_aid(at)
    return row["in_laboratories"] if row["total"] else None


def first_aiders_total(at):
    return _first_aid(at)["total"] or None


def first_aiders_labs(at):
    row = _first_aid(at)
    return row["laboratories"] if row["total"] else None


def fume_hoods_inspected(at):
    from safety.inspections.stats import inspected_in

    rows = shared(inspected_in, at.year)
    if not rows:
        return None
    return rows.get(FUME_HOOD_KIND, {}).get("equipment", 0)


def _exposure(at):
    from safety.exposure.stats import year_summary

    return shared(year_summary, at.year)


def exposure_measurements(at):
    return _exposure(at)["measurements"] or None


def exposure_exceedances(at):
    row = _exposure(at)
    return row["over"] if row["measurements"] else None


def _asbestos(at):
    from safety.asbestos.stats import locations_by_state

    return shared(locations_by_state, at)


def asbestos_locations(at):
    return _asbestos(at)["total"] or None


def asbestos_confined(at):
    row = _asbestos(at)
    return row["confined"] if row["total"] else None


def asbestos_removed(at):
    row = _asbestos(at)
    return row["removed"] if row["total"] else None


def _duerp(at):
    from safety.stats import duerp_of_year

    return shared(duerp_of_year, at.year)


def duerp_entries(at):
    row = _duerp(at)
    return row["entries"] if row else None


def duerp_actions(at):
    row = _duerp(at)
    return row["actions"] if row else None


def safety_trained(at):
    from safety.trainings.stats import people_trained

    row = shared(people_trained, at.year)
    return (row["employees"] + row["learners"]) or None


def qualifications_valid(at):
    from safety.qualifications.stats import holders_at

    return shared(holders_at, at) or None


# Section E ---------------------------------------------------------------------


def _social(at):
    from social_action.stats import social_action_figures

    return shared(social_action_figures, at.year)


def _has_social_data(row) -> bool:
    return bool(
        sum(row["appointments"].values())
        or row["beneficiaries"]
        or row["christmas_children"]
        or any(grant.amount for grant in row["grants"])
    )


def _social_value(key):
    def compute(at):
        row = _social(at)
        return row[key] if _has_social_data(row) else None

    compute.__name__ = key
    return compute


def _scheme_beneficiaries(code):
    def compute(at):
        row = _social(at)
        if not _has_social_data(row):
            return None
        figure = row["by_code"].get(code)
        return figure.beneficiaries if figure else 0

    compute.__name__ = f"aid_{code}"
    return compute


# Series ------------------------------------------------------------------------


def pay_distribution(at):
    from hr.stats import pay_distribution as distribution
    from imtsocial.formats import euros
    from imtsocial.privacy import mask

    smic = smic_monthly(at)
    rows = []
    for bucket in shared(distribution, at=at).buckets:
        rows.append(
            {
                "label": _gettext("de %(lower)s à moins de %(upper)s")
                % {"lower": euros(bucket.lower), "upper": euros(bucket.upper)},
                "lower": bucket.lower,
                "upper": bucket.upper,
                "count": bucket.count,
                "display": mask(bucket.count),
                "smic": smic is not None and bucket.lower <= smic < bucket.upper,
            }
        )
    return rows


def contract_mix_rows(at):
    from imtsocial.privacy import mask

    mix = _mix(at)
    if not mix.total:
        return []
    return [
        {"label": label, "count": count, "display": mask(count), "pct": pct}
        for label, count, pct in (
            (_gettext("Fonctionnaires et CDI"), mix.permanent, mix.permanent_pct),
            (
                _gettext("CDD de moins de 2 ans"),
                mix.fixed_term_under_2_years,
                mix.fixed_term_under_2_years_pct,
            ),
            (
                _gettext("CDD de 2 ans ou plus"),
                mix.fixed_term_2_years_or_more,
                mix.fixed_term_2_years_or_more_pct,
            ),
        )
    ]


def training_hours_by_theme(at):
    from hr.training.stats import hours_by_theme

    return [
        {"label": row["label"], "hours": row["hours"], "people": row["people"]}
        for row in shared(hours_by_theme, at.year)
    ]


def aid_beneficiaries_by_scheme(at):
    from imtsocial.privacy import mask

    row = _social(at)
    return [
        {
            "label": figure.scheme.name,
            "code": figure.scheme.code,
            "count": figure.beneficiaries,
            "display": mask(figure.beneficiaries),
        }
        for figure in row["schemes"]
        if figure.beneficiaries
    ]


def telework_by_month(at):
    from django.utils.dates import MONTHS

    from telework.stats import teleworkers_by_month

    if not _year_has_staff(at):
        return []
    return [
        {
            "label": str(MONTHS[row["month"]]),
            "month": row["month"],
            "count": row["count"],
            "regular": row["regular"],
            "regime": row["regime"],
        }
        for row in shared(teleworkers_by_month, at.year)
    ]


def meetings_by_body(at):
    return [{"label": row["name"], "count": row["meetings"]} for row in _meetings(at)]


def loans_by_kind(at):
    rows = _loans(at)
    if not sum(count for _label, count in rows):
        return []
    return [{"label": str(label), "count": count} for label, count in rows]


def exposure_by_substance(at):
    from safety.exposure.stats import measurements_by_substance_and_unit

    rows = {}
    for row in shared(measurements_by_substance_and_unit, at.year):
        line = rows.setdefault(
            row["substance__name"],
            {"label": row["substance__name"], "count": 0, "over": 0, "units": []},
        )
        line["count"] += row["measurements"]
        line["over"] += row["over"]
        if row["campaign__work_unit__code"] not in line["units"]:
            line["units"].append(row["campaign__work_unit__code"])
    return [{**line, "within_limits": line["over"] == 0} for line in rows.values()]


def first_aiders_by_laboratory(at):
    from imtsocial.privacy import mask

    return [
        {
            "label": row["laboratory"],
            "count": row["first_aiders"],
            "display": mask(row["first_aiders"]),
        }
        for row in _first_aid(at)["by_laboratory"]
    ]


# Registration ------------------------------------------------------------------


# What the definition modules read (their ``import *``), private helpers included.
__all__ = [name for name, value in list(globals().items()) if callable(value) or name.isupper()]


def register_all() -> None:
    """Called once by ``ReportsConfig.ready()``."""
    from imtsocial.reports import catalogue
    from imtsocial.reports.definitions_a_to_c import INDICATORS_A_TO_C
    from imtsocial.reports.definitions_d_e import INDICATORS_D_E, SERIES

    if catalogue.INDICATORS:
        return
    register(*INDICATORS_A_TO_C, *INDICATORS_D_E)
    register_series(*SERIES)
