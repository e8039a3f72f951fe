from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import (
    Contract,
    Department,
    DoctoralMinimumPay,
    Employee,
    IndexPointValue,
    PayBenchmark,
    SalaryRecord,
    Site,
    SmicRate,
    TalentDeveloper,
)


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "site", "head")
    list_filter = ("kind", "site")
    search_fields = ("name", "code")
    list_select_related = ("site", "head")
    autocomplete_fields = ("head",)


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0
    fields = ("kind", "start", "end", "working_time_ratio", "category", "grade")
    show_change_link = True


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ("employee_number", "last_name", "first_name", "department", "site", "manager")
    list_filter = ("site", "department", "category")
    search_fields = ("employee_number", "last_name", "first_name", "work_email")
    list_select_related = ("site", "department", "manager")
    autocomplete_fields = ("manager", "user")
    date_hierarchy = "hire_date"
    inlines = [ContractInline]


class SalaryInline(admin.TabularInline):
    model = SalaryRecord
    extra = 0


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ("employee", "kind", "start", "end", "working_time_ratio", "category")
    list_filter = ("kind", "category")
    search_fields = ("employee__last_name", "employee__employee_number")
    list_select_related = ("employee",)
    autocomplete_fields = ("employee",)
    inlines = [SalaryInline]


@admin.register(TalentDeveloper)
class TalentDeveloperAdmin(SimpleHistoryAdmin):
    list_display = ("employee", "trained_on", "active")
    list_filter = ("active",)
    search_fields = ("employee__last_name", "employee__first_name")
    autocomplete_fields = ("employee",)
    list_select_related = ("employee",)


@admin.register(SmicRate)
class SmicRateAdmin(admin.ModelAdmin):
    list_display = ("valid_from", "hourly", "monthly", "source")


@admin.register(IndexPointValue)
class IndexPointValueAdmin(admin.ModelAdmin):
    list_display = ("valid_from", "yearly_value_100", "source")


@admin.register(PayBenchmark)
class PayBenchmarkAdmin(SimpleHistoryAdmin):
    list_display = ("category", "valid_from", "minimum_gross_monthly", "source")
    list_filter = ("category",)


@admin.register(DoctoralMinimumPay)
class DoctoralMinimumPayAdmin(admin.ModelAdmin):
    list_display = ("valid_from", "signed_from", "amount", "source")
