"""`serve`: the kiosk in a browser (textual-serve); each tab runs its own locked kiosk process.

On this machine only (loopback) it serves plain http with no token. On any other address it carries health
information over the network, so it refuses to start without TLS (`--certfile`, `--keyfile`) and every tablet needs
the access token in its URL (from `--token-file`, or a new one printed once at start).
"""

from __future__ import annotations

import logging
import shlex
import socket
import ssl
import sys
from dataclasses import dataclass
from pathlib import Path

from comprehend.serve_access import ServeRefused, is_loopback, new_token, read_token, tls_context
from comprehend.serve_server import KioskServer
from comprehend.store.files import PRIVATE_FILE, ensure_private_dir

__all__ = ["ServeOptions", "build_server", "is_loopback", "kiosk_command", "serve"]
LOG_NAME = "serve.log"


@dataclass(frozen=True)
class ServeOptions:
    """How `serve` listens: address, port, TLS files, token file and the cap on kiosks."""

    host: str = "127.0.0.1"
    port: int = 8000
    certfile: Path | None = None
    keyfile: Path | None = None
    token_file: Path | None = None
    max_kiosks: int = 8


def kiosk_command(kiosk_args: list[str]) -> str:
    """The shell command each browser tab runs: this Python, the installed package's kiosk, the same options.

    `exec`: the shell textual-serve starts becomes the kiosk, so stopping or killing it stops the kiosk itself.
    """
    return "exec " + shlex.join([sys.executable, "-m", "comprehend", "kiosk", *kiosk_args])


def build_server(command: str, host: str, port: int, *, token: str | None = None, max_kiosks: int = 8,
                 ssl_context: ssl.SSLContext | None = None, ready_message: str = "") -> KioskServer:
    """The web server that runs `command` for each browser tab (see comprehend/serve_server.py)."""
    return KioskServer(command, host, port, token=token, max_kiosks=max_kiosks, ssl_context=ssl_context,
                       ready_message=ready_message)


def _checked(options: ServeOptions) -> tuple[str | None, ssl.SSLContext | None]:
    """The token and TLS context `serve` will use; ServeRefused when it must not start as asked."""
    if options.max_kiosks < 1:
        raise ServeRefused("--max-kiosks must be 1 or more")
    if (options.certfile is None) != (options.keyfile is None):
        raise ServeRefused("TLS needs both --certfile and --keyfile")
    if not is_loopback(options.host) and options.certfile is None:
        raise ServeRefused(f"serving on {options.host} (beyond this machine) carries health information over the "
                           "network: give a TLS certificate with --certfile CERT.pem --keyfile KEY.pem, or serve on "
                           "127.0.0.1")
    token = read_token(options.token_file) if options.token_file else None
    if token is None and not is_loopback(options.host):
        token = new_token()
    context = tls_context(options.certfile, options.keyfile) if options.certfile and options.keyfile else None
    return token, context


def _tablet_url(options: ServeOptions, token: str | None) -> str:
    """The address staff open on the tablet (a token from a file is named, not shown)."""
    scheme = "https" if options.certfile else "http"
    name = socket.gethostname() if options.host in ("0.0.0.0", "::", "") else options.host
    name = f"[{name}]" if ":" in name else name
    if token is None:
        return f"{scheme}://{name}:{options.port}/"
    shown = f"<the token in {options.token_file}>" if options.token_file else token
    return f"{scheme}://{name}:{options.port}/?token={shown}"


def _log_to(results: Path) -> None:
    """Server problems go to an owner-only log in the results folder (never a token, never a keystroke)."""
    ensure_private_dir(results)
    log_path = results / LOG_NAME
    log_path.touch(mode=PRIVATE_FILE, exist_ok=True)
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("comprehend", "textual-serve", "aiohttp"):  # aiohttp: a handler error goes here, not to the terminal
        logging.getLogger(name).addHandler(handler)
    logging.getLogger("comprehend").setLevel(logging.INFO)


def serve(options: ServeOptions, kiosk_args: list[str], results: Path) -> int:
    """Serve the kiosk until ctrl+c or SIGTERM (the server's own terminal is for staff); 2 when it must not start."""
    try:
        token, context = _checked(options)
    except ServeRefused as refused:
        print(f"comprehend: serve: {refused}", file=sys.stderr)
        return 2
    _log_to(results)
    ready = (f"comprehend: serving the kiosk (up to {options.max_kiosks} tabs at once). Open on the tablet: "
             f"{_tablet_url(options, token)}")
    if token is not None and options.token_file is None:
        ready += "\ncomprehend: this token is new at each start; use --token-file FILE to keep one."
    build_server(kiosk_command(kiosk_args), options.host, options.port, token=token, max_kiosks=options.max_kiosks,
                 ssl_context=context, ready_message=ready).serve()
    return 0
