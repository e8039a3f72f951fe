"""The URL conf walked for the hostile-input tests (``test_fuzz_forms``, ``test_idor_walk``).

``walk()`` lists every named route of the intranet (the Django admin, allauth and the
management pages are third-party or superuser-only: left out); ``OBJECT_MODELS`` says
which model each object id of a route points to, so that the tests build a real URL with
the id of an object that exists. A route with an object id missing from the map fails
``test_every_object_url_is_known`` — no view is forgotten.

The objects come from the demo school (``manage.py demo``), built once per module inside
a transaction rolled back at the end: every kind of object exists there.
"""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

THIRD_PARTY_PREFIXES = ("admin:", "account_", "mfa_", "usersessions_", "socialaccount_")

# url name -> {url argument: model label (its pk) or a literal value}
OBJECT_MODELS = {
    "evaluations:interview_detail": {"pk": "evaluations.EvaluationInterview"},
    "evaluations:report_edit": {"pk": "evaluations.EvaluationInterview"},
    "evaluations:interview_pdf": {"pk": "evaluations.EvaluationInterview"},
    "evaluations:interview_step": {"pk": "evaluations.EvaluationInterview", "verb": "plan"},
    "evaluations:campaign_detail": {"pk": "evaluations.EvaluationCampaign"},
    "evaluations:campaign_add_missing": {"pk": "evaluations.EvaluationCampaign"},
    "training:course_detail": {"pk": "training.Course"},
    "training:course_edit": {"pk": "training.Course"},
    "training:session_create": {"course_pk": "training.Course"},
    "training:session_detail": {"pk": "training.TrainingSession"},
    "training:session_enrol": {"pk": "training.TrainingSession"},
    "training:session_attendance": {"pk": "training.TrainingSession"},
    "training:enrolment_decide": {"pk": "training.Enrolment", "decision": "accepter"},
    "training:enrolment_cancel": {"pk": "training.Enrolment"},
    "dialogue:body_detail": {"pk": "dialogue.Body"},
    "dialogue:mandate_add": {"pk": "dialogue.Body"},
    "dialogue:meeting_add": {"pk": "dialogue.Body"},
    "dialogue:minutes_download": {"pk": "dialogue.Meeting"},
    "coaching:relationship_detail": {"pk": "coaching.CoachingRelationship"},
    "coaching:relationship_end": {"pk": "coaching.CoachingRelationship"},
    "skills:skill_edit": {"pk": "skills.Skill"},
    "skills:person": {"pk": "hr.Employee"},
    "skills:person_skill_remove": {"pk": "skills.EmployeeSkill"},
    "onboarding:detail": {"pk": "onboarding.Onboarding"},
    "onboarding:item_done": {"pk": "onboarding.OnboardingItem"},
    "hr:employee_detail": {"pk": "hr.Employee"},
    "hr:employee_edit": {"pk": "hr.Employee"},
    "hr:employee_history": {"pk": "hr.Employee"},
    "hr:contract_add": {"pk": "hr.Employee"},
    "hr:contract_edit": {"pk": "hr.Contract"},
    "hr:salary_add": {"pk": "hr.Contract"},
    "hr:salary_edit": {"pk": "hr.SalaryRecord"},
    "hr:salary_cancel": {"pk": "hr.SalaryRecord"},
    "telework:request_detail": {"pk": "telework.TeleworkRequest"},
    "telework:request_decide": {"pk": "telework.TeleworkRequest"},
    "telework:request_withdraw": {"pk": "telework.TeleworkRequest"},
    "telework:request_renew": {"pk": "telework.TeleworkRequest"},
    "telework:request_pdf": {"pk": "telework.TeleworkRequest"},
    "telework:asset_detail": {"pk": "telework.Asset"},
    "telework:asset_edit": {"pk": "telework.Asset"},
    "telework:loan_checkout": {"pk": "telework.Asset"},
    "telework:loan_detail": {"pk": "telework.Loan"},
    "telework:loan_checkin": {"pk": "telework.Loan"},
    "telework:loan_accept": {"pk": "telework.Loan"},
    "telework:loan_agreement": {"pk": "telework.Loan"},
    "prevention_network:edit": {"pk": "prevention_network.Appointment"},
    "prevention_network:end": {"pk": "prevention_network.Appointment"},
    "prevention_network:letter": {"pk": "prevention_network.Appointment"},
    "qualifications:type_edit": {"pk": "qualifications.QualificationType"},
    "qualifications:detail": {"pk": "qualifications.Qualification"},
    "qualifications:edit": {"pk": "qualifications.Qualification"},
    "qualifications:certificate": {"pk": "qualifications.Qualification"},
    "inspections:equipment_detail": {"pk": "inspections.ControlledEquipment"},
    "inspections:equipment_edit": {"pk": "inspections.ControlledEquipment"},
    "inspections:equipment_transition": {
        "pk": "inspections.ControlledEquipment",
        "verb": "withdraw",
    },
    "inspections:inspection_create": {"pk": "inspections.ControlledEquipment"},
    "inspections:inspection_report": {"pk": "inspections.Inspection"},
    "inspections:action_open": {"pk": "inspections.Inspection"},
    "inspections:kind_edit": {"pk": "inspections.EquipmentKind"},
    "exposure:campaign_detail": {"pk": "exposure.MeasurementCampaign"},
    "exposure:campaign_edit": {"pk": "exposure.MeasurementCampaign"},
    "exposure:campaign_report": {"pk": "exposure.MeasurementCampaign"},
    "exposure:measurement_add": {"pk": "exposure.MeasurementCampaign"},
    "exposure:measurement_delete": {"pk": "exposure.Measurement"},
    "exposure:measurement_review": {"pk": "exposure.Measurement"},
    "exposure:substance_edit": {"pk": "exposure.Substance"},
    "asbestos:location_detail": {"pk": "asbestos.Location"},
    "asbestos:location_edit": {"pk": "asbestos.Location"},
    "asbestos:child_add": {"pk": "asbestos.Location", "kind": "assessment"},
    "registers:rsst_detail": {"pk": "registers.RsstEntry"},
    "registers:rsst_edit": {"pk": "registers.RsstEntry"},
    "registers:rsst_answer": {"pk": "registers.RsstEntry"},
    "registers:rsst_acknowledge": {"pk": "registers.RsstEntry"},
    "registers:rsst_close": {"pk": "registers.RsstEntry"},
    "registers:rsst_action": {"pk": "registers.RsstEntry"},
    "registers:dgi_detail": {"pk": "registers.DgiReport"},
    "registers:dgi_investigate": {"pk": "registers.DgiReport"},
    "registers:dgi_decide": {"pk": "registers.DgiReport"},
    "registers:accident_detail": {"pk": "registers.WorkAccident"},
    "registers:accident_edit": {"pk": "registers.WorkAccident"},
    "safety_trainings:session_detail": {"pk": "safety_trainings.SafetySession"},
    "safety_trainings:session_edit": {"pk": "safety_trainings.SafetySession"},
    "safety_trainings:attendance_add": {"pk": "safety_trainings.SafetySession"},
    "safety_trainings:attendance_remove": {
        "pk": "safety_trainings.SafetySession",
        "attendance_pk": "safety_trainings.Attendance",
    },
    "safety_trainings:learner_edit": {"pk": "safety_trainings.Learner"},
    "safety_trainings:exposure_edit": {"pk": "safety_trainings.RoadRiskExposure"},
    "safety_trainings:quiz_result": {"pk": "safety_trainings.QuizAttempt"},
    "safety_trainings:question_edit": {"pk": "safety_trainings.QuizQuestion"},
    "safety:unit_detail": {"pk": "safety.WorkUnit"},
    "safety:unit_edit": {"pk": "safety.WorkUnit"},
    "safety:hazard_choose": {"unit_pk": "safety.WorkUnit"},
    "safety:entry_create": {"unit_pk": "safety.WorkUnit"},
    "safety:entry_detail": {"pk": "safety.RiskEntry"},
    "safety:entry_edit": {"pk": "safety.RiskEntry"},
    "safety:entry_comment": {"pk": "safety.RiskEntry"},
    "safety:action_create": {"entry_pk": "safety.RiskEntry"},
    "safety:hazard_edit": {"pk": "safety.Hazard"},
    "safety:action_edit": {"pk": "safety.ActionItem"},
    "safety:action_status": {"pk": "safety.ActionItem"},
    "safety:edition_detail": {"pk": "safety.DuerpEdition"},
    "safety:edition_diff": {"pk": "safety.DuerpEdition"},
    "safety:edition_download": {"pk": "safety.DuerpEdition"},
    "social_action:scheme_detail": {"pk": "social_action.AidScheme"},
    "social_action:request_new": {"scheme_pk": "social_action.AidScheme"},
    "social_action:request_detail": {"pk": "social_action.AidRequest"},
    "social_action:request_edit": {"pk": "social_action.AidRequest"},
    "social_action:request_submit": {"pk": "social_action.AidRequest"},
    "social_action:request_delete": {"pk": "social_action.AidRequest"},
    "social_action:request_documents": {"pk": "social_action.AidRequest"},
    "social_action:request_message": {"pk": "social_action.AidRequest"},
    "social_action:request_decide": {"pk": "social_action.AidRequest"},
    "social_action:document_download": {"pk": "social_action.AidDocument"},
    "social_action:slot_book": {"pk": "social_action.Slot"},
    "social_action:booking_cancel": {"pk": "social_action.Booking"},
    "social_action:event_edit": {"pk": "social_action.Event"},
    "social_action:association_edit": {"pk": "social_action.Association"},
    "social_action:event_detail": {"pk": "social_action.Event"},
    "social_action:event_register": {"pk": "social_action.Event"},
    "social_action:event_unregister": {"pk": "social_action.Event"},
    "social_action:event_lists": {"pk": "social_action.Event"},
    "reports:edition_status": {"pk": "reports.Edition"},
    "reports:edition_download": {"pk": "reports.Edition"},
    "reports:declared_edit": {"pk": "reports.DeclaredValue"},
    "refdata:withdraw": {"slug": "smic", "pk": "hr.SmicRate"},
    "imports:detail": {"pk": "imports.ImportJob"},
    "imports:status": {"pk": "imports.ImportJob"},
    "imports:confirm": {"pk": "imports.ImportJob"},
    "imports:cancel": {"pk": "imports.ImportJob"},
    "accounts:person_roles": {"pk": "accounts.User"},
    # routes whose arguments are not object ids
    "hr:employee_export": {"fmt": "csv"},
    "reports:figures": {"year": 2020},
    "reports:figures_export": {"year": 2020, "format": "csv"},
    "refdata:table": {"slug": "smic"},
    "imports:sample": {"name": "employes.csv"},
    "asbestos:sheet": {"site_pk": "hr.Site", "building": "A"},
}


