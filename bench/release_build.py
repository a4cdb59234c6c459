"""The dossier binary the benchmark scripts run."""
import os, subprocess

def dossier_binary(repo, given=None):
    """`given` when a binary was named; otherwise a release build of the
    checkout at `repo`, built here as the README and bench/run build it
    (SCRATCH_PATH sets swift build's scratch path)."""
    if given:
        return os.path.abspath(given)
    subprocess.run([os.path.join(repo, "bench", "profile"), "--check"], check=True)
    scratch = os.environ.get("SCRATCH_PATH", ".build")
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "dossier",
                    "--scratch-path", scratch],
                   cwd=repo, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(repo, scratch, "release", "dossier")
