from django.urls import path

from social_action import views

app_name = "social_action"
urlpatterns = [path("", views.index, name="index")]
