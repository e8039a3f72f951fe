from django.contrib import messages
from django.utils.translation import gettext as _

from imtsocial.outbox.services import request_notes


class OutboxNoticeMiddleware:
    """Tells the person when what they did is saved but its e-mail or document waits
    for the task service (the broker was unavailable during their request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        notes = {"deferred": False}
        token = request_notes.set(notes)
        try:
            response = self.get_response(request)
            if notes["deferred"] and hasattr(request, "_messages"):
                messages.warning(
                    request,
                    _(
                        "Votre action est enregistrée. Le service d'envoi est momentanément "
                        "indisponible : les e-mails et documents qui la suivent partiront dès "
                        "son retour, sans rien à refaire de votre part."
                    ),
                )
            return response
        finally:
            request_notes.reset(token)
