#!/usr/bin/env bash
# Installs the Debian 12 packages claimgraph needs, only those missing.
set -euo pipefail
packages=(build-essential cmake pkg-config librocksdb-dev rocksdb-tools
  libprotobuf-dev protobuf-compiler libboost-graph-dev libicu-dev
  libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  libsimdjson-dev libjemalloc-dev graphviz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi
