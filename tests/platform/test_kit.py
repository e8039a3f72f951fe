"""The platform kit: domain errors, the optimistic lock, state machines."""

import pytest
from django import forms
from django.db import transaction
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.errors import ConcurrentChangeError, DomainError, IllegalTransitionError
from imtsocial.locking import ANY, bump_version, lock
from imtsocial.transitions import StateMachine, Transition
from social_action.enums import RequestStatus
from telework.models import Asset
from tests.social_action.factories import AidRequestFactory
from tests.telework.factories import AssetFactory


class _Form(forms.Form):
    end = forms.DateField(required=False)


def test_a_domain_error_goes_next_to_its_field_or_on_top():
    form = _Form({})
    assert form.is_valid()
    DomainError.from_dict(
        {"end": ["Fin trop tôt."], None: ["Refusé."], "gone": ["Ailleurs."]}
    ).add_to_form(form)
    assert form.errors["end"] == ["Fin trop tôt."]
    # a field the form does not have: the message is shown at the top, not lost
    assert form.non_field_errors() == ["Refusé.", "Ailleurs."]


def test_a_domain_error_keeps_each_message():
    error = DomainError("Un refus doit être motivé.", "Indiquez la date de l'entretien.")
    assert error.messages == ["Un refus doit être motivé.", "Indiquez la date de l'entretien."]
    assert ConcurrentChangeError().messages[0].startswith("Quelqu'un d'autre a modifié")


@pytest.mark.django_db
def test_the_lock_bumps_the_version_and_refuses_a_stale_one():
    asset = AssetFactory()
    with transaction.atomic():
        locked = lock(Asset, asset.pk, version=0)
        assert locked.version == 1
        locked.save()
    for stale in (0, None, "", "abc", "1.5", True):
        with pytest.raises(ConcurrentChangeError), transaction.atomic():
            lock(Asset, asset.pk, version=stale)
    with transaction.atomic():
        assert lock(Asset, asset.pk, version=ANY).version == 2


@pytest.mark.django_db
def test_bump_version_sets_the_next_version_on_an_edited_instance():
    asset = AssetFactory()
    asset.serial = "EDITED"
    with transaction.atomic():
        bump_version(asset, version="0")
        asset.save()
    asset.refresh_from_db()
    assert (asset.serial, asset.version) == ("EDITED", 1)


@pytest.mark.django_db(transaction=True)
def test_the_lock_needs_a_transaction():
    asset = AssetFactory()
    with pytest.raises(RuntimeError):
        lock(Asset, asset.pk)


FLOW = StateMachine(
    Transition("submit", {"draft"}, "submitted", actor="author"),
    Transition("approve", {"submitted"}, "approved", actor="boss"),
    Transition("edit", {"draft"}, None, actor="author"),
    choices=RequestStatus,
)


class _Obj:
    def __init__(self, status):
        self.status = status


def test_a_state_machine_moves_and_refuses_in_french():
    obj = _Obj("draft")
    FLOW.apply(obj, "edit")
    assert obj.status == "draft"  # an action without a target keeps the state
    FLOW.apply(obj, "submit")
    assert obj.status == "submitted"
    with pytest.raises(IllegalTransitionError, match="pas possible dans l'état « Déposée »"):
        FLOW.apply(obj, "submit")
    assert obj.status == "submitted"
    with pytest.raises(IllegalTransitionError, match="« Déposée » à « Brouillon »"):
        FLOW.move_to(obj, "draft")
    assert FLOW.move_to(obj, "approved") == "approve"


def test_permissions_come_from_the_same_table():
    actors = {"author": lambda user, obj: user == "ana", "boss": lambda user, obj: user == "bob"}
    draft = _Obj("draft")
    assert FLOW.can("ana", draft, "submit", actors)
    assert not FLOW.can("bob", draft, "submit", actors)  # not the actor
    assert not FLOW.can("bob", draft, "approve", actors)  # not the state
    assert FLOW.verbs_for(draft, actor="author") == ["submit", "edit"]
    assert FLOW.targets_from(draft) == ["submitted"]


def test_a_verb_appears_once():
    with pytest.raises(ValueError):
        StateMachine(Transition("a", {"x"}, "y"), Transition("a", {"y"}, "x"))


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["abc", "-1", "1e3", ""])
def test_a_malformed_version_in_a_post_is_a_french_message(client, make_user, version):
    user = make_user(Role.EMPLOYEE)
    aid = AidRequestFactory(requester=user.employee)
    client.force_login(user)
    response = client.post(
        reverse("social_action:request_submit", args=[aid.pk]), {"version": version}, follow=True
    )
    assert response.status_code == 200
    aid.refresh_from_db()
    assert aid.status == RequestStatus.DRAFT
    text = response.content.decode()
    assert "rechargez-la puis recommencez" in text or "Quelqu&#x27;un d&#x27;autre" in text


@pytest.mark.django_db
def test_saving_a_risk_entry_unchanged_records_no_history():
    from tests.safety.factories import RatingMethodFactory, RiskEntryFactory

    RatingMethodFactory()
    entry = RiskEntryFactory(existing_measures="Sorbonne\nGants nitrile")
    # a browser sends the same text with CR LF line breaks
    entry.existing_measures = "Sorbonne\r\nGants nitrile"
    entry.save()
    entry.save()
    entry.refresh_from_db()
    assert entry.existing_measures == "Sorbonne\nGants nitrile"
    assert entry.history.count() == 1  # the creation only
    entry.existing_measures = "Sorbonne\nGants nitrile\nLunettes"
    entry.save()
    assert entry.history.count() == 2
