"""The provider class (see the package's docstring)."""

import secrets

from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
    _pick_data,
)

from .views import OIDCAdapter

NONCE_STATE_KEY = "nonce"


class OIDCProvider(OpenIDConnectProvider):
    oauth2_adapter_class = OIDCAdapter
    pkce_enabled_default = True
    # The token sign-in of allauth's headless API skips the nonce: not offered.
    supports_token_authentication = False

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        """Every authorization request carries a fresh nonce, kept in allauth's state of
        this sign-in (in the session) to be compared with the ID token's."""
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = {**auth_params, "nonce": nonce}
        kwargs[NONCE_STATE_KEY] = nonce
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)

    def extract_common_fields(self, data):
        fields = super().extract_common_fields(data)
        # ProConnect names the family name ``usual_name``.
        fields["last_name"] = fields.get("last_name") or _pick_data(data).get("usual_name")
        return fields

    def extract_email_addresses(self, data):
        """The e-mail counts as verified when the provider says so (``email_verified``
        true — allauth would take the string "false" for a yes),
        or for a provider declared as verifying every address (``OIDC_EMAIL_ALWAYS_VERIFIED``:
        ProConnect sends no ``email_verified``)."""
        addresses = super().extract_email_addresses(data)
        if self.app.settings.get("email_always_verified"):
            for address in addresses:
                address.verified = True
        else:
            for address in addresses:
                address.verified = _pick_data(data).get("email_verified") in (True, "true")
        return addresses


provider_classes = [OIDCProvider]
