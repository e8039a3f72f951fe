from django.urls import path

from imtsocial.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.journal, name="journal"),
    # one route per format (no argument: the format is not an object id)
    path("export.csv", views.journal_export, {"fmt": "csv"}, name="journal_export_csv"),
    path("export.xlsx", views.journal_export, {"fmt": "xlsx"}, name="journal_export_xlsx"),
]
