"""HR imports: upload → dry run → confirm. Expected values are worked out by hand."""

import re
import threading
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from hr.enums import ContractKind, ImportKind
from hr.models import Contract, Employee, SalaryRecord
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.imports.files import ImportFileError
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.imports.resources import progress_note
from imtsocial.imports.services import (
    ImportStateError,
    import_job_analyse,
    import_job_cancel,
    import_job_confirm,
    import_job_create,
    import_job_request_confirmation,
)
from tests.conftest import tasks_queued
from tests.factories import (
    ContractFactory,
    DepartmentFactory,
    EmployeeFactory,
    SalaryRecordFactory,
    SiteFactory,
    UserFactory,
)

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
EMPLOYEE_HEADER = (
    "matricule;nom;prenom;email;site;service;responsable;date_arrivee;date_depart;"
    "categorie;corps;grade;fonction"
)
CONTRACT_HEADER = "matricule;nature;debut;fin;quotite;categorie;grade;signe_le"
SALARY_HEADER = "matricule;date_effet;brut_mensuel;indice_majore"

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTR = re.compile(r"\sstyle=", re.IGNORECASE)
EVENT_ATTR = re.compile(r"\son[a-z]+=", re.IGNORECASE)
STYLE_TAG = re.compile(r"<style", re.IGNORECASE)


def csv_file(*lines: str, name="fichier.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(encoding))


def upload(by, kind, *lines, name="fichier.csv") -> ImportJob:
    return import_job_create(kind=kind, uploaded_file=csv_file(*lines, name=name), by=by)


def analysed(by, kind, *lines) -> ImportJob:
    return import_job_analyse(job=upload(by, kind, *lines))


def problems(job) -> list[tuple]:
    return [(e["line"], e["column"], e["message"]) for e in job.summary["errors"]]


def counts(job) -> dict:
    return {key: job.summary[key] for key in ("new", "update", "skip", "invalid")}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def hr(make_user):
    return make_user(Role.HR)


@pytest.fixture
def school(db):
    """The demo codes: two sites, three services and their heads."""
    clavieres = SiteFactory(code="clavieres", name="Clavières")
    croupillac = SiteFactory(code="croupillac", name="Croupillac")
    departments = {
        "c2ma": DepartmentFactory(code="c2ma", name="C2MA", site=croupillac),
        "rh": DepartmentFactory(code="rh", name="Ressources humaines", site=clavieres),
        "dsi": DepartmentFactory(code="dsi", name="Pôle informatique", site=clavieres),
    }
    heads = {
        code: EmployeeFactory(employee_number=number, department=departments[code])
        for code, number in (("rh", "H002"), ("dsi", "H003"), ("c2ma", "H010"))
    }
    return {"sites": (clavieres, croupillac), "departments": departments, "heads": heads}


# Employees -------------------------------------------------------------------------


NEWCOMERS = (
    EMPLOYEE_HEADER,
    # N2's manager N1 comes later in the file; N3's manager is in the database.
    "N2;Roumieux;Bastien;bastien@ecole.fr;croupillac;c2ma;N1;2020-10-01;;B;;;Technicien",
    "N1;Teissier;Margaux;margaux@ecole.fr;croupillac;c2ma;H010;01/09/2020;;a;Ingénieurs;IR;Cheffe",
    "N3;Valette;Inès;;clavieres;rh;H002;01/11/2020;;;;;",
)


def test_a_manager_new_in_the_file_on_an_earlier_row_is_linked(hr, school):
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        "N1;Teissier;Margaux;;croupillac;c2ma;H010;01/09/2020;;A;;;Cheffe",
        "N2;Roumieux;Bastien;;croupillac;c2ma;N1;01/10/2020;;B;;;",
    )
    assert job.status == ImportStatus.READY, job.summary
    import_job_confirm(job=job, by=hr)
    n1, n2 = (Employee.objects.get(employee_number=n) for n in ("N1", "N2"))
    assert (n1.manager, n2.manager) == (school["heads"]["c2ma"], n1)
    assert n2.history.latest().manager_id == n1.pk  # the link is in the history too


def test_a_manager_changed_by_an_import_takes_over_the_open_interview(hr, school):
    from tests.evaluations.factories import InterviewFactory

    person = EmployeeFactory(employee_number="P1", manager=school["heads"]["rh"])
    interview = InterviewFactory(employee=person, planned=True)
    assert interview.evaluator == school["heads"]["rh"]
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        f"P1;{person.last_name};{person.first_name};;clavieres;dsi;H003;01/09/2015;;A;;;",
    )
    assert job.summary["update"] == 1, job.summary
    import_job_confirm(job=job, by=hr)
    interview.refresh_from_db()
    assert interview.evaluator == school["heads"]["dsi"]


