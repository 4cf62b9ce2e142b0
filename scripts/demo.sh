#!/usr/bin/env bash
# The main job on a fresh machine: installs what is missing, builds, loads
# the sample claims in data/claims into a new database, queries it, and
# draws a subgraph as SVG.
#
#   scripts/demo.sh [OUT_DIR]      (default: out/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out}
scripts/setup.sh
scripts/build.sh
cg="${BUILD_DIR:-build}/tools/claimgraph"
mkdir -p "$out"
db="$out/claimgraph.db"
rm -rf "$db"
"$cg" --db "$db" load data/claims/*.jsonl data/claims/*.tsv
echo "== stats"; "$cg" --db "$db" stats
echo "== agencies"; "$cg" --db "$db" entities --type AGENCY
echo "== how Peter Thiel connects to ICE"; "$cg" --db "$db" path "Peter Thiel" ICE
"$cg" --db "$db" dot ICE --depth 2 -o "$out/ice.dot"
dot -Tsvg "$out/ice.dot" -o "$out/ice.svg"
"$cg" --db "$db" export --format jsonl -o "$out/all.jsonl"
echo "== wrote $out/ice.svg (ICE, 2 hops) and $out/all.jsonl (every claim)"
