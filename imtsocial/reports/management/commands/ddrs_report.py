"""``manage.py ddrs_report --year 2020 --output chapter.pdf``: the chapter of a year,
produced synchronously by the same rendering as the editions (for operators). No edition
is recorded. Exit code 1 with a French message on failure."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from imtsocial.reports.pdf import PDF_VARIANT, chapter_pdf, refusal


class Command(BaseCommand):
    help = "Produit le chapitre ODD 8 du rapport DD&RS d'une année en PDF (PDF/A-3a)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Année du rapport, ex. 2020")
        parser.add_argument("--output", required=True, help="Fichier PDF à écrire")

    def handle(self, *args, year, output, **options):
        translation.activate("fr")
        reason = refusal(year)
        if reason:
            raise CommandError(reason)
        target = Path(output)
        directory = target.parent if str(target.parent) else Path(".")
        if target.is_dir():
            raise CommandError(
                _("« %(path)s » est un dossier : indiquez un nom de fichier PDF.")
                % {"path": output}
            )
        if not directory.is_dir() or not os.access(directory, os.W_OK):
            raise CommandError(
                _(
                    "Impossible d'écrire « %(path)s » : le dossier n'existe pas ou n'est pas "
                    "accessible en écriture."
                )
                % {"path": output}
            )
        if target.exists() and not os.access(target, os.W_OK):
            raise CommandError(
                _("Impossible d'écrire « %(path)s » : fichier protégé en écriture.")
                % {"path": output}
            )

        def progress(label, percent):
            if options["verbosity"] > 1:
                self.stdout.write(f"{percent:3d} % {label}")

        content = chapter_pdf(year, progress=progress)
        temporary = target.with_name(target.name + ".part")
        try:
            temporary.write_bytes(content)
            temporary.replace(target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise CommandError(
                _("Impossible d'écrire « %(path)s » : %(error)s.")
                % {"path": output, "error": exc.strerror}
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Chapitre %(year)s écrit dans %(path)s (%(size)s octets, %(variant)s).")
                % {"year": year, "path": output, "size": len(content), "variant": PDF_VARIANT}
            )
        )
