#!/usr/bin/env python3
"""How long a normal request takes while hostile clients hold `plenary-search serve`.

    bench/service_hostile.py BINARY DB [--port N]

Starts BINARY serve on DB (loopback), then for each scenario prints one line: the scenario and
how long a normal /api/search from 127.0.0.1 took while it lasted (hostile clients come from
127.0.0.2 and 127.0.1.x). Every wait is bounded (30 s); the whole run takes about two minutes.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

NORMAL = "/api/search?q=trafficking&limit=5"


def connect(port, source="127.0.0.1"):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def normal_request(port, wait=30.0):
    """Seconds until a whole answer to a normal search, and its status (0: none in `wait`)."""
    start = time.monotonic()
    try:
        s = connect(port)
        s.settimeout(wait)
        s.sendall(f"GET {NORMAL} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        status = int(data[9:12]) if len(data) > 12 else 0
    except OSError:
        status = 0
    return time.monotonic() - start, status


def slowloris(port, n, interval, duration):
    socks = []
    for _ in range(n):
        s = connect(port, "127.0.0.2")
        s.sendall(b"GET /api/health HTTP/1.1\r\n")
        socks.append(s)
    stop = time.monotonic() + duration

    def drip():
        while time.monotonic() < stop:
            for s in socks:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
            time.sleep(interval)

    t = threading.Thread(target=drip, daemon=True)
    t.start()
    time.sleep(0.5)
    result = normal_request(port)
    for s in socks:
        s.close()
    return result


def idle(port, n, many_addresses):
    socks = []
    for i in range(n):
        source = f"127.0.{1 + i // 250}.{1 + i % 250}" if many_addresses else "127.0.0.2"
        try:
            socks.append(connect(port, source))
        except OSError:
            pass
    time.sleep(0.3)
    result = normal_request(port)
    for s in socks:
        s.close()
    return result


def ranges(port, n):
    s = connect(port)
    s.settimeout(30)
    header = "bytes=0-" + ",0-" * (n - 1)
    s.sendall(f"GET /api/search?q=trafficking&limit=100 HTTP/1.1\r\nHost: x\r\nRange: {header}\r\n"
              "Connection: close\r\n\r\n".encode())
    size = 0
    start = time.monotonic()
    try:
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            size += len(chunk)
    except OSError:
        pass
    return time.monotonic() - start, size


def library_error(port, request):
    s = connect(port)
    s.settimeout(30)
    start = time.monotonic()
    s.sendall(request)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    head = data.split(b"\r\n\r\n")[0].decode("latin-1")
    return time.monotonic() - start, head.split("\r\n")[0], "nosniff" in head, data.split(b"\r\n\r\n", 1)[-1][:60]


def main():
    binary, db = sys.argv[1], sys.argv[2]
    port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 18431
    extra = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)] + extra,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if normal_request(port, 1)[1] == 200:
                break
            time.sleep(0.1)
        print("baseline: normal request %.3f s, status %d" % normal_request(port))
        print("8 slowloris (a line per 1 s): normal request %.3f s, status %d" % slowloris(port, 8, 1.0, 12))
        time.sleep(6)
        print("500 idle connections, one address: normal request %.3f s, status %d" % idle(port, 500, False))
        time.sleep(6)
        print("500 idle connections, 500 addresses: normal request %.3f s, status %d" % idle(port, 500, True))
        time.sleep(6)
        print("Range with 1,000 ranges on limit=100: %.3f s, %d bytes" % ranges(port, 1000))
        for name, req in [("8 KB request line", b"GET /api/search?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                          ("bad method", b"FROB / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                          ("20 KB header", b"GET / HTTP/1.1\r\nX-Big: " + b"b" * 20000 + b"\r\nConnection: close\r\n\r\n")]:
            print("%s: closed after %.3f s, %s, nosniff %s, body %r" % ((name,) + library_error(port, req)))
        print("server still running: %s" % (server.poll() is None))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
