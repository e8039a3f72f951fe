from django.urls import path

from telework import views

app_name = "telework"
urlpatterns = [path("", views.index, name="index")]
