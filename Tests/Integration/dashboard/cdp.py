#!/usr/bin/env python3
"""Loads pages in a real headless Chromium through the DevTools protocol and reports what a person would
miss: uncaught exceptions, console.error and console.assert calls, and the browser's own error log (a failed
request, a blocked resource). Standard library only: the WebSocket client is the few lines below.

  cdp.py --out DIR [--settle S] load NAME=URL...         each page: load time, errors, DIR/NAME.png
  cdp.py --out DIR watch URL EXPRESSION TIMEOUT [NAME]    keep URL open until EXPRESSION is true; print seconds

Prints one line per page ("page NAME load_ms=N errors=N") and each error on its own line; exits 1 when any
page had an error or an EXPRESSION never became true.
"""
import argparse, base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class WebSocket:
    def __init__(self, url):
        assert url.startswith("ws://")
        host_port, _, path = url[5:].partition("/")
        host, _, port = host_port.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the browser closed the WebSocket handshake")
            answer += chunk
        head, _, self.buffer = answer.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("the browser closed the WebSocket")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the browser closed the WebSocket")
            if opcode in (0x1, 0x2, 0x0):
                message += payload
                if first & 0x80:
                    return json.loads(message)


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="bojagi-chromium-")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 60
        while not (os.path.exists(port_file) and len(open(port_file).read().split("\n")) >= 2):
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port, path = open(port_file).read().split("\n")[:2]
        self.ws = WebSocket(f"ws://127.0.0.1:{port}{path}")
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.time() + timeout
        while time.time() < deadline:
            answer = self.ws.receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)
        raise TimeoutError(method)

    def pump(self, seconds):
        """Collects events for a while (the page's timers keep running)."""
        self.ws.sock.settimeout(0.2)
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                self.events.append(self.ws.receive())
            except (socket.timeout, TimeoutError):
                continue
        self.ws.sock.settimeout(30)

    def open(self, url):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            self.call(domain, session=session)
        self.events = []
        start = time.time()
        self.call("Page.navigate", {"url": url}, session=session)
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            if time.time() - start > 60:
                raise TimeoutError(f"{url} did not load in 60 s")
            self.events.append(self.ws.receive())
        return session, (time.time() - start) * 1000

    def errors(self, session):
        found = []
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append("exception: " + details.get("exception", {}).get("description", details.get("text", "?")).split("\n")[0])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append("browser: " + params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
        return found

    def evaluate(self, session, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        return result.get("result", {}).get("value")

    def screenshot(self, session, path):
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=session)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", required=True)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds to keep each page open after load")
    parser.add_argument("mode", choices=["load", "watch"])
    parser.add_argument("args", nargs="+")
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    browser = Browser(options.chromium)
    failed = False
    try:
        if options.mode == "load":
            for item in options.args:
                name, _, url = item.partition("=")
                session, milliseconds = browser.open(url)
                browser.pump(options.settle)
                errors = browser.errors(session)
                browser.screenshot(session, os.path.join(options.out, name + ".png"))
                print(f"page {name} load_ms={milliseconds:.0f} errors={len(errors)}")
                for error in errors:
                    print(f"  error: {error}")
                failed |= bool(errors)
        else:
            url, expression, timeout = options.args[:3]
            name = options.args[3] if len(options.args) > 3 else "watch"
            session, _ = browser.open(url)
            start = time.time()
            value = browser.evaluate(session, expression)
            while not value and time.time() - start < float(timeout):
                browser.pump(0.5)
                value = browser.evaluate(session, expression)
            browser.screenshot(session, os.path.join(options.out, name + ".png"))
            errors = browser.errors(session)
            print(f"watch {name} seen={'yes' if value else 'no'} seconds={time.time() - start:.1f} errors={len(errors)}")
            for error in errors:
                print(f"  error: {error}")
            failed = not value or bool(errors)
    finally:
        browser.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
