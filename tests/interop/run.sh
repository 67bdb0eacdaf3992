#!/usr/bin/env bash
# Export each test dataset in every graph format with BIN, then check the
# files with NetworkX and igraph (check_export.py). PY is a python with
# networkx and igraph installed.
# usage: tests/interop/run.sh BIN PY
set -euo pipefail
bin=$1
py=$2
here=$(dirname "$0")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
datasets=(tests/fixtures/karate tests/data/readme tests/data/tricky)
for d in graphs/korea-iccp-2005-2009; do
  [[ -f $d/actors.csv ]] && datasets+=("$d")
done
for d in "${datasets[@]}"; do
  n=$(basename "$d")
  for w in none sum; do
    for f in graphml gexf pajek edgelist; do
      "$bin" -q export "$d" --format "$f" --weight "$w" -o "$out/$n.$f"
    done
    "$py" "$here/check_export.py" "$d" --weight "$w" \
      --graphml "$out/$n.graphml" --gexf "$out/$n.gexf" \
      --pajek "$out/$n.pajek" --edgelist "$out/$n.edgelist"
  done
  # centralities as node attributes, recomputed with NetworkX
  for f in graphml gexf; do
    "$bin" -q export "$d" --format "$f" --with-metrics -o "$out/$n-m.$f"
  done
  "$py" "$here/check_export.py" "$d" --weight none --metrics \
    --graphml "$out/$n-m.graphml" --gexf "$out/$n-m.gexf"
done
