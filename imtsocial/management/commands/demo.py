"""``manage.py demo``: demo data of every app, idempotent.

Refused when DJANGO_DEBUG is off unless ``--force``. Each app owns its demo
builder (``<app>/demo.py``) and registers it with ``imtsocial.demo.builders``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from imtsocial import demo


class Command(BaseCommand):
    help = "Crée les données de démonstration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Autorise l'exécution avec DJANGO_DEBUG désactivé."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refus : DJANGO_DEBUG est désactivé (production ?). Relancez avec --force "
                "si vous voulez vraiment des données de démonstration ici."
            )
        with transaction.atomic():
            demo.build()
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(
            f"Mot de passe de tous les comptes de démonstration : {demo.DEMO_PASSWORD}"
        )
        for role, *_rest in demo.DEMO_LOGINS:
            self.stdout.write(f"  {role.label:<40} {demo.demo_email(role)}")
