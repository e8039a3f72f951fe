"""The kit's long lists of options (``imtsocial.forms.LeanModelChoiceField`` and
``ChoicesSelect``): the same options, labels and selection as Django's select, without
a model instance or a template loop per option."""

import pytest
from django import forms

from imtsocial.accounts.models import User
from imtsocial.forms import ChoicesSelect
from safety.forms import ActionFilterForm, EntryFilterForm
from tests.factories import UserFactory
from tests.safety.factories import ActionItemFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db


def options(html: str) -> list[str]:
    return [line.strip() for line in html.splitlines() if "<option" in line or "optgroup" in line]


def test_the_select_writes_the_markup_of_django_select():
    """Escaped values and labels, one selected option even when two share a value,
    groups kept: the same lines as Django's own ``Select`` renders."""
    choices = [
        ("", "Toutes"),
        ("1", 'R1 – Atelier "bois" & <peinture>'),
        ("Chimie", [("2", "R2 – Paillasse"), ("3", "R3 – Sorbonne")]),
        ("3", "R3 bis"),
    ]
    ours = forms.ChoiceField(choices=choices, widget=ChoicesSelect).widget.render("unit", "3")
    django = forms.ChoiceField(choices=choices).widget.render("unit", "3")
    assert options(ours) == options(django)
    assert '<option value="3" selected>R3 – Sorbonne</option>' in ours
    assert "R3 bis</option>" in ours and ours.count("selected") == 1
    assert "&quot;bois&quot; &amp; &lt;peinture&gt;" in ours


def test_the_lean_field_labels_like_the_models_and_validates_on_the_queryset():
    unit = WorkUnitFactory(code="R132", name="Laboratoire de chimie")
    form = EntryFilterForm(data={"unit": str(unit.pk)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == unit
    assert f'<option value="{unit.pk}" selected>{unit}</option>' in str(form["unit"])
    refused = EntryFilterForm(data={"unit": "999999"})
    assert not refused.is_valid()
    assert "Sélectionnez un choix valide" in refused.errors["unit"][0]


def test_a_person_without_a_name_is_listed_by_email():
    """The owners' list falls back on the e-mail address, as ``User.__str__`` does."""
    named = ActionItemFactory(owner=UserFactory(first_name="Ada", last_name="Lovelace")).owner
    nameless = User.objects.create_user(email="sans.nom@example.fr", first_name="", last_name="")
    ActionItemFactory(owner=nameless)
    html = str(ActionFilterForm()["owner"])
    assert f'<option value="{named.pk}">Ada Lovelace</option>' in html
    assert f'<option value="{nameless.pk}">sans.nom@example.fr</option>' in html


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_is_one_query_whatever_its_length(size, django_assert_num_queries):
    WorkUnitFactory.create_batch(size)
    form = EntryFilterForm()
    with django_assert_num_queries(2):  # the work units, the hazard families
        html = str(form["unit"]) + str(form["family"])
    assert len(options(html)) >= size + 1


def test_the_action_plan_totals_and_owners_follow_each_change(client, make_user):
    """The plan's totals and its lists of units and owners are kept in the cache
    (``reads=``) until an action, a unit or a person changes: each change shows at once."""
    from django.urls import reverse

    from imtsocial.accounts.roles import Role

    client.force_login(make_user(Role.PREVENTION))
    url = reverse("safety:action_list")
    ada = UserFactory(first_name="Ada", last_name="Lovelace")
    ActionItemFactory(owner=ada, budget=1000)
    page = client.get(url)
    assert page.context["totals"]["total"] == 1000
    assert "Ada Lovelace</option>" in page.content.decode()
    bob = UserFactory(first_name="Bob", last_name="Marley")
    ActionItemFactory(owner=bob, budget=500, entry__work_unit=WorkUnitFactory(code="R279"))
    page = client.get(url)
    assert page.context["totals"]["total"] == 1500  # 1 000 + 500
    html = page.content.decode()
    assert "Bob Marley</option>" in html and "R279 – " in html
    bob.last_name = "Dylan"
    bob.save()
    html = client.get(url).content.decode()
    assert "Bob Dylan</option>" in html and "Bob Marley" not in html
