#!/usr/bin/env python3
"""Measures how long `dossier watch` takes from saving one article to that
article's page being rewritten on disk, in a dossier of ARTICLES raw articles
(copies of the seed articles, with the seed dossier's entities and claims).

    python3 bench/edit-to-page.py [ARTICLES] [EDITS]     (defaults: 10000 7)

Prints each edit's time and the median, and the watcher's own report of each
rebuild. Uses a release build; the first (full) build is not counted.
"""
import json, os, shutil, subprocess, sys, tempfile, threading, time

articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 7
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["swift", "build", "-c", "release", "--product", "dossier"], cwd=repo, check=True,
               stdout=subprocess.DEVNULL)
dossier = os.path.join(repo, ".build", "release", "dossier")

work = tempfile.mkdtemp(prefix="dossier-bench-")
try:
    content = os.path.join(work, "content")
    os.makedirs(os.path.join(content, "raw"))
    shutil.copy(os.path.join(repo, "content", "dossier.yml"), content)
    for folder in ("entities", "claims"):
        shutil.copytree(os.path.join(repo, "content", folder), os.path.join(content, folder))
    seeds = sorted(os.path.join(repo, "content", "raw", name) for name in os.listdir(os.path.join(repo, "content", "raw")))
    for i in range(articles):
        shutil.copy(seeds[i % len(seeds)], os.path.join(content, "raw", "%05d.txt" % i))
    bytes_total = sum(os.path.getsize(os.path.join(content, "raw", n)) for n in os.listdir(os.path.join(content, "raw")))

    watch = subprocess.Popen([dossier, "watch", "--root", work, "--timings"], stdout=subprocess.PIPE, stderr=sys.stderr if os.environ.get("TIMINGS") else subprocess.DEVNULL, text=True)
    lines = []
    first_build = threading.Event()
    def read_output():
        for line in watch.stdout:
            lines.append(line.rstrip())
            first_build.set()
    threading.Thread(target=read_output, daemon=True).start()
    started = time.monotonic()
    first_build.wait()
    print(f"{articles} articles ({bytes_total // 1024} KiB of raw text); first build: {time.monotonic() - started:.1f} s")
    print("  " + lines[0])

    edited = "raw/%05d.txt" % (articles // 2)
    data = json.load(open(os.path.join(work, "site", "dossier.json")))
    slug = next(a["slug"] for a in data["articles"] if a["source"] == edited)
    page = os.path.join(work, "site", "articles", slug + ".html")
    timings = []
    for n in range(edits):
        marker = f"Benchmark sentence number {n} was added."
        seen = len(lines)
        with open(os.path.join(content, edited), "a") as f:
            f.write(f"\n{marker}\n")
        saved = time.monotonic()
        while True:
            try:
                with open(page, encoding="utf-8") as f:
                    if marker in f.read():
                        break
            except FileNotFoundError:
                pass
            time.sleep(0.001)
        timings.append((time.monotonic() - saved) * 1000)
        while len(lines) == seen:  # let the rebuild finish before the next edit
            time.sleep(0.01)
        print(f"  edit {n + 1}: page rewritten after {timings[-1]:.0f} ms; watch: {lines[-1]}")
    watch.terminate()
    watch.wait(timeout=10)
    timings.sort()
    print(f"save → page on disk: median {timings[len(timings) // 2]:.0f} ms, min {timings[0]:.0f} ms, max {timings[-1]:.0f} ms")
finally:
    shutil.rmtree(work, ignore_errors=True)
