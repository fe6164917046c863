#!/usr/bin/env bash
# Makes publishing/Councils/Data/council-boundaries.topo.json from the ONS TopoJSON (see README.md beside this file).
# Run by a developer when the boundaries change, not by the build: the output is committed.
#   tools/boundaries/trim.sh [path/to/uk-topo-2014-2025.json]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="${1:-$here/../../../shared/boundaries/uk-topo-2014-2025.json}"
out="$here/../../publishing/Councils/Data/council-boundaries.topo.json"
[ -x "$here/node_modules/.bin/mapshaper" ] || npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
# Only the council layers (ltla: districts and unitaries; utla: counties and unitaries), only the fields the product
# reads, simplified to half the vertices (Visvalingam, mapshaper's default) with every area kept; the topology
# (arcs shared by neighbours) is preserved, which the neighbour computation relies on.
"$here/node_modules/.bin/mapshaper" -i "$source" \
  -filter-fields target=ltla,utla areacd,areanm,start,end \
  -simplify 50% keep-shapes target=ltla,utla \
  -o "$out" format=topojson target=ltla,utla quantization=100000
ls -l "$out"