def test_the_dry_run_counts_the_rows_and_writes_nothing(hr, school):
    employees, users = Employee.objects.count(), User.objects.count()
    job = analysed(hr, ImportKind.EMPLOYEES, *NEWCOMERS)
    assert job.status == ImportStatus.READY
    assert counts(job) == {"new": 3, "update": 0, "skip": 0, "invalid": 0}
    assert job.summary["logins"] == 2  # N1 and N2 have an e-mail, N3 has none
    assert job.summary["errors"] == [] and job.summary["errors_total"] == 0
    assert (job.total_rows, job.processed_rows) == (3, 3)
    assert (Employee.objects.count(), User.objects.count()) == (employees, users)
    assert not Employee.history.filter(employee_number__startswith="N").exists()
    assert mail.outbox == []


def test_the_confirmation_writes_every_row_with_its_history(
    hr, school, django_capture_on_commit_callbacks
):
    job = analysed(hr, ImportKind.EMPLOYEES, *NEWCOMERS)
    with django_capture_on_commit_callbacks() as callbacks:
        job = import_job_confirm(job=job, by=hr)
    assert job.status == ImportStatus.DONE
    assert job.confirmed_by == hr and job.finished_at is not None
    n1, n2, n3 = (Employee.objects.get(employee_number=n) for n in ("N1", "N2", "N3"))
    assert (n1.last_name, n1.first_name, n1.work_email) == (
        "Teissier",
        "Margaux",
        "margaux@ecole.fr",
    )
    assert (n1.site.code, n1.department.code, n1.manager) == (
        "croupillac",
        "c2ma",
        school["heads"]["c2ma"],
    )
    assert (n1.hire_date, n1.category, n1.corps, n1.grade, n1.job_title) == (
        date(2020, 9, 1),
        "A",
        "Ingénieurs",
        "IR",
        "Cheffe",
    )
    assert n2.manager == n1  # a manager created by the same file, on a later row
    assert n2.hire_date == date(2020, 10, 1)
    assert n3.manager == school["heads"]["rh"] and n3.category == "" and n3.user is None
    # Logins for the e-mails, without a usable password, invitation sent after commit.
    assert n1.user.email == "margaux@ecole.fr" and not n1.user.has_usable_password()
    assert (n1.user.first_name, n1.user.last_name) == ("Margaux", "Teissier")
    assert n2.user.email == "bastien@ecole.fr"
    assert len(tasks_queued(callbacks)) == 1  # one send_invitations task for both logins
    # History says who imported.
    assert {
        h.history_user for h in Employee.history.filter(employee_number__in=["N1", "N2", "N3"])
    } == {hr}
    assert AuditEvent.objects.filter(actor=hr, object_id=str(job.pk)).count() == 1


def test_importing_the_same_file_again_reports_every_row_unchanged(hr, school):
    import_job_confirm(job=analysed(hr, ImportKind.EMPLOYEES, *NEWCOMERS), by=hr)
    history, users = Employee.history.count(), User.objects.count()
    again = analysed(hr, ImportKind.EMPLOYEES, *NEWCOMERS)
    assert counts(again) == {"new": 0, "update": 0, "skip": 3, "invalid": 0}
    assert again.summary["logins"] == 0
    again = import_job_confirm(job=again, by=hr)
    assert again.status == ImportStatus.DONE
    assert (Employee.history.count(), User.objects.count()) == (history, users)


def test_a_changed_row_is_an_update_and_bumps_the_version(hr, school):
    person = EmployeeFactory(
        employee_number="E7",
        last_name="Martin",
        first_name="Léa",
        department=school["departments"]["rh"],
        hire_date=date(2015, 9, 1),
    )
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        "E7;Martin-Durand;Léa;;clavieres;rh;H002;01/09/2015;;;;;",
    )
    assert counts(job) == {"new": 0, "update": 1, "skip": 0, "invalid": 0}
    import_job_confirm(job=job, by=hr)
    person.refresh_from_db()
    assert (person.last_name, person.manager, person.version) == (
        "Martin-Durand",
        school["heads"]["rh"],
        1,
    )


def test_a_bad_file_writes_nothing_and_lists_every_problem_with_its_line(hr, school):
    before = Employee.objects.count()
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        "N1;Teissier;Margaux;;croupillac;c2ma;;31/02/2020;;A;;;",  # line 2: no 31 February
        "N2;Roumieux;Bastien;;croupillac;chimie;;01/10/2020;;B;;;",  # line 3: unknown service
        "N1;Teissier;Marion;;nimes;c2ma;X9;2020-13-01;;D;;;",  # line 4: five problems
        "N4;;Inès;;clavieres;rh;N4;01/11/2020;01/01/2020;;;;",  # line 5: three problems
        "N5;Valette;Jean;;clavieres;rh;;01/11/2020;;;;;",  # line 6: fine
    )
    assert job.status == ImportStatus.INVALID
    assert counts(job) == {"new": 1, "update": 0, "skip": 0, "invalid": 4}
    assert problems(job) == [
        (2, "date_arrivee", "Date invalide : « 31/02/2020 » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)."),
        (3, "service", "Service ou laboratoire inconnu : « chimie »."),
        (4, "matricule", "Le matricule « N1 » figure déjà ligne 2."),
        (4, "site", "Site inconnu : « nimes »."),
        (
            4,
            "responsable",
            "Responsable inconnu : aucun agent n'a le matricule « X9 », ni dans la base "
            "ni dans ce fichier.",
        ),
        (4, "date_arrivee", "Date invalide : « 2020-13-01 » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)."),
        (4, "categorie", "Catégorie invalide : « D » (A, B, C ou vide)."),
        (5, "nom", "Valeur obligatoire."),
        (5, "responsable", "Un agent ne peut pas être son propre responsable."),
        (5, "date_depart", "La date de départ précède la date d'arrivée."),
    ]
    assert job.summary["errors_total"] == 10
    assert Employee.objects.count() == before
    with pytest.raises(ImportStateError):
        import_job_confirm(job=job, by=hr)
    assert Employee.objects.count() == before


