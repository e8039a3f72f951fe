from allauth.account.forms import LoginForm as AllauthLoginForm
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
