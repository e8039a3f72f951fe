from django.urls import path

from imtsocial.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.people, name="people"),
    path("<int:pk>/", views.person_roles, name="person_roles"),
]
