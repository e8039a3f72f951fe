from django.contrib import admin

from safety.trainings.models import TrainingKind


@admin.register(TrainingKind)
class TrainingKindAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "family", "active")
    list_filter = ("family", "active")
