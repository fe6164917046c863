#!/usr/bin/env bash
# CI check: no pending model changes for either provider, the committed SQL Server script is current, and so is the
# SQLite compiled model (which EF Core uses instead of building the model, so a stale one would be the mart's model).
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
model="$(mktemp -d)"
trap 'rm -rf "$fresh" "$model"' EXIT
bash datamart/sql/generate.sh "$fresh" >/dev/null
if ! diff -q "$fresh" datamart/sql/mart.sql >/dev/null; then
  diff -u datamart/sql/mart.sql "$fresh" | head -40 || true
  echo "FAIL: datamart/sql/mart.sql is stale. Run: bash datamart/sql/generate.sh" >&2
  exit 1
fi
bash datamart/CompiledModels/generate.sh "$model" >/dev/null
# Each generation draws a new model id: the one line allowed to differ.
if ! diff -rq -I 'modelId: new Guid' "$model" datamart/CompiledModels/Sqlite >/dev/null; then
  diff -ru -I 'modelId: new Guid' datamart/CompiledModels/Sqlite "$model" | head -40 || true
  echo "FAIL: the compiled model datamart/CompiledModels/Sqlite is stale. Run: bash datamart/CompiledModels/generate.sh (then build again)" >&2
  exit 1
fi
echo "migrations: no pending model changes (SQLite, SQL Server); datamart/sql/mart.sql and the compiled model are current"
