#!/usr/bin/env bash
# azd postdeploy hook: needs the deployed, running app.
#   Event Grid subscription: BlobCreated under incoming/ -> IngestSubmission's blob webhook,
#   deployed from infra/eventgrid/incoming-blob-created.bicep with the blobs_extension key.
# The dashboard is not uploaded here: the app publishes dashboard.html to $web on every refresh.
# Needs az (logged in) and curl.
set -euo pipefail

hooks_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$hooks_dir/../.." && pwd)"
# shellcheck source=common.sh
source "$hooks_dir/common.sh"

require_tools az curl
require_env AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_FUNCTION_APP_HOSTNAME \
  AZURE_INGEST_FUNCTION_NAME AZURE_EVENTGRID_SYSTEM_TOPIC_NAME AZURE_STORAGE_ACCOUNT_NAME \
  AZURE_EVENTGRID_DEADLETTER_CONTAINER

# The host creates the blobs_extension key when it first loads the Event Grid blob trigger;
# a request to the (anonymous, shallow) health endpoint starts it without waking the database.
echo "Waking https://$AZURE_FUNCTION_APP_HOSTNAME"
retry 10 15 curl -fsS --max-time 60 -o /dev/null "https://$AZURE_FUNCTION_APP_HOSTNAME/api/health"

blobs_extension_key() {
  key="$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" --query systemKeys.blobs_extension --output tsv)"
  [[ -n "$key" ]]
}
echo "Reading the blobs_extension system key"
key=""
retry 10 15 blobs_extension_key

# The key goes in a private parameters file, not on a command line others can list.
params="$(umask 077 && mktemp)"
trap 'rm -f "$params"' EXIT
printf '{"blobsExtensionKey":{"value":"%s"}}' "$key" >"$params"

echo "Subscribing $AZURE_INGEST_FUNCTION_NAME to BlobCreated in incoming/"
az deployment group create --resource-group "$AZURE_RESOURCE_GROUP" --name incoming-blob-created \
  --template-file "$repo_root/infra/eventgrid/incoming-blob-created.bicep" \
  --parameters systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
    functionAppHostName="$AZURE_FUNCTION_APP_HOSTNAME" functionName="$AZURE_INGEST_FUNCTION_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" deadLetterContainerName="$AZURE_EVENTGRID_DEADLETTER_CONTAINER" \
  --parameters "@$params" --output none

echo "postdeploy: done. Drop a workbook into the incoming container to ingest it:"
echo "  az storage blob upload --auth-mode login --account-name $AZURE_STORAGE_ACCOUNT_NAME \\"
echo "    --container-name incoming --file samples/<workbook>.xlsx --name <workbook>.xlsx"
