"""The OAuth2 adapter and views of the provider (see the package's docstring)."""

import hmac

import jwt
import requests
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404

# Signatures by the provider's public keys only (never "none", never a shared secret).
ASYMMETRIC_ALGORITHMS = {
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
}  # fmt: skip


class OIDCAdapter(OpenIDConnectOAuth2Adapter):
    # allauth's state of this sign-in (with the nonce), set by the callback view.
    state: dict | None = None

    def complete_login(self, request, app, token, **kwargs):
        """The ID token is required, signed by the provider and carries the nonce of this
        sign-in; the userinfo (JSON or signed JWT) must be about the same ``sub``."""
        id_token_str = kwargs["response"].get("id_token")
        if not id_token_str:
            raise OAuth2Error("The token response has no id_token.")
        id_token = self._decode_id_token(app, id_token_str)
        expected_nonce = (self.state or {}).get("nonce") or ""
        received_nonce = id_token.get("nonce")
        if (
            not expected_nonce
            or not isinstance(received_nonce, str)
            or not hmac.compare_digest(received_nonce, expected_nonce)
        ):
            raise OAuth2Error("The ID token's nonce is not the one of this sign-in.")
        data = {"id_token": id_token}
        if app.settings.get("fetch_userinfo", True):
            userinfo = self._fetch_user_info(token.token)
            if userinfo.get("sub") != id_token.get("sub"):
                raise OAuth2Error("The userinfo is not about the ID token's subject.")
            data["userinfo"] = userinfo
        return self.get_provider().sociallogin_from_response(request, data)

    def _decode_id_token(self, app, id_token):
        """Signature always checked (allauth skips it when the token came straight from
        the token endpoint), with issuer, audience and expiry."""
        return self._verify_jwt(
            id_token,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            replay_check=True,
        )

    def _fetch_user_info(self, access_token):
        headers = {"Authorization": f"Bearer {access_token}"}
        with get_adapter().get_requests_session() as sess:
            response = sess.get(self.profile_url, headers=headers)
            response.raise_for_status()
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type == "application/jwt":
            return self._decode_signed_userinfo(response.text.strip())
        try:
            return response.json()
        except ValueError as exc:
            raise OAuth2Error("The userinfo is neither JSON nor a JWT.") from exc

    def _decode_signed_userinfo(self, credential):
        """A signed userinfo (OpenID Connect Core §5.3.2): signature by the provider's
        keys; ``iss`` and ``aud``, which it SHOULD carry, checked when present."""
        data = self._verify_jwt(credential, options={"verify_aud": False, "verify_iss": False})
        if "iss" in data and data["iss"] != self.openid_config["issuer"]:
            raise OAuth2Error("The signed userinfo comes from another issuer.")
        if "aud" in data:
            audience = data["aud"] if isinstance(data["aud"], list) else [data["aud"]]
            if self.get_provider().app.client_id not in audience:
                raise OAuth2Error("The signed userinfo is for another client.")
        return data

    def _verify_jwt(self, credential, *, options, issuer=None, audience=None, replay_check=False):
        try:
            alg, key = jwtkit.fetch_key(
                credential, self.openid_config["jwks_uri"], jwtkit.lookup_kid_jwk
            )
            if alg not in ASYMMETRIC_ALGORITHMS:
                raise OAuth2Error(f"Unexpected signing algorithm {alg!r}.")
            data = jwt.decode(
                credential,
                key=key,
                algorithms=[alg],
                options=options,
                issuer=issuer,
                audience=audience,
            )
        except (jwt.PyJWTError, KeyError, TypeError, ValueError, requests.RequestException) as exc:
            raise OAuth2Error(f"Invalid signed token: {exc!r}") from exc
        if replay_check:
            jwtkit.verify_jti(data)
        return data


class OIDCCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        """Hands allauth's state of this sign-in (with its nonce) to the adapter."""
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


@login_not_required
def login(request, provider_id):
    try:
        view = OAuth2LoginView.adapter_view(OIDCAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404 from exc


@login_not_required
def callback(request, provider_id):
    try:
        view = OIDCCallbackView.adapter_view(OIDCAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404 from exc
