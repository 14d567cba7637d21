#!/usr/bin/python3
"""A loopback HTTP(S) server for Cowherd's URL tests: serves files from a directory with byte
ranges, and injects faults chosen by the query string:

  ?fault=truncate     Content-Length of the whole file, the body cut in half, every time
  ?fault=drop-once    the first response is cut in half; later (Range) requests succeed
  ?fault=no-ranges    Range is ignored (200 with everything)
  ?fault=drop-once-no-ranges  both
  ?fault=404|500      that status with a short text body
  ?fault=html         200 text/html with a login page
  ?fault=html-octet   200 application/octet-stream whose body is an HTML page
  ?fault=slow         the body trickles (64 KiB every 50 ms)
  ?fault=redirect     302 to the same path without the fault
  ?fault=redirect-to&to=URL  302 to URL (another server)
  ?fault=hang         headers and half the body, then nothing until the client gives up
  ?fault=hang-headers the request is read and never answered
  ?fault=close        the connection is closed without an answer
  /redirect-loop      redirects to itself forever

--fault SUFFIX=FAULT (repeatable) applies FAULT to every request whose path ends with SUFFIX
(a Glance client builds its own URLs: /v2/images/ID=500, /file=hang). The path's last
component names the file served from --root, so a file named after an image id answers
GET /v2/images/ID with its JSON and a file named "file" is the image data.

Prints "PORT <n>" on stdout once it listens (port 0 picks a free one).
"""
import argparse
import http.server
import os
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root = "."
    dropped = set()
    path_faults = []
    lock = threading.Lock()

    def log_message(self, fmt, *args):
        sys.stderr.write("httpfaults: " + (fmt % args) + "\n")

    def send_text(self, status, text, content_type="text/plain"):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        fault = urllib.parse.parse_qs(url.query).get("fault", [""])[0]
        for suffix, forced in self.path_faults:
            if url.path.endswith(suffix):
                fault = forced
        if fault == "hang-headers":
            self.hang()
            return
        if fault == "close":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if url.path == "/redirect-loop":
            self.send_response(302)
            self.send_header("Location", "/redirect-loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if fault in ("404", "500"):
            self.send_text(int(fault), "no such thing\n" if fault == "404" else "internal error\n")
            return
        if fault == "html":
            self.send_text(200, "<!DOCTYPE html><html><body>Please log in</body></html>", "text/html; charset=utf-8")
            return
        if fault == "html-octet":
            self.send_text(200, "\n  <!doctype html><html><body>Not found</body></html>", "application/octet-stream")
            return
        if fault in ("redirect", "redirect-to"):
            self.send_response(302)
            target = urllib.parse.parse_qs(url.query).get("to", [url.path])[0] if fault == "redirect-to" else url.path
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        name = os.path.basename(url.path)
        path = os.path.join(self.root, name)
        if not name or not os.path.isfile(path):
            self.send_text(404, "no such file\n")
            return
        size = os.path.getsize(path)
        start, end = 0, size - 1
        status = 200
        rng = self.headers.get("Range")
        no_ranges = fault in ("no-ranges", "drop-once-no-ranges")
        if rng and not no_ranges and rng.startswith("bytes="):
            first, _, last = rng[6:].partition("-")
            start = int(first)
            end = int(last) if last else size - 1
            status = 206
        length = end - start + 1
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(length))
        if not no_ranges:
            self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, size))
        self.end_headers()
        cut = None
        if fault in ("truncate", "hang"):
            cut = length // 2
        elif fault in ("drop-once", "drop-once-no-ranges"):
            with self.lock:
                key = self.path
                if key not in self.dropped:
                    self.dropped.add(key)
                    cut = length // 2
        with open(path, "rb") as f:
            f.seek(start)
            sent = 0
            while sent < length:
                want = min(65536, length - sent)
                if cut is not None:
                    want = min(want, cut - sent)
                    if want <= 0:
                        break
                chunk = f.read(want)
                if not chunk:
                    break
                try:
                    self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return
                sent += len(chunk)
                if fault == "slow":
                    time.sleep(0.05)
        if fault == "hang":
            self.wfile.flush()
            self.hang()
            return
        if cut is not None:
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass


    def hang(self):
        # Holds the connection open, sending nothing, until the client closes it.
        self.close_connection = True
        try:
            self.connection.settimeout(None)
            while self.connection.recv(4096):
                pass
        except OSError:
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--fault", action="append", default=[], metavar="SUFFIX=FAULT")
    args = parser.parse_args()
    Handler.root = args.root
    Handler.path_faults = [tuple(f.split("=", 1)) for f in args.fault]
    server = Server(("127.0.0.1", args.port), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
