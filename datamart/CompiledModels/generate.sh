#!/usr/bin/env bash
# Regenerates the SQLite mart's compiled model (dotnet ef dbcontext optimize) into datamart/CompiledModels/Sqlite,
# or into the folder given. EF Core finds it by its assembly attribute and skips building the model at start, which is
# most of what a cold `ssp` spends before its first query. CI (datamart/sql/check.sh) fails when the committed copy is
# stale: run this after any change to an entity or its configuration, then build again.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
out="$(realpath -m "${1:-datamart/CompiledModels/Sqlite}")"
rm -rf "$out"
# --nativeaot also generates the property accessors and change-tracking snapshots that EF Core would otherwise compile
# from expression trees at run time (hundreds of delegates on a cold start).
dotnet ef dbcontext optimize --no-build --nativeaot \
  --project datamart/SharedServicesPipeline.DataMart.csproj \
  --context SqliteMartDbContext \
  --output-dir "$out" \
  --namespace SharedServicesPipeline.DataMart.CompiledModels.Sqlite >/dev/null
# Generated on Linux; keep it byte-stable across machines.
sed -i 's/\r$//' "$out"/*.cs
echo "wrote $out"