def test_wrong_columns_give_one_message_and_nothing_else_is_analysed(hr, school):
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER.replace("prenom", "prénom") + ";salaire",
        "N1;Teissier;Margaux;;nulle-part;inconnu;;pas une date;;Z;;;;",
    )
    assert job.status == ImportStatus.INVALID
    assert problems(job) == [
        (
            1,
            "",
            "Les colonnes du fichier ne sont pas celles attendues : matricule;nom;prenom;email;"
            "site;service;responsable;date_arrivee;date_depart;categorie;corps;grade;fonction. "
            "Manquantes : prenom. Inconnues : prénom, salaire.",
        )
    ]


def test_columns_may_come_in_another_order_and_other_case(hr, school):
    job = analysed(
        hr,
        ImportKind.CONTRACTS,
        "Debut;MATRICULE;nature;fin;quotite;categorie;grade;signe_le",
        "01/09/2020;H002;titulaire;;;A;;",
    )
    assert job.status == ImportStatus.READY and counts(job)["new"] == 1


def test_an_email_already_used_by_another_employee_is_a_row_error(hr, school):
    EmployeeFactory(employee_number="E1", work_email="pris@ecole.fr")
    EmployeeFactory(employee_number="E2", user=UserFactory(email="compte@ecole.fr"))
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        "N1;A;B;Pris@ecole.fr;clavieres;rh;;;;;;;",
        "N2;C;D;compte@ecole.fr;clavieres;rh;;;;;;;",
        "N3;E;F;libre@ecole.fr;clavieres;rh;;;;;;;",
        "N4;G;H;libre@ecole.fr;clavieres;rh;;;;;;;",
    )
    assert problems(job) == [
        (
            2,
            "email",
            "L'adresse e-mail « pris@ecole.fr » est déjà celle de l'agent de matricule E1.",
        ),
        (
            3,
            "email",
            "L'adresse e-mail « compte@ecole.fr » est celle du compte de connexion de l'agent "
            "de matricule E2.",
        ),
        (5, "email", "L'adresse e-mail « libre@ecole.fr » figure déjà ligne 4."),
    ]


def test_an_existing_login_without_staff_record_is_linked_not_duplicated(hr, school):
    login = UserFactory(email="seul@ecole.fr")
    job = analysed(
        hr, ImportKind.EMPLOYEES, EMPLOYEE_HEADER, "N1;A;B;seul@ecole.fr;clavieres;rh;;;;;;;"
    )
    assert job.summary["logins"] == 0
    import_job_confirm(job=job, by=hr)
    assert Employee.objects.get(employee_number="N1").user == login


def test_no_login_is_created_for_someone_who_has_left(hr, school):
    job = analysed(
        hr,
        ImportKind.EMPLOYEES,
        EMPLOYEE_HEADER,
        "N1;A;B;parti@ecole.fr;clavieres;rh;;01/01/2010;31/12/2019;;;;",
    )
    assert job.summary["logins"] == 0
    import_job_confirm(job=job, by=hr)
    assert Employee.objects.get(employee_number="N1").user is None


# Contracts ----------------------------------------------------------------------------


