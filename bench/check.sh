#!/usr/bin/env bash
# Measures the site check on a synthetic dossier of ARTICLES raw articles
# (copies of the seeds, with the seed dossier's entities and claims), which
# renders to about two pages per article.
#
# Builds the site once (for its size, and the check's share of a build), then
# runs `dossier check` three times and reports the median of its check stage:
# reading every page for its links, ids and title, then checking every link.
#
#   bash bench/check.sh [ARTICLES]      (default: 10000, about 20,000 pages)
#
# SCRATCH_PATH sets swift build's scratch path (default: .build).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
scratch=${SCRATCH_PATH:-.build}

swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product dossier >/dev/null
dossier=$PWD/$scratch/release/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/content/raw"
cp content/dossier.yml "$work/content/"
cp -r content/entities content/claims "$work/content/"
seeds=(content/raw/*.txt)
for ((i = 0; i < articles; i++)); do
    cp "${seeds[i % ${#seeds[@]}]}" "$work/content/raw/$(printf '%05d' "$i").txt"
done

"$dossier" build --root "$work" --timings 2>"$work/timings" >/dev/null
build_check=$(awk '/^check:/ {print $2}' "$work/timings")
build_total=$(awk '/^[a-z ]+: [0-9]+ ms$/ {t+=$(NF-1)} END {print t}' "$work/timings")
html=$(find "$work/site" -name '*.html' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

runs=()
for _ in 1 2 3; do
    summary=$("$dossier" check --root "$work" --timings 2>"$work/timings")
    runs+=("$(awk '/^check:/ {print $2}' "$work/timings")")
done
check=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)

echo "articles: $articles   $summary   HTML: $((html / 1024 / 1024)) MiB"
echo "build: ${build_total} ms, of which check: ${build_check} ms"
echo "dossier check, check stage (median of 3): ${check} ms"
