"""A local stand-in for the Hugging Face Hub, serving model folders on 127.0.0.1.

It speaks the few endpoints huggingface_hub uses to download a model (repo
info, the file tree, HEAD/GET of ``resolve`` URLs with ranges), with the same
headers and hashes the hub sends, so ``vnsum models pull`` runs its real code
against it. Faults can be injected: cut a file off mid-transfer, or serve
bytes that do not match the advertised hash.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

LFS_SUFFIXES = (".safetensors", ".bin", ".model", ".spm", ".h5", ".msgpack", ".onnx")


def _git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


@dataclass
class Repo:
    files: dict[str, bytes]
    commit: str = ""

    def __post_init__(self) -> None:
        h = hashlib.sha1()
        for name in sorted(self.files):
            h.update(name.encode() + hashlib.sha256(self.files[name]).digest())
        self.commit = h.hexdigest()

    def entry(self, name: str) -> dict:
        data = self.files[name]
        out = {"type": "file", "path": name, "size": len(data), "oid": _git_blob_sha1(data)}
        if name.endswith(LFS_SUFFIXES):
            out["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134}
        return out


@dataclass
class Mirror:
    repos: dict[str, Repo] = field(default_factory=dict)
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, Range header)
    #: filename -> number of bytes after which the connection is dropped (once)
    cut_after: dict[str, int] = field(default_factory=dict)
    #: filename -> bytes served instead of the real content (hash mismatch)
    corrupt: dict[str, bytes] = field(default_factory=dict)
    #: filename -> seconds to wait after each 16 KB sent (a slow link)
    slow: dict[str, float] = field(default_factory=dict)
    url: str = ""

    def add(self, repo_id: str, folder: Path, extra: dict[str, bytes] | None = None) -> Repo:
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        files.update(extra or {})
        self.repos[repo_id] = Repo(files)
        return self.repos[repo_id]

    def downloads(self, repo_id: str) -> list[str]:
        prefix = f"/{repo_id}/resolve/"
        return [p.split("/", 4 + repo_id.count("/"))[-1] for m, p, _ in self.requests if m == "GET" and p.startswith(prefix)]


def _handler(mirror: Mirror) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _json(self, data: object, status: int = 200) -> None:
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _not_found(self, kind: str = "RepoNotFound") -> None:
            body = json.dumps({"error": "not found"}).encode()
            self.send_response(404)
            self.send_header("X-Error-Code", kind)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _repo(self, parts: list[str]) -> tuple[str, Repo | None, list[str]]:
            for n in (2, 1):
                rid = "/".join(parts[:n])
                if rid in mirror.repos:
                    return rid, mirror.repos[rid], parts[n:]
            return "/".join(parts[:2]), None, parts[2:]

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            path = unquote(urlparse(self.path).path)
            mirror.requests.append((self.command, path, self.headers.get("Range", "")))
            parts = [p for p in path.split("/") if p]
            if parts[:2] == ["api", "models"]:
                rid, repo, rest = self._repo(parts[2:])
                if repo is None:
                    return self._not_found()
                if rest[:1] == ["tree"]:
                    return self._json([repo.entry(n) for n in sorted(repo.files)])
                siblings = []
                for n in sorted(repo.files):
                    e = repo.entry(n)
                    sib = {"rfilename": n, "size": e["size"], "blobId": e["oid"]}
                    if "lfs" in e:
                        sib["lfs"] = {"sha256": e["lfs"]["oid"], "size": e["size"], "pointerSize": 134}
                    siblings.append(sib)
                return self._json(
                    {
                        "id": rid,
                        "modelId": rid,
                        "sha": repo.commit,
                        "siblings": siblings,
                        "private": False,
                        "tags": [],
                        "downloads": 0,
                        "likes": 0,
                    }
                )
            rid, repo, rest = self._repo(parts)
            if repo is None or len(rest) < 3 or rest[0] != "resolve":
                return self._not_found()
            name = "/".join(rest[2:])
            if name not in repo.files:
                return self._not_found("EntryNotFound")
            real = repo.files[name]
            data = mirror.corrupt.get(name, real)
            entry = repo.entry(name)
            start = 0
            rng = self.headers.get("Range", "")
            if rng.startswith("bytes="):
                start = int(rng[6:].split("-")[0] or 0)
            self.send_response(206 if start else 200)
            self.send_header("X-Repo-Commit", repo.commit)
            etag = entry["lfs"]["oid"] if "lfs" in entry else entry["oid"]
            if "lfs" in entry:
                self.send_header("X-Linked-Etag", f'"{etag}"')
                self.send_header("X-Linked-Size", str(len(real)))
            self.send_header("ETag", f'"{etag}"')
            self.send_header("Content-Length", str(len(data) - start))
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            if self.command == "HEAD":
                return
            cut = mirror.cut_after.pop(name, None)
            if cut is not None:
                self.wfile.write(data[start:cut])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            delay = mirror.slow.get(name)
            if delay:
                import time

                for i in range(start, len(data), 16384):
                    self.wfile.write(data[i : i + 16384])
                    self.wfile.flush()
                    time.sleep(delay)
                return
            self.wfile.write(data[start:])

    return Handler


def serve(mirror: Mirror) -> tuple[http.server.ThreadingHTTPServer, threading.Thread]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(mirror))
    mirror.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, thread
