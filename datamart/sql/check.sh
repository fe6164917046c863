#!/usr/bin/env bash
# CI check: no pending model changes for either provider, and the committed SQL Server script is current.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
for context in SqliteMartDbContext SqlServerMartDbContext; do
  if ! dotnet ef migrations has-pending-model-changes --no-build \
      --project datamart/SharedServicesPipeline.DataMart.csproj --context "$context" >/tmp/ssp-ef-$context.log 2>&1; then
    cat /tmp/ssp-ef-$context.log
    echo "FAIL: the model has changes with no migration for $context. Add one: dotnet ef migrations add <Name> --project datamart --context $context --output-dir Migrations/${context%MartDbContext}" >&2
    exit 1
  fi
done
fresh="$(mktemp --suffix=.sql)"
trap 'rm -f "$fresh"' EXIT
bash datamart/sql/generate.sh "$fresh" >/dev/null
if ! diff -q "$fresh" datamart/sql/mart.sql >/dev/null; then
  diff -u datamart/sql/mart.sql "$fresh" | head -40
  echo "FAIL: datamart/sql/mart.sql is stale. Run: bash datamart/sql/generate.sh" >&2
  exit 1
fi
echo "migrations: no pending model changes (SQLite, SQL Server); datamart/sql/mart.sql is current"
