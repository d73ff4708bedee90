"""Who may open a browser kiosk: the access token, the Origin and Host checks, and the TLS context for `serve`."""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import shlex
import ssl
from pathlib import Path
from urllib.parse import urlsplit

MIN_TOKEN_LENGTH = 16
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]+")  # it goes into the tablet's URL as it is


class ServeRefused(Exception):
    """`serve` cannot start as asked; the message says why and what to do (it never holds the token)."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A fresh access token (256 random bits, safe in a URL)."""
    return secrets.token_urlsafe(32)


def read_token(path: Path) -> str:
    """The token in a file (its first line); refused when it is missing, open to others, short or not URL-safe."""
    try:
        if path.stat().st_mode & 0o077:
            raise ServeRefused(f"the token file {path} can be read by others: chmod 600 {shlex.quote(str(path))}")
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ServeRefused(f"cannot read the token file {path} ({error.__class__.__name__})") from None
    if len(token) < MIN_TOKEN_LENGTH or not TOKEN_SHAPE.fullmatch(token):
        raise ServeRefused(f"the token in {path} must be at least {MIN_TOKEN_LENGTH} letters, digits, '-' or '_' "
                           "on one line (for example the output of: python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return token


def token_matches(given: str | None, token: str | None) -> bool:
    """True when no token is needed, or the one given is the right one (compared in constant time)."""
    if token is None:
        return True
    return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def same_origin(origin: str | None, scheme: str, host: str) -> bool:
    """True when a websocket's Origin header is this server's own page (scheme, host and port)."""
    return origin is not None and origin.lower() == f"{scheme}://{host}".lower()


def loopback_name(host_header: str) -> bool:
    """True when the Host a browser asked for is this machine by a loopback name (not a rebound web site's name)."""
    try:
        name = urlsplit(f"http://{host_header}").hostname
    except ValueError:
        return False
    return name is not None and is_loopback(name)


def tls_context(certfile: Path, keyfile: Path) -> ssl.SSLContext:
    """A server TLS context (TLS 1.2 or newer) from a certificate and its key; refused when they do not load."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(certfile, keyfile)
    except (OSError, ssl.SSLError) as error:
        raise ServeRefused(f"cannot use the certificate {certfile} with the key {keyfile} ({error.__class__.__name__})") from None
    return context
