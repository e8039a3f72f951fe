"""``manage.py demo``: demo data of every app, idempotent.

Refused outside the embedded mode unless ``--force``; ``--if-missing`` keeps a demo
already built (./scripts/run on a second start). Each app owns its demo
builder (``<app>/demo.py``) and registers it with ``imtsocial.demo.builders``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from imtsocial import demo, memo


class Command(BaseCommand):
    help = "Crée les données de démonstration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Autorise l'exécution hors du mode embarqué."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Ne fait rien si la démonstration est déjà construite.",
        )

    def handle(self, *args, force=False, if_missing=False, **options):
        if not settings.EMBEDDED and not force:
            raise CommandError(
                "Refus : hors du mode embarqué (production ?). Relancez avec --force "
                "si vous voulez vraiment des données de démonstration ici."
            )
        if if_missing and demo.is_built():
            self.stdout.write(
                "Démonstration déjà présente : rien n'est reconstruit. Pour repartir de zéro : "
                "./scripts/run --reset-demo"
            )
        else:
            with transaction.atomic():
                demo.build()
            memo.touch_all()  # the builders write in bulk, without signals
            self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(
            f"Mot de passe de tous les comptes de démonstration : {demo.DEMO_PASSWORD}"
        )
        for role, *_rest in demo.DEMO_LOGINS:
            self.stdout.write(f"  {role.label:<40} {demo.demo_email(role)}")
