// The system topic's subscription for new submissions: BlobCreated in incoming/ only. An event
// Event Grid cannot deliver within its retry policy is written to the dead-letter container (with
// the topic's own identity) and the DeadLetteredCount alert (modules/alerts.bicep) fires.

param systemTopicName string

@description('Webhook of the blob extension, with its key.')
@secure()
param endpointUrl string

@description('Storage account holding the dead-letter container.')
param storageAccountName string

@description('Container undeliverable events are written to.')
param deadLetterContainerName string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'incoming-blob-created'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
        // One submission per delivery: a failing workbook is retried alone.
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      // Only the incoming container; the trailing slash keeps e.g. incoming-old out.
      subjectBeginsWith: '/blobServices/default/containers/incoming/'
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      // Event Grid's maximum: an app that is down for a day still gets every submission.
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // After that day, or at once for an error that retrying cannot fix (e.g. 404, 401), the event is kept rather
    // than dropped: the blob is still in incoming/, and the dead letter names it for a replay.
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = subscription.name