def test_contracts_accept_kinds_and_french_labels_and_refuse_the_model_rules(hr, school):
    head = school["heads"]["c2ma"]  # H010
    ContractFactory(
        employee=head, kind=ContractKind.CDD, start=date(2020, 9, 1), end=date(2021, 8, 31)
    )
    job = analysed(
        hr,
        ImportKind.CONTRACTS,
        CONTRACT_HEADER,
        "H002;Fonctionnaire titulaire;01/09/2015;;100;A;IR;",  # 2 fine (French label)
        "H003;CDD;01/09/2020;31/08/2020;100;B;;",  # 3 ends before it starts
        "H003;Contrat doctoral;01/10/2021;;100;A;;",  # 4 fixed-term without end
        "H003;cdi;01/01/2023;;120;;;",  # 5 ratio above 100
        "H003;stage;01/01/2030;;;;;",  # 6 unknown kind
        "H010;CDI;01/01/2021;;;;;",  # 7 overlaps the CDD in base
        "H002;apprenti;01/09/2016;31/08/2018;;;;",  # 8 overlaps row 2 of the file
        "Z1;cdd;01/09/2020;31/08/2021;;;;",  # 9 unknown employee
    )
    assert counts(job) == {"new": 1, "update": 0, "skip": 0, "invalid": 7}
    assert problems(job) == [
        (3, "fin", "La date de fin doit être postérieure au début."),
        (4, "fin", "Un CDD, un contrat doctoral ou d'apprentissage doit avoir une fin."),
        (5, "quotite", "La quotité est comprise entre 10 et 100 % (lu : « 120 »)."),
        (
            6,
            "nature",
            "Nature de contrat inconnue : « stage » (attendu : titulaire, cdi, cdd, doctorant, "
            "apprenti).",
        ),
        (
            7,
            "debut",
            "Ce contrat chevauche un autre contrat du même agent : CDD 01/09/2020 – 31/08/2021.",
        ),
        (
            8,
            "debut",
            "Ce contrat chevauche un autre contrat du même agent : Fonctionnaire titulaire "
            "01/09/2015 – ….",
        ),
        (9, "matricule", "Agent inconnu : aucun agent n'a le matricule « Z1 »."),
    ]
    assert Contract.objects.count() == 1


def test_confirmation_is_one_transaction_a_late_failure_writes_nothing(hr, school):
    job = analysed(
        hr,
        ImportKind.CONTRACTS,
        CONTRACT_HEADER,
        "H002;titulaire;01/09/2015;;;A;;",
        "H003;cdd;01/09/2020;31/08/2021;;B;;",
    )
    assert job.status == ImportStatus.READY
    # Between the preview and the confirmation someone adds a contract to H003.
    ContractFactory(employee=school["heads"]["dsi"], kind=ContractKind.CDI, start=date(2019, 1, 1))
    job = import_job_confirm(job=job, by=hr)
    assert job.status == ImportStatus.FAILED
    assert job.summary["message"].startswith("Rien n'a été importé")
    assert [(e["line"], e["column"]) for e in job.summary["errors"]] == [(3, "debut")]
    # Row 2 was valid, yet it is not there: all or nothing.
    assert not Contract.objects.filter(employee=school["heads"]["rh"]).exists()


def test_contracts_reimport_is_unchanged_and_a_change_is_an_update(hr, school):
    lines = (CONTRACT_HEADER, "H002;cdd;01/09/2020;31/08/2021;80;B;Technicien;15/07/2020")
    import_job_confirm(job=analysed(hr, ImportKind.CONTRACTS, *lines), by=hr)
    contract = Contract.objects.get()
    assert (contract.kind, contract.working_time_ratio, contract.signed_on) == (
        ContractKind.CDD,
        80,
        date(2020, 7, 15),
    )
    assert counts(analysed(hr, ImportKind.CONTRACTS, *lines)) == {
        "new": 0,
        "update": 0,
        "skip": 1,
        "invalid": 0,
    }
    longer = analysed(
        hr,
        ImportKind.CONTRACTS,
        CONTRACT_HEADER,
        "H002;cdd;2020-09-01;2022-08-31;80;B;Technicien;2020-07-15",
    )
    assert counts(longer) == {"new": 0, "update": 1, "skip": 0, "invalid": 0}
    import_job_confirm(job=longer, by=hr)
    contract.refresh_from_db()
    assert contract.end == date(2022, 8, 31) and Contract.objects.count() == 1


# Salaries -----------------------------------------------------------------------------


@pytest.fixture
def contracts(school):
    rh, dsi = school["heads"]["rh"], school["heads"]["dsi"]
    return {
        "rh": ContractFactory(employee=rh, start=date(2015, 9, 1)),
        "dsi": ContractFactory(
            employee=dsi, kind=ContractKind.CDD, start=date(2020, 1, 1), end=date(2021, 12, 31)
        ),
    }


def test_salaries_read_french_amounts_and_find_the_contract_in_force(hr, contracts):
    job = analysed(
        hr,
        ImportKind.SALARIES,
        SALARY_HEADER,
        "H002;01/01/2020;4 090,50;728",
        "H002;2020-07-01;4090.50;",
        "H003;01/03/2020;2\u202f150,00;",
    )
    assert counts(job) == {"new": 3, "update": 0, "skip": 0, "invalid": 0}
    import_job_confirm(job=job, by=hr)
    assert list(
        SalaryRecord.objects.order_by("effective_date").values_list(
            "contract", "effective_date", "gross_monthly", "index_majore"
        )
    ) == [
        (contracts["rh"].pk, date(2020, 1, 1), Decimal("4090.50"), 728),
        (contracts["dsi"].pk, date(2020, 3, 1), Decimal("2150.00"), None),
        (contracts["rh"].pk, date(2020, 7, 1), Decimal("4090.50"), None),
    ]
    again = analysed(hr, ImportKind.SALARIES, SALARY_HEADER, "H002;01/01/2020;4090,5;728")
    assert counts(again) == {"new": 0, "update": 0, "skip": 1, "invalid": 0}