def walk(*, with_views=False):
    """(name, route, converters[, view]) of every named route of the intranet."""

    def _walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from _walk(pattern, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern), pattern.pattern.converters, pattern

    from django.conf import settings

    for name, route, converters, pattern in _walk(get_resolver(), "", None):
        if name.startswith(THIRD_PARTY_PREFIXES) or route.startswith(
            ("comptes/", settings.DJANGO_ADMIN_PATH)
        ):
            continue
        yield (
            (name, route, converters, pattern.callback)
            if with_views
            else (
                name,
                route,
                converters,
            )
        )


def object_id_args(name) -> dict[str, str]:
    """The arguments of ``name`` that are object ids: {argument: model label}."""
    return {arg: value for arg, value in OBJECT_MODELS.get(name, {}).items() if _is_model(value)}


def _is_model(value) -> bool:
    return isinstance(value, str) and "." in value and value.split(".")[1][:1].isupper()


def objects_for(name) -> list:
    """The objects ``url_for(name)`` points to."""
    return [
        apps.get_model(label).objects.order_by("pk").first()
        for label in object_id_args(name).values()
    ]


def url_for(name, *, ids=None) -> str:
    """``name``'s URL with the first object of each model (``ids`` overrides some)."""
    kwargs = {}
    for arg, value in OBJECT_MODELS.get(name, {}).items():
        if ids and arg in ids:
            kwargs[arg] = ids[arg]
        elif _is_model(value):
            obj = apps.get_model(value).objects.order_by("pk").first()
            assert obj is not None, f"the demo has no {value} for {name}"
            kwargs[arg] = obj.pk
        else:
            kwargs[arg] = value
    return reverse(name, kwargs=kwargs)


def _complete_the_demo():
    """What the demo does not build: an import job and a report edition."""
    from hr.enums import ImportKind
    from imtsocial.accounts.models import User
    from imtsocial.accounts.roles import Role
    from imtsocial.demo import demo_email
    from imtsocial.imports.models import ImportJob
    from imtsocial.reports.models import Edition

    hr = User.objects.get(email=demo_email(Role.HR))
    ImportJob.objects.create(kind=ImportKind.EMPLOYEES, original_name="agents.csv", created_by=hr)
    Edition.objects.create(year=2020, requested_by=hr)


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The demo school, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), override_settings(EMBEDDED=True), transaction.atomic():
        call_command("demo", stdout=StringIO())
        _complete_the_demo()
        yield
        transaction.set_rollback(True)
