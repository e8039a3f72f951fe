from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import Department, Employee, Site, TalentDeveloper


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


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ("employee_number", "last_name", "first_name", "department", "site", "manager")
    list_filter = ("site", "department", "category")
    search_fields = ("employee_number", "last_name", "first_name", "work_email")
    list_select_related = ("site", "department", "manager")
    autocomplete_fields = ("manager", "user")
    date_hierarchy = "hire_date"


@admin.register(TalentDeveloper)
class TalentDeveloperAdmin(SimpleHistoryAdmin):
    list_display = ("employee", "trained_on", "active")
    list_filter = ("active",)
    search_fields = ("employee__last_name", "employee__first_name")
    autocomplete_fields = ("employee",)
    list_select_related = ("employee",)
