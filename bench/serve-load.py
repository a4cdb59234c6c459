#!/usr/bin/env python3
"""Holds `dossier serve` under load on loopback and reports whether it kept up.

    python3 bench/serve-load.py [--seconds 30] [--connections 64] [--dossier BIN]

Copies the seed dossier (content/ of this checkout) into a temporary folder,
starts `dossier serve` on a free loopback port, and then:

1. sends malformed and hostile requests over raw sockets (a garbage request
   line, a header with no colon, an oversized header, traversal in several
   encodings, a NUL byte) and checks that each is refused with a 4xx status or
   a closed connection, never answered with a file from outside the site;
2. runs wrk (Debian's `wrk`, installed with apt-get when missing) for
   --seconds with --connections connections against a rotation of pages,
   assets, dossier.json and a missing page, and reads its totals: requests,
   socket errors (connect, read, write, timeout) and unexpected statuses;
3. samples the server's resident memory (VmRSS) before the load, every
   second during it, and after a second run of the same length, so that
   growth that is not a warm-up shows.

Prints a report and exits 1 when any request erred, any malformed request was
not refused, or memory after the second run exceeds memory after the first
by more than 10%. Only 127.0.0.1 is ever contacted. Uses a release build
(built here unless --dossier names one; SCRATCH_PATH sets the scratch path).
"""
import argparse, os, re, shutil, socket, subprocess, sys, tempfile, threading, time
from release_build import dossier_binary

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=int, default=30)
parser.add_argument("--connections", type=int, default=64)
parser.add_argument("--dossier", help="the dossier binary (default: a release build of this checkout)")
options = parser.parse_args()
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if shutil.which("wrk") is None:
    print("wrk is missing; installing it (apt-get install -y wrk)", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, stdout=subprocess.DEVNULL)
dossier = dossier_binary(repo, options.dossier)

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])

def raw_request(port, data, timeout=5):
    """The status code of the reply to `data`, or None when the server closed the connection without one."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        reply = b""
        try:
            while b"\r\n" not in reply:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    match = re.match(rb"HTTP/1\.[01] (\d{3})", reply)
    return (int(match.group(1)) if match else None), reply

work = tempfile.mkdtemp(prefix="dossier-serve-load-")
failures = []
server = None
try:
    shutil.copytree(os.path.join(repo, "content"), os.path.join(work, "content"))
    port = free_port()
    server = subprocess.Popen([dossier, "serve", "--root", work, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready = threading.Event()
    def read_output():
        for line in server.stdout:
            if line.startswith("built"):
                ready.set()
        ready.set()
    threading.Thread(target=read_output, daemon=True).start()
    ready.wait(120)
    if server.poll() is not None:
        sys.exit("dossier serve did not start")
    for _ in range(100):  # the listener may come up just after the first build
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)

    slugs = sorted(name[:-5] for name in os.listdir(os.path.join(work, "site", "articles")) if name != "index.html")
    ok_status, _ = raw_request(port, f"GET /articles/{slugs[0]}.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    if ok_status != 200:
        failures.append(f"a plain page request got {ok_status}")

    hostile = {
        "garbage request line": b"GARBAGE\r\n\r\n",
        "header without a colon": b"GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
        "oversized header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
        "NUL in the target": b"GET /index.html\x00.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "dot-dot": b"GET /../content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "encoded dot-dot": b"GET /%2e%2e/content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "encoded slash": b"GET /..%2fcontent%2fdossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "double-encoded dot-dot": b"GET /%252e%252e/content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "backslashes": b"GET /articles/..\\..\\content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "absolute target": b"GET http://127.0.0.1/../content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "overlong UTF-8 dot": b"GET /%c0%ae%c0%ae/content/dossier.yml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    }
    for name, data in hostile.items():
        status, reply = raw_request(port, data)
        refused = status is None or 400 <= status < 500
        leaked = b"title:" in reply
        print(f"  {name}: {status if status is not None else 'connection closed'}")
        if not refused or leaked:
            failures.append(f"{name}: answered {status}")
    if server.poll() is not None:
        failures.append("the server ended after the malformed requests")

    script = os.path.join(work, "rotate.lua")
    paths = ["/", "/articles/", f"/articles/{slugs[0]}.html", f"/articles/{slugs[-1]}.html", "/entities/",
             "/claims/", "/assets/style.css", "/assets/search.js", "/dossier.json", "/search.json", "/no-such-page.html"]
    with open(script, "w") as lua:
        lua.write("local paths = {" + ", ".join(f'"{p}"' for p in paths) + "}\n"
                  "local n = 0\n"
                  "request = function()\n  n = n + 1\n  return wrk.format(\"GET\", paths[(n % #paths) + 1])\nend\n"
                  "response = function(status, headers, body)\n"
                  "  if status ~= 200 and status ~= 404 then unexpected = (unexpected or 0) + 1 end\nend\n")

    def load(label):
        samples = []
        stop = threading.Event()
        def sample():
            while not stop.wait(1):
                samples.append(rss_kib(server.pid))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        run = subprocess.run(["wrk", "-t", "2", "-c", str(options.connections), "-d", f"{options.seconds}s",
                              "--timeout", "10s", "-s", script, f"http://127.0.0.1:{port}"],
                             capture_output=True, text=True)
        stop.set()
        sampler.join()
        out = run.stdout
        requests = int(re.search(r"(\d+) requests in", out).group(1))
        errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
        socket_errors = sum(int(x) for x in errors.groups()) if errors else 0
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        print(f"  {label}: {requests} requests ({rate}/s), {socket_errors} socket errors, "
              f"{non2xx.group(1) if non2xx else 0} non-2xx (the missing page is 1 in {len(paths)}), "
              f"memory {min(samples)}–{max(samples)} KiB")
        if socket_errors:
            failures.append(f"{label}: {socket_errors} socket errors")
        expected_missing = requests // len(paths) + 1
        if non2xx and int(non2xx.group(1)) > expected_missing + options.connections:
            failures.append(f"{label}: {non2xx.group(1)} non-2xx answers for about {expected_missing} requests of the missing page")
        return samples[-1] if samples else rss_kib(server.pid)

    print(f"dossier serve on 127.0.0.1:{port}, memory before the load: {rss_kib(server.pid)} KiB")
    first = load("first run")
    second = load("second run")
    growth = (second - first) / first
    print(f"memory after the first run {first} KiB, after the second {second} KiB ({growth:+.1%})")
    if growth > 0.10:
        failures.append(f"memory grew by {growth:.1%} between two runs of the same load")
    if server.poll() is not None:
        failures.append("the server ended under load")
finally:
    if server and server.poll() is None:
        server.terminate()
        server.wait(30)
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("no errors, every malformed request refused, no growth in memory")
