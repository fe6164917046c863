// The storage account's system topic. Its BlobCreated subscription for incoming/ is created
// after deploy (infra/eventgrid/incoming-blob-created.bicep): it needs the running app's
// blobs_extension key and Event Grid's handshake with it.

param name string

@description('Region of the topic: the storage account\'s.')
param location string

param tags object

param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
