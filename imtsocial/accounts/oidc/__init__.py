"""allauth's OpenID Connect provider, completed for the State's agent SSO (ProConnect).

Selected by ``SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]``: it keeps the
provider id ``openid_connect`` (and so its settings, URLs and URL names) and adds

- a nonce in every authorization request, checked against the ID token;
- the ID token's signature always checked against the provider's JWKS;
- a userinfo answered as a signed JWT (``application/jwt``), checked the same way, and
  whose ``sub`` must be the ID token's.
"""
