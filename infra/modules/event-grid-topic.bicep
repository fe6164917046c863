// The storage account's system topic. Its BlobCreated subscription for incoming/ is created
// after deploy (infra/eventgrid/incoming-blob-created.bicep): it needs the running app's
// blobs_extension key and Event Grid's handshake with it. The topic has its own identity so
// that the subscription can dead-letter into a container without a storage key.

param name string

@description('Region of the topic: the storage account\'s.')
param location string

param tags object

param storageAccountName string

@description('Container undeliverable events are written to (the subscription\'s dead-letter destination).')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = {
  parent: blobService
  name: deadLetterContainerName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Blob Data Contributor on the dead-letter container only: what Event Grid needs to write a dead letter
// with its own identity (shared keys are off, so a key-based destination would fail).
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, topic.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'Event Grid dead letters for incoming-blob-created'
  }
}

output name string = topic.name
output id string = topic.id
