"""The benchmark's exposure measurements (``manage.py bench_dataset``, ``imtsocial.datasets``).

``scaled(750)`` measurement campaigns over the last six years in the benchmark's work
units that handle chemicals (laboratories, practical-work rooms, workshops), each with
about four measurements: ``scaled(3000)`` in all, 8-hour averages and 15-minute values
of the substances that have a limit, assessed as ``compliance.assess`` does against the
limit in force at the campaign date (mostly well below, a few percent over; a
short-term value without VLCT has no limit). The exceedances older than two months
have been examined, the recent ones wait for the prevention's review.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from simple_history.utils import bulk_create_with_history

from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset
from safety.exposure.enums import ConcentrationUnit, Kind, Verdict
from safety.exposure.models import LimitValue, Measurement, MeasurementCampaign, Substance
from safety.models import WorkUnit

PARIS = ZoneInfo("Europe/Paris")
CHEMICAL_UNITS = {"lab_chem": 6, "lab_bio": 2, "teaching": 2, "workshop": 1, "lab_phys": 1}
LABORATORIES = [
    "Laboratoire de mesures accrédité (prélèvements atmosphériques)",
    "Carsat, laboratoire interrégional de chimie",
    "Bureau Veritas, laboratoire d'hygiène industrielle",
]
NOTES = [
    "Campagne périodique : postes de préparation et de nettoyage.",
    "Mesures de contrôle après changement de procédé.",
    "Mesures demandées après une observation du registre santé et sécurité.",
    "Vérification de l'efficacité du captage après travaux.",
]


def _limit(rows, day):
    for row in rows:
        if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day):
            return row
    return None


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    substances = list(Substance.objects.filter(active=True))
    limits: dict[int, list] = {}
    for row in LimitValue.objects.order_by("-valid_from"):
        limits.setdefault(row.substance_id, []).append(row)
    unit_ids = dataset.shared.get("safety_unit_ids") or list(
        WorkUnit.objects.values_list("pk", flat=True)
    )
    profiles = dataset.shared.get("safety_unit_profiles", {})
    units = [u for u in unit_ids if profiles.get(u, "lab_chem") in CHEMICAL_UNITS]
    if not substances or not units:
        return {}
    weights = [CHEMICAL_UNITS[profiles.get(u, "lab_chem")] for u in units]
    agents = dataset.shared.get("safety_agent_user_ids") or [
        dataset.shared["bench_users"][Role.PREVENTION.value].pk
    ]
    campaigns = []
    for _n in range(dataset.scaled(750)):
        campaign = MeasurementCampaign(
            work_unit_id=rng.choices(units, weights=weights)[0],
            date=today - timedelta(days=rng.randint(3, 6 * 365)),
            laboratory=rng.choice(LABORATORIES),
            notes=rng.choice(NOTES),
            created_by_id=rng.choice(agents),
        )
        campaign._history_date = datetime.combine(
            campaign.date + timedelta(days=rng.randint(7, 30)), time(10), tzinfo=PARIS
        )
        campaigns.append(campaign)
    campaigns = bulk_create_with_history(campaigns, MeasurementCampaign, batch_size=BATCH_SIZE)
    measurements, target = [], dataset.scaled(3000)
    for index, campaign in enumerate(campaigns):
        count = target // len(campaigns) + (1 if index < target % len(campaigns) else 0)
        chosen = rng.sample(substances, min(len(substances), max(1, (count + 1) // 2)))
        pairs = [(s, k) for s in chosen for k in (Kind.EIGHT_HOURS, Kind.SHORT_TERM)][:count]
        for substance, kind in pairs:
            limit = _limit(limits.get(substance.pk, []), campaign.date)
            threshold = limit.value_for(kind) if limit else None
            reference = threshold or (limit.eight_hours * 2 if limit else Decimal(50))
            ratio = rng.uniform(1.05, 1.8) if rng.random() < 0.04 else rng.uniform(0.02, 0.7)
            value = (reference * Decimal(str(round(ratio, 4)))).quantize(Decimal("0.01"))
            measurement = Measurement(
                campaign=campaign,
                substance=substance,
                kind=kind,
                duration_minutes=15 if kind == Kind.SHORT_TERM else rng.randint(380, 470),
                value=value,
                unit=ConcentrationUnit.MG_M3,
                limit=limit,
            )
            if threshold is None:
                measurement.verdict = Verdict.NO_LIMIT
            else:
                compared = value
                if limit.unit != ConcentrationUnit.MG_M3:
                    compared = value * Decimal("24.45") / substance.molar_mass
                measurement.limit_value = threshold
                measurement.limit_unit = limit.unit
                measurement.compared_value = compared.quantize(Decimal("0.0001"))
                measurement.verdict = Verdict.COMPLIANT if compared <= threshold else Verdict.OVER
            if measurement.verdict == Verdict.OVER and (today - campaign.date).days > 60:
                measurement.reviewed_at = datetime.combine(
                    campaign.date + timedelta(days=rng.randint(20, 45)), time(11), tzinfo=PARIS
                )
                measurement.reviewed_by_id = campaign.created_by_id
                measurement.review_note = "Captage renforcé et nouvelle mesure programmée."
            measurement._history_date = campaign._history_date
            measurements.append(measurement)
    measurements = bulk_create_with_history(measurements, Measurement, batch_size=BATCH_SIZE)
    return {
        "campagnes de mesures": len(campaigns),
        "mesures": len(measurements),
        "dépassements": sum(1 for m in measurements if m.verdict == Verdict.OVER),
    }
