from django.contrib import admin

from hr.onboarding.models import OnboardingStep, Referent


@admin.register(OnboardingStep)
class OnboardingStepAdmin(admin.ModelAdmin):
    list_display = ("label", "owner", "position", "active")
    list_filter = ("owner", "active")


@admin.register(Referent)
class ReferentAdmin(admin.ModelAdmin):
    list_display = ("topic", "employee", "note")
    list_filter = ("topic",)
    raw_id_fields = ("employee",)
