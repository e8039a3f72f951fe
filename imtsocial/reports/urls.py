from django.urls import include, path

app_name = "reports"

# Editions and the report page (views.py); figures, exports and declared values
# (views_figures.py).
urlpatterns = [
    path("", include("imtsocial.reports.urls_editions")),
    path("", include("imtsocial.reports.urls_figures")),
]
