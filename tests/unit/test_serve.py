"""`serve` without a browser: Origin and Host checks, the cap on kiosks, malformed messages, the token, TLS, no /tmp folder.

Each tab's kiosk is replaced by a tiny program that speaks textual-serve's packet protocol and echoes what it is sent,
so the tests see exactly what reaches the kiosk.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from comprehend import cli, serve, serve_access
from tests.conftest import SMALL_BANK

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "a-long-enough-token-0123456789abcdef"
BUSY_CLOSE = 1013  # the websocket close code "try again later"

ECHO_KIOSK = r'''
import json, sys
out, inp = sys.stdout.buffer, sys.stdin.buffer
out.write(b"__GANGLION__\n"); out.flush()
while True:
    head = inp.read(5)
    if len(head) < 5:
        break
    kind, payload = head[:1], inp.read(int.from_bytes(head[1:], "big"))
    if payload == b"crash":  # what a crashing Textual app does: a traceback with its locals on stderr
        sys.stderr.write("Traceback (most recent call last):\n  pin = '4711'\n"); sys.stderr.flush()
        continue
    if kind == b"M":
        meta = json.loads(payload)
        if meta["type"] == "quit":
            break
        payload = json.dumps(meta).encode()
    out.write(b"D" + len(payload).to_bytes(4, "big") + payload); out.flush()
'''


@pytest.fixture
def echo_command(tmp_path):
    script = tmp_path / "echo_kiosk.py"
    script.write_text(ECHO_KIOSK)
    return shlex.join([sys.executable, str(script)])


async def client_for(server) -> TestClient:
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1"))
    await client.start_server()
    return client


def origin(client: TestClient) -> str:
    return f"http://{client.host}:{client.port}"


async def receive_bytes(websocket, timeout: float = 60) -> bytes:
    """The next data the kiosk sent to the tab (closing instead fails the test)."""
    while True:
        message = await asyncio.wait_for(websocket.receive(), timeout)
        if message.type == aiohttp.WSMsgType.BINARY:
            return message.data
        assert message.type == aiohttp.WSMsgType.TEXT, f"the session ended: {message.type!r}"


def test_loopback_addresses():
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("localhost") and serve.is_loopback("::1")
    assert not serve.is_loopback("0.0.0.0") and not serve.is_loopback("192.168.1.20") and not serve.is_loopback("kiosk.lan")


async def test_the_page_loads_its_font_locally(echo_command):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000))
    try:
        page = await (await client.get("/")).text()
    finally:
        await client.close()
    assert "fonts.googleapis.com" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in page


def test_each_tab_runs_the_installed_package_with_the_same_options(tmp_path):
    shell, *command = shlex.split(serve.kiosk_command(["--results", "/tmp/my results", "--bank", "small"]))
    assert shell == "exec" and command[:3] == [sys.executable, "-m", "comprehend"]  # the shell becomes the kiosk
    assert command[3:] == ["kiosk", "--results", "/tmp/my results", "--bank", "small"]
    # from a folder that is not the source tree: the command comes from the installed package (a wheel has no main.py)
    done = subprocess.run([*command[:4], "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "--idle" in done.stdout


def test_making_the_server_leaves_no_folder_in_tmp(tmp_path, monkeypatch, echo_command):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    server = serve.build_server(echo_command, "127.0.0.1", 8000)
    asyncio.run(server._make_app())
    assert list((tmp_path / "tmp").iterdir()) == []


async def test_a_cross_origin_websocket_is_refused(echo_command):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000))
    try:
        for headers in ({"Origin": "http://evil.example"}, {"Origin": f"https://{client.host}:{client.port}"}, {}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect("/ws", headers=headers)
            assert refused.value.status == 403
        websocket = await client.ws_connect("/ws", headers={"Origin": origin(client)})  # the page's own origin
        await websocket.send_json(["stdin", "hello"])
        assert await receive_bytes(websocket) == b"hello"
        await websocket.close()
    finally:
        await client.close()


async def test_on_loopback_a_page_asked_for_under_another_name_is_refused(echo_command):
    """DNS rebinding: a web site whose name points at 127.0.0.1 must not reach the kiosk from a clinic browser."""
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000))
    try:
        assert (await client.get("/", headers={"Host": f"evil.example:{client.port}"})).status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={"Host": f"evil.example:{client.port}",
                                                   "Origin": f"http://evil.example:{client.port}"})
        assert refused.value.status == 403
        assert (await client.get("/", headers={"Host": f"localhost:{client.port}"})).status == 200
    finally:
        await client.close()


MALFORMED = ["not json", "[" * 100_000 + "]" * 100_000, "9" * 5_000, "1e999999", "{}", "[]", "[5]", '"stdin"',
             '["stdin"]', '["stdin", 5]', '["stdin", {"a": 1}]', '["resize", "big"]', '["resize", {"width": "x"}]',
             '["resize", {"width": 80}]', '["ping"]', '["nothing-we-know", 1]', "\udcff".encode("utf-8", "surrogatepass")
             .decode("utf-8", "replace")]


async def test_malformed_messages_are_ignored_and_the_kiosk_goes_on(echo_command, caplog):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000))
    try:
        websocket = await client.ws_connect("/ws", headers={"Origin": origin(client)})
        for text in MALFORMED:
            await websocket.send_str(text)
        await websocket.send_bytes(b"\xff\x00 binary")
        await websocket.send_json(["stdin", "still here"])
        assert await receive_bytes(websocket) == b"still here"
        await websocket.close()
    finally:
        await client.close()
    assert "Traceback" not in caplog.text and "still here" not in caplog.text  # no keystroke is ever logged


async def test_a_flood_of_malformed_messages_is_logged_once_per_tab(echo_command, caplog):
    """A tab sending junk all day must not fill the disk with log lines."""
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000, max_kiosks=1))
    try:
        websocket = await client.ws_connect("/ws", headers={"Origin": origin(client)})
        for _ in range(1_000):
            await websocket.send_str("junk")
        await websocket.send_json(["stdin", "done"])
        assert await receive_bytes(websocket) == b"done"
        await websocket.close()
        await (await connect_when_free(client)).close()  # that tab's session is over
    finally:
        await client.close()
    lines = [record.getMessage() for record in caplog.records if record.name == "comprehend.serve"]
    assert len(lines) <= 2 and any("1000" in line for line in lines), lines


async def test_a_resize_is_kept_to_a_sane_terminal(echo_command):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000))
    try:
        websocket = await client.ws_connect("/ws?width=99999999999999&height=-3", headers={"Origin": origin(client)})
        await websocket.send_json(["resize", {"width": 10**12, "height": 0}])
        meta = json.loads(await receive_bytes(websocket))
        assert meta["type"] == "resize" and 1 <= meta["width"] <= 1000 and 1 <= meta["height"] <= 1000
        await websocket.close()
    finally:
        await client.close()


async def connect_when_free(client: TestClient, timeout: float = 60):
    """Open a tab as soon as the server has a kiosk free (each "busy" is a real round trip, bounded in time)."""
    deadline = time.monotonic() + timeout
    while True:
        websocket = await client.ws_connect("/ws", headers={"Origin": origin(client)})
        await websocket.send_json(["stdin", "free?"])
        if await receive_bytes(websocket) == b"free?":  # a kiosk echoed it
            return websocket
        await websocket.close()
        assert time.monotonic() < deadline, "no kiosk came free"


async def test_a_tab_beyond_max_kiosks_is_told_the_kiosk_is_busy(echo_command):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000, max_kiosks=2))
    try:
        tabs = [await client.ws_connect("/ws", headers={"Origin": origin(client)}) for _ in range(2)]
        for number, tab in enumerate(tabs):
            await tab.send_json(["stdin", f"tab {number}"])
            assert await receive_bytes(tab) == f"tab {number}".encode()  # both kiosks run
        extra = await client.ws_connect("/ws", headers={"Origin": origin(client)})
        assert b"kiosk is busy" in await receive_bytes(extra)  # the tab's terminal says so, in words
        closing = await asyncio.wait_for(extra.receive(), 60)
        assert closing.type == aiohttp.WSMsgType.CLOSE and extra.close_code == BUSY_CLOSE
        busy = await client.get("/")
        assert busy.status == 503 and "busy" in (await busy.text())
        await tabs[0].close()
        again = await connect_when_free(client)  # a closed tab frees its kiosk
        await again.send_json(["stdin", "again"])
        assert await receive_bytes(again) == b"again"
        for tab in (tabs[1], again):
            await tab.close()
    finally:
        await client.close()


async def test_a_crashing_kiosk_prints_no_traceback_on_the_server(echo_command, capsys, caplog):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000, max_kiosks=1))
    try:
        websocket = await client.ws_connect("/ws", headers={"Origin": origin(client)})
        await websocket.send_json(["stdin", "crash"])
        await websocket.send_json(["stdin", "after"])
        assert await receive_bytes(websocket) == b"after"  # the kiosk has written its traceback by now
        await websocket.close()
        await (await connect_when_free(client)).close()  # the crashed tab's session is over
    finally:
        await client.close()
    shown = capsys.readouterr()
    assert "4711" not in shown.out + shown.err + caplog.text and "Traceback" not in shown.out + shown.err


def test_max_kiosks_is_eight_unless_told():
    assert cli.build_parser().parse_args(["serve"]).max_kiosks == 8
    assert cli.build_parser().parse_args(["serve", "--max-kiosks", "3"]).max_kiosks == 3


async def test_with_a_token_the_page_and_the_websocket_need_it(echo_command):
    client = await client_for(serve.build_server(echo_command, "127.0.0.1", 8000, token=TOKEN))
    try:
        for path in ("/", "/?token=", "/?token=wrong", f"/?token={TOKEN}x"):
            assert (await client.get(path)).status == 403
        page = await client.get(f"/?token={TOKEN}")
        assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
        assert f'data-session-websocket-url="ws://{client.host}:{client.port}/ws/{TOKEN}"' in await page.text()
        for path in ("/ws", "/ws/wrong"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(path, headers={"Origin": origin(client)})
            assert refused.value.status == 403
        websocket = await client.ws_connect(f"/ws/{TOKEN}", headers={"Origin": origin(client)})
        await websocket.send_json(["stdin", "in"])
        assert await receive_bytes(websocket) == b"in"
        await websocket.close()
    finally:
        await client.close()


@pytest.mark.parametrize("extra", [[], ["--certfile", "cert.pem"], ["--keyfile", "key.pem"], ["--max-kiosks", "0"]])
def test_beyond_loopback_serve_refuses_to_start_without_tls(tmp_path, monkeypatch, capsys, extra):
    started = []
    monkeypatch.setattr("comprehend.serve.build_server", lambda *args, **kwargs: started.append(args))
    monkeypatch.chdir(tmp_path)
    code = cli.main(["serve", "--host", "0.0.0.0", "--results", str(tmp_path / "results"), "--bank", str(SMALL_BANK),
                     *extra])
    assert code == 2 and started == []
    assert ("--max-kiosks" if "--max-kiosks" in extra else "--certfile") in capsys.readouterr().err


def test_a_token_file_that_is_too_short_is_refused(tmp_path, monkeypatch, capsys):
    started = []
    monkeypatch.setattr("comprehend.serve.build_server", lambda *args, **kwargs: started.append(args))
    (tmp_path / "token").write_text("1234\n")
    code = cli.main(["serve", "--token-file", str(tmp_path / "token"), "--results", str(tmp_path / "results")])
    assert code == 2 and started == [] and "1234" not in capsys.readouterr().err


def test_serve_says_what_is_wrong_with_the_banks_instead_of_starting(tmp_path, monkeypatch, capsys):
    """Each tab's kiosk has no terminal to say it, so serve checks the banks the kiosks would load first."""
    started = []
    monkeypatch.setattr("comprehend.serve.build_server", lambda *args, **kwargs: started.append(args))
    (tmp_path / "questions").mkdir()
    code = cli.main(["serve", "--questions", str(tmp_path / "questions"), "--results", str(tmp_path / "results")])
    assert code == 1 and started == [] and "no valid bank" in capsys.readouterr().err


