"""Indicator definitions of the « ODD 8 » chapter, sections D and E, and the series
(the computations are in ``indicators.py``; registered by ``indicators.register_all``)."""

# ruff: noqa: F403, F405
from django.utils.translation import gettext_lazy as _

from imtsocial.reports.catalogue import Indicator, Series
from imtsocial.reports.enums import Unit
from imtsocial.reports.indicators import *

INDICATORS_D_E = [
    # D. Prevention
    Indicator(
        "prevention_agents",
        "D",
        _("Agents de prévention"),
        _(
            "Assistants et conseiller de prévention nommés au 31 décembre, chaque personne "
            "comptée une fois."
        ),
        Unit.PEOPLE,
        prevention_agents,
        "prevention_network:index",
        people=True,
    ),
    Indicator(
        "prevention_agents_labs",
        "D",
        _("Agents de prévention affectés dans les laboratoires"),
        _("Parmi eux, les personnes nommées pour un laboratoire au 31 décembre."),
        Unit.PEOPLE,
        prevention_agents_labs,
        "prevention_network:index",
        people=True,
    ),
    Indicator(
        "first_aiders",
        "D",
        _("Sauveteurs-secouristes du travail dans les laboratoires"),
        _(
            "Agents d'un laboratoire titulaires d'une qualification SST valide au 31 décembre, "
            "chaque personne comptée une fois."
        ),
        Unit.PEOPLE,
        first_aiders,
        "qualifications:summary",
        people=True,
    ),
    Indicator(
        "first_aiders_total",
        "D",
        _("Sauveteurs-secouristes du travail"),
        _("Agents titulaires d'une qualification SST valide au 31 décembre, tous services."),
        Unit.PEOPLE,
        first_aiders_total,
        "qualifications:summary",
        people=True,
    ),
    Indicator(
        "first_aiders_labs",
        "D",
        _("Laboratoires couverts par des sauveteurs-secouristes"),
        _("Laboratoires comptant au moins un SST valide au 31 décembre."),
        Unit.COUNT,
        first_aiders_labs,
        "qualifications:summary",
    ),
    Indicator(
        "fume_hoods_inspected",
        "D",
        _("Sorbonnes de laboratoire contrôlées"),
        _("Sorbonnes distinctes ayant fait l'objet d'un contrôle daté de l'année."),
        Unit.COUNT,
        fume_hoods_inspected,
        "inspections:index",
    ),
    Indicator(
        "exposure_measurements",
        "D",
        _("Mesures d'exposition aux agents chimiques"),
        _("Mesures des campagnes datées de l'année."),
        Unit.COUNT,
        exposure_measurements,
        "exposure:campaign_list",
    ),
    Indicator(
        "exposure_exceedances",
        "D",
        _("Dépassements des valeurs limites d'exposition"),
        _("Mesures de l'année au-dessus de la valeur limite en vigueur à la date de la campagne."),
        Unit.COUNT,
        exposure_exceedances,
        "exposure:campaign_list",
    ),
    Indicator(
        "asbestos_locations",
        "D",
        _("Localisations amiantées recensées"),
        _("Localisations du dossier technique amiante identifiées au 31 décembre."),
        Unit.COUNT,
        asbestos_locations,
        "asbestos:stats",
    ),
    Indicator(
        "asbestos_confined",
        "D",
        _("Localisations amiantées confinées"),
        _(
            "Localisations dont la dernière mesure réalisée au 31 décembre est un confinement "
            "ou un recouvrement."
        ),
        Unit.COUNT,
        asbestos_confined,
        "asbestos:stats",
    ),
    Indicator(
        "asbestos_removed",
        "D",
        _("Localisations désamiantées"),
        _("Localisations dont la dernière mesure réalisée au 31 décembre est un retrait."),
        Unit.COUNT,
        asbestos_removed,
        "asbestos:stats",
    ),
    Indicator(
        "duerp_entries",
        "D",
        _("Risques évalués dans le document unique"),
        _("Risques de la dernière édition du DUERP publiée pour l'année."),
        Unit.COUNT,
        duerp_entries,
        "safety:edition_list",
    ),
    Indicator(
        "duerp_actions",
        "D",
        _("Actions du plan de prévention"),
        _("Actions de la dernière édition du DUERP publiée pour l'année."),
        Unit.COUNT,
        duerp_actions,
        "safety:edition_list",
    ),
    Indicator(
        "safety_trained",
        "D",
        _("Personnes formées à la santé et sécurité au travail"),
        _(
            "Personnes distinctes présentes à une formation santé et sécurité de l'année "
            "(personnels, élèves, apprentis et stagiaires)."
        ),
        Unit.PEOPLE,
        safety_trained,
        "safety_trainings:session_list",
        people=True,
    ),
    Indicator(
        "qualifications_valid",
        "D",
        _("Personnes habilitées"),
        _("Personnes titulaires d'au moins une habilitation valide au 31 décembre."),
        Unit.PEOPLE,
        qualifications_valid,
        "qualifications:summary",
        people=True,
    ),
    # E. Quality of life and social action
    Indicator(
        "appointments",
        "E",
        _("Rendez-vous avec la correspondante d'action sociale"),
        _("Rendez-vous de permanence pris dans l'année, annulations exclues."),
        Unit.COUNT,
        _social_value("appointments_correspondent"),
        "social_action:statistics",
    ),
    Indicator(
        "aid_higher_education",
        "E",
        _("Bénéficiaires de l'allocation aux enfants entrant dans l'enseignement supérieur"),
        _("Personnes distinctes ayant reçu cette aide (accordée ou payée) au titre de l'année."),
        Unit.PEOPLE,
        _scheme_beneficiaries(HIGHER_EDUCATION_SCHEME),
        "social_action:statistics",
        people=True,
    ),
    Indicator(
        "aid_exceptional",
        "E",
        _("Bénéficiaires d'une aide exceptionnelle"),
        _("Personnes distinctes ayant reçu une aide exceptionnelle au titre de l'année."),
        Unit.PEOPLE,
        _scheme_beneficiaries(EXCEPTIONAL_AID_SCHEME),
        "social_action:statistics",
        people=True,
    ),
    Indicator(
        "aid_beneficiaries",
        "E",
        _("Bénéficiaires d'une aide sociale"),
        _("Personnes distinctes ayant reçu au moins une aide au titre de l'année."),
        Unit.PEOPLE,
        _social_value("beneficiaries"),
        "social_action:statistics",
        people=True,
    ),
    Indicator(
        "consultations_lawyer_psychologist",
        "E",
        _("Consultations d'un avocat ou d'un psychologue"),
        _("Rendez-vous avec l'avocat ou le psychologue pris dans l'année, annulations exclues."),
        Unit.COUNT,
        _social_value("consultations_lawyer_psychologist"),
        "social_action:statistics",
    ),
    Indicator(
        "consultations_social_worker",
        "E",
        _("Consultations de l'assistante sociale"),
        _("Rendez-vous avec l'assistante sociale pris dans l'année, annulations exclues."),
        Unit.COUNT,
        _social_value("consultations_social_worker"),
        "social_action:statistics",
    ),
    Indicator(
        "christmas_children",
        "E",
        _("Enfants inscrits à l'arbre de Noël"),
        _("Enfants inscrits à l'arbre de Noël de l'année."),
        Unit.PEOPLE,
        _social_value("christmas_children"),
        "social_action:statistics",
        people=True,
    ),
    Indicator(
        "newsletters",
        "E",
        _("Lettres d'information internes publiées"),
        _("Valeur déclarée par les RH, avec sa source : lettres internes publiées dans l'année."),
        Unit.COUNT,
        None,
        declared=True,
    ),
    Indicator(
        "testimonials",
        "E",
        _("Témoignages publiés"),
        _("Valeur déclarée : témoignages de personnels publiés dans l'année."),
        Unit.COUNT,
        None,
        declared=True,
    ),
    Indicator(
        "workstation_photos",
        "E",
        _("Photos de postes de travail à domicile partagées"),
        _("Valeur déclarée : photos de postes de télétravail partagées dans l'année."),
        Unit.COUNT,
        None,
        declared=True,
    ),
    Indicator(
        "green_line",
        "E",
        _("Numéro vert de soutien psychologique"),
        _("Valeur déclarée : le numéro vert a-t-il fonctionné dans l'année (1 oui, 0 non) ?"),
        Unit.YES_NO,
        None,
        declared=True,
    ),
]