def test_salary_problems_are_all_listed(hr, contracts):
    SalaryRecordFactory(
        contract=contracts["rh"], effective_date=date(2020, 1, 1), gross_monthly=Decimal("4000")
    )
    job = analysed(
        hr,
        ImportKind.SALARIES,
        SALARY_HEADER,
        "H002;01/01/2020;-100,00;",  # 2 negative
        "H002;01/02/2020;0;",  # 3 zero
        "H003;01/01/2010;2000;",  # 4 before the contract
        "Z1;01/01/2020;2000;",  # 5 unknown employee
        "H002;01/13/2020;abc;x",  # 6 date, amount and index
        "H003;01/06/2020;2000;",  # 7 fine
        "H003;2020-06-01;2100;",  # 8 same contract and date as line 7
    )
    assert job.status == ImportStatus.INVALID
    assert counts(job) == {"new": 1, "update": 0, "skip": 0, "invalid": 6}
    assert problems(job) == [
        (2, "brut_mensuel", "Le montant doit être supérieur à zéro (lu : « -100,00 »)."),
        (3, "brut_mensuel", "Le montant doit être supérieur à zéro (lu : « 0 »)."),
        (4, "date_effet", "Aucun contrat de l'agent H003 n'est en vigueur le 01/01/2010."),
        (5, "matricule", "Agent inconnu : aucun agent n'a le matricule « Z1 »."),
        (6, "date_effet", "Date invalide : « 01/13/2020 » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)."),
        (6, "brut_mensuel", "Montant invalide : « abc »."),
        (6, "indice_majore", "Nombre entier attendu : « x »."),
        (8, "date_effet", "Le salaire de l'agent H003 au 01/06/2020 figure déjà ligne 7."),
    ]
    assert SalaryRecord.objects.count() == 1


# Files -----------------------------------------------------------------------------------


def test_the_sample_files_import_in_order_and_reimport_unchanged(hr, school):
    for kind, name in (
        (ImportKind.EMPLOYEES, "employes.csv"),
        (ImportKind.CONTRACTS, "contrats.csv"),
        (ImportKind.SALARIES, "salaires.csv"),
    ):
        sample = SimpleUploadedFile(name, (SAMPLES / name).read_bytes())
        job = import_job_analyse(job=import_job_create(kind=kind, uploaded_file=sample, by=hr))
        assert (job.status, counts(job)) == (
            ImportStatus.READY,
            {"new": 4, "update": 0, "skip": 0, "invalid": 0},
        ), name
        assert import_job_confirm(job=job, by=hr).status == ImportStatus.DONE
    assert Employee.objects.get(employee_number="S0002").manager.employee_number == "S0001"
    assert SalaryRecord.objects.get(
        contract__employee__employee_number="S0001"
    ).gross_monthly == Decimal("3411.49")
    # The XLSX sample holds the same rows, with real date cells.
    sample = SimpleUploadedFile("employes.xlsx", (SAMPLES / "employes.xlsx").read_bytes())
    job = import_job_analyse(
        job=import_job_create(kind=ImportKind.EMPLOYEES, uploaded_file=sample, by=hr)
    )
    assert counts(job) == {"new": 0, "update": 0, "skip": 4, "invalid": 0}


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (
            "matricule,nom,prenom,email,site,service,responsable,date_arrivee,date_depart,categorie,corps,grade,fonction\nN1,Hébert,Zoé,,clavieres,rh,,,,,,,\n",
            "utf-8",
        ),
        ("\ufeff" + EMPLOYEE_HEADER + "\nN1;Hébert;Zoé;;clavieres;rh;;;;;;;\n", "utf-8"),
        (EMPLOYEE_HEADER + "\r\nN1;Hébert;Zoé;;clavieres;rh;;;;;;;\r\n", "cp1252"),
    ],
    ids=["comma", "utf8-bom", "windows-1252"],
)
def test_csv_separator_and_encoding_are_detected(hr, school, content, encoding):
    job = import_job_create(
        kind=ImportKind.EMPLOYEES,
        uploaded_file=SimpleUploadedFile("a.csv", content.encode(encoding)),
        by=hr,
    )
    import_job_confirm(job=import_job_analyse(job=job), by=hr)
    assert Employee.objects.filter(
        employee_number="N1", last_name="Hébert", first_name="Zoé"
    ).exists()


def test_blank_lines_are_ignored_but_keep_the_line_numbers(hr, school):
    job = analysed(
        hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "", "H002;titulaire;pas une date;;;;;", ";;;;;;;"
    )
    assert problems(job) == [
        (3, "debut", "Date invalide : « pas une date » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ).")
    ]


