from django.apps import AppConfig


class ImtsocialConfig(AppConfig):
    name = "imtsocial"
    verbose_name = "imtsocial"
