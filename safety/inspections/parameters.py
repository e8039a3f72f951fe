"""The window of the « à échéance proche » list, as a dated parameter kept by prevention."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

DUE_SOON_DAYS = Parameter(
    "inspections.due_soon_days",
    _("Contrôles périodiques : délai avant échéance signalé (« à échéance proche »)"),
    unit=Unit.DAYS,
    owner=Role.PREVENTION,
    help_text=_("Un équipement dont le contrôle tombe dans ce délai est signalé et rappelé."),
)