def test_files_are_refused_by_size_format_rows_and_emptiness(hr, school, settings, monkeypatch):
    with pytest.raises(ImportFileError, match="Format non pris en charge"):
        upload(hr, ImportKind.EMPLOYEES, EMPLOYEE_HEADER, name="agents.xls")
    with pytest.raises(ImportFileError, match="aucune ligne de données"):
        upload(hr, ImportKind.EMPLOYEES, EMPLOYEE_HEADER)
    with pytest.raises(ImportFileError, match="pas un classeur XLSX"):
        upload(hr, ImportKind.EMPLOYEES, EMPLOYEE_HEADER, "N1", name="agents.xlsx")
    settings.IMPORT_MAX_ROWS = 2
    with pytest.raises(ImportFileError, match="dépasse 2 lignes"):
        upload(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "a", "b", "c")
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(ImportFileError, match="taille maximale"):
        upload(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "x" * 100)
    assert not ImportJob.objects.exists()


def test_the_file_is_stored_under_media_root(hr, school):
    job = upload(
        hr,
        ImportKind.CONTRACTS,
        CONTRACT_HEADER,
        "H002;titulaire;01/09/2015;;;;;",
        name="mes contrats.CSV",
    )
    assert job.original_name == "mes contrats.CSV" and job.total_rows == 1
    assert Path(job.file.path).is_relative_to(settings.MEDIA_ROOT)
    assert job.file.name.endswith(".csv") and job.status == ImportStatus.PENDING
    job.file.delete(save=False)


# States and concurrency -----------------------------------------------------------------


def test_state_transitions(hr, school):
    job = analysed(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    with pytest.raises(ImportStateError, match="à l'état « Prêt à importer »"):
        import_job_analyse(job=job)
    job = import_job_cancel(job=job, by=hr)
    assert job.status == ImportStatus.CANCELLED
    with pytest.raises(ImportStateError, match="à l'état « Annulé »"):
        import_job_confirm(job=job, by=hr)
    with pytest.raises(ImportStateError):
        import_job_cancel(job=job, by=hr)
    assert not Contract.objects.exists()


def test_a_second_confirmation_does_not_import_twice(hr, make_user, school):
    job = analysed(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    other = make_user(Role.HR)
    import_job_request_confirmation(job=job, by=hr)
    with pytest.raises(ImportStateError, match="déjà été confirmé"):
        import_job_request_confirmation(job=job, by=other)
    assert import_job_confirm(job=job, by=hr).status == ImportStatus.DONE
    with pytest.raises(ImportStateError, match="à l'état « Importé »"):
        import_job_confirm(job=job, by=other)
    assert Contract.objects.count() == 1


def test_the_tasks_are_idempotent(hr, school):
    from imtsocial.imports.tasks import analyse_import, run_import

    job = upload(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    assert analyse_import(job.pk) == ImportStatus.READY
    assert analyse_import(job.pk) == ImportStatus.READY  # a repeat leaves the preview alone
    assert run_import(job.pk, hr.pk) == ImportStatus.DONE
    assert run_import(job.pk, hr.pk) == ImportStatus.DONE
    assert Contract.objects.count() == 1
    assert analyse_import(job.pk + 1) is None and run_import(job.pk + 1, hr.pk) is None


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_confirmations_import_once(make_user):
    hr_a, hr_b = make_user(Role.HR), make_user(Role.HR)
    EmployeeFactory(employee_number="H002")
    job = analysed(hr_a, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm(user):
        try:
            barrier.wait()
            outcomes.append(import_job_confirm(job=job, by=user).status)
        except ImportStateError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(u,)) for u in (hr_a, hr_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["done", "refused"]
    assert Contract.objects.count() == 1


# Views ------------------------------------------------------------------------------------


def _job(by, status=ImportStatus.READY, **fields):
    return ImportJob.objects.create(
        kind=ImportKind.CONTRACTS,
        file="imports/x.csv",
        original_name="x.csv",
        created_by=by,
        status=status,
        **fields,
    )


VIEWS = [
    ("imports:list", False, "get"),
    ("imports:detail", True, "get"),
    ("imports:status", True, "get"),
    ("imports:confirm", True, "post"),
    ("imports:cancel", True, "post"),
]


def _url(name, with_pk, pk):
    return reverse(name, kwargs={"pk": pk}) if with_pk else reverse(name)


@pytest.mark.parametrize(("name", "with_pk", "method"), VIEWS)
def test_anonymous_is_sent_to_the_login_page(client, hr, name, with_pk, method):
    url = _url(name, with_pk, _job(hr).pk)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "with_pk", "method"), VIEWS)
@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR])
def test_other_roles_are_refused(client, hr, make_user, name, with_pk, method, role):
    job = _job(hr)
    client.force_login(make_user(role))
    assert getattr(client, method)(_url(name, with_pk, job.pk)).status_code == 403
    job.refresh_from_db()
    assert (job.status, job.confirmed_by) == (ImportStatus.READY, None)


