// BlobCreated under incoming/ -> the IngestSubmission blob trigger (Event Grid source).
// Deployed by infra/hooks/postdeploy.sh, not by main.bicep: the webhook needs the app's
// blobs_extension system key, which exists only once the deployed code's host has started,
// and Event Grid validates the endpoint with a handshake that only running code answers.

@description('The storage account\'s Event Grid system topic (output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Default host name of the Function App (output AZURE_FUNCTION_APP_HOSTNAME).')
param functionAppHostName string

@description('Name of the blob-triggered function.')
param functionName string = 'IngestSubmission'

@description('Storage account of the pipeline (output AZURE_STORAGE_ACCOUNT_NAME): holds the dead-letter container.')
param storageAccountName string

@description('Container undeliverable events are written to (output AZURE_EVENTGRID_DEADLETTER_CONTAINER).')
param deadLetterContainerName string

@description('The Function App\'s blobs_extension system key: the webhook\'s only credential.')
@secure()
param blobsExtensionKey string

// The URL carries the key, so it travels on as a secure module parameter, never in the clear.
module subscription '../modules/incoming-subscription.bicep' = {
  params: {
    systemTopicName: systemTopicName
    storageAccountName: storageAccountName
    deadLetterContainerName: deadLetterContainerName
    endpointUrl: 'https://${functionAppHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
  }
}

output name string = subscription.outputs.name