def test_a_token_file_others_can_read_is_refused(tmp_path):
    (tmp_path / "token").write_text(TOKEN + "\n")
    (tmp_path / "token").chmod(0o644)
    with pytest.raises(serve_access.ServeRefused, match="chmod 600"):
        serve_access.read_token(tmp_path / "token")
    (tmp_path / "token").chmod(0o600)
    assert serve_access.read_token(tmp_path / "token") == TOKEN


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=kiosk",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=120)
    return cert, key


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command to make a test certificate")
def test_beyond_loopback_without_a_token_file_a_new_token_is_made_and_printed_once(tmp_path, monkeypatch, capsys):
    cert, key = self_signed(tmp_path)
    servers = []
    monkeypatch.setattr("comprehend.serve_server.KioskServer.serve", lambda server: servers.append(server))
    for _ in range(2):
        assert cli.main(["serve", "--host", "0.0.0.0", "--certfile", str(cert), "--keyfile", str(key),
                         "--results", str(tmp_path / "results"), "--bank", str(SMALL_BANK)]) == 0
    first, second = (server.token for server in servers)
    assert len(first) >= 40 and first != second and servers[0].ssl_context is not None
    printed = capsys.readouterr()
    assert servers[0].ready_message.count(first) == 1 and first not in printed.out + printed.err  # only once it listens


