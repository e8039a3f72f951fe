"""A small but real OpenID Connect provider, on the loopback, for the SSO tests.

An ``http.server`` in a thread: discovery document, JWKS (an RSA key made by
``cryptography``), authorization endpoint (redirects back with a code), token endpoint
(client secret, PKCE, RS256 ID token carrying the nonce it received), userinfo endpoint
answering JSON or a signed JWT (``application/jwt``).

What a test may change, on the instance: ``identity`` (the claims of the person signing
in), ``userinfo_format`` ("json" or "jwt"), ``forced_nonce`` (the nonce put in the ID
token instead of the received one), ``sign_id_token_with_other_key`` and
``sign_userinfo_with_other_key`` (a forged signature under the provider's key id).
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "imtsocial-tests"
CLIENT_SECRET = "tests-client-secret"
KEY_ID = "test-key-1"


def _new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class OIDCProvider:
    def __init__(self):
        self.key = _new_key()
        self.other_key = _new_key()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.reset()

    def reset(self):
        self.identity = {}
        self.userinfo_format = "json"
        self.forced_nonce = None
        self.sign_id_token_with_other_key = False
        self.sign_userinfo_with_other_key = False
        self.codes = {}  # code -> what the authorization request asked
        self.tokens = {}  # access token -> sub

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # What the endpoints answer -----------------------------------------------------

    def discovery(self):
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "userinfo_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
        }

    def jwks(self):
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def authorize(self, query):
        """Redirect URL back to the client, with a code (the person is « signed in »)."""
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            raise ValueError("bad authorization request")
        code = secrets.token_urlsafe(16)
        self.codes[code] = query
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urlencode(back)}"

    def token(self, form):
        asked = self.codes.pop(form.get("code", ""), None)
        if (
            asked is None
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != asked["redirect_uri"]
            or not _pkce_ok(asked, form.get("code_verifier"))
        ):
            return None
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": self.identity["sub"],
            "iat": now,
            "exp": now + 60,
            "nonce": self.forced_nonce if self.forced_nonce is not None else asked.get("nonce"),
        }
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = self.identity["sub"]
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 60,
            "id_token": self._sign(
                claims, self.other_key if self.sign_id_token_with_other_key else self.key
            ),
        }

    def userinfo(self, access_token):
        """(content type, body) or None for an unknown token."""
        if self.tokens.get(access_token) != self.identity.get("sub"):
            return None
        if self.userinfo_format == "jwt":
            key = self.other_key if self.sign_userinfo_with_other_key else self.key
            claims = {**self.identity, "iss": self.issuer, "aud": CLIENT_ID}
            return "application/jwt", self._sign(claims, key).encode()
        return "application/json", json.dumps(self.identity).encode()

    def _sign(self, claims, key):
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})


def _pkce_ok(asked, verifier):
    challenge = asked.get("code_challenge")
    if not challenge:
        return True
    if not verifier or asked.get("code_challenge_method") != "S256":
        return False
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge


def _handler_for(provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status, body=b"", content_type="application/json", headers=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data, status=200):
            self._answer(status, json.dumps(data).encode())

        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                return self._json(provider.discovery())
            if url.path == "/jwks":
                return self._json(provider.jwks())
            if url.path == "/authorize":
                try:
                    location = provider.authorize(query)
                except (KeyError, ValueError):
                    return self._json({"error": "invalid_request"}, 400)
                return self._answer(302, headers={"Location": location})
            if url.path == "/userinfo":
                auth = self.headers.get("Authorization", "")
                answer = provider.userinfo(auth.removeprefix("Bearer "))
                if answer is None:
                    return self._json({"error": "invalid_token"}, 401)
                content_type, body = answer
                return self._answer(200, body, content_type)
            return self._json({"error": "not_found"}, 404)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if urlsplit(self.path).path == "/token":
                answer = provider.token(form)
                if answer is None:
                    return self._json({"error": "invalid_grant"}, 400)
                return self._json(answer)
            return self._json({"error": "not_found"}, 404)

    return Handler
