from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest, TeleworkRule


@admin.register(TeleworkRule)
class TeleworkRuleAdmin(admin.ModelAdmin):
    list_display = (
        "valid_from",
        "valid_to",
        "max_days_per_week",
        "min_onsite_days_per_week",
        "daily_allowance",
        "yearly_allowance_cap",
    )


@admin.register(ExceptionalRegime)
class ExceptionalRegimeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "start", "end")


@admin.register(TeleworkRequest)
class TeleworkRequestAdmin(SimpleHistoryAdmin):
    list_display = ("employee", "start", "end", "days_per_week", "reason", "status")
    list_filter = ("status", "reason")
    list_select_related = ("employee",)
    search_fields = ("employee__last_name", "employee__employee_number")
    raw_id_fields = ("employee", "manager", "renewed_from")
    readonly_fields = ("status", "version")


class LoanInline(admin.TabularInline):
    model = Loan
    extra = 0
    fields = ("employee", "out_on", "due_on", "returned_on", "return_condition")
    raw_id_fields = ("employee",)
    show_change_link = True


@admin.register(Asset)
class AssetAdmin(SimpleHistoryAdmin):
    list_display = ("tag", "kind", "site", "state", "vpn_configured", "videoconf_configured")
    list_filter = ("kind", "state", "site")
    search_fields = ("tag", "serial")
    inlines = [LoanInline]


@admin.register(Loan)
class LoanAdmin(SimpleHistoryAdmin):
    list_display = ("asset", "employee", "out_on", "due_on", "returned_on")
    list_select_related = ("asset", "employee")
    raw_id_fields = ("asset", "employee")
