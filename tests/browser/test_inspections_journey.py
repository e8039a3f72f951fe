"""The advisor opens the overdue list, records today's inspection of a late piece of
equipment, and sees it leave the list. axe-core on every page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.browser.test_safety_duerp import _login
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory
from tests.safety.factories import PreventionAdvisorFactory, RatingMethodFactory, WorkUnitFactory

pytestmark = pytest.mark.browser


def test_advisor_records_a_late_inspection(
    page, make_user, check_accessibility, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    RatingMethodFactory()
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    unit = WorkUnitFactory(code="R132", name="Laboratoire de synthèse des polymères")
    kind = EquipmentKindFactory(code="hotte-test", name="Sorbonne de test", months=12)
    late = EquipmentFactory(
        kind=kind, work_unit=unit, inventory_ref="SORB-777", label="Sorbonne R132 n° 7"
    )
    InspectionFactory(equipment=late, date=date(2020, 3, 2))  # due 02/03/2021: long overdue
    fine = EquipmentFactory(kind=kind, work_unit=unit, inventory_ref="SORB-778")
    InspectionFactory(equipment=fine, date=date(2020, 3, 2))

    _login(page, advisor)
    page.get_by_role("link", name="2 équipements en retard de contrôle").click()
    expect(page.get_by_role("heading", name="Équipements en retard de contrôle")).to_be_visible()
    table = page.get_by_test_id("equipment-table")
    expect(table).to_contain_text("SORB-777")
    check_accessibility(page)
    page.get_by_role("link", name="Enregistrer un contrôle de SORB-777").click()
    check_accessibility(page)
    page.get_by_label("Organisme de contrôle").fill("Apave")
    page.locator("label[for=id_result_0]").click()  # « Conforme »
    page.get_by_role("button", name="Enregistrer le contrôle").click()
    expect(page.get_by_text("Le contrôle est enregistré.")).to_be_visible()
    expect(page.get_by_test_id("inspection-history")).to_contain_text("Apave")
    check_accessibility(page)
    page.get_by_role("link", name="En retard", exact=True).click()
    expect(table).not_to_contain_text("SORB-777")
    expect(table).to_contain_text("SORB-778")
    expect(table.locator("caption")).to_have_text("1 équipement")
    check_accessibility(page)
