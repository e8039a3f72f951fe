from django.urls import path

from imtsocial.gdpr import views

app_name = "gdpr"
urlpatterns = [
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/json", views.my_data_json, name="my_data_json"),
    path("mes-donnees/pdf", views.my_data_pdf, name="my_data_pdf"),
    path("conservation/", views.retention, name="retention"),
]