@pytest.mark.parametrize(("name", "with_pk", "method"), VIEWS)
def test_hr_opens_every_view(client, hr, name, with_pk, method, django_capture_on_commit_callbacks):
    job = _job(hr)
    client.force_login(hr)
    with django_capture_on_commit_callbacks():  # run_import is queued, not run
        response = getattr(client, method)(_url(name, with_pk, job.pk))
    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize(("name", "with_pk", "method"), [v for v in VIEWS if v[1]])
def test_an_unknown_import_is_404(client, hr, name, with_pk, method):
    job = _job(hr)
    client.force_login(hr)
    assert getattr(client, method)(_url(name, True, job.pk + 1)).status_code == 404


@pytest.mark.parametrize(
    ("name", "with_pk", "method"),
    [
        ("imports:list", False, "put"),
        ("imports:detail", True, "post"),
        ("imports:status", True, "post"),
        ("imports:confirm", True, "get"),
        ("imports:cancel", True, "get"),
    ],
)
def test_the_wrong_method_is_405(client, hr, name, with_pk, method):
    job = _job(hr)
    client.force_login(hr)
    assert getattr(client, method)(_url(name, with_pk, job.pk)).status_code == 405


def test_the_list_page_runs_the_same_queries_at_10_and_200_jobs(
    client, hr, django_assert_num_queries
):
    client.force_login(hr)
    # session, user, groups (roles), employee (roles), count of jobs, page of jobs
    # with their authors.
    for size in (10, 200):
        ImportJob.objects.bulk_create(
            ImportJob(
                kind=ImportKind.SALARIES,
                file="imports/x.csv",
                original_name=f"{i}.csv",
                created_by=hr,
            )
            for i in range(size - ImportJob.objects.count())
        )
        with django_assert_num_queries(6):
            response = client.get(reverse("imports:list"))
        assert response.status_code == 200


