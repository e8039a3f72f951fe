"""safety's reference table, kept by the prevention advisor in « Référentiels »: the
rating method (one in force at a time, a new one from a date)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.forms import DateInput
from imtsocial.refdata.forms import ReferenceRowForm
from imtsocial.refdata.tables import ReferenceTable, register, register_parameters
from safety.enums import ControlLevel
from safety.models import RatingMethod
from safety.perms import is_advisor


class RatingMethodForm(ReferenceRowForm):
    """The grid as plain fields (four gravity and probability labels, three factors),
    pre-filled with the method in force."""

    class Meta:
        model = RatingMethod
        fields = [
            "valid_from",
            "valid_to",
            "code",
            "name",
            "description",
            "medium_from",
            "high_from",
            "source",
            "verified",
        ]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, table=table, **kwargs)
        current = RatingMethod.objects.order_by("-valid_from").first()
        for level in range(1, 5):
            self.fields[f"gravity_{level}"] = forms.CharField(
                label=_("Gravité %(level)s : libellé") % {"level": level}, max_length=120
            )
            self.fields[f"probability_{level}"] = forms.CharField(
                label=_("Probabilité %(level)s : libellé") % {"level": level}, max_length=120
            )
        for level, label in ControlLevel.choices:
            self.fields[f"factor_{level}"] = forms.IntegerField(
                label=_("Facteur du niveau de maîtrise « %(label)s »") % {"label": label},
                min_value=1,
                max_value=10,
            )
        if current is not None and not self.is_bound:
            for level in range(1, 5):
                self.initial[f"gravity_{level}"] = current.gravity_labels[level - 1]
                self.initial[f"probability_{level}"] = current.probability_labels[level - 1]
            for level in (1, 2, 3):
                self.initial[f"factor_{level}"] = current.control_factors.get(str(level))
            for name in ("name", "description", "medium_from", "high_from"):
                self.initial.setdefault(name, getattr(current, name))

    def clean(self):
        data = super().clean()
        medium, high = data.get("medium_from"), data.get("high_from")
        if medium is not None and high is not None and medium >= high:
            self.add_error(
                "high_from", _("Le seuil de priorité 2 doit précéder celui de priorité 1.")
            )
        return data

    def _post_clean(self):
        data = self.cleaned_data
        self.instance.gravity_labels = [data.get(f"gravity_{n}", "") for n in range(1, 5)]
        self.instance.probability_labels = [data.get(f"probability_{n}", "") for n in range(1, 5)]
        self.instance.control_factors = {str(n): data.get(f"factor_{n}") for n in (1, 2, 3)}
        super()._post_clean()


def register_tables():
    register(
        ReferenceTable(
            slug="methode-de-cotation",
            model=RatingMethod,
            owner=Role.PREVENTION,
            title=_("Méthode de cotation du DUERP"),
            fields=(
                "code",
                "name",
                "gravity_labels",
                "probability_labels",
                "control_factors",
                "medium_from",
                "high_from",
            ),
            description=_(
                "Cote = gravité × probabilité × facteur de maîtrise ; priorité 1 ou 2 à partir "
                "des seuils. Chaque risque garde la méthode avec laquelle il a été coté."
            ),
            form_class=RatingMethodForm,
            may_manage_check=is_advisor,
        )
    )
    # One page for the dated parameters of every prevention register (the registers
    # declare theirs in their ``parameters.py``: delays, windows, thresholds).
    register_parameters(
        owner=Role.PREVENTION,
        slug="parametres-prevention",
        title=_("Paramètres de la prévention"),
        description=_("Délais et seuils utilisés par les registres de prévention."),
        may_manage_check=is_advisor,
    )
