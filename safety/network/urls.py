from django.urls import path

from safety.network import views

app_name = "prevention_network"
urlpatterns = [
    path("", views.index, name="index"),
    path("mon-site/", views.site, name="site"),
    path("nominations/nouvelle/", views.create, name="create"),
    path("nominations/<int:pk>/modifier/", views.edit, name="edit"),
    path("nominations/<int:pk>/fin/", views.end, name="end"),
    path("nominations/<int:pk>/lettre/", views.letter, name="letter"),
]
