"""Indicator definitions of the « ODD 8 » chapter, sections A to C (the computations are in
``indicators.py``; registered by ``indicators.register_all``)."""

# ruff: noqa: F403, F405
from django.utils.translation import gettext_lazy as _

from imtsocial.reports.catalogue import Indicator
from imtsocial.reports.enums import Unit
from imtsocial.reports.indicators import *

INDICATORS_A_TO_C = [
    # A. Pay and employment policy
    Indicator(
        "pay_permanent_average",
        "A",
        _("Salaire moyen mensuel brut du personnel permanent"),
        _(
            "Fonctionnaires et agents en CDI dont le contrat est en vigueur au 31 décembre, "
            "avec un salaire enregistré à cette date ; moyenne des salaires mensuels bruts en "
            "vigueur (temps partiel non converti), arrondie à l'euro."
        ),
        Unit.EUROS,
        pay_permanent_average,
        "hr:statistics",
    ),
    Indicator(
        "smic_monthly",
        "A",
        _("SMIC mensuel brut cité"),
        _(
            "SMIC mensuel brut (35 h) en vigueur à la date de rédaction du chapitre, le "
            "1er janvier de l'année suivante, arrondi à l'euro."
        ),
        Unit.EUROS,
        smic_monthly,
        "hr:statistics",
    ),
    Indicator(
        "smic_monthly_reference_date",
        "A",
        _("SMIC mensuel brut au 31 décembre"),
        _("SMIC mensuel brut (35 h) en vigueur au 31 décembre de l'année, arrondi à l'euro."),
        Unit.EUROS,
        smic_monthly_reference_date,
        "hr:statistics",
    ),
    Indicator(
        "benchmarks_below_smic",
        "A",
        _("Repères de rémunération inférieurs ou égaux au SMIC"),
        _(
            "Repères minimum de rémunération du cadre de gestion en vigueur au 31 décembre "
            "dont le montant mensuel brut n'est pas supérieur au SMIC en vigueur à cette date."
        ),
        Unit.COUNT,
        benchmarks_below_smic,
        "hr:pay_alerts",
    ),
    Indicator(
        "staff_headcount",
        "A",
        _("Effectif"),
        _("Personnes ayant un contrat en vigueur au 31 décembre, doctorants compris."),
        Unit.PEOPLE,
        staff_headcount,
        "hr:statistics",
        people=True,
    ),
    Indicator(
        "mix_permanent_pct",
        "A",
        _("Part des fonctionnaires et agents en CDI"),
        _(
            "Personnes en contrat au 31 décembre, doctorants exclus : part des fonctionnaires "
            "et CDI, en pourcentage arrondi à l'unité."
        ),
        Unit.PERCENT,
        _mix_share("permanent_pct"),
        "hr:statistics",
    ),
    Indicator(
        "mix_fixed_term_pct",
        "A",
        _("Part des agents en CDD"),
        _(
            "Personnes en contrat au 31 décembre, doctorants exclus : part des CDD et "
            "apprentis, en pourcentage arrondi à l'unité."
        ),
        Unit.PERCENT,
        _mix_share("fixed_term_pct"),
        "hr:statistics",
    ),
    Indicator(
        "mix_fixed_term_under_2y_pct",
        "A",
        _("Part des CDD de moins de 2 ans"),
        _(
            "Même population : CDD dont la durée prévue (du début à la fin, bornes incluses) "
            "est inférieure à 730 jours, en pourcentage arrondi à l'unité."
        ),
        Unit.PERCENT,
        _mix_share("fixed_term_under_2_years_pct"),
        "hr:statistics",
    ),
    Indicator(
        "mix_fixed_term_2y_or_more_pct",
        "A",
        _("Part des CDD de 2 ans ou plus"),
        _(
            "Même population : CDD dont la durée prévue est d'au moins 730 jours, en "
            "pourcentage arrondi à l'unité."
        ),
        Unit.PERCENT,
        _mix_share("fixed_term_2_years_or_more_pct"),
        "hr:statistics",
    ),
    Indicator(
        "phd_students",
        "A",
        _("Doctorants"),
        _("Personnes en contrat doctoral en vigueur au 31 décembre."),
        Unit.PEOPLE,
        phd_students,
        "hr:statistics",
        people=True,
    ),
    Indicator(
        "teleworkers_before_regime",
        "A",
        _("Télétravailleurs réguliers avant le régime exceptionnel"),
        _(
            "Agents en poste avec une autorisation de télétravail approuvée en vigueur la "
            "veille du début du régime exceptionnel de l'année (sans régime dans l'année : "
            "au 31 décembre)."
        ),
        Unit.PEOPLE,
        teleworkers_before_regime,
        "telework:statistics",
        people=True,
    ),
    Indicator(
        "teleworkers_regular",
        "A",
        _("Télétravailleurs réguliers au 31 décembre"),
        _(
            "Agents en poste avec une autorisation de télétravail approuvée en vigueur au "
            "31 décembre."
        ),
        Unit.PEOPLE,
        teleworkers_regular,
        "telework:statistics",
        people=True,
    ),
    Indicator(
        "exceptional_regime_active",
        "A",
        _("Régime exceptionnel de télétravail en vigueur au 31 décembre"),
        _(
            "Un dispositif transitoire de télétravail applicable à tout le personnel couvre-t-il "
            "le 31 décembre ?"
        ),
        Unit.YES_NO,
        exceptional_regime_active,
        "telework:regime_list",
    ),
    Indicator(
        "loans_laptops",
        "A",
        _("Ordinateurs portables prêtés"),
        _("Prêts d'ordinateurs portables commencés dans l'année (du 1er janvier au 31 décembre)."),
        Unit.COUNT,
        _loans_of("laptop"),
        "telework:loan_list",
    ),
    Indicator(
        "loans_headsets",
        "A",
        _("Casques avec micro prêtés"),
        _("Prêts de casques avec micro commencés dans l'année."),
        Unit.COUNT,
        _loans_of("headset"),
        "telework:loan_list",
    ),
    Indicator(
        "loans_screens",
        "A",
        _("Écrans 24 pouces prêtés"),
        _("Prêts d'écrans 24 pouces commencés dans l'année."),
        Unit.COUNT,
        _loans_of("screen"),
        "telework:loan_list",
    ),
    Indicator(
        "loans_desktops",
        "A",
        _("Postes fixes prêtés"),
        _("Prêts de postes fixes (configurés avec VPN et visioconférence) commencés dans l'année."),
        Unit.COUNT,
        _loans_of("desktop"),
        "telework:loan_list",
    ),
    # B. Social dialogue
    Indicator(
        "dialogue_bodies",
        "B",
        _("Instances réunies dans l'année"),
        _("Instances du dialogue social ayant tenu au moins une réunion dans l'année."),
        Unit.COUNT,
        dialogue_bodies,
        "dialogue:calendar",
    ),
    Indicator(
        "dialogue_meetings",
        "B",
        _("Réunions des instances"),
        _("Réunions des instances du dialogue social tenues dans l'année."),
        Unit.COUNT,
        dialogue_meetings,
        "dialogue:calendar",
    ),
    # C. Training, skills, talents
    Indicator(
        "training_hours",
        "C",
        _("Heures de formation suivies"),
        _(
            "Heures réellement suivies (relevées par les RH) lors des sessions commencées dans "
            "l'année, arrondies à l'heure."
        ),
        Unit.HOURS,
        _training_value("done"),
        "training:plan",
    ),
    Indicator(
        "training_hours_remote",
        "C",
        _("Heures de formation à distance suivies"),
        _("Même définition, pour les formations à distance, arrondies à l'heure."),
        Unit.HOURS,
        _training_value("remote"),
        "training:plan",
    ),
    Indicator(
        "training_people",
        "C",
        _("Personnes formées"),
        _("Personnes distinctes ayant suivi des heures de formation dans l'année."),
        Unit.PEOPLE,
        _training_value("people"),
        "training:plan",
        people=True,
    ),
    Indicator(
        "training_sessions",
        "C",
        _("Sessions de formation"),
        _("Sessions de formation commencées dans l'année."),
        Unit.COUNT,
        training_sessions,
        "training:plan",
    ),
    Indicator(
        "talent_developers_trained",
        "C",
        _("Collaborateurs formés au rôle de développeur de talents"),
        _("Développeurs de talents dont la formation est datée du 31 décembre ou avant."),
        Unit.PEOPLE,
        talent_developers_trained,
        "coaching:counts",
        people=True,
    ),
    Indicator(
        "evaluations_completion_pct",
        "C",
        _("Entretiens d'évaluation réalisés"),
        _(
            "Entretiens de la campagne de l'année dont le compte rendu est notifié, signé ou "
            "visé, en pourcentage des entretiens de la campagne, arrondi à l'unité."
        ),
        Unit.PERCENT,
        evaluations_completion_pct,
        "evaluations:campaign_list",
    ),
    Indicator(
        "critical_skills_at_risk",
        "C",
        _("Compétences critiques à risque"),
        _(
            "Compétences critiques détenues au 31 décembre (niveau maîtrise ou expertise) par "
            "trop peu de personnes, maintenant ou après les départs prévus dans l'horizon "
            "retenu par les RH."
        ),
        Unit.COUNT,
        critical_skills_at_risk,
        "skills:critical",
    ),
]