@pytest.mark.parametrize("given, wanted, allowed", [(None, None, True), ("x", None, True), (None, TOKEN, False),
                                                    ("", TOKEN, False), (TOKEN[:-1], TOKEN, False), (TOKEN, TOKEN, True),
                                                    ("\udcff", TOKEN, False)])
def test_token_matches(given, wanted, allowed):
    assert serve_access.token_matches(given, wanted) is allowed


def test_origin_and_host_names():
    assert serve_access.same_origin("http://127.0.0.1:8000", "http", "127.0.0.1:8000")
    assert serve_access.same_origin("HTTPS://Kiosk.lan:8443", "https", "kiosk.lan:8443")
    assert not serve_access.same_origin("http://kiosk.lan:8443", "https", "kiosk.lan:8443")
    assert not serve_access.same_origin("null", "http", "127.0.0.1:8000") and not serve_access.same_origin(None, "http", "x")
    assert all(serve_access.loopback_name(host) for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:1"))
    assert not any(serve_access.loopback_name(host) for host in ("evil.example:8000", "127.0.0.1.evil.example", "[bad", ""))


def test_a_certificate_that_does_not_load_is_refused(tmp_path):
    (tmp_path / "cert.pem").write_bytes(os.urandom(300))
    with pytest.raises(serve_access.ServeRefused):
        serve_access.tls_context(tmp_path / "cert.pem", tmp_path / "missing.pem")


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command to make a test certificate")
async def test_beyond_loopback_it_serves_tls_with_the_token_and_never_logs_it(tmp_path):
    cert, key = self_signed(tmp_path)
    (tmp_path / "token").write_text(TOKEN + "\n")
    (tmp_path / "token").chmod(0o600)
    (tmp_path / "tmp").mkdir()
    results = tmp_path / "results"
    with socket_on_loopback() as probe:
        port = probe.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "comprehend", "serve", "--host", "0.0.0.0", "--port", str(port), "--certfile", str(cert),
        "--keyfile", str(key), "--token-file", str(tmp_path / "token"), "--results", str(results),
        "--bank", str(SMALL_BANK), cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output = b""
    try:
        while b"https://" not in output:  # it says where it serves once it listens
            line = await asyncio.wait_for(process.stdout.readline(), 120)
            assert line, f"serve stopped: {output.decode()}"
            output += line
        trusted = ssl.create_default_context(cafile=str(cert))
        async with aiohttp.ClientSession() as session:
            async with session.get(f"https://127.0.0.1:{port}/?token={TOKEN}", ssl=trusted) as page:
                assert page.status == 200 and f"wss://127.0.0.1:{port}/ws/{TOKEN}" in await page.text()
            async with session.get(f"https://127.0.0.1:{port}/?token=wrong", ssl=trusted) as page:
                assert page.status == 403
            here = f"https://127.0.0.1:{port}"
            with pytest.raises(aiohttp.WSServerHandshakeError):  # the page's http origin is not this https one
                await session.ws_connect(f"wss://127.0.0.1:{port}/ws/{TOKEN}", ssl=trusted,
                                         headers={"Origin": f"http://127.0.0.1:{port}"})
            kiosk = await session.ws_connect(f"wss://127.0.0.1:{port}/ws/{TOKEN}?width=80&height=24", ssl=trusted,
                                             headers={"Origin": here})
            assert await receive_bytes(kiosk, timeout=120)  # the real kiosk draws its first screen over TLS
            await kiosk.close()
            with pytest.raises(aiohttp.ClientError):  # no clear text
                async with session.get(f"http://127.0.0.1:{port}/?token={TOKEN}"):
                    pass
    finally:
        process.send_signal(signal.SIGTERM)
        rest, _ = await asyncio.wait_for(process.communicate(), 120)
        output += rest
    assert TOKEN not in output.decode(errors="replace")
    for log in results.glob("*.log"):
        assert TOKEN not in log.read_text(errors="replace")
    assert list((tmp_path / "tmp").iterdir()) == []


def socket_on_loopback():
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    return probe
