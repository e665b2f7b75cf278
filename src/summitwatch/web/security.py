"""What keeps the web app safe by default: loopback unless a token is given, the token on every
request, a bounded request body (refused before it is read), signed double-submit CSRF tokens on
every form, and strict response headers (Content-Security-Policy without inline script or style)."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from urllib.parse import parse_qsl, urlencode

TOKEN_COOKIE = "sw_token"
CSRF_COOKIE = "sw_csrf"
CSRF_FIELD = "csrf"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-opener-policy", b"same-origin")]
# the OpenAPI page (Swagger UI) needs its own assets: served from /static, so 'self' still holds


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without a token (one line, for the CLI)."""
    if not is_loopback(host) and not token:
        raise ValueError(f"refusing to listen on {host} without a token: give --token or set SUMMITWATCH_TOKEN "
                         "(or listen on 127.0.0.1)")


# --- CSRF: a random nonce signed with the app's secret, in a cookie and in every form ---------

def new_csrf(secret: bytes) -> str:
    nonce = secrets.token_urlsafe(18)
    return f"{nonce}.{_sign(secret, nonce)}"


def _sign(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()[:32]


def csrf_valid(secret: bytes, cookie: str | None, field: str | None) -> bool:
    """The form's token equals the cookie's, and the app signed it (a token planted by another
    site in the cookie jar is not enough: it has no valid signature)."""
    if not cookie or not field or not hmac.compare_digest(cookie, field):
        return False
    nonce, _, sig = field.partition(".")
    return bool(nonce) and hmac.compare_digest(sig, _sign(secret, nonce))


# --- ASGI middleware ------------------------------------------------------------------------

def _cookie(scope, name: str) -> str | None:
    for k, v in scope.get("headers", []):
        if k == b"cookie":
            for part in v.decode("latin-1").split(";"):
                key, _, val = part.strip().partition("=")
                if key == name:
                    return val
    return None


def _header(scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")
    return None


async def _plain(send, status: int, message: str, extra: list | None = None) -> None:
    body = json.dumps({"detail": message}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": HEADERS + [(b"content-type", b"application/json; charset=utf-8"),
                                      (b"content-length", str(len(body)).encode())] + (extra or [])})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Security headers on every response; the token on every request when one is set (header
    ``Authorization: Bearer T``, or the cookie that visiting ``/?token=T`` sets); request bodies
    bounded: a declared length over the limit is refused before reading, a body that grows past it
    while streaming is cut off."""

    def __init__(self, app, token: str | None, max_body: int, max_upload: int, upload_path: str = "/upload"):
        self.app, self.token = app, token
        self.max_body, self.max_upload, self.upload_path = max_body, max_upload, upload_path

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        if self.token:
            ok, redirect = self._authorised(scope)
            if redirect:
                return await self._set_token(scope, send_with_headers)
            if not ok:
                return await _plain(send, 401, "an access token is needed: Authorization: Bearer TOKEN, "
                                               "or open /?token=TOKEN once", [(b"www-authenticate", b"Bearer")])
        limit = self.max_upload + 65536 if scope["path"] == self.upload_path else self.max_body
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await _plain(send, 413, f"the request body is larger than {limit} bytes")
        seen, started = 0, False

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, bounded_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _plain(send, 413, f"the request body is larger than {limit} bytes")

    def _authorised(self, scope) -> tuple[bool, bool]:
        """(authorised, a ?token= to turn into a cookie)."""
        token = self.token.encode()
        auth = _header(scope, b"authorization") or ""
        if auth.startswith("Bearer ") and hmac.compare_digest(auth[7:].strip().encode(), token):
            return True, False
        cookie = _cookie(scope, TOKEN_COOKIE)
        if cookie and hmac.compare_digest(cookie.encode(), token):
            return True, False
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token")
        if scope["method"] == "GET" and given and hmac.compare_digest(given.encode(), token):
            return True, True
        return False, False

    async def _set_token(self, scope, send) -> None:
        """Answer ``?token=T`` with the cookie and a redirect to the same page without it (so the
        token does not stay in the address bar or the history)."""
        query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != "token"]
        target = scope["path"] + ("?" + urlencode(query) if query else "")
        cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", target.encode()), (b"set-cookie", cookie.encode()),
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})


class BodyTooLarge(Exception):
    pass
