from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from safety.models import (
    ActionItem,
    DuerpEdition,
    Hazard,
    HazardFamily,
    PreventionAdvisor,
    RatingMethod,
    RiskEntry,
    WorkUnit,
)


@admin.register(RatingMethod)
class RatingMethodAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "medium_from", "high_from"]


@admin.register(WorkUnit)
class WorkUnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "department", "site", "headcount_exposed", "active"]
    list_filter = ["site", "department", "active"]
    search_fields = ["code", "name"]
    filter_horizontal = ["agents"]


@admin.register(PreventionAdvisor)
class PreventionAdvisorAdmin(SimpleHistoryAdmin):
    list_display = ["user", "since", "active"]
    autocomplete_fields = ["user"]


@admin.register(HazardFamily)
class HazardFamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]


@admin.register(Hazard)
class HazardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "family", "active"]
    list_filter = ["family", "active"]
    search_fields = ["name"]


@admin.register(RiskEntry)
class RiskEntryAdmin(SimpleHistoryAdmin):
    list_display = ["work_unit", "hazard", "gravity", "probability", "control_level", "score"]
    list_filter = ["priority", "hazard__family"]
    list_select_related = ["work_unit", "hazard"]
    raw_id_fields = ["work_unit", "hazard", "created_by"]
    readonly_fields = ["score", "priority"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner", "due_date", "budget", "status"]
    list_filter = ["status"]
    list_select_related = ["owner"]
    raw_id_fields = ["entry", "owner"]


@admin.register(DuerpEdition)
class DuerpEditionAdmin(admin.ModelAdmin):
    """Read-only: an edition is published from the DUERP pages and never changed."""

    list_display = ["__str__", "published_at", "published_by", "entry_count", "status"]
    readonly_fields = [f.name for f in DuerpEdition._meta.fields if f.name != "snapshot"]
    exclude = ["snapshot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
