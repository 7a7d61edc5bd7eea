"""A small but real OpenID Connect provider for tests, served over HTTP on
loopback in a thread, so the portal's sign-in runs its real code: the
redirect, the token request, the JWKS download and signature check, the
userinfo request.

The test chooses who signs in next (``provider.sign_in_as(...)``); the
``/authorize`` endpoint then answers at once with a redirect back carrying a
code and the state, as a provider does for a user with a running session.
Knobs for the unhappy paths: ``id_token_claims`` overrides claims of the next
ID token (e.g. another audience), ``tamper_id_token`` changes the token after
signing, ``sign_with_foreign_key`` signs with a key not in the JWKS.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_ID = "test-signing-key"


@dataclass
class Grant:
    """One authorisation code and what it was issued for."""

    claims: dict
    client_id: str
    redirect_uri: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None


@dataclass
class OIDCProvider:
    client_id: str = "sotenas-portal"
    client_secret: str = "portal-secret-0123456789"
    # What the next /authorize hands out (set with sign_in_as).
    next_claims: dict | None = None
    id_token_claims: dict = field(default_factory=dict)
    tamper_id_token: bool = False
    sign_with_foreign_key: bool = False
    # Every request the provider answered, as (method, path).
    requests: list = field(default_factory=list)

    def __post_init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.foreign_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.grants: dict[str, Grant] = {}
        self.access_tokens: dict[str, dict] = {}
        self.lock = threading.Lock()
        self.server = None

    # Life cycle -----------------------------------------------------------------
    def start(self) -> "OIDCProvider":
        provider = self

        class Handler(ProviderHandler):
            pass

        Handler.provider = provider
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def reset(self) -> None:
        with self.lock:
            self.next_claims = None
            self.id_token_claims = {}
            self.tamper_id_token = False
            self.sign_with_foreign_key = False
            self.requests.clear()
            self.grants.clear()
            self.access_tokens.clear()

    @property
    def issuer(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.issuer + path

    def sign_in_as(self, sub: str, *, groups=(), **claims) -> None:
        """The next visit to /authorize signs in this user."""
        self.next_claims = {"sub": sub, "groups": list(groups), **claims}

    # Protocol ---------------------------------------------------------------------
    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.url("/authorize"),
            "token_endpoint": self.url("/token"),
            "userinfo_endpoint": self.url("/userinfo"),
            "jwks_uri": self.url("/jwks"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        }

    def jwks(self) -> dict:
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def authorize(self, params: dict) -> tuple[int, dict, str]:
        redirect_uri = params.get("redirect_uri", "")
        if params.get("client_id") != self.client_id or not redirect_uri:
            return 400, {}, "unknown client or no redirect_uri"
        back = {"state": params.get("state", "")}
        if params.get("response_type") != "code" or "openid" not in params.get("scope", "").split():
            back["error"] = "invalid_request"
        elif self.next_claims is None:
            back["error"] = "access_denied"
        else:
            code = secrets.token_urlsafe(24)
            with self.lock:
                self.grants[code] = Grant(
                    claims=dict(self.next_claims),
                    client_id=params["client_id"],
                    redirect_uri=redirect_uri,
                    nonce=params.get("nonce"),
                    code_challenge=params.get("code_challenge"),
                    code_challenge_method=params.get("code_challenge_method"),
                )
            back["code"] = code
        separator = "&" if "?" in redirect_uri else "?"
        return 302, {"Location": f"{redirect_uri}{separator}{urlencode(back)}"}, ""

    def token(self, form: dict, basic_auth: tuple[str, str] | None) -> tuple[int, dict]:
        client_id, client_secret = basic_auth or (form.get("client_id"), form.get("client_secret"))
        if client_id != self.client_id or client_secret != self.client_secret:
            return 401, {"error": "invalid_client"}
        with self.lock:
            grant = self.grants.pop(form.get("code", ""), None)  # a code works once
        if (
            form.get("grant_type") != "authorization_code"
            or grant is None
            or grant.client_id != client_id
            or grant.redirect_uri != form.get("redirect_uri")
            or not pkce_matches(grant, form.get("code_verifier"))
        ):
            return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(24)
        with self.lock:
            self.access_tokens[access_token] = grant.claims
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.id_token(grant),
        }

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": grant.claims["sub"],
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": grant.nonce,
            "email": grant.claims.get("email"),
            **self.id_token_claims,
        }
        key = self.foreign_key if self.sign_with_foreign_key else self.key
        token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})
        if self.tamper_id_token:
            header, payload, signature = token.split(".")
            changed = {**claims, "sub": "someone-else"}
            payload = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
            token = f"{header}.{payload}.{signature}"
        return token

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        scheme, _, token = authorization.partition(" ")
        claims = self.access_tokens.get(token) if scheme.lower() == "bearer" else None
        if claims is None:
            return 401, {"error": "invalid_token"}
        return 200, claims


def pkce_matches(grant: Grant, verifier: str | None) -> bool:
    if grant.code_challenge is None:
        return verifier is None
    if verifier is None or grant.code_challenge_method != "S256":
        return False
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant.code_challenge


class ProviderHandler(BaseHTTPRequestHandler):
    provider: OIDCProvider

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        self.provider.requests.append(("GET", url.path))
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            self.send_json(200, self.provider.discovery())
        elif url.path == "/jwks":
            self.send_json(200, self.provider.jwks())
        elif url.path == "/authorize":
            status, headers, body = self.provider.authorize(params)
            self.send(status, body.encode(), "text/plain; charset=utf-8", headers)
        elif url.path == "/userinfo":
            self.send_json(*self.provider.userinfo(self.headers.get("Authorization", "")))
        else:
            self.send_json(404, {"error": "not_found"})

    def do_POST(self):
        url = urlsplit(self.path)
        self.provider.requests.append(("POST", url.path))
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        if url.path != "/token":
            self.send_json(404, {"error": "not_found"})
            return
        self.send_json(*self.provider.token(form, basic_auth(self.headers.get("Authorization", ""))))

    def send_json(self, status: int, data: dict) -> None:
        self.send(status, json.dumps(data).encode(), "application/json")

    def send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def basic_auth(header: str) -> tuple[str, str] | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    client_id, _, secret = base64.b64decode(value).decode().partition(":")
    return client_id, secret
