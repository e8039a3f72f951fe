"""``manage.py bench_dataset --employees N``: the benchmark's large organisation.

Builds the demo first when it is missing, then runs every registered dataset builder
(``imtsocial.datasets``) and prints, for each, the rows it created and its time, then
the total run time. Refused outside the embedded mode unless ``--force``; does nothing
when the dataset is already there (its logins exist).
"""

import random
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from imtsocial import datasets, memo
from imtsocial import demo as platform_demo


class Command(BaseCommand):
    help = "Construit le jeu de données du banc d'essai (une grande organisation)."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=datasets.REFERENCE_EMPLOYEES)
        parser.add_argument("--seed", type=int, default=2020)
        parser.add_argument(
            "--force", action="store_true", help="Autorise l'exécution hors du mode embarqué."
        )

    def handle(self, *args, employees, seed, force, **options):
        if not settings.EMBEDDED and not force:
            raise CommandError(
                "Refus : hors du mode embarqué (production ?). Relancez avec --force "
                "sur une base jetable."
            )
        if employees < 10:
            raise CommandError("--employees : au moins 10.")
        if datasets.is_built():
            self.stdout.write("Jeu de données déjà présent : rien n'est reconstruit.")
            return
        started = time.perf_counter()
        if not platform_demo.is_built():
            self.stdout.write("==> démonstration")
            call_command("demo", force=True, verbosity=0)
        dataset = datasets.Dataset(
            employees=employees,
            today=timezone.localdate(),
            rng=random.Random(seed),  # noqa: S311
        )
        self.stdout.write("| builder | seconds | rows |\n|---|---:|---|")
        for builder in datasets.builders:
            began = time.perf_counter()
            with transaction.atomic():
                created = builder(dataset) or {}
            rows = ", ".join(f"{label}: {count}" for label, count in created.items())
            name = builder.__module__
            self.stdout.write(f"| {name} | {time.perf_counter() - began:.1f} | {rows} |")
        memo.touch_all()  # written in bulk, without signals
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"\nTotal : {time.perf_counter() - started:.1f} s")
