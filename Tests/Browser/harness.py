"""Real parts for the console's browser tests: the built `patchbay` binary serving a fresh data directory, a
loopback FakeMeraki process, and headless Chromium from Debian's packages driven by Selenium. Nothing here reaches
beyond 127.0.0.1 and nothing downloads a browser."""

import http.server
import json
import os
import pathlib
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("PATCHBAY_BIN_DIR", ROOT / ".build" / "debug"))
ARTIFACTS = pathlib.Path(os.environ.get("PATCHBAY_BROWSER_ARTIFACTS", ROOT / ".build" / "browser-artifacts"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


class Lines:
    """Reads a child's output on a thread, so the test can wait for one line with a deadline."""

    def __init__(self, stream):
        self.queue = queue.Queue()
        self.seen = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream):
        for line in iter(stream.readline, ""):
            self.seen.append(line)
            self.queue.put(line)
        self.queue.put(None)

    def wait_for(self, pattern, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no line matching {pattern!r} within {timeout} s; saw: {''.join(self.seen)[-2000:]}")
            try:
                line = self.queue.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"process ended before printing {pattern!r}: {''.join(self.seen)[-2000:]}")
            match = re.search(pattern, line)
            if match:
                return match


class FakeMeraki:
    """Tests/Browser/FakeMerakiServer as a child process: one JSON line with its address, then commands on stdin."""

    def __init__(self):
        binary = BIN / "FakeMerakiServer"
        if not binary.exists():
            raise AssertionError(f"{binary}: not built; run `swift build` first")
        self.process = subprocess.Popen(
            [str(binary)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.out = Lines(self.process.stdout)
        self.info = json.loads(self.out.wait_for(r"^\{.*\}$").group(0))

    def command(self, text):
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()
        self.out.wait_for(r"^ok$")

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()


class Patchbay:
    """A fresh data directory, `patchbay init`, and `patchbay serve` on a free loopback port."""

    def __init__(self, fake):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="patchbay-console-"))
        self.data = self.folder / "data"
        self.plugins = self.folder / "plugins.yaml"
        self.plugins.write_text(
            "plugins:\n"
            f"  - path: {BIN / 'libPatchbayMeraki.so'}\n"
            "    id: meraki\n"
            "    settings:\n"
            f"      base_url: \"{fake.info['base_url']}\"\n"
            f"    allowed_hosts: [\"{fake.info['authority']}\"]\n"
            f"  - path: {self.folder / 'libmissing.so'}\n"
            "    id: missing\n"
        )
        self.env = dict(os.environ, PATCHBAY_DATA_DIR=str(self.data), PATCHBAY_PLUGINS=str(self.plugins))
        self.env.pop("PATCHBAY_TOKEN", None)
        init = subprocess.run(
            [str(BIN / "patchbay"), "init", "--owner", "ops", "--workspace", "acme", "--json"],
            env=self.env, capture_output=True, text=True, timeout=120,
        )
        if init.returncode != 0:
            raise AssertionError(f"patchbay init failed: {init.stderr}")
        self.token = json.loads(init.stdout)["token"]
        self.process = subprocess.Popen(
            [str(BIN / "patchbay"), "serve", "--port", "0"],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.log = Lines(self.process.stdout)
        port = self.log.wait_for(r"http://127\.0\.0\.1:(\d+)/v1").group(1)
        self.origin = f"http://127.0.0.1:{port}"

    def api(self, method, path, body=None, token=None, headers=None):
        """One HTTP call without a browser: (status, headers, parsed JSON or text). Redirects are not followed."""
        request = urllib.request.Request(self.origin + path, method=method)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        data = None
        if body is not None:
            data = json.dumps(body).encode() if not isinstance(body, (bytes, str)) else (body.encode() if isinstance(body, str) else body)
            request.add_header("Content-Type", "application/json")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, data=data, timeout=60) as response:
                return response.status, response.headers, decode(response.read())
        except urllib.error.HTTPError as error:
            return error.code, error.headers, decode(error.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.process.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def decode(raw):
    text = raw.decode("utf-8", "replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


class EvilSite:
    """Another origin on loopback (same host, other port: same-site, so a SameSite=Strict cookie still goes along)
    serving a page that tries to change data on the console's server with the visitor's cookie."""

    def __init__(self, target):
        page = (
            "<!doctype html><title>evil</title><body><script>"
            f"fetch('{target}/v1/workspaces', {{method: 'POST', mode: 'no-cors', credentials: 'include',"
            " headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({name: 'pwned-by-fetch'})})"
            ".finally(() => { document.getElementById('f').submit(); });"
            "</script>"
            # text/plain encodes `name=value`: together they make the JSON body {"name":"pwned-by-form="}.
            f"<form id=f method=post action='{target}/v1/workspaces' enctype='text/plain'>"
            "<input type=hidden name='{\"name\":\"pwned-by-form' value='\"}'></form>"
            "</body>"
        ).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def chromium(width=1366, height=900):
    """Headless Chromium from Debian's package, through Debian's chromedriver (never a downloaded browser)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            raise AssertionError(f"{path}: missing; run scripts/install-deps.sh (installs chromium and chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait(driver, condition, timeout=30, message=""):
    # A page that redraws detaches elements a condition just found: that is "not yet", not a failure.
    return WebDriverWait(driver, timeout, poll_frequency=0.1, ignored_exceptions=[StaleElementReferenceException]) \
        .until(condition, message)
