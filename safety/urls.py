from django.urls import path

from safety import views

app_name = "safety"
urlpatterns = [path("", views.index, name="index")]
