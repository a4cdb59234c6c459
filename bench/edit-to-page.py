#!/usr/bin/env python3
"""Measures how long `dossier watch` takes from saving one article to that
article's page being rewritten on disk, in a dossier of ARTICLES raw articles
(copies of the seed articles, with the seed dossier's entities and claims),
or in an existing dossier (--root, as bench/run does with a generated one).

    python3 bench/edit-to-page.py [ARTICLES] [EDITS]     (defaults: 10000 7)
    python3 bench/edit-to-page.py --root DIR [--edits EDITS] [--dossier BIN] [--result FILE]

Each edit appends a sentence to one raw article (the middle one, in sorted
order) and polls the article's page every millisecond until it holds the
sentence. Prints each edit's time and the median, and the watcher's own
report of each rebuild; with --root the raw file edited is restored at the
end. --result FILE also writes the timings (ms) as JSON. Uses a release build
(built here unless --dossier names one; SCRATCH_PATH sets swift build's
scratch path); the first (full) build is not counted.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, threading, time
from release_build import dossier_binary

parser = argparse.ArgumentParser()
parser.add_argument("articles", type=int, nargs="?", default=10000)
parser.add_argument("edits_positional", metavar="edits", type=int, nargs="?", default=7)
parser.add_argument("--root", help="an existing dossier to edit (ARTICLES is then ignored)")
parser.add_argument("--edits", type=int, help="the number of edits (overrides EDITS)")
parser.add_argument("--dossier", help="the dossier binary (default: a release build of this checkout)")
parser.add_argument("--result", help="write the timings as JSON to this file")
options = parser.parse_args()
articles = options.articles
edits = options.edits if options.edits is not None else options.edits_positional
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
dossier = dossier_binary(repo, options.dossier)

work = os.path.abspath(options.root) if options.root else tempfile.mkdtemp(prefix="dossier-bench-")
content = os.path.join(work, "content")
raw_names = sorted(os.listdir(os.path.join(content, "raw"))) if options.root else []
edited = "raw/" + raw_names[len(raw_names) // 2] if options.root else "raw/%05d.txt" % (articles // 2)
original = open(os.path.join(content, edited), "rb").read() if options.root else None
try:
    if not options.root:
        os.makedirs(os.path.join(content, "raw"))
        shutil.copy(os.path.join(repo, "content", "dossier.yml"), content)
        for folder in ("entities", "claims"):
            shutil.copytree(os.path.join(repo, "content", folder), os.path.join(content, folder))
        seeds = sorted(os.path.join(repo, "content", "raw", name)
                       for name in os.listdir(os.path.join(repo, "content", "raw")))
        for i in range(articles):
            shutil.copy(seeds[i % len(seeds)], os.path.join(content, "raw", "%05d.txt" % i))
    raw_folder = os.path.join(content, "raw")
    articles = len(os.listdir(raw_folder))
    bytes_total = sum(os.path.getsize(os.path.join(raw_folder, n)) for n in os.listdir(raw_folder))

    watch = subprocess.Popen([dossier, "watch", "--root", work, "--timings"], stdout=subprocess.PIPE,
                             stderr=sys.stderr if os.environ.get("TIMINGS") else subprocess.DEVNULL, text=True)
    lines = []
    first_build = threading.Event()
    def read_output():
        for line in watch.stdout:
            lines.append(line.rstrip())
            if line.startswith("built"):
                first_build.set()
        first_build.set()  # the watcher ended
    threading.Thread(target=read_output, daemon=True).start()
    started = time.monotonic()
    first_build.wait()
    if not any(line.startswith("built") for line in lines):
        sys.exit("dossier watch did not build the dossier:\n" + "\n".join(lines))
    print(f"{articles} articles ({bytes_total // 1024} KiB of raw text); first build: {time.monotonic() - started:.1f} s")
    print("  " + lines[-1])

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
    if options.result:
        with open(options.result, "w") as f:
            json.dump({"articles": articles, "edit": edited, "timings_ms": timings,
                       "median_ms": timings[len(timings) // 2]}, f)
finally:
    if options.root:
        with open(os.path.join(content, edited), "wb") as f:
            f.write(original)
    else:
        shutil.rmtree(work, ignore_errors=True)
