from django.urls import path

from imtsocial.audit import views

app_name = "audit"
urlpatterns = [path("", views.journal, name="journal")]
