// The system topic's subscription for new submissions: BlobCreated in incoming/ only.

param systemTopicName string

@description('Webhook of the blob extension, with its key.')
@secure()
param endpointUrl string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
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
  }
}

output name string = subscription.name
