"""Talent developers' coaching: the hierarchy rule, privacy of the pair, and the walk of
every object URL of the intranet as a talent developer."""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import timezone

from hr.coaching import services
from hr.coaching.models import CoachingRelationship, CoachingSession, EndReason
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from tests.factories import TalentDeveloperFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(make_user):
    """The person, their manager and the manager's manager — all three talent developers
    but the person — and an outside talent developer."""
    n2 = make_user(Role.TALENT_DEVELOPER)
    manager = make_user(Role.TALENT_DEVELOPER, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    outside = make_user(Role.TALENT_DEVELOPER)
    return person, manager, n2, outside


def _developer(user):
    return user.employee.talent_developer


def test_a_coach_never_coaches_someone_they_manage_evaluate_or_endorse(line):
    person, manager, n2, outside = line
    for refused in (manager, n2):
        with pytest.raises(DomainError, match="ligne hiérarchique"):
            services.coach_choose(coachee=person.employee, coach=_developer(refused), by=person)
    # Nor can a manager choose their own report as coach.
    report_coach = TalentDeveloperFactory(employee__manager=outside.employee)
    with pytest.raises(DomainError, match="Vous encadrez"):
        services.coach_choose(coachee=outside.employee, coach=report_coach, by=outside)
    assert set(services.available_coaches(person.employee)) == {
        _developer(outside),
        report_coach,
    }
    relationship = services.coach_choose(
        coachee=person.employee, coach=_developer(outside), by=person
    )
    assert relationship.is_open
    with pytest.raises(DomainError, match="déjà un développeur de talents"):
        services.coach_choose(coachee=person.employee, coach=report_coach, by=person)


def test_choosing_oneself_is_refused(make_user):
    developer = make_user(Role.TALENT_DEVELOPER)
    with pytest.raises(DomainError, match="votre propre développeur"):
        services.coach_choose(coachee=developer.employee, coach=_developer(developer), by=developer)


def test_the_relationship_ends_when_the_coach_becomes_the_manager(line):
    person, _manager, _n2, outside = line
    relationship = services.coach_choose(
        coachee=person.employee, coach=_developer(outside), by=person
    )
    employee = person.employee
    employee.manager = outside.employee
    employee.save()
    relationship.refresh_from_db()
    assert (relationship.ended_on, relationship.end_reason) == (
        timezone.localdate(),
        EndReason.HIERARCHY,
    )


def test_sessions_are_seen_by_the_pair_only(client, line, make_user):
    person, manager, _n2, outside = line
    relationship = services.coach_choose(
        coachee=person.employee, coach=_developer(outside), by=person
    )
    url = relationship.get_absolute_url()
    client.force_login(outside)
    today = timezone.localdate()
    response = client.post(url, {"date": (today + timedelta(days=1)).isoformat(), "notes": "x"})
    assert response.context["form"].errors["date"] == ["Une séance se note une fois tenue."]
    client.post(url, {"date": today.isoformat(), "notes": "Projet de mobilité."})
    assert CoachingSession.objects.get().notes == "Projet de mobilité."
    client.force_login(person)
    assert "Projet de mobilité." in client.get(url).content.decode()
    # The coachee reads but does not write the notes.
    client.post(url, {"date": today.isoformat(), "notes": "Ajout"})
    assert CoachingSession.objects.count() == 1
    for stranger in (
        manager,
        make_user(Role.HR),
        make_user(Role.DIRECTOR),
        make_user(Role.TALENT_DEVELOPER),
        make_user(Role.DPO),
    ):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        end = reverse("coaching:relationship_end", args=[relationship.pk])
        assert client.post(end, {"version": "0"}).status_code == 404
    assert CoachingRelationship.objects.get().is_open
    client.force_login(make_user(Role.HR))
    page = client.get(reverse("coaching:counts")).content.decode()
    assert "1 accompagnements en cours" in page and "Projet" not in page


# The walk of every object URL as a talent developer -------------------------------

# Pages a talent developer may open with an object id that is not theirs: the shared
# catalogue, sessions, bodies and minutes, open to every member of staff.
OPEN_TO_STAFF = {
    "safety:edition_detail",  # published DUERP editions are open to every employee
    "safety:edition_diff",
    "safety:edition_download",
    "social_action:scheme_detail",  # the catalogue of aid schemes and its request form
    "social_action:request_new",
    "social_action:event_detail",
    "training:course_detail",
    "training:session_detail",
    "dialogue:body_detail",
    "dialogue:minutes_download",
}


def _object_url_names():
    """Every named URL of the intranet whose only parameters are ids (``<int:…>``)."""
    found = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
                continue
            converters = getattr(pattern.pattern, "converters", {})
            ids_only = converters and all(isinstance(c, IntConverter) for c in converters.values())
            if isinstance(pattern, URLPattern) and pattern.name and ids_only:
                found.add((f"{namespace}:{pattern.name}", tuple(converters)))

    walk(get_resolver().url_patterns, "")
    return found


def test_a_talent_developer_gets_404_on_every_object_url_with_someone_elses_id(
    client, make_user, settings, tmp_path
):
    """Ids 1 to 400 of every object URL (evaluations, files, pay, contracts, aid files,
    telework, loans, DUERP…) after a demo-like world of other people's records: 404 or a
    refusal, never a page — but for the pages open to every member of staff."""
    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path
    call_command("demo", force=True, verbosity=0)
    developer = make_user(Role.TALENT_DEVELOPER)
    client.force_login(developer)
    checked, opened = 0, set()
    for name, params in sorted(_object_url_names()):
        if name.startswith("admin:") or name in OPEN_TO_STAFF:
            continue
        for pk in (1, 2, 7, 40, 400):
            url = reverse(name, kwargs=dict.fromkeys(params, pk))
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            status = response.status_code
            if status not in (403, 404, 405):
                opened.add(name)
            checked += 1
    assert opened == set()
    assert checked > 100
