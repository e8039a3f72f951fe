"""``manage.py demo``: demo data of every app, idempotent.

Refused when DJANGO_DEBUG is off unless ``--force``. Each app owns its demo
builder (``<app>/demo.py``); later issues add theirs to ``BUILDERS``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from hr.demo import DEMO_LOGINS, DEMO_PASSWORD, demo_email

BUILDERS = ["hr.demo.build", "telework.demo.build", "safety.demo.build", "social_action.demo.build"]


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
            for path in BUILDERS:
                import_string(path)()
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"Mot de passe de tous les comptes de démonstration : {DEMO_PASSWORD}")
        for role, *_rest in DEMO_LOGINS:
            self.stdout.write(f"  {role.label:<40} {demo_email(role)}")
