#!/usr/bin/env python3
"""A documentation site on the loopback interface, for the tests of `kb add URL` and `kb update`.

Usage: serve.py ROOT
Binds 127.0.0.1 on a port the system picks, and prints "PORT REFUSED_PORT" on one line:
REFUSED_PORT is bound but never listened on, so a connection to it is refused.
Each request is appended to ROOT/requests.log as "METHOD PATH if-none-match=… if-modified-since=…".

  /pages/NAME          ROOT/NAME with an ETag (from its bytes) and a Last-Modified (its mtime); a
                       matching If-None-Match, or an If-Modified-Since not older than the file, gets 304
  /plain/NAME          ROOT/NAME with neither header, so only the content hash tells it unchanged
  /json/NAME           ROOT/NAME as application/json
  /status/CODE         that HTTP status, with a short HTML body
  /slow/SECONDS/NAME   /plain/NAME after a pause
  /endless             text/plain with no Content-Length, never ending (the client must stop it)
  /declared/BYTES      a Content-Length of BYTES, then that many bytes of text
  /redirect/N/NAME     N redirects (to /redirect/N-1/NAME …), then /plain/NAME
Content types by extension: .md text/markdown, .html text/html, others text/plain.
"""
import email.utils
import hashlib
import os
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
TYPES = {".md": "text/markdown; charset=utf-8", ".html": "text/html; charset=utf-8"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(os.path.join(ROOT, "requests.log"), "a") as log:
            log.write(f"GET {self.path} if-none-match={self.headers.get('If-None-Match', '')} "
                      f"if-modified-since={self.headers.get('If-Modified-Since', '')}\n")
        parts = self.path.strip("/").split("/")
        try:
            if parts[0] == "pages":
                self.page(parts[1], validators=True)
            elif parts[0] == "plain":
                self.page(parts[1], validators=False)
            elif parts[0] == "json":
                with open(os.path.join(ROOT, parts[1]), "rb") as f:
                    self.send_body(200, f.read(), "application/json")
            elif parts[0] == "status":
                self.send_body(int(parts[1]), b"<html><body><h1>Status</h1></body></html>", "text/html")
            elif parts[0] == "slow":
                time.sleep(float(parts[1]))
                self.page(parts[2], validators=False)
            elif parts[0] == "endless":
                self.endless()
            elif parts[0] == "declared":
                self.send_body(200, b"x" * int(parts[1]), "text/plain")
            elif parts[0] == "redirect":
                left = int(parts[1])
                target = f"/redirect/{left - 1}/{parts[2]}" if left > 1 else f"/plain/{parts[2]}"
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send_body(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def page(self, name, validators):
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            return self.send_body(404, b"<html><body>Page not found</body></html>", "text/html")
        with open(path, "rb") as f:
            body = f.read()
        content_type = TYPES.get(os.path.splitext(name)[1], "text/plain; charset=utf-8")
        headers = {}
        if validators:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            mtime = int(os.stat(path).st_mtime)
            headers = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
            since = self.headers.get("If-Modified-Since")
            match = self.headers.get("If-None-Match")
            unchanged = match == etag if match else (since and email.utils.parsedate_to_datetime(since).timestamp() >= mtime)
            if unchanged:
                self.send_response(304)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                return
        self.send_body(200, body, content_type, headers)

    def send_body(self, status, body, content_type, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        line = b"### -1000 UNKNOWN\n" * 4096
        while True:
            self.wfile.write(line)


refused = socket.socket()
refused.bind(("127.0.0.1", 0))
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], refused.getsockname()[1], flush=True)
server.serve_forever()
