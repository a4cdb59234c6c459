#!/usr/bin/env bash
# Measures how entity matching scales with the number of entities.
#
# Builds a synthetic dossier of ARTICLES raw articles (copies of the seeds),
# first with the seed dossier's curated entities, then with EXTRA more
# entities whose names occur nowhere, and reports the analyse stage (parsing
# and matching every article) and the whole build. With one automaton for all
# names, analyse should barely change while the entities multiply.
#
#   bash bench/entities.sh [ARTICLES] [EXTRA]      (defaults: 2000 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
extra=${2:-5000}

swift build -c release --static-swift-stdlib --product dossier >/dev/null
dossier=$PWD/.build/release/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/content/raw"
cp content/dossier.yml "$work/content/"
cp -r content/entities "$work/content/"
seeds=(content/raw/*.txt)
for ((i = 0; i < articles; i++)); do
    cp "${seeds[i % ${#seeds[@]}]}" "$work/content/raw/$(printf '%05d' "$i").txt"
done
bytes=$(cat "$work"/content/raw/*.txt | wc -c)

# Prints the median of three builds' analyse and total times, in ms.
measure() {
    local runs=()
    for _ in 1 2 3; do
        rm -rf "$work/site"
        "$dossier" build --root "$work" --timings 2>"$work/timings" >/dev/null
        runs+=("$(awk '/^analyse:/ {a=$2} /^[a-z]+: [0-9]+ ms$/ {t+=$2} END {print a, t}' "$work/timings")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

curated=$(ls "$work/content/entities" | wc -l)
read -r analyse_small total_small < <(measure)

syllables=(ka lo mir tesh van dor qui zel pra nok ust rha bel gim)
for ((i = 0; i < extra; i++)); do
    a=${syllables[i % 14]}; b=${syllables[(i / 14) % 14]}; c=${syllables[(i / 196) % 14]}
    name="${a^}${b}${c} ${b^}${a}var $i"
    printf -- '---\nname: "%s"\nkind: person\naliases:\n  - "%s"\n  - "%s"\n---\n' \
        "$name" "${a^}${c}stan $i" "${c^}${b} Front $i" >"$work/content/entities/x-$i.md"
done
read -r analyse_large total_large < <(measure)

echo "articles: $articles ($((bytes / 1024)) KiB of raw text)"
echo "entities: $curated        analyse: ${analyse_small} ms   build: ${total_small} ms"
echo "entities: $((curated + extra))      analyse: ${analyse_large} ms   build: ${total_large} ms (the extra entity pages are rendered too)"
