from django.urls import path

from hr.onboarding import views

app_name = "onboarding"
urlpatterns = [
    path("", views.onboarding_list, name="list"),
    path("<int:pk>/", views.onboarding_detail, name="detail"),
    path("etapes/<int:pk>/faite/", views.item_done, name="item_done"),
    path("qui-fait-quoi/", views.who_does_what, name="who_does_what"),
]
