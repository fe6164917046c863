#!/usr/bin/env bash
# azd postprovision hook: the steps ARM cannot do.
#   1. SQL: contained user for the app's managed identity (by object id), with SELECT, INSERT,
#      UPDATE and DELETE on schema mart and nothing else.
#   2. SQL: apply the idempotent mart schema script datamart/sql/mart.sql (as the administrator:
#      the app never changes the schema).
#   3. Storage: turn on the static website ($web) that serves dashboard.html (data-plane setting),
#      and give the app's identity Storage Blob Data Contributor on $web alone (the container
#      exists only from step 3 on, so main.bicep cannot scope a role to it).
# Runs as whoever runs azd: the SQL Entra administrator (main.bicep's default), logged in to az.
# Needs az, sqlcmd (go-sqlcmd) and curl.
set -euo pipefail

hooks_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$hooks_dir/../.." && pwd)"
# shellcheck source=common.sh
source "$hooks_dir/common.sh"

require_tools az sqlcmd curl
require_env AZURE_RESOURCE_GROUP AZURE_SQL_SERVER_NAME AZURE_SQL_SERVER_FQDN AZURE_SQL_DATABASE_NAME \
  AZURE_MANAGED_IDENTITY_NAME AZURE_MANAGED_IDENTITY_PRINCIPAL_ID AZURE_STORAGE_ACCOUNT_NAME

schema_script="${MART_SQL_SCRIPT:-$repo_root/datamart/sql/mart.sql}"
if [[ ! -f "$schema_script" ]]; then
  echo "error: $schema_script not found; generate it (datamart/README) before provisioning" >&2
  exit 1
fi

# The SQL server admits Azure services only; let this machine in for the duration of the hook.
client_ip="${CLIENT_IP:-$(curl -fsS --max-time 10 https://api.ipify.org)}"
rule="azd-hook-$(printf '%s' "$client_ip" | tr '.:' '--')"
echo "Opening SQL firewall for $client_ip ($rule) while the hook runs"
az sql server firewall-rule create --resource-group "$AZURE_RESOURCE_GROUP" \
  --server "$AZURE_SQL_SERVER_NAME" --name "$rule" \
  --start-ip-address "$client_ip" --end-ip-address "$client_ip" --output none
close_firewall() {
  az sql server firewall-rule delete --resource-group "$AZURE_RESOURCE_GROUP" \
    --server "$AZURE_SQL_SERVER_NAME" --name "$rule" --output none || true
}
trap close_firewall EXIT

# Entra token of the az/azd login (no password); -b stops on the first failing batch.
run_sql() {
  sqlcmd -S "tcp:${AZURE_SQL_SERVER_FQDN},1433" -d "$AZURE_SQL_DATABASE_NAME" \
    --authentication-method ActiveDirectoryDefault -l 60 -b "$@"
}

# Retried: the firewall rule takes a moment, and a paused serverless database wakes on first login.
echo "Granting $AZURE_MANAGED_IDENTITY_NAME read and write on schema mart"
retry 6 20 run_sql -v "IdentityName=$AZURE_MANAGED_IDENTITY_NAME" \
  -v "IdentityObjectId=$AZURE_MANAGED_IDENTITY_PRINCIPAL_ID" -i "$hooks_dir/sql/grant-identity.sql"

echo "Applying $schema_script"
run_sql -i "$schema_script"

echo "Enabling the static website on $AZURE_STORAGE_ACCOUNT_NAME"
az storage blob service-properties update --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --static-website --index-document dashboard.html --404-document dashboard.html \
  --auth-mode login --output none

# Scoped to $web: the app publishes dashboard.html there and holds no other role on the website.
web_scope="$(az storage account show --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "$AZURE_STORAGE_ACCOUNT_NAME" --query id --output tsv)/blobServices/default/containers/\$web"
echo "Letting $AZURE_MANAGED_IDENTITY_NAME write the static website (\$web) only"
az role assignment create --assignee-object-id "$AZURE_MANAGED_IDENTITY_PRINCIPAL_ID" \
  --assignee-principal-type ServicePrincipal --role "Storage Blob Data Contributor" \
  --scope "$web_scope" --output none

echo "postprovision: done"