def test_upload_through_the_page_queues_the_analysis(
    client, hr, school, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("imports:list"),
            {
                "kind": ImportKind.CONTRACTS,
                "file": csv_file(CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;"),
            },
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "imports:detail", kwargs={"pk": job.pk}
    )
    assert (job.status, job.created_by, len(callbacks)) == (ImportStatus.PENDING, hr, 1)
    html = client.get(response.url).content.decode()
    assert f'data-progress-url="{reverse("imports:status", kwargs={"pk": job.pk})}"' in html
    assert "js/progress.js" in html


def test_a_refused_file_is_explained_on_the_form(client, hr):
    client.force_login(hr)
    response = client.post(
        reverse("imports:list"),
        {"kind": ImportKind.EMPLOYEES, "file": SimpleUploadedFile("agents.ods", b"x")},
    )
    assert response.status_code == 200
    assert (
        "Format non pris en charge : déposez un fichier CSV ou XLSX." in response.content.decode()
    )
    assert not ImportJob.objects.exists()


def test_the_preview_shows_counts_errors_and_the_buttons(client, hr, school):
    client.force_login(hr)
    bad = analysed(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;31/02/2015;;;;;")
    html = client.get(reverse("imports:detail", kwargs={"pk": bad.pk})).content.decode()
    assert "Fichier à corriger" in html
    assert reverse("imports:confirm", kwargs={"pk": bad.pk}) not in html
    assert "<td>2</td><td>debut</td><td>Date invalide : « 31/02/2015 »" in html
    good = analysed(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    html = client.get(reverse("imports:detail", kwargs={"pk": good.pk})).content.decode()
    assert '<dd data-testid="count-new">1</dd>' in html
    assert reverse("imports:confirm", kwargs={"pk": good.pk}) in html
    assert reverse("imports:cancel", kwargs={"pk": good.pk}) in html
    assert "Confirmer l'import" in html and "Annuler cet import" in html
    assert "data-progress-url" not in html  # nothing running: no polling


def test_confirming_twice_through_the_page_queues_one_import(
    client, hr, school, django_capture_on_commit_callbacks
):
    job = analysed(hr, ImportKind.CONTRACTS, CONTRACT_HEADER, "H002;titulaire;01/09/2015;;;;;")
    client.force_login(hr)
    url = reverse("imports:confirm", kwargs={"pk": job.pk})
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(url)
        response = client.post(url, follow=True)
    assert len(callbacks) == 1
    assert "Cet import a déjà été confirmé ; il est en cours." in response.content.decode()
    job.refresh_from_db()
    assert (job.status, job.confirmed_by) == (ImportStatus.READY, hr)
    from imtsocial.imports.tasks import run_import

    assert run_import(job.pk, hr.pk) == ImportStatus.DONE  # the queued task, run here
    assert run_import(job.pk, hr.pk) == ImportStatus.DONE  # re-delivered: nothing more
    assert Contract.objects.count() == 1


def test_cancel_through_the_page(client, hr):
    job = _job(hr, status=ImportStatus.INVALID)
    client.force_login(hr)
    response = client.post(reverse("imports:cancel", kwargs={"pk": job.pk}), follow=True)
    assert "Import annulé : rien n&#x27;a été enregistré." in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    response = client.post(reverse("imports:cancel", kwargs={"pk": job.pk}), follow=True)
    assert (
        "Action impossible : cet import est à l&#x27;état « Annulé »." in response.content.decode()
    )


def test_the_status_endpoint_reports_progress_from_the_cache(client, hr):
    client.force_login(hr)
    job = _job(hr, status=ImportStatus.ANALYSING, total_rows=1000)
    progress_note(job.pk, 400)
    url = reverse("imports:status", kwargs={"pk": job.pk})
    assert client.get(url).json() == {
        "status": "analysing",
        "status_label": "Analyse en cours",
        "processed": 400,
        "total": 1000,
        "done": False,
        # what the page's script shows (static/js/progress.js)
        "value": 400,
        "max": 1000,
        "text": "400 lignes traitées sur 1\xa0000",
        "finished": False,
    }
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, processed_rows=1000)
    assert client.get(url).json() | {"status_label": ""} == {
        "status": "done",
        "status_label": "",
        "processed": 1000,
        "total": 1000,
        "done": True,
        "value": 1000,
        "max": 1000,
        "text": "1\xa0000 lignes traitées sur 1\xa0000",
        "finished": True,
    }


def test_a_confirmed_job_waiting_for_the_worker_shows_progress(client, hr):
    job = _job(hr, confirmed_by=hr)
    client.force_login(hr)
    html = client.get(reverse("imports:detail", kwargs={"pk": job.pk})).content.decode()
    assert "data-progress-url" in html
    assert reverse("imports:confirm", kwargs={"pk": job.pk}) not in html
    assert client.get(reverse("imports:status", kwargs={"pk": job.pk})).json()["done"] is False


@pytest.mark.parametrize(
    "status",
    [ImportStatus.PENDING, ImportStatus.READY, ImportStatus.INVALID, ImportStatus.DONE],
)
def test_import_pages_have_no_inline_script_or_style(client, hr, status):
    error = {"line": 2, "column": "debut", "message": "Date invalide : « x »."}
    summary = {"new": 1, "update": 0, "skip": 0, "invalid": 1, "errors": [error]}
    job = _job(hr, status=status, summary=summary)
    client.force_login(hr)
    for url in (reverse("imports:list"), reverse("imports:detail", kwargs={"pk": job.pk})):
        html = client.get(url).content.decode()
        for pattern in (INLINE_SCRIPT, STYLE_ATTR, EVENT_ATTR, STYLE_TAG):
            assert not pattern.search(html), f"{pattern.pattern} in {url}"


def test_hr_downloads_the_sample_files(client, hr, make_user):
    client.force_login(hr)
    html = client.get(reverse("imports:list")).content.decode()
    for name in ("employes.csv", "employes.xlsx", "contrats.csv", "salaires.csv"):
        url = reverse("imports:sample", kwargs={"name": name})
        assert f'href="{url}"' in html
        response = client.get(url)
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        # Reading it to the end closes the file (the test client wraps the iterator).
        assert b"".join(response.streaming_content) == (SAMPLES / name).read_bytes()
    assert client.get(reverse("imports:sample", kwargs={"name": "README.md"})).status_code == 404
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(reverse("imports:sample", kwargs={"name": "employes.csv"})).status_code == 403


# Through a real Celery worker ------------------------------------------------------------


def _wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


@pytest.mark.services
def test_a_new_login_gets_its_invitation_through_the_worker(
    celery_worker, transactional_db, client, make_user
):
    hr = make_user(Role.HR)
    DepartmentFactory(code="rh", site=SiteFactory(code="clavieres"))
    client.force_login(hr)
    response = client.post(
        reverse("imports:list"),
        {
            "kind": ImportKind.EMPLOYEES,
            "file": csv_file(
                EMPLOYEE_HEADER,
                "N1;Valette;Inès;ines.valette@ecole.fr;clavieres;rh;;01/11/2020;;C;;;",
            ),
        },
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    _wait_for(lambda: client.get(reverse("imports:status", kwargs={"pk": job.pk})).json()["done"])
    job.refresh_from_db()
    assert (job.status, job.summary["logins"]) == (ImportStatus.READY, 1)
    assert mail.outbox == [] and not User.objects.filter(email="ines.valette@ecole.fr").exists()

    client.post(reverse("imports:confirm", kwargs={"pk": job.pk}))
    _wait_for(lambda: client.get(reverse("imports:status", kwargs={"pk": job.pk})).json()["done"])
    _wait_for(lambda: len(mail.outbox) == 1)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    user = User.objects.get(email="ines.valette@ecole.fr")
    assert user.employee.employee_number == "N1"
    assert mail.outbox[0].to == ["ines.valette@ecole.fr"]
    assert "Choisissez votre mot de passe" in mail.outbox[0].subject
