#!/usr/bin/env python3
"""Where a build's CPU goes: `perf record -g` on `dossier build` of a
synthetic dossier, from scratch, read back into three tables.

    python3 bench/hotspots.py [ARTICLES] [--runs R] [--top K] [--dossier BIN ...]

- By stage: each sample goes to the pipeline stage whose module
  (DossierLoad, DossierIngest, DossierAnalyse, DossierRender, DossierCheck,
  DossierPublish) holds the innermost of Dossier's own frames in its stack;
  what those stages call (DossierCore, the templates, cmark, the Swift
  runtime, the allocator, the kernel) counts for the stage that called it.
- By kind of code: the innermost frame alone (the code that ran): Dossier's
  own modules, reference counting (`swift_retain`, `swift_release`), the
  rest of the Swift runtime and standard library, the allocator, libc,
  libcmark, the kernel.
- Hot functions: each sample goes to the innermost frame that is Dossier's
  own, so that a function's reference counting, allocations and copies
  count as its own.

ARTICLES (default 10000) sets the size of the dossier bench/generate.py
writes, into TMPDIR (tmpfs, such as /dev/shm, leaves out most of the file
system's share). With several --dossier binaries (two builds of different
code, each with its own profile: see bench/profile), each is profiled R
times (default 2), in turns, and every table gives each binary's range of
shares side by side: the way to tell what a change of a percent or two did,
which wall time on a shared machine cannot. Without --dossier, a release
build of this checkout (`swift build -c release --static-swift-stdlib`;
SCRATCH_PATH sets the scratch path). Needs `perf` (Debian's linux-perf) and
root or a perf_event_paranoid that allows call graphs.
"""
import argparse, collections, os, re, shutil, subprocess, sys, tempfile
from release_build import dossier_binary

STAGES = ["DossierLoad", "DossierIngest", "DossierAnalyse", "DossierRender", "DossierCheck", "DossierPublish"]
# Dossier's own modules, the stages' and the ones they share.
OWN = set(STAGES) | {"DossierCore", "DossierBuild", "MustacheTemplates", "CommonMark", "dossier"}
REFERENCE_COUNTING = re.compile(r"^(swift_(retain|release|bridgeObjectRetain|bridgeObjectRelease|unknownObjectRetain|"
                                r"unknownObjectRelease|isUniquelyReferenced)|_swift_release_dealloc|swift::RefCounts)")
ALLOCATOR = re.compile(r"^(malloc|free|calloc|realloc|malloc_usable_size|posix_memalign|je_|sdallocx|mallocx|"
                       r"swift_(allocObject|deallocObject|slowAlloc|slowDealloc))")


def module_of(symbol):
    """The module that defines a Swift symbol (`$s13DossierIngest…`), or
    the module of Dossier's that extends a standard type with it
    (`$sSS13DossierRenderE…` for String, `$sSa11DossierCoreE…` for Array);
    None for other code."""
    extension = re.match(r"^\$sS[a-zA-Z](\d+)", symbol)
    if extension:
        module = symbol[extension.end():extension.end() + int(extension.group(1))]
        return module if module in OWN else None
    match = re.match(r"^\$s(\d+)", symbol)
    return symbol[match.end():match.end() + int(match.group(1))] if match else None


def read_samples(data):
    """Each sample's stack, innermost frame first, as (symbol, dso) pairs."""
    output = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso"],
                            capture_output=True, text=True, check=True).stdout
    samples, stack = [], []
    for line in output.splitlines():
        line = line.strip()
        if not line:
            if stack:
                samples.append(stack)
                stack = []
            continue
        parts = line.split(None, 1)
        rest = parts[1] if len(parts) > 1 else ""
        dso = rest[rest.rfind("(") + 1:-1] if rest.endswith(")") else ""
        symbol = rest[:rest.rfind("(")].strip() if rest.endswith(")") else rest
        symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
        stack.append((symbol, dso))
    if stack:
        samples.append(stack)
    return samples


def demangled(symbols):
    """Readable names for the Swift symbols among `symbols`."""
    swift = sorted(s for s in symbols if s.startswith("$s"))
    if not swift:
        return {}
    output = subprocess.run(["swift", "demangle", "-simplified", "-compact"], input="\n".join(swift),
                            capture_output=True, text=True, check=True).stdout.split("\n")
    return dict(zip(swift, output))


def stage(stack, modules, names):
    """The stage whose module holds the innermost of Dossier's frames."""
    module = next((module for module in modules if module in STAGES), None)
    return module.removeprefix("Dossier").lower() if module else "outside the stages (background frees, runtime, unknown frames)"


