#!/usr/bin/env bash
# Extraction quality floor, checked in CI: extracts the claims of the sample
# articles in data/articles and scores them against the hand-written gold
# beside them (docs/extraction-gold.md). Fails when precision or recall fall
# below the floors (set slightly below the figures in docs/extraction.md).
#   extraction_gold_floor.sh CLAIMGRAPH GOLD_EVAL SOURCE_DIR OUT_DIR
set -euo pipefail
claimgraph=$1 gold_eval=$2 src=$3 out=$4
mkdir -p "$out"
"$claimgraph" extract "$src/data/articles" > "$out/extracted.jsonl" 2> "$out/extract.log"
"$gold_eval" --gold "$src/data/articles" --system "$out/extracted.jsonl" \
  --min-precision 0.78 --min-recall 0.61 \
  --min-strict-precision 0.64 --min-strict-recall 0.50
