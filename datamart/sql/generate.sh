#!/usr/bin/env bash
# Regenerates the idempotent SQL Server script (datamart/sql/mart.sql) from the SqlServer migrations.
# Production applies this script (infra/hooks); CI fails when the committed copy is stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
out="${1:-datamart/sql/mart.sql}"
dotnet ef migrations script --idempotent --no-build \
  --project datamart/SharedServicesPipeline.DataMart.csproj \
  --context SqlServerMartDbContext \
  --output "$out" >/dev/null
# The script is generated on Linux; keep it byte-stable across machines.
sed -i 's/\r$//' "$out"
echo "wrote $out"
