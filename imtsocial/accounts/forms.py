from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's login form (fields ``login`` and ``password``) with plain labels.

    The "forgot your password" link is moved out of the password label, where it
    broke the keyboard order (template ``account/login.html``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Adresse e-mail")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["login"].widget.attrs["autocomplete"] = "email"
        self.fields["password"].label = _("Mot de passe")
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("placeholder", None)


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Nom ou adresse e-mail"), required=False, max_length=100)


class PersonRolesForm(forms.Form):
    """The group roles of one login, one checkbox each."""

    roles = forms.MultipleChoiceField(
        label=_("Rôles"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Le rôle « Agent », celui de manager et celui de développeur de talents "
            "découlent du dossier de la personne : ils ne s'accordent pas ici."
        ),
    )

    def __init__(self, *args, target=None, by=None, **kwargs):
        from imtsocial.accounts.roles import GROUP_ROLES

        super().__init__(*args, **kwargs)
        self.target, self.by = target, by
        self.fields["roles"].choices = [(r.value, r.label) for r in GROUP_ROLES]

    def clean(self):
        data = super().clean()
        if self.target is not None and self.by is not None and self.target.pk == self.by.pk:
            raise forms.ValidationError(
                _(
                    "Vous ne pouvez pas modifier vos propres rôles : demandez-le à un "
                    "autre administrateur."
                )
            )
        return data