SERIES = [
    Series(
        "pay_distribution",
        "A",
        _("Répartition des salaires du personnel permanent"),
        _(
            "Personnel permanent avec un salaire au 31 décembre, par tranche de 500 € de "
            "salaire mensuel brut ; la tranche du SMIC cité est signalée."
        ),
        pay_distribution,
        "hr:statistics",
    ),
    Series(
        "contract_mix",
        "A",
        _("Répartition du personnel par type de contrat"),
        _("Personnes en contrat au 31 décembre, doctorants exclus."),
        contract_mix_rows,
        "hr:statistics",
    ),
    Series(
        "telework_by_month",
        "A",
        _("Télétravail au fil de l'année"),
        _(
            "Au dernier jour de chaque mois : personnes en télétravail (tout le personnel en "
            "poste pendant un régime exceptionnel, sinon les télétravailleurs réguliers)."
        ),
        telework_by_month,
        "telework:statistics",
    ),
    Series(
        "loans_by_kind",
        "A",
        _("Équipements prêtés par type"),
        _("Prêts commencés dans l'année, par type d'équipement."),
        loans_by_kind,
        "telework:loan_list",
    ),
    Series(
        "meetings_by_body",
        "B",
        _("Réunions par instance"),
        _("Réunions tenues dans l'année, par instance (nom à la date de la dernière réunion)."),
        meetings_by_body,
        "dialogue:calendar",
    ),
    Series(
        "training_hours_by_theme",
        "C",
        _("Heures de formation par thème"),
        _("Heures suivies lors des sessions commencées dans l'année, par thème."),
        training_hours_by_theme,
        "training:plan",
    ),
    Series(
        "first_aiders_by_laboratory",
        "D",
        _("Sauveteurs-secouristes par laboratoire"),
        _("SST valides au 31 décembre, par laboratoire."),
        first_aiders_by_laboratory,
        "qualifications:summary",
    ),
    Series(
        "exposure_by_substance",
        "D",
        _("Mesures d'exposition par substance"),
        _(
            "Mesures des campagnes de l'année par substance, avec les locaux mesurés ; « dans "
            "les limites » quand aucune ne dépasse la valeur limite."
        ),
        exposure_by_substance,
        "exposure:campaign_list",
    ),
    Series(
        "aid_beneficiaries_by_scheme",
        "E",
        _("Bénéficiaires des aides par dispositif"),
        _("Personnes distinctes ayant reçu une aide de l'année, par dispositif."),
        aid_beneficiaries_by_scheme,
        "social_action:statistics",
    ),
]
