"""French and English done properly (issue UX point 10): « 1er décembre », elision,
one amount formatter, French plurals, sizes in Ko/Mo, French collation of names, and
English pages with no French left in them."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from hr.enums import ImportKind
from hr.models import Employee, SmicRate
from imtsocial import collation, formats
from imtsocial.accounts.roles import Role
from imtsocial.imports.services import import_job_analyse, import_job_create
from imtsocial.periods import last_31_december, last_closed_year
from tests.factories import ContractFactory, EmployeeFactory, UserFactory

NBSP = "\u00a0"


def render(source, **context):
    return Template("{% load i18n imtsocial %}" + source).render(Context(context))


# Elision ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Le dossier de Élodie Agent", "Élodie Agent", "Le dossier d'Élodie Agent"),
        ("Le dossier de Hélène Ressources", "Hélène Ressources", "Le dossier d'Hélène Ressources"),
        ("Le dossier de Marc Manager", "Marc Manager", "Le dossier de Marc Manager"),
        ("Alors que Isabelle arrive", "Isabelle", "Alors qu'Isabelle arrive"),
        # only before the name given: « de » elsewhere in the sentence is left alone
        ("Demande de aide de Inès", "Inès", "Demande de aide d'Inès"),
    ],
)
def test_elision_before_a_name(text, name, expected):
    with translation.override("fr"):
        assert formats.elide(text, name) == expected


def test_elision_is_french_only_and_in_templates():
    with translation.override("en"):
        assert formats.elide("Record of Élodie", "Élodie") == "Record of Élodie"
    with translation.override("fr"):
        assert formats.of_name("Marc") == "de Marc"
        assert formats.of_name("Élodie") == "d'Élodie"
        html = render(
            "{% blocktranslate with name=n asvar t %}Compétences de {{ name }}"
            "{% endblocktranslate %}{{ t|elide:n }}",
            n="Élodie <Agent>",
        )
        # the name stays escaped, the elision is made
        assert html == "Compétences d'Élodie &lt;Agent&gt;"


@pytest.mark.django_db
def test_e_mail_subjects_elide_the_name(mailoutbox, make_user, django_capture_on_commit_callbacks):
    from telework.enums import RequestStatus
    from telework.notifications import telework_request_step
    from tests.telework.factories import TeleworkRequestFactory

    manager = make_user(Role.EMPLOYEE)
    employee = EmployeeFactory(
        first_name="Élodie", last_name="Agent", manager=manager.employee, with_login=True
    )
    request = TeleworkRequestFactory(employee=employee)
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        telework_request_step(request=request, event=RequestStatus.SUBMITTED)
    subjects = [m.subject for m in mailoutbox]
    assert "Télétravail : demande d'Élodie Agent à examiner" in subjects, subjects


# Dates --------------------------------------------------------------------------------


def test_dates_in_a_sentence():
    moment = timezone.make_aware(datetime(2020, 12, 17, 10, 0))
    with translation.override("fr"):
        assert formats.long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert formats.long_datetime(moment) == "17 décembre 2020 à 10:00"
    with translation.override("en"):
        assert formats.long_date(date(2026, 12, 1)) == "1 December 2026"
        assert formats.long_datetime(moment).startswith("17 December 2020")


def test_the_reference_date_of_statistics_pages_is_the_last_31_december():
    assert last_31_december(date(2026, 12, 2)) == date(2025, 12, 31)
    assert last_31_december(date(2027, 1, 1)) == date(2026, 12, 31)
    # On 31 December itself the year is not closed yet.
    assert last_31_december(date(2026, 12, 31)) == date(2025, 12, 31)
    assert last_closed_year(date(2026, 3, 15)) == 2025


# Amounts ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reference_values_print_amounts_through_the_formatter():
    smic = SmicRate(
        valid_from=date(2021, 1, 1), hourly=Decimal("10.25"), monthly=Decimal("1554.58")
    )
    with translation.override("fr"):
        # was « SMIC 1554.58 € (01/01/2021) »
        assert str(smic) == f"SMIC 1{NBSP}554,58{NBSP}€ (1er janvier 2021)"


@pytest.mark.django_db
def test_amounts_on_the_social_action_statistics_page(client, make_user):
    from social_action.models import AidScheme, SchemeBudget

    scheme = AidScheme.objects.filter(on_request=True).order_by("pk").first()
    SchemeBudget.objects.update_or_create(
        scheme=scheme, year=2025, defaults={"envelope": Decimal("15000")}
    )
    client.force_login(make_user(Role.SOCIAL_ACTION))
    html = client.get(reverse("social_action:statistics") + "?annee=2025").content.decode()
    assert f"15{NBSP}000{NBSP}€" in html
    assert "15000.00" not in html and "15000 €" not in html


# Plurals and sizes --------------------------------------------------------------------


def test_french_takes_the_singular_for_zero_and_one():
    with translation.override("fr"):
        counts = [ngettext("%(n)s événement", "%(n)s événements", n) % {"n": n} for n in (0, 1, 2)]
        assert counts == ["0 événement", "1 événement", "2 événements"]
        html = render(
            "{% blocktranslate count counter=n %}{{ counter }} prêt{% plural %}"
            "{{ counter }} prêts{% endblocktranslate %}",
            n=0,
        )
        assert html == "0 prêt"
    with translation.override("en"):
        # English keeps its rule (catalogue: plural=(n != 1)): « 0 employees in post ».
        assert (
            ngettext("%(count)d agent en poste", "%(count)d agents en poste", 0) % {"count": 0}
            == "0 employees in post"
        )


def test_file_sizes_in_ko_and_mo():
    with translation.override("fr"):
        assert formats.filesize(1536) == f"1,5{NBSP}Ko"
        assert formats.filesize(3 * 1024 * 1024) == f"3,0{NBSP}Mo"
        assert render("{{ n|filesize_fr }}", n=10 * 1024 * 1024) == f"10,0{NBSP}Mo"
    with translation.override("en"):
        assert formats.filesize(1536) == f"1.5{NBSP}KB"


# Collation ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_names_are_sorted_the_french_way(client, make_user):
    for last_name in ("Zoé", "Étienne", "Emma", "Éric"):
        EmployeeFactory(last_name=last_name, first_name="A")
    names = list(
        Employee.objects.filter(first_name="A")
        .order_by(*collation.by_name())
        .values_list("last_name", flat=True)
    )
    # French order ignores the accent at first: E-m < É-r < É-t, then Z.
    assert names == ["Emma", "Éric", "Étienne", "Zoé"]
    client.force_login(make_user(Role.HR))
    page = client.get(reverse("hr:employee_list") + "?tri=nom").context["page"]
    listed = [e.last_name for e in page.object_list if e.first_name == "A"]
    assert listed == ["Emma", "Éric", "Étienne", "Zoé"]


@pytest.mark.django_db
def test_the_directory_reads_its_french_order_from_an_index():
    """The first page of the directory in French order comes from an index read in order,
    not from sorting every employee (with seq scans and sorts priced out, the plan names
    the index: an order that no longer matches it would sort again)."""
    from django.db import connection

    from hr.views.employees import SORTS

    for last_name in ("Zoé", "Étienne", "Emma", "Éric"):
        EmployeeFactory(last_name=last_name)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    for sort in ("nom", "-nom"):
        plan = Employee.objects.active().order_by(*SORTS[sort])[:50].explain()
        assert "hr_employee_french_name_idx" in plan, plan


def test_the_collation_falls_back_to_the_plain_field_on_sqlite(monkeypatch):
    class SQLite:
        vendor = "sqlite"

    monkeypatch.setattr(collation, "connection", SQLite())
    expression = collation.french("-last_name")
    assert expression.descending and expression.expression.name == "last_name"


# English pages ------------------------------------------------------------------------

FRENCH_WORDS = [
    "Montant invalide",
    "Agent inconnu",
    "Date invalide",
    "Lignes invalides",
    "Connexion avec",
    "décembre",
]


@pytest.mark.django_db
def test_import_errors_are_shown_in_the_readers_language(client, make_user):
    hr = make_user(Role.HR)
    ContractFactory(employee=EmployeeFactory(employee_number="H1"), start=date(2015, 9, 1))
    upload = SimpleUploadedFile(
        "salaires.csv",
        (
            b"matricule;date_effet;brut_mensuel;indice_majore\n"
            b"Z1;01/01/2020;2000;\n"  # line 2: unknown employee
            b"H1;01/01/2020;abc;\n"  # line 3: not an amount
        ),
    )
    with translation.override("fr"):  # analysed on the worker, in French
        job = import_job_analyse(
            job=import_job_create(kind=ImportKind.SALARIES, uploaded_file=upload, by=hr)
        )
    stored = job.summary["errors"]
    assert any(e["msgid"] == "Montant invalide : « %(value)s »." for e in stored), stored
    client.force_login(hr)
    html = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "Montant invalide : « abc »." in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "Invalid amount: &quot;abc&quot;." in html
    assert "Unknown employee" in html
    assert [word for word in FRENCH_WORDS if word in html] == []


@pytest.mark.django_db
def test_the_sign_in_message_is_in_the_persons_language(client):
    user = UserFactory(preferred_language="en", first_name="Emma", last_name="Smith")
    from tests.factories import PASSWORD

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert "Successfully signed in as" in html
    assert [word for word in FRENCH_WORDS if word in html] == []