def kind(stack, modules, names):
    """What kind of code the processor was in."""
    symbol, dso = stack[0]
    if "kernel" in dso:
        return "kernel"
    if REFERENCE_COUNTING.match(symbol):
        return "reference counting"
    if ALLOCATOR.match(symbol) or "jemalloc" in dso:
        return "allocator"
    if "libcmark" in dso or symbol.startswith("cmark_"):
        return "libcmark"
    if modules[0] in OWN:
        return "Dossier's own code"
    if "libc" in dso or symbol.startswith("__mem") or symbol.startswith("__str"):
        return "libc (memmove, memcmp…)"
    return "Swift runtime and standard library, other"


def hot_function(stack, modules, names):
    """The innermost of Dossier's own functions."""
    own = next((symbol for (symbol, _), module in zip(stack, modules) if module in OWN), None)
    return names.get(own, own) if own else "(no frame of Dossier's: the kernel, the runtime alone, unknown frames)"


TABLES = [("By stage (what each stage and the code it calls cost)", stage),
          ("By kind of code (where the processor was)", kind),
          ("Hot functions (each with the runtime, allocations and copies it calls)", hot_function)]


def shares(samples, names, classify):
    """The share of `samples` in each class, in percent."""
    counts = collections.Counter(classify(stack, [module_of(symbol) for symbol, _ in stack], names) for stack in samples)
    return {key: 100 * count / len(samples) for key, count in counts.items()}


def profile(dossier, root, output):
    site = os.path.join(root, "site")
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(["perf", "record", "-F", "999", "-g", "-o", output, "--", dossier, "build", "--root", root],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(site, ignore_errors=True)
    return read_samples(output)


def print_table(title, per_binary, keys, labels):
    print(f"\n{title}")
    width = max(len(k) for k in keys) + 2
    print(" " * width + "".join(f"{label:>16}" for label in labels))
    for key in keys:
        cells = []
        for runs in per_binary:
            values = [run.get(key, 0.0) for run in runs]
            low, high = min(values), max(values)
            cells.append(f"{low:.2f}%" if abs(high - low) < 0.005 else f"{low:.2f}–{high:.2f}%")
        print(f"{key[:width - 2]:<{width}}" + "".join(f"{cell:>16}" for cell in cells))


def main():
    parser = argparse.ArgumentParser(description="Where a build's CPU goes, by stage, kind of code and function.")
    parser.add_argument("articles", type=int, nargs="?", default=10000)
    parser.add_argument("--dossier", action="append", help="a dossier binary (repeat to compare builds)")
    parser.add_argument("--runs", type=int, help="profiles of each binary, in turns (default 1, or 2 when comparing)")
    parser.add_argument("--top", type=int, default=25, help="how many hot functions to list (default 25)")
    options = parser.parse_args()
    if not shutil.which("perf"):
        sys.exit("bench/hotspots.py: perf is missing (apt-get install linux-perf)")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binaries = [os.path.abspath(b) for b in options.dossier] if options.dossier else [dossier_binary(repo)]
    runs = options.runs or (2 if len(binaries) > 1 else 1)

    work = tempfile.mkdtemp(prefix="dossier-hotspots-")
    try:
        root = os.path.join(work, "dossier")
        subprocess.run([sys.executable, os.path.join(repo, "bench", "generate.py"), str(options.articles), root],
                       check=True, stdout=subprocess.DEVNULL)
        results = [[] for _ in binaries]
        for run in range(runs):
            for index, binary in enumerate(binaries):
                samples = profile(binary, root, os.path.join(work, f"perf-{index}-{run}.data"))
                results[index].append(samples)
                print(f"{binary}: run {run + 1}, {len(samples):,} samples", file=sys.stderr)
        names = demangled({symbol for profiles in results for samples in profiles for stack in samples for symbol, _ in stack})
        if len(binaries) > 1:
            for number, binary in enumerate(binaries, 1):
                print(f"binary {number}: {binary}")
        print(f"{options.articles:,} articles, {runs} profile(s) of each binary at 999 samples a second per core")
        labels = [f"binary {number}" for number in range(1, len(binaries) + 1)] if len(binaries) > 1 else ["share"]
        for title, classify in TABLES:
            per_binary = [[shares(samples, names, classify) for samples in profiles] for profiles in results]
            combined = collections.Counter()
            for profiles in per_binary:
                for profile_shares in profiles:
                    combined.update(profile_shares)
            keys = [key for key, _ in combined.most_common(options.top if classify is hot_function else None)]
            print_table(title, per_binary, keys, labels)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
