"""The browser kiosk's web server: textual-serve's Server with the page and websocket guarded.

- a websocket whose Origin is not this server's own page is refused (403), and on loopback a page or websocket asked
  for under a name that is not a loopback name (DNS rebinding) too;
- with an access token, the page needs `?token=...` and the websocket `/ws/<token>` (compared in constant time);
- at most `max_kiosks` tabs run a kiosk at once; the next one gets a "kiosk is busy" page (503) or, on its
  websocket, that sentence on its screen and a "try again later" close (1013);
- a malformed message from a tab is logged (never its content) and ignored: the tab's kiosk goes on;
- nothing is written outside the results folder, and no traceback (with its locals) is printed: neither the
  server's nor a kiosk's (its stderr is dropped).
"""

from __future__ import annotations

import asyncio
import logging
import ssl

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from comprehend.serve_access import is_loopback, loopback_name, same_origin, token_matches
from comprehend.serve_messages import TabMessage, parse_tab_message, terminal_size
from comprehend.serve_page import BUSY_PAGE, PAGE_NAME, offline_page, textual_serve_folder

log = logging.getLogger("comprehend.serve")
BUSY_CLOSE = 1013  # websocket close code: try again later
BUSY_TERMINAL = "\r\n  The kiosk is busy: all {count} kiosks are in use.\r\n  Please close another kiosk tab, or try again in a moment.\r\n"
PAGE_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


class KioskServer(Server):
    """Serves one locked kiosk process per browser tab, up to `max_kiosks`, to the tabs allowed in."""

    def __init__(self, command: str, host: str, port: int, *, token: str | None = None, max_kiosks: int = 8,
                 ssl_context: ssl.SSLContext | None = None, ready_message: str = ""):
        # A kiosk's stderr is dropped: a crashing Textual app prints its traceback with locals (PINs) there, and
        # textual-serve would copy it to the staff terminal. The kiosk logs its own problems to results/kiosk.log.
        super().__init__(f"{command} 2>/dev/null", host=host, port=port, title="comprehend kiosk",
                         statics_path=textual_serve_folder() / "static", templates_path=textual_serve_folder() / "templates")
        self.token = token
        self.max_kiosks = max_kiosks
        self.ssl_context = ssl_context
        self.ready_message = ready_message
        self.live_kiosks = 0

    def initialize_logging(self) -> None:
        """Plain log lines, no tracebacks with locals (textual-serve's own shows them); the caller adds the log file."""
        logging.getLogger("textual-serve").setLevel(logging.WARNING)

    async def _make_app(self) -> web.Application:
        """The page, the websocket and the static files (no download route: the kiosk delivers no files)."""
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({PAGE_NAME: offline_page()}), autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/ws/{token}", self.handle_websocket, name="websocket_token"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to print: `serve` has said where it serves before it started."""

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c or SIGTERM; with TLS when a context was given; no access log (URLs carry the token).

        `ready_message` is printed once the port listens.
        """
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signal_number in _stop_signals():
            loop.add_signal_handler(signal_number, self.request_exit)
        web.run_app(self._make_app(), host=self.host, port=self.port, ssl_context=self.ssl_context, access_log=None,
                    handle_signals=False, loop=loop, print=lambda *args: print(self.ready_message, flush=True))

    def _refusal(self, request: web.Request, token: str | None, websocket: bool) -> web.Response | None:
        """A 403 when this request may not have a kiosk, else None."""
        if is_loopback(self.host) and not loopback_name(request.host):
            return web.Response(status=403, text="This kiosk answers only on this machine's own address.\n")
        if websocket and not same_origin(request.headers.get("Origin"), request.scheme, request.host):
            return web.Response(status=403, text="This kiosk opens only from its own page.\n")
        if not token_matches(token, self.token):
            return web.Response(status=403, text="This kiosk needs the address with its access token.\n")
        return None

    def _busy(self) -> web.Response:
        return web.Response(status=503, text=BUSY_PAGE.format(count=self.max_kiosks), content_type="text/html",
                            headers=PAGE_HEADERS)

    async def _busy_tab(self, request: web.Request) -> web.WebSocketResponse:
        """A tab that came when every kiosk was taken: a sentence on its screen, then "try again later" (1013)."""
        websocket = web.WebSocketResponse()
        await websocket.prepare(request)
        await websocket.send_bytes(BUSY_TERMINAL.format(count=self.max_kiosks).encode("utf-8"))
        await websocket.close(code=BUSY_CLOSE, message=b"the kiosk is busy")
        return websocket

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page a tablet opens; its websocket address is built from the address the tablet used."""
        refusal = self._refusal(request, request.query.get("token"), websocket=False)
        if refusal is not None:
            return refusal
        if self.live_kiosks >= self.max_kiosks:
            return self._busy()
        websocket_path = "/ws" if self.token is None else f"/ws/{self.token}"
        context = {
            "font_size": min(max(_whole(request.query.get("fontsize"), 16), 6), 64),
            "app_websocket_url": f"{'wss' if request.secure else 'ws'}://{request.host}{websocket_path}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template(PAGE_NAME, request, context)
        response.headers.update(PAGE_HEADERS)
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One tab's kiosk: refused (403), told the kiosk is busy, or a kiosk process until the tab closes."""
        refusal = self._refusal(request, request.match_info.get("token"), websocket=True)
        if refusal is not None:
            return refusal
        if self.live_kiosks >= self.max_kiosks:
            return await self._busy_tab(request)
        self.live_kiosks += 1  # counted before any await, so two tabs cannot both take the last kiosk
        try:
            return await self._run_kiosk(request)
        finally:
            self.live_kiosks -= 1

    async def _run_kiosk(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = terminal_size(request.query.get("width", "80"), request.query.get("height", "24")) or (80, 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                     close=websocket.close, download_manager=self.download_manager)
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # the edge: one line in our log, never a traceback with locals
            log.error("a browser kiosk session ended on %s", error.__class__.__name__)
        finally:
            if app_service is not None:
                await app_service.stop()
                await _reap(app_service)
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """Hand each well-formed message to the tab's kiosk; ignore the rest (logged once per tab, then counted)."""
        ignored = 0
        try:
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                checked = parse_tab_message(message.data)
                if checked is not None:
                    await _hand_on(checked, websocket, app_service)
                    continue
                ignored += 1
                if ignored == 1:
                    log.warning("ignored a malformed message from a browser tab (%d characters)", len(message.data))
        finally:
            if ignored > 1:
                log.warning("that browser tab sent %d malformed messages in all, each ignored", ignored)


async def _hand_on(checked: TabMessage, websocket: web.WebSocketResponse, app_service: AppService) -> None:
    """Give one checked message to the tab's kiosk (or answer its ping)."""
    if checked.kind == "stdin":
        await app_service.send_bytes(checked.text.encode("utf-8", "replace"))
    elif checked.kind == "resize":
        await app_service.set_terminal_size(checked.width, checked.height)
    elif checked.kind == "ping":
        await websocket.send_json(["pong", checked.ping])
    elif checked.kind == "blur":
        await app_service.blur()
    elif checked.kind == "focus":
        await app_service.focus()


async def _reap(app_service: AppService, timeout: float = 10) -> None:
    """Wait for the tab's kiosk process to end (killed after `timeout`), so the cap counts processes, not tabs."""
    process = getattr(app_service, "_process", None)  # textual-serve 1.1.3 keeps it there and never waits for it
    if process is None or process.returncode is not None:
        return
    try:
        await asyncio.wait_for(process.wait(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()


def _whole(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _stop_signals() -> tuple[int, ...]:
    import signal

    return tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name))
