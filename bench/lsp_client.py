#!/usr/bin/env python3
"""A minimal LSP client timing `hardock lsp` (bench/lsp.sh runs it).

Measures, on a 300-line Dockerfile and a 300-line compose file generated here:
  - start-up: process spawn to the initialize answer;
  - warm diagnostics: didChange (one incremental edit) to the publishDiagnostics of that version, one edit at a
    time (the next is sent once the previous one's diagnostics arrived), EDITS edits per file after WARM ones.
Prints a Markdown table; the raw numbers go to --json.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1

    def send(self, msg):
        self.p.stdin.write(frame(msg))
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("server closed stdout")
            line = line.strip()
            if not line:
                break
            k, _, v = line.partition(b":")
            if k.lower() == b"content-length":
                length = int(v)
        msg = json.loads(self.p.stdout.read(length))
        if "method" in msg and "id" in msg:  # a request from the server (registerCapability): answer it
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        return msg

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            m = self.read()
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri and p.get("version") == version:
                return p["diagnostics"]


def dockerfile():
    lines = []
    stage = 0
    while len(lines) < 300:
        lines += [f"FROM debian:12 AS stage{stage}", "WORKDIR /app"]
        for i in range(12):
            lines.append(f"ENV VAR_{stage}_{i}=value{i}")
        lines += ["RUN apt-get update && apt-get install -y curl \\", "    && rm -rf /var/lib/apt/lists/*",
                  "COPY . /app", f"RUN curl -fsSL https://example.com/{stage}.sh -o /tmp/x.sh && sh /tmp/x.sh",
                  "EXPOSE 8080", "USER 1000"]
        stage += 1
    return "\n".join(lines[:300]) + "\n"


def compose():
    lines = ["services:"]
    s = 0
    while len(lines) < 300:
        lines += [f"  svc{s}:", f"    image: nginx:1.27", "    ports:", f"      - \"{8000 + s}:80\"",
                  "    environment:", f"      MODE: prod{s}", "      LEVEL: info", "    volumes:",
                  "      - ./data:/data", "    cap_drop: [ALL]", "    read_only: true", "    mem_limit: 256m",
                  "    pids_limit: 100"]
        s += 1
    return "\n".join(lines[:300]) + "\n"


def cpu_ms(pid):
    """The process's user + system CPU time so far (Linux /proc), in ms: load on the machine does not inflate it."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True, help="the server command, space-separated")
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--warm", type=int, default=100)
    ap.add_argument("--json")
    a = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="hardock-lsp-bench-")
    files = {"Dockerfile": dockerfile(), "compose.yaml": compose()}
    for name, text in files.items():
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)

    t0 = time.perf_counter()
    srv = Server(a.cmd.split())
    srv.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + folder, "capabilities": {}})
    startup_ms = (time.perf_counter() - t0) * 1000
    srv.notify("initialized", {})

    results = {"startup_ms": startup_ms}
    for name, text in files.items():
        uri = "file://" + os.path.join(folder, name)
        srv.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "", "version": 1, "text": text}})
        first = srv.diagnostics(uri, 1)
        lines = text.split("\n")
        # the edit: one character typed into a value in the middle of the file, then removed, and so on
        target = 150
        while not any(k in lines[target] for k in ("ENV ", "MODE:")):
            target += 1
        col = len(lines[target])
        version = 1
        times = []
        cpu_before = None
        for i in range(a.warm + a.edits):
            if i == a.warm:
                cpu_before = cpu_ms(srv.p.pid)
            version += 1
            if i % 2 == 0:
                change = {"range": {"start": {"line": target, "character": col}, "end": {"line": target, "character": col}}, "text": "x"}
            else:
                change = {"range": {"start": {"line": target, "character": col}, "end": {"line": target, "character": col + 1}}, "text": ""}
            t = time.perf_counter()
            srv.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            srv.diagnostics(uri, version)
            if i >= a.warm:
                times.append((time.perf_counter() - t) * 1000)
        cpu = (cpu_ms(srv.p.pid) - cpu_before) / max(1, len(times)) if cpu_before is not None else float("nan")
        results[name] = {"diagnostics": len(first), "median_ms": statistics.median(times), "p95_ms": pct(times, 0.95),
                         "max_ms": max(times), "edits": len(times), "server_cpu_ms_per_edit": cpu}
    srv.request("shutdown", None)
    srv.notify("exit", None)
    srv.p.wait(timeout=30)
    results["exit_code"] = srv.p.returncode

    print(f"| case | findings | median (ms) | p95 (ms) | max (ms) | server CPU per edit (ms) |")
    print(f"| --- | --- | --- | --- | --- | --- |")
    for name in files:
        r = results[name]
        print(f"| didChange -> publishDiagnostics, 300-line {name} ({r['edits']} edits) | {r['diagnostics']} | "
              f"{r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_ms']:.1f} | {r['server_cpu_ms_per_edit']:.1f} |")
    print(f"| start-up to initialize answered (this run) | | {startup_ms:.0f} | | | |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0 if results["exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
