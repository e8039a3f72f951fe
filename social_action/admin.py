"""Admin: the reference data (schemes, budgets, rates, bands, events, grants).

Aid files are not editable here; a superuser who opens one is journaled like the
correspondent (RULES.md §6)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from social_action.models import (
    AidRequest,
    AidScheme,
    AssociationGrant,
    Event,
    IncomeBand,
    Rate,
    SchemeBudget,
    Slot,
)
from social_action.services import aid_file_opened


class SchemeBudgetInline(admin.TabularInline):
    model = SchemeBudget
    extra = 0


@admin.register(AidScheme)
class AidSchemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "category", "amount_mode", "rule", "eligible", "on_request")
    list_filter = ("category", "eligible", "on_request")
    search_fields = ("name", "code")
    inlines = [SchemeBudgetInline]


@admin.register(Rate)
class RateAdmin(admin.ModelAdmin):
    list_display = ("key", "valid_from", "valid_to", "amount", "verified", "source")
    list_filter = ("key", "verified")


@admin.register(IncomeBand)
class IncomeBandAdmin(admin.ModelAdmin):
    list_display = ("valid_from", "household", "tax_shares", "band1_max", "band2_max", "verified")
    list_filter = ("household", "verified")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "date", "registration_deadline")
    list_filter = ("kind",)


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("kind", "starts_at", "location", "cancelled")
    list_filter = ("kind", "cancelled")


@admin.register(AssociationGrant)
class AssociationGrantAdmin(SimpleHistoryAdmin):
    list_display = ("association", "year", "amount", "note")


@admin.register(AidRequest)
class AidRequestAdmin(admin.ModelAdmin):
    """Read-only, superusers only; every opened file is journaled."""

    list_display = ("__str__", "scheme", "year", "status")
    list_filter = ("status", "scheme", "year")
    list_select_related = ("scheme",)

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            aid_file_opened(request=obj, by=request.user)
        return super().change_view(request, object_id, form_url, extra_context)
